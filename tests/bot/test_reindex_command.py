"""``/reindex``: admins re-index the bundled corpus and the upload folder from Telegram.

End to end through the fake Bot API and a bot process of each test's own (three admins;
the upload folder is the test's to fill), plus unit tests of the failure path that a real
process cannot be made to take on demand (a locked or damaged index).

Every test starts from nothing it did not make itself, so each passes alone and in any
order.  "Answered while a re-index runs" is shown by holding the re-index inside its write
transaction (:class:`tests.index_gate.IndexGate`) until the answers are in — not by
hoping the re-index is slower than the questions.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy.exc
from telegram import Chat, Message, Update, User
from telegram.error import Forbidden

from bot.ratelimit import SlidingWindowLimiter
from bot.settings import Settings
from bot.telegram import state, uploads
from indexer.errors import IndexBusy
from tests.index_gate import IndexGate

from .conftest import ADMIN_ID, BOT_USERNAME, BotProcess, running_bot
from .fake_bot_api import Call, FakeBotAPI
from .telegram_html import parse_telegram_html

OTHER_ADMIN = 4343  # has talked to the bot (the fake knows the chat)
SILENT_ADMIN = 4444  # never started the bot: Telegram refuses to message them
ADMINS = f"{ADMIN_ID},{OTHER_ADMIN},{SILENT_ADMIN}"
RATE_LIMIT = 8  # conftest's: one question from each of this many users
QUESTION = "香梨品牌价值"

APRICOTS = """自治区杏干质量安全监管典型案例(测试批)
为加强杏干质量安全监管,现将各地典型做法公布如下:
案例1、轮台县杏干晾晒全程监管实践
轮台县市场监管局牵头建立杏干晾晒场登记制度,全县登记晾晒场三百个。
一是建立台账。轮台县市场监管局制定《杏干晾晒场卫生管理规范》,明确清洁和防尘要求。
"""


# -- helpers ----------------------------------------------------------------------------------


def visible(call: Call) -> str:
    return parse_telegram_html(str(call.params["text"])).text


def to_chat(chat_id: int) -> Any:
    return lambda c: c.params.get("chat_id") == chat_id


def say(bp: BotProcess, text: str, user_id: int, timeout: float = 20.0) -> Call:
    """A user's message; returns the bot's first reply to that chat."""
    mark = bp.fake.mark()
    bp.fake.push_update(bp.fake.message(text, user_id=user_id))
    return bp.fake.wait_for("sendMessage", to_chat(user_id), after=mark, timeout=timeout)


def reindex(bp: BotProcess) -> tuple[int, Call]:
    """An admin's /reindex; returns (the mark before it, the reply to the admin)."""
    mark = bp.fake.mark()
    bp.fake.push_update(bp.fake.message("/reindex", user_id=ADMIN_ID))
    return mark, bp.fake.wait_for("sendMessage", to_chat(ADMIN_ID), after=mark, timeout=60)


def admins_bot(index_db: Path, workdir: Path, **env: str) -> AbstractContextManager[BotProcess]:
    """A bot of the test's own, with three admins and an empty upload folder."""
    workdir.mkdir(parents=True, exist_ok=True)
    return running_bot(index_db, workdir, known_chats=[OTHER_ADMIN],
                       TELEGRAM_ADMIN_IDS=ADMINS, CASEBOT_LOG_LEVEL="INFO", **env)


@pytest.fixture
def reindex_bot(index_db: Path, tmp_path: Path) -> Iterator[BotProcess]:
    with admins_bot(index_db, tmp_path / "bot") as bp:
        bp.corpus_dir.mkdir(parents=True, exist_ok=True)
        yield bp


def refused_only_the_silent_admin(fake: FakeBotAPI) -> None:
    """Telegram (the fake) refused nothing but messages to the admin who never started
    the bot — which the bot must survive."""
    unexpected = [e for e in fake.errors
                  if not (e.method == "sendMessage" and e.params.get("chat_id") == SILENT_ADMIN)]
    assert unexpected == [], unexpected
    assert fake.server_errors == []


# -- end to end ---------------------------------------------------------------------------------


