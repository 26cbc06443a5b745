"""bot/expand/chinese.py: the Chinese words of a question as units (no index)."""

from __future__ import annotations

import math

import pytest

from bot.analysis import Unit
from bot.expand.chinese import ChineseReader
from bot.expand.question_words import QuestionWordStripper
from bot.expand.synonyms import SynonymExpander
from bot.expand.typos import TypoCorrector
from bot.expand.units import UnitWeigher
from bot.weights import WEIGHTS
from tests.bot.fake_vocab import FakeVocabulary

N = 1000
DF = {"屠宰": 5, "管理": 50, "条例": 30, "管理条例": 8, "畜禽屠宰管理条例": 2, "供水": 9,
      "牛羊杂清洗规范": 1, "牛羊": 6, "规范": 40, "噪声": 7}
TABLE = {"自来水": ("供水",)}


def units(question: str, df: dict[str, int] = DF) -> list[Unit]:
    vocab = FakeVocabulary(df, N)
    weigher = UnitWeigher(vocab)
    reader = ChineseReader(vocab, QuestionWordStripper(vocab, TABLE),
                           SynonymExpander(vocab, TABLE, weigher), TypoCorrector(vocab), weigher)
    return reader.units(question, N)


@pytest.mark.parametrize(("question", "expected"), [
    ("屠宰管理条例是什么", [("屠宰", ("屠宰",), "question"), ("管理条例", ("管理条例",), "question")]),
    # The documents' word, and the asker's beside it (a sentence may say it as written);
    # 多少钱 asks.
    ("自来水多少钱", [("自来水", ("供水", "自来水"), "question")]),
    ("牛羊杂", [("牛羊杂", ("牛羊杂",), "partial")]),  # inside 牛羊杂清洗规范
    ("噪音", [("噪音", ("噪声",), "synonym")]),  # through the thesaurus
])
def test_units(question: str, expected: list[tuple[str, tuple[str, ...], str]]) -> None:
    assert [(u.text, u.alts, u.source) for u in units(question)] == expected


def test_a_verb_of_issuing_is_no_typo_of_a_homophone() -> None:
    """哪天印发的 over a text that has 引发 (引发火灾) but not 印发: 印发 frames the question."""
    read = units("通知印发", {**DF, "通知": 12, "引发": 9})
    assert ("引发",) not in [u.alts for u in read]
    assert [u.source for u in read if u.text == "印发"] == ["question"]


def test_a_typo_is_corrected_and_a_piece_of_a_longer_word_is_kept() -> None:
    without = {w: f for w, f in DF.items() if w != "畜禽屠宰管理条例"}
    typo = [(u.text, u.alts, u.source) for u in units("屠宰管里条例", without)]
    # The longest index word around the typo wins: 管里 is read as 管理条例.
    assert typo == [("屠宰", ("屠宰",), "question"), ("管里", ("管理条例",), "typo"),
                    ("条例", ("条例",), "question")]
    # With 畜禽屠宰管理条例 indexed, 屠宰管 is a piece of it before 管里 is called a typo.
    assert units("屠宰管里条例")[0].source == "partial"


def test_a_long_word_is_retrieved_by_its_rarer_parts_too() -> None:
    (unit,) = units("畜禽屠宰管理条例")
    assert unit.alts == ("畜禽屠宰管理条例",)
    assert unit.search == ("屠宰", "管理条例", "条例")  # rarest first, at most three


def test_colloquial_phrasing_weighs_less() -> None:
    # 过不去: the asker's phrasing (过, a particle), not a topic the documents lack.
    (unit,) = units("过不去")
    assert not unit.known
    assert unit.weight == pytest.approx(
        WEIGHTS.colloquial_factor * math.log(1 + N / WEIGHTS.unknown_df))
