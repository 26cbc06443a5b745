"""End to end: the real bot process against a fake Telegram Bot API on 127.0.0.1.

The bot runs as ``casebot bot`` in a subprocess (started once for the module, see
``conftest.bot_proc``); tests play users by pushing updates into the fake's long-poll
queue and assert on what the bot sent.  The fake rejects anything Telegram would reject
(invalid HTML, over-long texts, bad buttons) with a 400 and records it, so
``fake.assert_no_errors()`` proves the bot never sent such a thing.

Each test uses its own user/chat ids: the process, its rate limiter and its question
log are shared.  Nothing reaches the internet.
"""

from __future__ import annotations

import itertools
import json
import logging
import socket
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.service import Casebot
from bot.settings import Settings
from indexer.qlog import log_path

from .conftest import (
    ADMIN_ID,
    BOT_USERNAME,
    RATE_LIMIT,
    SHUTDOWN_LIMIT,
    TOKEN,
    BotProcess,
    running_bot,
    start_bot,
)
from .fake_bot_api import Call, FakeBotAPI
from .telegram_html import MESSAGE_LIMIT, parse_telegram_html, telegram_text_length

JSON = dict[str, Any]
QUESTION = "哪个部门修订了畜禽屠宰管理条例?"
QUESTION_TRAD = "哪個部門修訂了畜禽屠宰管理條例?"


# -- helpers ------------------------------------------------------------------------------


def visible(call: Call) -> str:
    return parse_telegram_html(str(call.params["text"])).text


def buttons(call_or_message: Call | JSON) -> dict[str, str]:
    """``{label: callback_data}`` of a sent/edited message's inline keyboard."""
    params = call_or_message.params if isinstance(call_or_message, Call) else call_or_message
    markup = params.get("reply_markup") or {}
    return {b["text"]: b.get("callback_data", "") for row in markup.get("inline_keyboard", [])
            for b in row}


def to_chat(chat_id: int) -> Callable[[Call], bool]:
    return lambda c: c.params.get("chat_id") == chat_id


def settle(fake: FakeBotAPI, after: int, quiet: float = 0.4, timeout: float = 15.0) -> list[Call]:
    """Calls since ``after`` once every pushed update is confirmed and the bot fell quiet."""
    fake.wait_until_confirmed(timeout)
    deadline = time.monotonic() + timeout
    last_count, last_change = -1, time.monotonic()
    while time.monotonic() < deadline:
        calls = [c for c in fake.calls[after:] if c.method != "getUpdates"]
        if len(calls) != last_count or not all(c.done for c in calls):
            last_count, last_change = len(calls), time.monotonic()
        elif time.monotonic() - last_change >= quiet:
            return calls
        time.sleep(0.05)
    raise AssertionError("the bot did not fall quiet")


def say(bp: BotProcess, text: str | None, user_id: int, **kw: Any) -> Call:
    """A user's message; returns the bot's first reply to that chat."""
    fake = bp.fake
    mark = fake.mark()
    update = fake.message(text, user_id=user_id, **kw)
    chat_id = update["message"]["chat"]["id"]
    fake.push_update(update)
    return fake.wait_for("sendMessage", to_chat(chat_id), after=mark)


def press(bp: BotProcess, data: str, user_id: int, method: str,
          message_id: int | None = None) -> tuple[Call, Call]:
    """Press a button; returns (answerCallbackQuery, the first ``method`` call after it)."""
    fake = bp.fake
    mark = fake.mark()
    update = fake.callback_query(data, message_id=message_id, user_id=user_id)
    query_id = update["callback_query"]["id"]
    fake.push_update(update)
    answered = fake.wait_for("answerCallbackQuery",
                             lambda c: c.params.get("callback_query_id") == query_id, after=mark)
    if method == "answerCallbackQuery":
        return answered, answered
    return answered, fake.wait_for(method, after=mark)


def feedback_of(db: Path, qid: int) -> int | None:
    with sqlite3.connect(log_path(db)) as conn:  # type: ignore[arg-type]
        row = conn.execute("SELECT feedback FROM questions WHERE id = ?", (qid,)).fetchone()
    return None if row is None else row[0]


