"""The general-Chinese lexicon (jieba's dictionary read as a file, cached)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer import lexicon as lexicon_module
from indexer.lexicon import Lexicon, _deserialise, _serialise, lexicon

# A hand-made lexicon: words chosen so that greedy longest-first and fewest-words disagree.
TINY = Lexicon(
    words=frozenset({"甲乙", "乙丙丁", "丙丁", "戊己", "甲乙丙丁戊己"}),
    char_freq={"甲": 100, "乙": 5},
    total=1000,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("", []),
    ("甲", ["甲"]),
    ("子丑", ["子", "丑"]),  # no dictionary word: single characters
    ("甲乙", ["甲乙"]),
    ("甲乙丙", ["甲乙", "丙"]),
    ("丙丁戊己", ["丙丁", "戊己"]),
    ("甲乙丙丁戊己", ["甲乙丙丁戊己"]),  # one six-character word beats three pairs
    ("子甲乙丙丁戊己丑", ["子", "甲乙丙丁戊己", "丑"]),
    ("乙丙丁戊己", ["乙丙丁", "戊己"]),
    ("乙丙丁戊", ["乙丙丁", "戊"]),
    ("戊己甲", ["戊己", "甲"]),
])
def test_split_fewest_words(text: str, expected: list[str]) -> None:
    assert TINY.split(text) == expected


def test_split_never_uses_words_longer_than_the_limit() -> None:
    seven = "一二三四五六七"
    lex = Lexicon(frozenset({seven}), {}, 1)
    assert len(seven) > lexicon_module.MAX_WORD_LEN
    assert lex.split(seven) == list(seven)


def test_split_pieces_join_back_to_the_text() -> None:
    text = "子甲乙丙丁丑戊己甲"
    assert "".join(TINY.split(text)) == text


def test_char_idf_tiny() -> None:
    # log(total / (freq + 1)): frequent < rare < unseen.
    assert TINY.char_idf("甲") < TINY.char_idf("乙") < TINY.char_idf("子")


@pytest.mark.parametrize(("common", "rare"), [
    ("的", "粪"),
    ("是", "簋"),
    ("了", "罚"),
    ("着", "馕"),
])
def test_char_idf_common_below_rare(common: str, rare: str) -> None:
    lex = lexicon()
    assert lex.char_idf(common) < lex.char_idf(rare)


def test_real_lexicon_words() -> None:
    lex = lexicon()
    assert all(w in lex.words for w in ("明天", "下雨", "充电"))
    assert "明天下雨" not in lex.words and "明" not in lex.words  # phrases, single characters
    assert lex.split("明天下雨") == ["明天", "下雨"]


def test_serialise_round_trip() -> None:
    back = _deserialise(_serialise(TINY))
    assert back == TINY
    assert back.words == TINY.words
    assert back.char_freq == {"甲": 100, "乙": 5}
    assert back.total == 1000


def test_parse_keeps_frequent_words_and_single_characters() -> None:
    text = "\n".join([
        "甲 7 n",
        "甲乙 25 n",  # frequent enough
        "丙丁 3 n",  # too rare: a phrase more than a word
        "一二三四五六七 99 n",  # too long
    ])
    lex = lexicon_module._parse(text)
    assert lex.words == frozenset({"甲乙"})
    assert lex.char_freq == {"甲": 7}
    assert lex.total == 7 + 25 + 3 + 99


SMALL_DICT = "明 300 a\n天 400 n\n明天 3264 t\n下雨 481 v\n天会 45 n\n"


@pytest.fixture
def cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``lexicon()`` reading a small dictionary, its cache file redirected into tmp_path;
    the lru cache cleared around."""
    source = tmp_path / "dict.txt"
    source.write_text(SMALL_DICT, encoding="utf-8")
    cache = tmp_path / "cache" / "lexicon.txt"
    monkeypatch.setattr(lexicon_module, "_dictionary_path", lambda: source)
    monkeypatch.setattr(lexicon_module, "_cache_file", lambda source: cache)
    lexicon.cache_clear()
    yield cache
    lexicon.cache_clear()


SMALL = Lexicon(frozenset({"明天", "下雨", "天会"}), {"明": 300, "天": 400}, 300 + 400 + 3264 + 481 + 45)


def test_cache_written_then_used(cache_in_tmp: Path) -> None:
    assert lexicon() == SMALL
    assert cache_in_tmp.exists()
    assert _deserialise(cache_in_tmp.read_text(encoding="utf-8")) == SMALL
    # A cache that says something else is believed: the file is what is read.
    cache_in_tmp.write_text(_serialise(TINY), encoding="utf-8")
    lexicon.cache_clear()
    assert lexicon() == TINY


def test_lexicon_loaded_once(cache_in_tmp: Path) -> None:
    assert lexicon() is lexicon()


@pytest.mark.parametrize("damage", [
    "",  # empty
    "not a number\n甲1\n甲乙",  # total unreadable
    "1000",  # no sections
    "1000\n甲x\n甲乙",  # frequency unreadable
])
def test_damaged_cache_is_rebuilt(cache_in_tmp: Path, damage: str) -> None:
    cache_in_tmp.parent.mkdir(parents=True)
    cache_in_tmp.write_text(damage, encoding="utf-8")
    assert lexicon() == SMALL
    # The damaged file was replaced by a good one.
    assert _deserialise(cache_in_tmp.read_text(encoding="utf-8")) == SMALL


def test_unreadable_cache_is_rebuilt(cache_in_tmp: Path) -> None:
    cache_in_tmp.parent.mkdir(parents=True)
    cache_in_tmp.write_bytes(b"\xff\xfe\x00broken")  # not UTF-8
    assert lexicon() == SMALL


def test_unwritable_cache_still_loads(cache_in_tmp: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")  # a file where the cache directory should be
    monkeypatch.setattr(lexicon_module, "_cache_file", lambda source: blocker / "lexicon.txt")
    assert lexicon() == SMALL


def test_cache_file_in_user_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *a, **k: str(tmp_path / "ucd"))
    path = lexicon_module._cache_file(lexicon_module._dictionary_path())
    assert path.parent == tmp_path / "ucd"
    assert path.name.startswith("lexicon-") and path.suffix == ".txt"


def test_rare_words_of_three_characters_are_kept_on_disk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from indexer import lookup as lookup_module

    source = tmp_path / "dict.txt"
    source.write_text("起征点 5 n\n起步价 3 n\n丙丁 3 n\n甲乙丙 2 n\n明天 3264 t\n下雨天 40 n\n",
                      encoding="utf-8")
    monkeypatch.setattr(lexicon_module, "_dictionary_path", lambda: source)
    monkeypatch.setattr(lookup_module, "cache_dir", lambda: tmp_path / "cache")
    lexicon_module.rare_words.cache_clear()
    try:
        rare = lexicon_module.rare_words()
        assert rare.get("起征点") is not None and rare.get("起步价") is not None
        assert rare.get("丙丁") is None  # two characters: a phrase more than a word
        assert rare.get("甲乙丙") is None  # rarer still
        assert rare.get("下雨天") is None  # frequent: in the lexicon itself
        assert list((tmp_path / "cache").glob("rarewords-*.sqlite"))  # on disk, not in memory
    finally:
        lexicon_module.rare_words.cache_clear()
