"""Toneless pinyin of characters and index words, for questions typed in pinyin (tuzai
tiaoli) and homophone typos (管里 → 管理).

The readings come from pypinyin's character table (``pinyin_dict.json``), read as a data
file: importing the ``pypinyin`` package loads its phrase dictionary and segmenter too
(about 40 MB held for the life of the process), and casebot reads characters only.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

_CHAR_PINYIN: dict[str, str] = {}


@lru_cache(maxsize=1)
def char_table() -> dict[int, str]:
    """pypinyin's table: a code point → its readings with tones, comma-separated, the most
    common first (``{38134: "yín"}``)."""
    spec = find_spec("pypinyin")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pypinyin is not installed: pip install pypinyin")
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    try:
        with path.open(encoding="utf-8") as fp:
            return {int(code): readings for code, readings in json.load(fp).items()}
    except FileNotFoundError:  # a pypinyin that keeps the table in code: the costly way
        from pypinyin.pinyin_dict import pinyin_dict

        return dict(pinyin_dict)


def toneless(reading: str) -> str:
    """``yín`` → ``yin``; ü loses its dots with the tone (``lǜ`` → ``lu``), as the index's
    pinyin keys have always been made."""
    bare = unicodedata.normalize("NFD", reading)
    return "".join(c for c in bare if not unicodedata.combining(c))


def first_reading(ch: str) -> str:
    """A character's most common reading, toneless (the first entry of pypinyin's table)."""
    found = _CHAR_PINYIN.get(ch)
    if found is None:
        found = toneless(char_table().get(ord(ch), "").split(",")[0])
        _CHAR_PINYIN[ch] = found
    return found


def pinyin_key(term: str) -> str | None:
    """Toneless pinyin, joined, for CJK words of two to six characters.

    Character by character (a dictionary lookup each) rather than pypinyin's
    phrase-aware conversion: ten times faster on a large vocabulary, and a
    word's keys only need to match how people type it, mostly the common reading.
    """
    if not 2 <= len(term) <= 6 or not all("\u4e00" <= c <= "\u9fff" for c in term):
        return None
    key = "".join(first_reading(c) for c in term)
    return key or None
