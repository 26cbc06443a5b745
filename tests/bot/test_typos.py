"""bot/expand/typos.py: typo candidates, same sound, correction (no index)."""

from __future__ import annotations

import pytest

from bot.expand.typos import TypoCorrector, same_sound
from tests.bot.fake_vocab import FakeVocabulary

VOCAB = {"管理": 50, "管道": 3, "屠宰": 5, "条例": 30, "小饭桌": 2, "库尔勒": 4, "塑化剂": 2,
         "处理": 9}


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("管里", "管理", 1.0),
    ("库而勒", "库尔勒", 1.0),
    ("管子", "管理", 0.0),
])
def test_same_sound(a: str, b: str, expected: float) -> None:
    assert same_sound(a, b) == expected


@pytest.mark.parametrize(("window", "expected"), [
    ("管里", {"管理", "管道"}),  # same first character
    ("外理", {"管理", "处理"}),  # same last character
    ("屠夫", {"屠宰"}),
    ("饭桌", set()),  # shares neither end with a word of its length
])
def test_candidates_share_an_end(window: str, expected: set[str]) -> None:
    assert set(TypoCorrector(FakeVocabulary(VOCAB)).candidates(window)) == expected


@pytest.mark.parametrize(("word", "run", "expected"), [
    ("管里", "屠宰管里条例", ("管理",)),  # a homophone typo
    ("而", "库而勒", ("库尔勒",)),  # fixed within the word around it
    ("济", "塑化济", ("塑化剂",)),
    ("管子", "管子", ()),  # one character off, but not the same sound: no guess
    ("屠宰管里", "屠宰管里条例", ()),  # longer than a typo is corrected
])
def test_correct(word: str, run: str, expected: tuple[str, ...]) -> None:
    corrector = TypoCorrector(FakeVocabulary(VOCAB))
    assert corrector.correct(word, run, dict(VOCAB)) == expected


def test_reset_forgets_the_vocabulary() -> None:
    vocab = FakeVocabulary({"管理": 5})
    corrector = TypoCorrector(vocab)
    assert corrector.candidates("管里") == ["管理"]
    vocab.df["管道"] = 1
    assert corrector.candidates("管里") == ["管理"]  # cached until the index changes
    corrector.reset()
    assert sorted(corrector.candidates("管里")) == ["管理", "管道"]
