"""bot/expand/synonyms.py: the hand synonym table and the thesaurus credit (no index)."""

from __future__ import annotations

import math

import pytest

from bot.analysis import Unit
from bot.expand.synonyms import SynonymExpander
from bot.expand.units import UnitWeigher
from bot.weights import WEIGHTS
from tests.bot.fake_vocab import FakeVocabulary

TABLE = {"自来水": ("供水",), "吃饭": ("用餐",), "噪音": ("杂音",), "不合格": ("超标",)}


def expander(df: dict[str, int], passages: int = 1000) -> SynonymExpander:
    vocab = FakeVocabulary(df, passages)
    return SynonymExpander(vocab, TABLE, UnitWeigher(vocab))


@pytest.mark.parametrize(("word", "df", "expected"), [
    # The documents use the asker's word: a synonym in 1 of 50 passages or more blurs it …
    ("自来水", {"自来水": 1, "供水": 500}, ("自来水",)),
    # … a rarer one stands beside it.
    ("自来水", {"自来水": 1, "供水": 10}, ("自来水", "供水")),
    # The index lacks the asker's word: any synonym the documents use stands for it,
    # beside the word itself, which a sentence may still say as written — the segmenter
    # cut it (不合格 is indexed as 不 + 合格).
    ("自来水", {"供水": 500}, ("供水", "自来水")),
    ("不合格", {"超标": 4, "不": 90, "合格": 30}, ("超标", "不合格")),
    # A synonym that is no index word but part of one (用餐 in 用餐补贴) still matches.
    ("吃饭", {"用餐补贴": 3}, ("用餐", "吃饭")),
    # Nothing the documents use: the word itself.
    ("吃饭", {}, ("吃饭",)),
    ("水渠", {}, ("水渠",)),
])
def test_alts(word: str, df: dict[str, int], expected: tuple[str, ...]) -> None:
    assert expander(df).alts(word, dict(df)) == expected


def test_targets_and_indexed_synonyms() -> None:
    exp = expander({"供水": 5})
    assert exp.targets({"自来水", "吃饭", "屠宰"}) == {"供水", "用餐"}
    assert exp.has_indexed("自来水", {"供水": 5})
    assert not exp.has_indexed("吃饭", {"供水": 5})


def test_thesaurus_credit() -> None:
    # 噪音 is unknown to the index; 同义词词林 gives 噪声, which the documents use.
    exp = expander({"噪声": 7})
    unknown = Unit("噪音", ("噪音",), math.log(1 + 1000 / 0.5), False)
    found = exp.thesaurus(unknown, 1000)
    assert found.alts == ("噪声",) and found.known and found.source == "synonym"
    # It weighs as the unknown word did, at the thesaurus' credit.
    assert found.weight == pytest.approx(WEIGHTS.thesaurus_credit * unknown.weight)


@pytest.mark.parametrize("unit", [
    Unit("噪音", ("噪音",), 1.0, True),  # known: nothing to read otherwise
    Unit("噪", ("噪",), 1.0, False),  # a lone character
    Unit("noise", ("noise",), 1.0, False, "english"),  # not Chinese
    Unit("屠宰", ("屠宰",), 1.0, False),  # no thesaurus synonym the documents use
])
def test_thesaurus_leaves_alone(unit: Unit) -> None:
    assert expander({"噪声": 7}).thesaurus(unit, 1000) == unit


def test_near_synonym_credit() -> None:
    # 拖拉机 has no synonym the documents use; its near-synonym 农机 (one small class of
    # concrete things) stands for it, less surely than a synonym would.
    exp = expander({"农机": 3})
    unknown = Unit("拖拉机", ("拖拉机",), 2.0, False)
    found = exp.thesaurus(unknown, 1000)
    assert found.alts == ("农机",) and found.known
    assert found.weight == pytest.approx(WEIGHTS.near_synonym_credit * unknown.weight)


def test_synonym_before_near_synonym() -> None:
    # 噪音 → 噪声 (a synonym) wins; a near-synonym is tried only when none is used.
    found = expander({"噪声": 7, "农机": 3}).thesaurus(Unit("噪音", ("噪音",), 2.0, False),
                                                    1000)
    assert found.alts == ("噪声",)
    assert found.weight == pytest.approx(WEIGHTS.thesaurus_credit * 2.0)


def test_the_shipped_table_dates_a_founding_however_the_text_says_it() -> None:
    """"哪年成立的?" over 表演队组建于1962年: the deed the when-question dates is said, in
    the form the text uses (bot.extract.whose.unsaid)."""
    from bot.expand.tables import read_table
    from bot.extract.whose import unsaid
    from corpus.paths import DATA_DIR

    vocab = FakeVocabulary({"组建": 3, "成立": 40}, 1000)
    shipped = SynonymExpander(vocab, read_table(DATA_DIR / "synonyms.tsv"), UnitWeigher(vocab))
    deed = [shipped.alts("成立", {"组建": 3, "成立": 40})]
    assert not unsaid(deed, "八一飞行表演队组建于一九六二年")
    assert unsaid(deed, "表演队完成了第213次特技飞行表演")
