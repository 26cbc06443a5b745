"""The question cues of bot/intent.py: each row's example matches its pattern, and the
intent read from a question carries them (no index needed)."""

from __future__ import annotations

import pytest

from bot.intent import CUES, Intent, read_intent
from indexer.normalize import normalize


@pytest.mark.parametrize("cue", CUES, ids=[c.name for c in CUES])
def test_every_cue_finds_its_example(cue) -> None:  # type: ignore[no-untyped-def]
    assert cue.pattern.search(normalize(cue.example)), cue.example


@pytest.mark.parametrize(("question", "expected"), [
    ("这份通知是谁发的?", {"about_notice", "issuance"}),  # 通知: a kind of document
    ("會同哪些部門開展的?", {"asks_several", "asks_body", "asks_department", "partners",
                           "plural_places"}),
    ("哪些部门联合开展的?", {"asks_several", "asks_body", "asks_department", "partners",
                           "plural_places"}),
    ("库尔勒香梨品牌价值多少?", set()),
    ("哪天开工的?", {"asks_day"}),
    ("排第几?", {"asks_ordinal"}),
    ("哪个部门修订了畜禽屠宰管理条例?", {"issuance", "asks_body", "asks_department"}),
])
def test_intent_of_a_question(question: str, expected: set[str]) -> None:
    intent = read_intent(normalize(question))
    on = {name for name, value in vars(intent).items() if value}
    assert on == expected


def test_partners_keeps_the_words_that_asked() -> None:
    assert read_intent("哪些部门联合开展的").partners == "哪些部门联合"
    assert read_intent("会同哪些部门开展的").partners == "会同哪些"
    assert Intent().partners is None
