"""bot/extract/business.py: the business a sentence names, for "哪家企业…?"."""

from __future__ import annotations

import pytest

from bot.extract import who
from bot.extract.business import businesses
from tests.bot.stages.kit import MemoryLookup, analysis, ranked, row


@pytest.mark.parametrize(("text", "names"), [
    # The name runs back from its suffix to what the report says of it.
    ("经查,施工总承包单位青屏某建筑工程有限公司未按月足额拨付人工费用", ["青屏某建筑工程有限公司"]),
    ("反映某物流公司连续3个月未发放工资", ["某物流公司"]),  # withheld with 某: as the text names it
    ("河西医院被飞鹰集团公司承包", ["飞鹰集团公司"]),
    ("中联煤层气有限责任公司同美国德士古公司签署合同", ["中联煤层气有限责任公司", "美国德士古公司"]),
    ("对茂名市某化工厂罚款", ["茂名市某化工厂"]),
    # Pointing back or counting is no name.
    ("此外,该公司未按规定开设专用账户", []),
    ("3家公司被约谈", []),
    ("约谈公司负责人", []),
])
def test_businesses(text: str, names: list[str]) -> None:
    assert businesses(text) == names


def test_which_business_a_sentence_pointing_back_means() -> None:
    first = row(1, "经查，施工总承包单位青屏某建筑工程有限公司拖欠农民工工资218.6万元。")
    then = row(2, "此外，该公司未按规定开设农民工工资专用账户。")
    a = analysis("哪家公司没开工资专用账户?", [("工资", 2.0), ("专用", 2.0), ("账户", 2.0)],
                 kind="who")
    line, evidence, support = who.extract(a, ranked((then, 1.0)), MemoryLookup([first, then]))
    assert line == "青屏某建筑工程有限公司" and evidence is not None and evidence.id == 2
    assert [p.id for p in support] == [1]
    # A body is no answer to it.
    body = row(3, "县人社局未按规定开设专用账户。")
    assert who.extract(a, ranked((body, 1.0)), MemoryLookup([body])).answer is None


def test_the_business_the_question_names_is_not_the_answer() -> None:
    """中联煤层气公司 asked, 中国中联煤层气有限责任公司 said: its partner answers."""
    r = row(1, "中国中联煤层气有限责任公司同美国德士古公司签署了合作开发淮北煤层气项目的合同。")
    a = analysis("中联煤层气公司是和哪家美国公司签的合同?",
                 [("中联", 3.0), ("煤层气", 3.0), ("合同", 2.0)], kind="who")
    assert a.intent.asks_company
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "美国德士古公司"
