"""bot/expand/english.py: English words through the glossary and CC-CEDICT (no index)."""

from __future__ import annotations

import pytest

from bot.expand.english import EnglishReader
from tests.bot.fake_vocab import FakeVocabulary

GLOSSARY = {"food safety": ("食品安全",), "regulat*": ("条例",), "fine": ("罚款",),
            "mutual aid": ("互助",)}


@pytest.mark.parametrize(("phrase", "wildcards", "expected"), [
    ("food safety", True, ("食品安全",)),
    ("mutual-aid", True, ("互助",)),  # hyphenated as the glossary's spaced phrase
    ("fines", True, ("罚款",)),  # an inflection of a glossary word
    ("regulations", True, ("条例",)),  # by the wildcard entry
    ("regulations", False, ()),  # wildcards only when asked for
    ("regulation of food", True, ()),  # a wildcard covers one word, not a phrase
    ("permit", True, ()),
])
def test_glossary_words(phrase: str, wildcards: bool, expected: tuple[str, ...]) -> None:
    reader = EnglishReader(FakeVocabulary({}), GLOSSARY)
    assert reader.glossary_words(phrase, wildcards=wildcards) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("visa", (True, ("签证",))),  # known to the dictionary, and the index has 签证
    ("permit", (True, ())),  # known, but the index has none of its words
    ("qzxwv", (False, ())),  # no English word
    ("ab", (False, ())),  # too short to look up
    ("b2b", (False, ())),  # not a word
    ("re-elected", (True, ("选举",))),  # a hyphen joins letters: elected again, elected
])
def test_dictionary_words(word: str, expected: tuple[bool, tuple[str, ...]]) -> None:
    reader = EnglishReader(FakeVocabulary({"签证": 3, "选举": 5}), GLOSSARY)
    assert reader.dictionary_words(word) == expected


def test_the_shipped_glossary_reads_a_hotline_as_the_telephone_announcements_give() -> None:
    from bot.expand.tables import read_table
    from corpus.paths import DATA_DIR

    shipped = EnglishReader(FakeVocabulary({}), read_table(DATA_DIR / "glossary_en.tsv"))
    assert "电话" in shipped.glossary_words("hotline", wildcards=True)
