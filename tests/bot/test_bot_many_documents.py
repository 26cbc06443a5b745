"""The bot over an index of two announcements, as an official meets it.

/case N when both documents have a case N offers the choice; system messages (the
not-found message listing titles included) come in the asker's script; 原文 switches
the bold answer line with the quotes; the log has one INFO line per question and never
the question's text at INFO.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.service import Casebot
from corpus.loader import BUNDLED_DIR

from .conftest import BotProcess, running_bot
from .test_bot_e2e import buttons, press, say, visible

APRICOTS = """自治区杏干质量安全监管典型案例(测试批)
为加强杏干质量安全监管,现将各地典型做法公布如下:
案例1、轮台县杏干晾晒全程监管实践
轮台县市场监管局牵头建立杏干晾晒场登记制度,全县登记晾晒场三百个。
案例2、库车市杏干电商追溯试点
库车市商务局推动杏干电商企业接入追溯平台,消费者扫码即可查询产地。
案例3、阿克苏地区杏干抽检公开
阿克苏地区市场监管局每季度开展杏干抽检,结果向社会公开。
"""


@pytest.fixture(scope="module")
def two_documents_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "apricots.txt").write_text(APRICOTS, encoding="utf-8")
    db = folder / "casebot.db"
    service = Casebot.open(db)
    try:
        service.index([BUNDLED_DIR, folder / "apricots.txt"])
    finally:
        service.close()
    return db


@pytest.fixture(scope="module")
def bot2(two_documents_db: Path, tmp_path_factory: pytest.TempPathFactory,
         ) -> Iterator[BotProcess]:
    with running_bot(two_documents_db, tmp_path_factory.mktemp("bot2"),
                     CASEBOT_LOG_LEVEL="INFO") as bp:
        yield bp


def test_case_n_of_several_documents_offers_the_choice(bot2: BotProcess) -> None:
    reply = say(bot2, "/case 3", user_id=501)
    text = visible(reply)
    assert ("2 份文件都有案例3" in text and "/case 1:3" in text) or "/case 2:3" in text
    choices = buttons(reply)
    assert len(choices) == 2 and all("案例3" in label for label in choices)
    apricot = next(data for label, data in choices.items() if "阿克苏" in label)
    _, case = press(bot2, apricot, 501, "sendMessage")
    assert "阿克苏地区市场监管局" in visible(case)
    # Naming the document still goes straight to the case.
    assert "小饭桌" in visible(say(bot2, "/case 1:3", user_id=501))


def test_system_messages_mirror_the_askers_script(bot2: BotProcess) -> None:
    simplified = visible(say(bot2, "个人所得税怎么申报?", user_id=502))
    assert "没有找到" in simplified
    assert "自治区强化食品安全全链条监管典型案例" in simplified  # the title, simplified
    assert "自治區" not in simplified
    traditional = visible(say(bot2, "個人所得稅怎麼申報?", user_id=503))
    assert "沒有找到" in traditional and "自治區強化食品安全" in traditional


def test_original_switches_the_answer_line_too(bot2: BotProcess) -> None:
    reply = say(bot2, "哪个部门修订了畜禽屠宰管理条例?", user_id=504)
    first_line = visible(reply).splitlines()[0]
    assert "市场监管" in first_line  # the bold answer, in the asker's (simplified) script
    _, original = press(bot2, buttons(reply)["原文"], 504, "editMessageText")
    assert "市場監管" in visible(original).splitlines()[0]  # the document's own wording


def test_one_info_line_per_question_without_its_text(bot2: BotProcess) -> None:
    say(bot2, "库尔勒香梨品牌价值多少?", user_id=505)
    lines = [ln for ln in bot2.output().splitlines() if "question answered:" in ln]
    assert lines and all("kind=" in ln and "status=" in ln and " ms" in ln for ln in lines)
    assert "库尔勒香梨品牌价值多少" not in bot2.output()
