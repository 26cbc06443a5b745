"""bot/expand/units.py: a question word's weight from its rarity (no index)."""

from __future__ import annotations

import math

import pytest

from bot.analysis import Unit
from bot.expand.units import UnitWeigher, cover, place_names, unindexed_places
from bot.weights import WEIGHTS
from tests.bot.fake_vocab import FakeVocabulary

N = 1000
DF = {"非法": 40, "集资": 8, "屠宰": 5, "由": 300, "典型案例": 12, "饮水": 20, "困难": 90}


@pytest.mark.parametrize(("phrase", "expected"), [
    ("非法集资", ("非法", "集资")),
    ("饮水困难", ("饮水", "困难")),
    ("非法", ()),  # one word is no composition
    ("非法x集资", ()),  # a gap
])
def test_cover(phrase: str, expected: tuple[str, ...]) -> None:
    assert cover(phrase, DF) == expected


@pytest.mark.parametrize(("text", "alts", "weight", "known"), [
    ("屠宰", ("屠宰",), math.log(1 + N / 5), True),
    # A phrase of index words weighs as its rarest word, and is retrieved by them.
    ("非法集资", ("非法集资",), math.log(1 + N / 8), True),
    # A word the index lacks: rarer than any it has.
    ("粪污", ("粪污",), math.log(1 + N / WEIGHTS.unknown_df), False),
    # A lone character says little.
    ("由", ("由",), math.log(1 + N / 300) * WEIGHTS.lone_char_factor, True),
    ("归", ("归",), math.log(1 + N / WEIGHTS.unknown_df) * WEIGHTS.unknown_lone_char_factor,
     False),
    # A place the documents never name is a hard constraint.
    ("广东省", ("广东省",), math.log(1 + N / WEIGHTS.unknown_df) * WEIGHTS.unknown_place_factor,
     False),
    # … and so is a bare place name of general Chinese (宁波, no 市).
    ("宁波", ("宁波",), math.log(1 + N / WEIGHTS.unknown_df) * WEIGHTS.unknown_place_factor,
     False),
    ("吃饭", ("吃饭",), math.log(1 + N / WEIGHTS.unknown_df), False),
])
def test_unit_weight(text: str, alts: tuple[str, ...], weight: float, known: bool) -> None:
    unit = UnitWeigher(FakeVocabulary(DF, N)).unit(text, alts, N, "question")
    assert unit.weight == pytest.approx(weight)
    assert unit.known is known


def test_a_composed_phrase_is_retrieved_by_its_words() -> None:
    unit = UnitWeigher(FakeVocabulary(DF, N)).unit("非法集资", ["非法集资"], N, "question")
    assert unit.search == ("非法", "集资")


def test_a_translation_inside_an_index_word_is_known() -> None:
    # 典型 is no index word, but stands inside 典型案例.
    unit = UnitWeigher(FakeVocabulary(DF, N)).unit("typical", ["典型"], N, "english")
    assert unit.known and unit.weight == pytest.approx(math.log(1 + N))


def test_general_weighs_an_unknown_lone_character_by_its_rarity() -> None:
    weigher = UnitWeigher(FakeVocabulary(DF, N))
    common = weigher.general(Unit("的", ("的",), 1.0, False))
    rare = weigher.general(Unit("粪", ("粪",), 1.0, False))
    assert common.weight == pytest.approx(WEIGHTS.min_char_factor)
    assert WEIGHTS.min_char_factor < rare.weight <= 1.0
    known = Unit("由", ("由",), 1.0, True)
    assert weigher.general(known) is known


def test_reset_forgets_compositions() -> None:
    vocab = FakeVocabulary({"非法": 4}, N)
    weigher = UnitWeigher(vocab)
    assert weigher.compose(["非法集资"]) == {}
    vocab.df["集资"] = 2
    assert weigher.compose(["非法集资"]) == {}  # cached until the index changes
    weigher.reset()
    assert weigher.compose(["非法集资"]) == {"非法集资": (2, ("非法", "集资"))}


def test_place_names_are_places_not_idioms() -> None:
    names = place_names()
    assert {"宁波", "剑阁", "温州"} <= names
    assert "一马平川" not in names and "吃饭" not in names
    # jieba tags these ns too; CC-CEDICT knows them as common words only.
    assert not {"上门", "礼拜", "海关", "福利", "长度"} & names
    assert {"北大荒", "长城", "阜平"} <= names  # a region, a landmark, a county by its name


@pytest.mark.parametrize(("run", "pieces", "spans"), [
    # 常州 is no index word: split into 常 (unknown) and 州市, the place is one span.
    ("常州市罚没款", [("常", False), ("州市", True), ("罚没款", True)], [(0, 3)]),
    # A place the index holds as its words stays those words.
    ("苏州市罚没款", [("苏州市", True), ("罚没款", True)], []),
    ("罚没款多少", [("罚没款", True), ("多少", True)], []),
])
def test_unindexed_places(run: str, pieces: list[tuple[str, bool]],
                          spans: list[tuple[int, int]]) -> None:
    assert unindexed_places(run, pieces) == spans


def test_inside_words_is_inside_word_for_each_piece() -> None:
    # Pruned by shorter pieces, the answer is the same as asking piece by piece; and a
    # piece whose shorter part stands in no word is never searched for.
    vocab = FakeVocabulary({"牛羊杂清洗规范": 3, "用餐补贴": 5, "补贴标准": 2}, N)
    weigher = UnitWeigher(vocab)
    run = "牛羊杂清洗用餐补贴标准啊"
    pieces = [run[i:j] for i in range(len(run)) for j in range(i + 3, len(run) + 1)]
    assert weigher.inside_words(pieces) == {p for p in pieces if weigher.inside_word(p)}
    asked: list[str] = []
    searched = weigher.inside_word
    weigher.inside_word = lambda p: asked.append(p) or searched(p)  # type: ignore[method-assign]
    weigher.inside_words(pieces)
    assert "准啊" not in asked and not any(p.endswith("标准啊") and len(p) > 3 for p in asked)
