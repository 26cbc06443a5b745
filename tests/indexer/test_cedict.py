"""English → Chinese through CC-CEDICT read backwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer import cedict
from indexer.cedict import MAX_GLOSS_WORDS, _entries, lemmas, parse, rows, translations
from indexer.lookup import open_lookup

# Made-up entries in CC-CEDICT's format: 繁體 简体 [pin1 yin1] /gloss/gloss/
LINES = [
    "# a comment line",
    "甲 甲 [jia3] /armour/",  # a single character: skipped
    "罰金 罚金 [fa2 jin1] /penalty/to fine/",
    "汽瓶 汽瓶 [qi4 ping2] /gas cylinder/CL:個|个[ge4]/",
    "舊詞 旧词 [jiu4 ci2] /variant of 新词[xin1 ci2]/",
    "長詞 长词 [chang2 ci2] /a very long gloss saying far too many things/",
    "籤證 签证 [qian1 zheng4] /visa/",
    "綠卡 绿卡 [lu:4 ka3] /permanent residence permit (lit. green card)/",
    "姓氏 姓氏 [xing4 shi4] /surname Somebody/family name/",
    "塑劑 塑剂 [su4 ji4] /plasticizer/",
    "罰款 罚款 [fa2 kuan3] /to fine/penalty/",
    "not an entry at all",
]


@pytest.fixture(scope="module")
def parsed() -> cedict.Table:
    return parse(LINES)


@pytest.mark.parametrize(("word", "expected"), [
    ("fine", (("罚款", 1.0), ("罚金", 1.0))),  # equal tightness: by headword
    ("penalty", (("罚款", 1.0), ("罚金", 1.0))),
    ("visa", (("签证", 1.0),)),
    ("plasticizer", (("塑剂", 1.0),)),
    ("gas", (("汽瓶", 0.5),)),  # "gas cylinder": two words, each half as tight
    ("cylinder", (("汽瓶", 0.5),)),
    ("family", (("姓氏", 0.5),)),
    ("name", (("姓氏", 0.5),)),
    # "permanent residence permit (lit. green card)": the brackets drop out.
    ("permit", (("绿卡", pytest.approx(1 / 3)),)),
])
def test_parse_entries(parsed: cedict.Table, word: str, expected: tuple) -> None:
    assert parsed[word] == expected


@pytest.mark.parametrize("absent", [
    "armour",  # single-character headword
    "cl",  # a classifier gloss
    "个",
    "variant",  # a variant-of gloss
    "gloss",  # a gloss longer than MAX_GLOSS_WORDS
    "surname",
    "somebody",
    "green",  # inside brackets
    "lit",
    "to",  # filler words
    "a",
    "not",  # a line that is no entry
])
def test_parse_skips(parsed: cedict.Table, absent: str) -> None:
    assert absent not in parsed


def test_no_headword_from_skipped_lines(parsed: cedict.Table) -> None:
    heads = {h for entries in parsed.values() for h, _ in entries}
    assert heads == {"罚款", "罚金", "签证", "绿卡", "姓氏", "塑剂", "汽瓶"}


def test_gloss_length_limit() -> None:
    limit = ["一二 一二 [yi1 er4] /" + " ".join(["alpha", "beta", "gamma", "delta"][:MAX_GLOSS_WORDS])
             + "/"]
    over = ["三四 三四 [san1 si4] /" + " ".join(["alpha", "beta", "gamma", "delta", "omega"]
                                                [:MAX_GLOSS_WORDS + 1]) + "/"]
    assert parse(limit)["alpha"] == (("一二", pytest.approx(1 / MAX_GLOSS_WORDS)),)
    assert parse(over) == {}


def test_tightest_gloss_wins_per_headword() -> None:
    table = parse(["氣瓶 气瓶 [qi4 ping2] /large steel cylinder/cylinder/"])
    assert table["cylinder"] == (("气瓶", 1.0),)
    assert table["steel"] == (("气瓶", pytest.approx(1 / 3)),)


def test_tighter_headword_first() -> None:
    table = parse(["圓柱 圆柱 [yuan2 zhu4] /cylinder/",
                   "氣缸 气缸 [qi4 gang1] /engine cylinder/"])
    assert [h for h, _ in table["cylinder"]] == ["圆柱", "气缸"]


@pytest.mark.parametrize(("word", "form"), [
    ("fines", "fine"),
    ("seized", "seize"),
    ("cities", "city"),
    ("cylinders", "cylinder"),
    ("inspected", "inspect"),
    ("charging", "charge"),
    ("testing", "test"),
    ("boxes", "box"),
    ("fined", "fine"),
    ("supplied", "supply"),
    ("re-elected", "elect"),  # again is still the same act
])
def test_lemmas_include_form(word: str, form: str) -> None:
    forms = lemmas(word)
    assert forms[0] == word
    assert form in forms


@pytest.mark.parametrize("word", ["gas", "visa", "bus", "is", "red", "sing"])
def test_lemmas_leave_short_stems(word: str) -> None:
    # No stem shorter than three letters: gas is not ga, bus is not bu, red is not r.
    assert lemmas(word) == [word]


def test_lemmas_no_duplicates() -> None:
    forms = lemmas("fines")
    assert len(forms) == len(set(forms))


def test_round_trip_through_the_cache_file(parsed: cedict.Table, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("indexer.lookup.cache_dir", lambda: tmp_path)
    built = open_lookup("cedict-test.sqlite", lambda: rows(parsed))
    assert (tmp_path / "cedict-test.sqlite").exists()
    back = open_lookup("cedict-test.sqlite", lambda: pytest.fail("rebuilt"))  # read, not built
    for source in (built, back):
        for word, entries in parsed.items():
            got = _entries(source.get(word) or "")
            assert [h for h, _ in got] == [h for h, _ in entries]
            assert [t for _, t in got] == pytest.approx([t for _, t in entries], abs=1e-3)
    assert back.get("no-such-word") is None


def test_damaged_cache_file_is_rebuilt(parsed: cedict.Table, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("indexer.lookup.cache_dir", lambda: tmp_path)
    (tmp_path / "cedict-test.sqlite").write_bytes(b"not a database")
    built = open_lookup("cedict-test.sqlite", lambda: rows(parsed))
    assert built.get("penalty")


@pytest.mark.parametrize(("english", "chinese"), [
    ("plasticizer", "塑化剂"),
    ("visa", "签证"),
    ("fines", "罚款"),
    ("cylinders", "气瓶"),
    ("seized", "查封"),
    ("pension", "养老金"),
])
def test_translations_on_real_table(english: str, chinese: str) -> None:
    found = translations(english)
    assert chinese in [h for h, _ in found]
    tight = [t for _, t in found]
    assert tight == sorted(tight, reverse=True)


def test_translations_unknown_word() -> None:
    assert translations("qwxzvbn") == []
