"""bot/expand/pinyin.py: toneless pinyin as typed in a question (no index needed)."""

from __future__ import annotations

import pytest

from bot.expand.pinyin import (
    changed_syllables,
    glued_pinyin,
    is_pinyin,
    pinyin_tables,
    reading_variants,
    syllables,
)
from tests.bot.fake_vocab import FakeVocabulary


@pytest.mark.parametrize(("word", "expected"), [
    ("xian", ["xian"]),  # fewest syllables: not xi + an
    ("suodeshui", ["suo", "de", "shui"]),
    ("lvse", ["lv", "se"]),  # ü typed as v
    ("permit", None),
    ("", []),
])
def test_syllables(word: str, expected: list[str] | None) -> None:
    assert syllables(word, pinyin_tables()[0]) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("geren", True),
    ("Suodeshui", True),  # case does not matter
    ("permit", False),
    ("visa", False),
])
def test_is_pinyin(word: str, expected: bool) -> None:
    assert is_pinyin(word) is expected


@pytest.mark.parametrize(("typed", "stored"), [
    ("yinhang", "yinxing"),  # 银行: 行 is keyed by its first reading, xing
    ("changsha", "zhangsha"),  # 长沙: 长 is keyed as zhang
    ("lvse", "luse"),  # ü typed as v
])
def test_pinyin_reading_variants(typed: str, stored: str) -> None:
    assert stored in reading_variants(typed)


def test_no_variants_without_a_polyphone_or_of_what_is_not_pinyin() -> None:
    assert reading_variants("permit") == []
    assert "yinhang" not in reading_variants("yinhang")  # never the word itself


@pytest.mark.parametrize(("variant", "word", "changed"), [
    ("zhangxing", "changxing", 1),  # 长兴
    ("shangsheng", "changxing", 2),  # 上升
    ("changxing", "changxing", 0),
    ("permit", "changxing", len("changxing")),  # not pinyin: as far as can be
])
def test_changed_syllables(variant: str, word: str, changed: int) -> None:
    assert changed_syllables(variant, word) == changed


@pytest.mark.parametrize(("word", "expected"), [
    # Two index words typed as one.
    ("tuzaitiaoli", [("tuzai", ("屠宰",)), ("tiaoli", ("条例",))]),
    # One syllable the index has no word for (村 of 村卫生室): the rest is kept.
    ("cunweishengshi", [("weishengshi", ("卫生室",))]),
    ("tiaoli", []),  # too short to be two words
    ("permits", []),
])
def test_glued_pinyin(word: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    vocab = FakeVocabulary({"屠宰": 3, "条例": 10, "卫生室": 5})
    assert glued_pinyin(vocab, word) == expected
