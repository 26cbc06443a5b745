"""bot/expand/latin.py: English and pinyin words of a question as units (no index)."""

from __future__ import annotations

import math

import pytest

from bot.expand.english import EnglishReader
from bot.expand.latin import LatinReader, content_words
from bot.expand.units import UnitWeigher
from bot.weights import WEIGHTS
from tests.bot.fake_vocab import FakeVocabulary

N = 1000
DF = {"食品安全": 5, "屠宰": 3, "条例": 10, "岳阳县": 4, "签证": 2, "卫生室": 6}
GLOSSARY = {"food safety": ("食品安全",)}


def reader(df: dict[str, int] = DF) -> LatinReader:
    vocab = FakeVocabulary(df, N)
    weigher = UnitWeigher(vocab)
    return LatinReader(vocab, EnglishReader(vocab, GLOSSARY), weigher)


@pytest.mark.parametrize(("words", "expected"), [
    (["which", "department", "handles", "food", "safety"], ["handles", "food", "safety"]),
    (["what", "is", "the", "fine", "in", "2023"], ["fine"]),
    (["tuzai", "tiaoli", "duoshao"], ["tuzai", "tiaoli"]),  # a pinyin question word
    (["lanxi", "zerenqu", "duoshaoge"], ["lanxi", "zerenqu"]),  # a how-many as one word
    # The level after na ge is the frame (哪个县); na and ge the reader finds no word for.
    (["tianzhangzhi", "na", "ge", "xian", "tuixing"], ["tianzhangzhi", "na", "ge", "tuixing"]),
])
def test_content_words(words: list[str], expected: list[str]) -> None:
    assert content_words(words) == expected


@pytest.mark.parametrize(("norm", "expected"), [
    ("who is in charge of food safety?", [("charge", ("charge",), "english"),
                                          ("food safety", ("食品安全",), "english")]),
    ("tuzai tiaoli", [("tuzai", ("屠宰",), "pinyin"), ("tiaoli", ("条例",), "pinyin")]),
    ("yueyang", [("yueyang", ("岳阳县",), "pinyin")]),  # indexed with its place suffix
    ("cunweishengshi", [("weishengshi", ("卫生室",), "pinyin")]),  # glued pinyin
    ("visa rules", [("visa", ("签证",), "english"), ("rules", ("rules",), "english")]),
])
def test_units(norm: str, expected: list[tuple[str, tuple[str, ...], str]]) -> None:
    units, _rest = reader().units(norm, N)
    assert [(u.text, u.alts, u.source) for u in units] == expected


def test_a_wildcard_does_not_take_the_first_word_of_a_dictionary_pair() -> None:
    df = {**DF, "哥斯达黎加": 2, "成本": 5}
    vocab = FakeVocabulary(df, N)
    latin = LatinReader(vocab, EnglishReader(vocab, {"cost*": ("成本",)}), UnitWeigher(vocab))
    units, _ = latin.units("costa rica tourism", N)
    assert [u.alts for u in units][:1] == [("哥斯达黎加",)]
    assert ("成本",) not in [u.alts for u in units]
    units, _ = latin.units("costs", N)
    assert [u.alts for u in units] == [("成本",)]  # the wildcard still reads a lone word


def test_the_rest_is_left_for_the_chinese_reader() -> None:
    _, rest = reader().units("food safety 屠宰条例", N)
    assert rest.split() == ["屠宰条例"]


def test_a_dictionary_reading_is_less_sure_than_the_glossarys() -> None:
    units, _ = reader().units("visa", N)
    assert units[0].weight == pytest.approx(WEIGHTS.dictionary_credit * math.log(1 + N / 2))


@pytest.mark.parametrize(("word", "share"), [
    ("permit", 1.0),  # the dictionary knows it and the documents use none of its words
    ("qzxwvb", WEIGHTS.unknown_english_factor),  # no word the dictionary knows
    ("ming", WEIGHTS.unknown_english_factor),  # may be pinyin (名) as well
])
def test_an_unmapped_word_still_counts(word: str, share: float) -> None:
    units, _ = reader().units(word, N)
    assert [u.text for u in units] == [word] and not units[0].known
    assert units[0].weight == pytest.approx(share * math.log(1 + N / WEIGHTS.unknown_df))


def test_the_measure_after_a_pinyin_how_many_is_no_topic_word() -> None:
    assert content_words(["hexin", "biaozhun", "duoshao", "xiang"]) == ["hexin", "biaozhun"]
    assert content_words(["xiang", "cun"]) == ["xiang", "cun"]  # 乡村: a topic word here
