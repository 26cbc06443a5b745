"""bot/expand/segment.py: cutting a run of the question into the index's words (no index)."""

from __future__ import annotations

import pytest

from bot.expand.segment import (
    Item,
    general_words,
    loose_characters,
    merge_unknown,
    segment,
    split_country,
)
from bot.expand.synonyms import SynonymExpander
from bot.expand.typos import TypoCorrector
from bot.expand.units import UnitWeigher
from tests.bot.fake_vocab import FakeVocabulary

DF = {"屠宰": 5, "管理": 50, "条例": 30, "管理条例": 8, "供水": 9, "办法": 12, "规定": 20,
      "小": 90, "饭": 40, "卓": 3, "明": 60, "天": 80, "下": 200, "雨": 7}
TABLE = {"自来水": ("供水",), "法规": ("法律法规",)}


def synonyms() -> SynonymExpander:
    vocab = FakeVocabulary(DF)
    return SynonymExpander(vocab, TABLE, UnitWeigher(vocab))


@pytest.mark.parametrize(("run", "partial", "expected"), [
    # Longer words preferred: 管理条例, not 管理 + 条例.
    ("屠宰管理条例", (), [("屠宰", True), ("管理条例", True)]),
    ("屠宰鸭", (), [("屠宰", True), ("鸭", False)]),
    # A colloquial word whose documentary synonym is indexed counts as known …
    ("自来水", (), [("自来水", True)]),
    # … not one whose synonym the documents never use (法规 must not cut 办法规定).
    ("法规", (), [("法", False), ("规", False)]),
    ("办法规定", (), [("办法", True), ("规定", True)]),
    # A piece of a longer index word, when allowed.
    ("牛羊杂", ("牛羊杂",), [("牛羊杂", True)]),
])
def test_segment(run: str, partial: tuple[str, ...], expected: list[tuple[str, bool]]) -> None:
    assert segment(run, dict(DF), synonyms(), set(partial)) == expected


@pytest.mark.parametrize(("pieces", "expected"), [
    ([("所", False), ("得", False), ("税", False)], [("所得税", False)]),
    ([("屠宰", True), ("鸭", False), ("鹅", False), ("条例", True)],
     [("屠宰", True), ("鸭鹅", False), ("条例", True)]),
    ([("屠宰", True), ("条例", True)], [("屠宰", True), ("条例", True)]),
    ([], []),
])
def test_merge_unknown(pieces: list[tuple[str, bool]], expected: list[tuple[str, bool]]) -> None:
    assert merge_unknown(pieces) == expected


def test_loose_characters_as_a_mistyped_word() -> None:
    # 小饭卓 falls apart into index characters; with 卓 → 桌 it sounds like 小饭桌.
    corrector = TypoCorrector(FakeVocabulary({**DF, "小饭桌": 2}))
    pieces = [("小", True), ("饭", True), ("卓", True)]
    assert loose_characters(pieces, "小饭卓", dict(DF), corrector) == [
        ("小饭卓", True, ("小饭桌",))]
    # Nothing sounds like it: the pieces as they were.
    assert loose_characters(pieces, "小饭卓", dict(DF), TypoCorrector(FakeVocabulary(DF))) == [
        ("小", True, ()), ("饭", True, ()), ("卓", True, ())]


@pytest.mark.parametrize(("chars", "df", "expected"), [
    # 明天会下雨: 明天 and 下雨 are everyday words no index word covers.
    ("明天会下雨", DF, ["明天", "会", "下雨"]),
    # The index has 下雨: the characters stay as they are (the index's words rule).
    ("明天会下雨", {**DF, "下雨": 3}, ["明天", "会", "下", "雨"]),
    # A rarer word of three characters is a word too: the key term, not 起/征/点.
    ("起征点", DF, ["起征点"]),
])
def test_general_words(chars: str, df: dict[str, int], expected: list[str]) -> None:
    items: list[Item] = [(c, True, ()) for c in chars]
    assert [w for w, _, _ in general_words(items, df)] == expected


@pytest.mark.parametrize(("pieces", "expected"), [
    ([("日本民主党", True), ("党首", True)], [("日本", True), ("民主党", True), ("党首", True)]),
    ([("美国国会", True)], [("美国", True), ("国会", True)]),
    ([("中国银行", True)], [("中国银行", True)]),  # China's bodies carry its name
    ([("日本人", True)], [("日本人", True)]),  # the rest no indexed word of two or more
    ([("日本民主党", False)], [("日本民主党", False)]),  # an unknown word is left to the typo pass
])
def test_a_country_and_its_body_are_two_words(pieces: list[tuple[str, bool]],
                                               expected: list[tuple[str, bool]]) -> None:
    df = {"民主党": 3, "国会": 5, "银行": 9, "党首": 1}
    assert split_country(pieces, df) == expected
