"""bot/evaluate.py: how a direct answer is scored against the expected one."""

from __future__ import annotations

import pytest

from bot.evaluate import answers


@pytest.mark.parametrize(("want", "got", "right"), [
    ("６．２级", "张北－尚义发生六点二级地震", True),
    ("340人", "共三百四十人", True),
    ("1998年", "一九九八年", True),
    ("第一批", "第1批", True),
    ("第1", "第十一", False),  # a figure whole, not a part of another
    ("16", "造成2人死亡", False),
    ("市应急管理局", "临江市应急管理局", True),
    ("市应急管理局", None, False),
])
def test_a_direct_answer_holds_the_expected_one_as_text_or_as_a_figure(
        want: str, got: str | None, right: bool) -> None:
    assert answers(want, got) is right