@pytest.fixture(autouse=True)
def no_rejected_calls(request: pytest.FixtureRequest) -> Iterator[None]:
    """After every test: Telegram (the fake) refused nothing it was not told to refuse."""
    yield
    if "bot_proc" in request.fixturenames:
        bp: BotProcess = request.getfixturevalue("bot_proc")
        bp.fake.assert_no_errors()


# -- the pieces, without a process ----------------------------------------------------------


def settings_for_tests(**kw: Any) -> Settings:
    return Settings(_env_file=None, telegram_bot_token=TOKEN,  # type: ignore[call-arg]
                    telegram_base_url="http://127.0.0.1:9/bot", **kw)


def test_build_application_registers_everything() -> None:
    from telegram.ext import CallbackQueryHandler, CommandHandler, InlineQueryHandler

    from bot.telegram.app import build_application

    settings = settings_for_tests(telegram_admin_ids=frozenset({1}))
    app = build_application(settings)
    from bot.telegram.state import state_of

    assert state_of(app).settings is settings
    handlers = [h for group in app.handlers.values() for h in group]
    commands = {c for h in handlers if isinstance(h, CommandHandler) for c in h.commands}
    assert commands == {"start", "help", "ask", "search", "cases", "case", "docs", "stats",
                        "reindex"}
    assert any(isinstance(h, CallbackQueryHandler) for h in handlers)
    assert any(isinstance(h, InlineQueryHandler) for h in handlers)
    assert app.error_handlers
    assert app.bot.base_url == "http://127.0.0.1:9/bot" + TOKEN


def test_logging_scrubs_the_token_from_messages_args_and_tracebacks() -> None:
    from bot.telegram.app import ScrubbingFormatter, secret_forms

    formatter = ScrubbingFormatter(secret_forms(TOKEN))
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s and %s",
                                   (f"https://api/bot{TOKEN}/getMe",
                                    urllib.parse.quote(TOKEN, safe="")), sys.exc_info())
    out = formatter.format(record)
    assert TOKEN not in out and urllib.parse.quote(TOKEN, safe="") not in out
    assert out.count("<TOKEN>") == 3


def test_group_messages_addressed_to_the_bot() -> None:
    from telegram import Message

    from bot.telegram.handlers import addressed_question, command_text

    fake = FakeBotAPI(token=TOKEN, bot_username=BOT_USERNAME)  # builds updates; not started
    bot_id = int(TOKEN.split(":")[0])

    def message(text: str, **kw: Any) -> Message:
        return Message.de_json(fake.message(text, chat_type="supergroup", **kw)["message"], None)

    assert addressed_question(message(f"@{BOT_USERNAME} 香梨 价值"), BOT_USERNAME, bot_id) \
        == "香梨 价值"
    assert addressed_question(message(f"香梨@{BOT_USERNAME.upper()}?"), BOT_USERNAME,
                              bot_id) is None  # not a mention: a word character before @
    assert addressed_question(message("香梨品牌价值"), BOT_USERNAME, bot_id) is None
    assert addressed_question(message("@other_bot 香梨"), BOT_USERNAME, bot_id) is None
    bot_message = {"message_id": 1, "date": 0, "chat": {"id": -1, "type": "supergroup"},
                   "from": {"id": bot_id, "is_bot": True, "first_name": "b"}, "text": "x"}
    assert addressed_question(message("还有呢", reply_to_message=bot_message), BOT_USERNAME,
                              bot_id) == "还有呢"
    assert command_text(message(f"/ask@{BOT_USERNAME}  哪个 部门?\n第二行")) == "哪个 部门?\n第二行"
    assert command_text(message("/ask")) == ""


def test_upload_names_are_made_safe() -> None:
    from bot.library import safe_name

    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("..\\x\\批次 2.TXT") == "批次 2.txt"
    assert safe_name(".hidden.md") == "hidden.md"
    assert safe_name("a<b>|c.pdf") == "a_b_c.pdf"
    assert safe_name("...md") == "upload.md"
    assert not safe_name(".txt").startswith(".")  # (refused earlier: it has no suffix)


