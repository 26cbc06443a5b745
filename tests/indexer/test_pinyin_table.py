"""indexer/pinyin.py: pypinyin's character table read as a data file — the same readings as
pypinyin's own module, without loading the package (its phrase dictionary and segmenter are
about 40 MB a process would hold for good)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.pinyin import char_table, first_reading, pinyin_key, toneless

ROOT = Path(__file__).resolve().parents[2]


def test_the_table_is_pypinyins_own() -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    assert char_table() == pinyin_dict


@pytest.mark.parametrize(("reading", "bare"), [("yín", "yin"), ("lǜ", "lu"), ("ér", "er"),
                                                ("hang", "hang")])
def test_toneless(reading: str, bare: str) -> None:
    assert toneless(reading) == bare


# The first reading only (勒 is lēi before lè): bot/expand/pinyin.py bridges what is typed.
@pytest.mark.parametrize(("term", "key"), [("屠宰", "tuzai"), ("银行", "yinxing"),
                                           ("库尔勒", "kuerlei"), ("屠", None), ("a屠宰", None)])
def test_pinyin_key_by_first_readings(term: str, key: str | None) -> None:
    assert pinyin_key(term) == key


def test_a_character_without_a_reading_has_none() -> None:
    assert first_reading("+") == "" and first_reading("屠") == "tu"


def test_answering_never_loads_the_pypinyin_package(built_db_path: Path) -> None:
    """Pinyin and typo questions are answered from the table alone (a fresh process:
    this one may have imported pypinyin for the test above)."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from bot.service import Casebot\n"
        f"s = Casebot.open(Path({str(built_db_path)!r}), build=False)\n"
        "s.warm_up()\n"
        "found = [s.answer(q).found for q in ('kuerle xiangli pinpai jiazhi',\n"
        "                                      '库而勒香梨品牌价值多少', '畜禽屠宰管里条例')]\n"
        "print(json.dumps([found, sorted(m for m in sys.modules if m.startswith('pypinyin'))]))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, check=True)
    found, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert found == [True, True, True]
    assert loaded == []


def test_a_pypinyin_without_the_json_file_still_gives_the_table(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from importlib.machinery import ModuleSpec

    import indexer.pinyin as module

    expected = char_table()
    spec = ModuleSpec("pypinyin", None, is_package=True)
    spec.submodule_search_locations = [str(tmp_path)]  # a package folder without the JSON
    monkeypatch.setattr(module, "find_spec", lambda name: spec)
    module.char_table.cache_clear()
    try:
        assert module.char_table() == expected
    finally:
        module.char_table.cache_clear()