def test_reindex_is_in_the_command_menu(reindex_bot: BotProcess) -> None:
    commands = [c["command"] for c in reindex_bot.fake.my_commands()]
    assert "reindex" in commands


def test_non_admins_are_refused(reindex_bot: BotProcess) -> None:
    text = visible(say(reindex_bot, "/reindex", user_id=301))
    assert text == "抱歉,只有管理员可以使用这个功能。"
    refused_only_the_silent_admin(reindex_bot.fake)


def test_admin_gets_a_summary_and_new_files_become_answerable(reindex_bot: BotProcess) -> None:
    bp = reindex_bot
    question = "哪个部门制定了杏干晾晒场卫生管理规范?"
    assert "轮台县" not in visible(say(bp, question, user_id=311))  # not in the index yet
    # Dropped into the upload folder behind the bot's back, as an operator would.
    (bp.corpus_dir / "apricots.txt").write_text(APRICOTS, encoding="utf-8")

    _, report = reindex(bp)
    text = visible(report)
    assert "索引已重建" in text
    assert "新增 1 · 更新 0 · 未变 1 · 移除 0" in text  # the bundled file is unchanged
    assert "写入句子" in text and "用时" in text

    answer = visible(say(bp, question, user_id=311))
    assert "轮台县市场监管局" in answer
    # Nothing to do the second time round.
    assert "新增 0 · 更新 0 · 未变 2 · 移除 0" in visible(reindex(bp)[1])
    refused_only_the_silent_admin(bp.fake)


def test_questions_are_answered_while_a_reindex_runs(index_db: Path, tmp_path: Path) -> None:
    gate = IndexGate(tmp_path / "gate")
    with admins_bot(index_db, tmp_path / "bot", **gate.env()) as bp:
        fake = bp.fake
        bp.corpus_dir.mkdir(parents=True, exist_ok=True)
        (bp.corpus_dir / "apricots.txt").write_text(APRICOTS, encoding="utf-8")
        users = [321 + i for i in range(RATE_LIMIT)]
        mark = fake.mark()
        fake.push_update(fake.message("/reindex", user_id=ADMIN_ID))
        gate.wait_entered()  # the re-index is inside its write transaction, and stays there
        asked = fake.mark()
        for user in users:
            fake.push_update(fake.message(QUESTION, user_id=user))
        answers = [fake.wait_for("sendMessage", to_chat(user), after=asked, timeout=60)
                   for user in users]
        assert all(c.ok and "香梨" in visible(c) for c in answers)
        # Still held: no summary yet, so every answer came while the re-index ran.
        assert not [c for c in fake.calls[mark:]
                    if c.method == "sendMessage" and c.params["chat_id"] == ADMIN_ID]
        gate.release()
        summary = fake.wait_for("sendMessage", to_chat(ADMIN_ID), after=mark, timeout=60)
        assert "新增 1" in visible(summary)
        assert "轮台县市场监管局" in visible(say(bp, "哪个部门制定了杏干晾晒场卫生管理规范?", 331))
        fake.wait_until_confirmed()
        refused_only_the_silent_admin(fake)


def test_a_failing_reindex_tells_every_admin_and_the_bot_keeps_answering(
        reindex_bot: BotProcess) -> None:
    bp, fake = reindex_bot, reindex_bot.fake
    # A last good index that holds an upload: the failing re-index must keep it serving.
    (bp.corpus_dir / "apricots.txt").write_text(APRICOTS, encoding="utf-8")
    assert "新增 1" in visible(reindex(bp)[1])
    # Binary data with a .txt name: the text reader rejects it.
    (bp.corpus_dir / "garbage.txt").write_bytes(bytes(range(256)) * 64)
    (bp.corpus_dir / "apricots.txt").write_text(APRICOTS + "二是抽检公开。每月抽检一次。\n",
                                                encoding="utf-8")
    mark, report = reindex(bp)
    assert "有 1 个文件没有读取" in visible(report)
    assert "更新 1" in visible(report)  # the readable change went in all the same

    for admin in (ADMIN_ID, OTHER_ADMIN):
        notice = visible(fake.wait_for(
            "sendMessage", lambda c, a=admin: c.params["chat_id"] == a and "没有读取" in
            str(c.params["text"]) and "garbage.txt" in str(c.params["text"]),
            after=mark, timeout=10))
        assert "garbage.txt" in notice and "does not look like text" in notice
        assert "Traceback" not in notice and str(bp.corpus_dir) not in notice
    # The admin who never started the bot could not be told; that stopped nothing.
    refused = fake.wait_for("sendMessage", to_chat(SILENT_ADMIN), after=mark, timeout=10)
    assert refused.status == 400

    assert "香梨" in visible(say(bp, QUESTION, user_id=341))
    assert "轮台县市场监管局" in visible(say(bp, "哪个部门制定了杏干晾晒场卫生管理规范?", 341))
    assert bp.alive()
    assert "Traceback" not in bp.output()
    refused_only_the_silent_admin(fake)