def test_a_failed_index_leaves_no_file_and_restores_the_old_one(
        casebot_service: Casebot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.library import store_and_index

    settings = settings_for_tests(casebot_corpus_dir=tmp_path)
    (tmp_path / "doc.txt").write_bytes(b"old")

    def broken(paths: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr(casebot_service, "index", broken)
    with pytest.raises(OSError):
        store_and_index(casebot_service, settings, b"new", "doc.txt")
    with pytest.raises(OSError):
        store_and_index(casebot_service, settings, b"new", "other.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]
    assert (tmp_path / "doc.txt").read_bytes() == b"old"


# -- startup --------------------------------------------------------------------------------


def test_commands_registered(bot_proc: BotProcess) -> None:
    bot_proc.fake.wait_for("setMyCommands")
    names = [c["command"] for c in bot_proc.fake.my_commands()]
    for name in ("start", "help", "ask", "search", "cases", "case", "docs", "stats"):
        assert name in names


def test_start_lists_documents_and_example_buttons(bot_proc: BotProcess) -> None:
    reply = say(bot_proc, "/start", user_id=101)
    text = visible(reply)
    assert "自治区强化食品安全全链条监管典型案例(第一批)" in text
    assert "4 个案例" in text
    examples = buttons(reply)
    assert len(examples) == 3
    assert all(data.startswith("1x:") for data in examples.values())
    # Tapping an example asks it.
    data = next(iter(examples.values()))
    _, answer = press(bot_proc, data, user_id=101, method="sendMessage")
    assert "<blockquote>" in answer.params["text"]
    assert "——" in visible(answer)


def test_help(bot_proc: BotProcess) -> None:
    text = visible(say(bot_proc, "/help", user_id=102))
    assert "/case" in text and "@" + BOT_USERNAME in text


# -- questions ------------------------------------------------------------------------------


def test_simplified_question_gets_a_simplified_cited_answer(bot_proc: BotProcess) -> None:
    reply = say(bot_proc, QUESTION, user_id=111)
    html_text = str(reply.params["text"])
    text = visible(reply)
    assert reply.params["parse_mode"] == "HTML"
    assert "修订《新疆维吾尔自治区畜禽屠宰管理条例》" in text
    assert "案例2" in text and "一是源头管控筑防线" in text
    assert "市场监管" in text.splitlines()[0]  # the direct answer first, in bold
    assert html_text.startswith("<b>")
    assert "<blockquote>" in html_text and "<b>畜禽屠宰管理条例</b>" in html_text
    assert "新疆維吾爾" not in text
    assert {"更多结果", "查看全文", "👍", "👎", "原文"} <= set(buttons(reply))


def test_traditional_question_gets_a_traditional_answer(bot_proc: BotProcess) -> None:
    text = visible(say(bot_proc, QUESTION_TRAD, user_id=112))
    assert "修訂《新疆維吾爾自治區畜禽屠宰管理條例》" in text
    assert "案例2" in text
    assert "新疆维吾尔" not in text


def test_not_found_is_polite(bot_proc: BotProcess) -> None:
    reply = say(bot_proc, "今天乌鲁木齐的天气怎么样?", user_id=113)
    assert "没有找到" in visible(reply)
    assert not buttons(reply)


@pytest.mark.parametrize("text", [
    "<b>&<script>alert(1)</script>",
    "香梨 <b>品牌</b> & <script>价值</script> &amp; </blockquote>",
    '<a href="javascript:x">哪个部门</a>修订了畜禽屠宰管理条例?&lt;',
])
def test_hostile_text_gets_valid_html(bot_proc: BotProcess, text: str) -> None:
    reply = say(bot_proc, text, user_id=114)
    assert reply.ok
    bot_proc.fake.assert_no_errors()


def test_a_6000_character_message(bot_proc: BotProcess) -> None:
    fake = bot_proc.fake
    mark = fake.mark()
    reply = say(bot_proc, "香梨品牌价值" + "。香梨产业的情况" * 750, user_id=115)
    calls = settle(fake, mark)
    sent = [c for c in calls if c.method == "sendMessage" and c.params["chat_id"] == 115]
    assert sent and all(c.ok for c in sent)
    for c in sent:
        assert telegram_text_length(str(c.params["text"])) <= MESSAGE_LIMIT
    assert "问题过长" in visible(reply)  # cut, with a notice in italics
    assert str(reply.params["text"]).startswith("<i>")


def test_non_text_messages_get_a_hint(bot_proc: BotProcess) -> None:
    assert "文字" in visible(say(bot_proc, None, user_id=117))  # e.g. a sticker


def test_search_lists_passages_without_a_direct_answer(bot_proc: BotProcess) -> None:
    reply = say(bot_proc, "/search 畜禽屠宰管理条例", user_id=116)
    html_text = str(reply.params["text"])
    assert html_text.startswith("<blockquote>")
    assert "案例2" in visible(reply)
    usage = say(bot_proc, "/search", user_id=116)
    assert "/search" in visible(usage)


# -- buttons --------------------------------------------------------------------------------


def test_buttons_more_full_case_feedback_and_original(bot_proc: BotProcess) -> None:
    user = 121
    reply = say(bot_proc, QUESTION, user_id=user)
    message_id = reply.result["message_id"]
    first = buttons(reply)

    # 更多结果 edits the same message with the next passages.
    _, edit = press(bot_proc, first["更多结果"], user, "editMessageText")
    assert edit.params["message_id"] == message_id
    assert "第 4–6 条结果" in visible(edit) and edit.ok
    assert "« 返回" in buttons(edit)
    _, back = press(bot_proc, buttons(edit)["« 返回"], user, "editMessageText")
    assert visible(back) == visible(reply)

    # 原文 shows the document's own (traditional) wording; 简体 goes back.
    _, original = press(bot_proc, buttons(back)["原文"], user, "editMessageText")
    assert "修訂《新疆維吾爾自治區畜禽屠宰管理條例》" in visible(original)
    assert "简体" in buttons(original)
    _, simplified = press(bot_proc, buttons(original)["简体"], user, "editMessageText")
    assert "修订《新疆维吾尔自治区畜禽屠宰管理条例》" in visible(simplified)

    # 查看全文 sends the whole case of the top passage.
    _, case = press(bot_proc, first["查看全文"], user, "sendMessage")
    text = visible(case)
    assert text.startswith("案例2、源头严管违法严惩")
    assert "二是过程严管保安全" in text and "三是违法严惩护民生" in text

    # 👍 is recorded in the question log.
    qid = int(first["👍"].split(":")[1])
    answered, _ = press(bot_proc, first["👍"], user, "answerCallbackQuery")
    assert "谢谢" in str(answered.params.get("text"))
    assert feedback_of(bot_proc.db, qid) == 1
    press(bot_proc, first["👎"], user, "answerCallbackQuery")
    assert feedback_of(bot_proc.db, qid) == -1


def test_a_page_that_cannot_be_edited_is_sent_anew(bot_proc: BotProcess) -> None:
    fake = bot_proc.fake
    reply = say(bot_proc, QUESTION, user_id=125)
    fake.fail_next("editMessageText", 400, "Bad Request: message can't be edited")
    _, sent = press(bot_proc, buttons(reply)["更多结果"], 125, "sendMessage")
    assert "第 4–6 条结果" in visible(sent)
    assert "« 返回" in buttons(sent)


def test_only_the_asker_can_vote(bot_proc: BotProcess) -> None:
    reply = say(bot_proc, QUESTION, user_id=122)
    data = buttons(reply)["👍"]
    fake = bot_proc.fake
    mark = fake.mark()
    update = fake.callback_query(data, message_id=reply.result["message_id"], chat_id=122,
                                 user_id=123)
    fake.push_update(update)
    answered = fake.wait_for("answerCallbackQuery", after=mark)
    assert "只有提问的人" in str(answered.params.get("text"))
    assert feedback_of(bot_proc.db, int(data.split(":")[1])) is None


@pytest.mark.parametrize("data", [
    "1p:987654321:0:0",  # a question id that does not exist (e.g. a new database)
    "1v:987654321:1",
    "1c:987654321:s",  # a case that no longer exists
    "0p:1:0:0",  # an older encoding
    "garbage",
    "1x:99",  # an example that is gone
])
def test_stale_or_unknown_buttons_get_a_polite_answer(bot_proc: BotProcess, data: str) -> None:
    mark = bot_proc.fake.mark()
    press(bot_proc, data, user_id=124, method="answerCallbackQuery", message_id=9000)
    # The polite answer first (a toast or a message), however slowly; then nothing may follow.
    deadline = time.monotonic() + 30
    while not any("过期" in str(c.params.get("text")) for c in bot_proc.fake.calls[mark:]
                  if c.done and c.method in ("answerCallbackQuery", "sendMessage")):
        assert time.monotonic() < deadline, "no polite answer to a stale button"
        time.sleep(0.05)
    calls = settle(bot_proc.fake, mark, quiet=0.2)
    texts = [str(c.params.get("text") or "") for c in calls
             if c.method in ("answerCallbackQuery", "sendMessage")]
    assert any("过期" in t for t in texts), texts
    assert not any("出错" in t for t in texts)  # no exception reached the error handler


def test_cases_list_and_case_buttons(bot_proc: BotProcess) -> None:
    reply = say(bot_proc, "/cases", user_id=131)
    case_buttons = buttons(reply)
    assert len(case_buttons) == 4
    label = next(k for k in case_buttons if k.startswith("案例3"))
    _, case = press(bot_proc, case_buttons[label], 131, "sendMessage")
    assert "小饭桌" in visible(case)


def test_case_command(bot_proc: BotProcess) -> None:
    text = visible(say(bot_proc, "/case 2", user_id=132))
    assert text.startswith("案例2、源头严管违法严惩") and "畜禽屠宰" in text
    assert "香梨" in visible(say(bot_proc, "/case 1:4", user_id=132))
    assert "没有找到" in visible(say(bot_proc, "/case 99", user_id=132))
    assert "/case" in visible(say(bot_proc, "/case", user_id=132))
    trad = visible(say(bot_proc, "/case 2", user_id=133, language_code="zh-hant"))
    assert trad.startswith("案例2、源頭嚴管")


def test_docs_lists_named_regulations_with_issuers(bot_proc: BotProcess) -> None:
    text = visible(say(bot_proc, "/docs", user_id=134))
    assert "《新疆维吾尔自治区畜禽屠宰管理条例》" in text
    assert "《牛羊杂清洗规范》" in text
    assert "自治区农业农村厅制定" in text and "案例1" in text


# -- inline mode ------------------------------------------------------------------------------


def test_inline_query(bot_proc: BotProcess) -> None:
    fake = bot_proc.fake
    mark = fake.mark()
    fake.push_update(fake.inline_query("香梨品牌价值", user_id=141))
    call = fake.wait_for("answerInlineQuery", after=mark)
    results = call.params["results"]
    assert 1 <= len(results) <= 10
    assert "170亿元" in results[0]["title"] or "香梨" in results[0]["title"]
    assert all("案例" in r["description"] for r in results)
    mark = fake.mark()
    fake.push_update(fake.inline_query("", user_id=141))
    hint = fake.wait_for("answerInlineQuery", after=mark)
    assert len(hint.params["results"]) <= 1


# -- groups -----------------------------------------------------------------------------------


def test_group_mention_answered_and_chatter_ignored(bot_proc: BotProcess) -> None:
    fake = bot_proc.fake
    group = -100151
    mark = fake.mark()
    fake.push_update(fake.message("香梨品牌价值是多少", chat_id=group, user_id=151,
                                  chat_type="supergroup"))
    addressed = fake.message(f"@{BOT_USERNAME} 香梨品牌价值是多少", chat_id=group, user_id=151,
                             chat_type="supergroup")
    fake.push_update(addressed)
    fake.wait_for("sendMessage", to_chat(group), after=mark)  # the answer, then quiet
    calls = settle(fake, mark)
    sent = [c for c in calls if c.method == "sendMessage" and c.params["chat_id"] == group]
    assert len(sent) == 1
    assert "170億元" in visible(sent[0]) or "170亿元" in visible(sent[0])
    reply_to = sent[0].result.get("reply_to_message", {})
    assert reply_to.get("message_id") == addressed["message"]["message_id"]


def test_group_ask_command_and_reply_to_the_bot(bot_proc: BotProcess) -> None:
    fake = bot_proc.fake
    group = -100152
    answer = say(bot_proc, f"/ask@{BOT_USERNAME} {QUESTION}", user_id=152, chat_id=group,
                 chat_type="supergroup")
    assert "案例2" in visible(answer)
    followup = say(bot_proc, "香梨品牌价值", user_id=153, chat_id=group, chat_type="supergroup",
                   reply_to_message=answer.result["message_id"])
    assert "香梨" in visible(followup)
    # A command for another bot is not ours.
    mark = fake.mark()
    fake.push_update(fake.message(f"/ask@other_bot {QUESTION}", chat_id=group, user_id=152,
                                  chat_type="supergroup"))
    calls = settle(fake, mark)
    assert not [c for c in calls if c.method == "sendMessage"]


# -- admin ------------------------------------------------------------------------------------


def test_stats_refused_to_others_and_shown_to_admins(bot_proc: BotProcess) -> None:
    refusal = visible(say(bot_proc, "/stats", user_id=161))
    assert "管理员" in refusal and "问题:" not in refusal
    stats = visible(say(bot_proc, "/stats", user_id=ADMIN_ID))
    assert "问题:" in stats and "已回答" in stats and "用户" in stats and "👍" in stats


UPLOAD = """自治区葡萄干质量安全监管典型案例(第二批)
为加强葡萄干质量安全监管,现将各地典型做法公布如下:
案例1、吐鲁番市葡萄干晾房全程监管实践
吐鲁番市市场监管局牵头建立葡萄干晾房登记制度,全市登记晾房一万二千座。
一是建立台账。吐鲁番市市场监管局制定《葡萄干晾房卫生管理规范》,明确晾房清洁、防尘和虫害防治要求。
二是抽检公开。每季度开展葡萄干二氧化硫残留抽检,结果向社会公开。
案例2、鄯善县葡萄干电商追溯试点
鄯善县商务局推动葡萄干电商企业接入追溯平台,消费者扫码即可查询产地和检测信息。
""".encode()


@pytest.fixture
def own_bot(index_db: Path, tmp_path: Path) -> Iterator[BotProcess]:
    """A bot of the test's own, for tests that change its index or stop it: the module's
    shared bot must look the same to every test, in any order."""
    with running_bot(index_db, tmp_path) as bp:
        yield bp


def test_admin_upload_is_indexed_and_answerable(own_bot: BotProcess) -> None:
    bot_proc = own_bot
    fake = bot_proc.fake
    question = "哪个部门制定了葡萄干晾房卫生管理规范?"
    assert "没有找到" in visible(say(bot_proc, question, user_id=171))
    mark = fake.mark()
    fake.push_update(fake.document_message("BQACAgIAAxkBAAIgrape", "grapes-batch-2.txt",
                                           "text/plain", user_id=ADMIN_ID, content=UPLOAD))
    report = fake.wait_for("sendMessage", to_chat(ADMIN_ID), after=mark, timeout=20)
    text = visible(report)
    assert "已添加" in text and "自治区葡萄干质量安全监管典型案例(第二批)" in text
    assert "案例 2 个" in text
    assert (bot_proc.corpus_dir / "grapes-batch-2.txt").read_bytes() == UPLOAD
    answer = visible(say(bot_proc, question, user_id=171))
    assert "吐鲁番市市场监管局" in answer and "案例1" in answer
    assert "葡萄干质量安全监管典型案例(第二批)" in answer


def test_upload_refused_to_non_admins_and_bad_files_change_nothing(own_bot: BotProcess) -> None:
    bot_proc = own_bot
    fake = bot_proc.fake
    before = sorted(p.name for p in bot_proc.corpus_dir.glob("*")) \
        if bot_proc.corpus_dir.exists() else []

    def upload(name: str, content: bytes, user_id: int) -> str:
        mark = fake.mark()
        fake.push_update(fake.document_message(f"file-{name}", name, user_id=user_id,
                                               content=content))
        return visible(fake.wait_for("sendMessage", to_chat(user_id), after=mark))

    assert "只有管理员" in upload("x.txt", UPLOAD, user_id=172)
    assert "不支持" in upload("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 100,
                              ADMIN_ID)
    assert "没有添加" in upload("broken.pdf", b"%PDF-1.4 garbage", ADMIN_ID)
    assert "没有添加" in upload("empty.txt", b"", ADMIN_ID)
    after = sorted(p.name for p in bot_proc.corpus_dir.glob("*")) \
        if bot_proc.corpus_dir.exists() else []
    assert after == before


# -- limits and failures -------------------------------------------------------------------------


def test_flood_from_one_user_is_limited_with_one_notice(bot_proc: BotProcess) -> None:
    fake = bot_proc.fake
    user = 181
    mark = fake.mark()
    for i in range(30):
        fake.push_update(fake.message(f"香梨品牌价值 {i}", user_id=user))
    # The notice and at least one answer must come, however slowly; then quiet, so that a
    # second notice or answers past the limit would be seen.
    fake.wait_for("sendMessage", lambda c: c.params.get("chat_id") == user
                  and "太快" in visible(c), after=mark)
    fake.wait_for("sendMessage", lambda c: c.params.get("chat_id") == user
                  and "太快" not in visible(c), after=mark)
    calls = settle(fake, mark, quiet=0.6)
    sent = [visible(c) for c in calls if c.method == "sendMessage" and c.params["chat_id"] == user]
    notices = [t for t in sent if "太快" in t]
    answers = [t for t in sent if "太快" not in t]
    assert len(notices) == 1
    assert 1 <= len(answers) <= RATE_LIMIT
    # Another user is not affected.
    assert "香梨" in visible(say(bot_proc, "香梨品牌价值", user_id=182))


def test_flood_control_429_is_retried_once(bot_proc: BotProcess) -> None:
    fake = bot_proc.fake
    fake.fail_next("sendMessage", 429, retry_after=1)
    reply = say(bot_proc, "香梨品牌价值", user_id=191)  # waits for the first (failed) call
    assert reply.status == 429
    retried = fake.wait_for("sendMessage", lambda c: c.ok and c.params["chat_id"] == 191,
                            after=reply.index + 1, timeout=10)
    assert "香梨" in visible(retried)


def test_a_failing_update_gets_an_apology_and_the_bot_carries_on(bot_proc: BotProcess) -> None:
    fake = bot_proc.fake
    fake.fail_next("sendMessage", 400, "Bad Request: injected failure")
    failed = say(bot_proc, "香梨品牌价值", user_id=192)
    assert failed.status == 400
    apology = fake.wait_for("sendMessage", lambda c: c.ok and c.params["chat_id"] == 192,
                            after=failed.index + 1)
    assert visible(apology) == "抱歉,处理您的消息时出错了,请稍后再试。"
    assert "香梨" in visible(say(bot_proc, "香梨品牌价值", user_id=192))
    assert "Error while handling an update" in bot_proc.output()


# -- webhook mode and the allow-list (a second bot process) ------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


ALLOWED_CHAT = 201
HOOK_SECRET = "hook-Secret_123"


@pytest.fixture(scope="module")
def webhook_bot(index_db: Path, tmp_path_factory: pytest.TempPathFactory,
                ) -> Iterator[tuple[BotProcess, str]]:
    fake = FakeBotAPI(token=TOKEN, bot_username=BOT_USERNAME).start()
    port = free_port()
    bp = start_bot(fake, tmp_path_factory.mktemp("hook"), index_db,
                   TELEGRAM_WEBHOOK_URL="https://bot.example.invalid/casebot/hook",
                   TELEGRAM_WEBHOOK_SECRET=HOOK_SECRET,
                   TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
                   TELEGRAM_WEBHOOK_PORT=str(port),
                   TELEGRAM_ALLOWED_CHATS=str(ALLOWED_CHAT))
    try:
        deadline = time.monotonic() + 30
        # PTB may register the webhook before its server listens: wait for both.
        while not (fake.calls_of("setWebhook") and _accepts(port)):
            if not bp.alive() or time.monotonic() > deadline:
                pytest.fail(f"webhook bot did not start:\n{bp.output()[-3000:]}")
            time.sleep(0.05)
        yield bp, f"http://127.0.0.1:{port}/casebot/hook"
    finally:
        try:
            bp.terminate()
        finally:
            fake.stop()


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


_UPDATE_IDS = itertools.count(10**8)  # unique per update, however fast they are posted


def post_update(url: str, update: JSON, secret: str = HOOK_SECRET) -> int:
    update = dict(update, update_id=next(_UPDATE_IDS))
    request = urllib.request.Request(url, data=json.dumps(update).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "X-Telegram-Bot-Api-Secret-Token": secret})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_webhook_mode_with_secret_and_allow_list(webhook_bot: tuple[BotProcess, str]) -> None:
    bp, url = webhook_bot
    fake = bp.fake
    hook = fake.calls_of("setWebhook")[0]
    assert hook.params["url"] == "https://bot.example.invalid/casebot/hook"
    assert hook.params["secret_token"] == HOOK_SECRET
    assert not fake.calls_of("getUpdates")

    # Without the secret the update is refused.
    assert post_update(url, fake.message(QUESTION, user_id=ALLOWED_CHAT), "wrong") == 403

    mark = fake.mark()
    assert post_update(url, fake.message(QUESTION, user_id=ALLOWED_CHAT)) == 200
    answer = fake.wait_for("sendMessage", to_chat(ALLOWED_CHAT), after=mark)
    assert "案例2" in visible(answer)

    # A chat outside TELEGRAM_ALLOWED_CHATS is refused politely — once.
    mark = fake.mark()
    for _ in range(3):
        assert post_update(url, fake.message(QUESTION, user_id=202)) == 200
    fake.wait_for("sendMessage", to_chat(202), after=mark)
    # A question from the allowed chat after them: once it is answered, the three
    # refused updates have been handled too (no sleeping for a guessed while).
    sentinel = fake.mark()
    assert post_update(url, fake.message(QUESTION, user_id=ALLOWED_CHAT)) == 200
    fake.wait_for("sendMessage", to_chat(ALLOWED_CHAT), after=sentinel)
    sent = [c for c in fake.calls[mark:]
            if c.method == "sendMessage" and c.params.get("chat_id") == 202]
    assert len(sent) == 1 and "指定的聊天" in visible(sent[0])
    fake.assert_no_errors()

    took = bp.terminate()
    assert took < SHUTDOWN_LIMIT and bp.proc.returncode == 0
    assert TOKEN not in bp.output()


# -- shutdown ----------------------------------------------------------------------------------


def test_sigterm_exits_quickly_and_the_token_never_appears(own_bot: BotProcess) -> None:
    bot_proc = own_bot
    # Some traffic first, so that there is something the token could leak into.
    assert "畜禽屠宰" in visible(say(bot_proc, QUESTION, user_id=191))
    assert "问题:" in visible(say(bot_proc, "/stats", user_id=ADMIN_ID))
    say(bot_proc, "/case 99", user_id=191)
    took = bot_proc.terminate()
    assert took < SHUTDOWN_LIMIT
    assert bot_proc.proc.returncode == 0
    output = bot_proc.output()
    assert TOKEN not in output
    assert urllib.parse.quote(TOKEN, safe="") not in output
    assert TOKEN.split(":", 1)[1] not in output  # not even the secret half
    assert "<TOKEN>" in output  # DEBUG logs the API URL: the scrubber was exercised
    assert "casebot stopped" in output