# -- the failure path, without a process -----------------------------------------------------


@dataclass
class StubBot:
    """Records what the handler sends; refuses chats listed in ``unreachable``."""

    sent: list[tuple[int, str]] = field(default_factory=list)
    unreachable: set[int] = field(default_factory=set)
    username: str = BOT_USERNAME

    async def send_message(self, chat_id: int, text: str, **_: Any) -> None:
        if chat_id in self.unreachable:
            raise Forbidden("Forbidden: bot can't initiate conversation with a user")
        self.sent.append((chat_id, text))


@dataclass
class StubContext:
    bot: StubBot
    bot_data: dict[str, Any]


class FailingService:
    """A service whose index() fails the way a locked or damaged index does."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def index(self, paths: list[Path], rebuild: bool = False) -> None:
        raise self.error


def admin_update(user_id: int) -> Update:
    user = User(user_id, "Admin", is_bot=False)
    chat = Chat(user_id, Chat.PRIVATE)
    message = Message(1, datetime.now(UTC), chat, from_user=user, text="/reindex")
    return Update(1, message=message)


def run_reindex(error: Exception, tmp_path: Path) -> StubBot:
    settings = Settings(_env_file=None,  # type: ignore[call-arg]
                        telegram_admin_ids=frozenset({ADMIN_ID, OTHER_ADMIN, SILENT_ADMIN}),
                        casebot_db=tmp_path / "casebot.db", casebot_corpus_dir=tmp_path / "up")
    bot = StubBot(unreachable={SILENT_ADMIN})
    shared = state.BotState(settings=settings, limiter=SlidingWindowLimiter(5, 60),
                               inline_limiter=SlidingWindowLimiter(5, 60),
                               service=cast(Any, FailingService(error)), examples=["kept"])
    context = StubContext(bot, {state.STATE: shared})
    asyncio.run(uploads.cmd_reindex(admin_update(ADMIN_ID), cast(Any, context)))
    assert shared.examples == ["kept"]  # nothing changed, nothing reset
    return bot


@pytest.mark.parametrize("error", [
    IndexBusy(Path("/srv/casebot.db")),
    sqlalchemy.exc.DatabaseError("INSERT …", {}, Exception("database disk image is malformed")),
    PermissionError(13, "Permission denied", "/srv/uploads"),
])
def test_an_index_error_is_reported_to_every_admin_once(
        error: Exception, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        bot = run_reindex(error, tmp_path)
    chats = [chat for chat, _ in bot.sent]
    assert sorted(chats) == [ADMIN_ID, OTHER_ADMIN]  # the requester once; the silent one skipped
    for _, text in bot.sent:
        shown = parse_telegram_html(text).text
        assert shown.startswith("重建索引失败") and "上一次的索引" in shown
        assert "Traceback" not in shown
    assert "locked" in bot.sent[0][1] or "malformed" in bot.sent[0][1] \
        or "Permission denied" in bot.sent[0][1]
    assert "re-index failed" in caplog.text
    assert "Traceback" not in caplog.text  # an expected failure is one log line


def test_an_unexpected_error_is_reported_and_logged_with_its_traceback(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        bot = run_reindex(RuntimeError("boom"), tmp_path)
    assert sorted(chat for chat, _ in bot.sent) == [ADMIN_ID, OTHER_ADMIN]
    assert "RuntimeError: boom" in parse_telegram_html(bot.sent[0][1]).text
    assert "Traceback" in caplog.text  # a bug: the log must say where
