"""Toneless pinyin keys of index words, for questions typed in pinyin (tuzai tiaoli)."""

from __future__ import annotations

_CHAR_PINYIN: dict[str, str] = {}


def _char_pinyin(ch: str) -> str:
    """A character's most common reading, toneless (the first entry of pypinyin's table)."""
    found = _CHAR_PINYIN.get(ch)
    if found is None:
        import unicodedata

        from pypinyin.pinyin_dict import pinyin_dict

        reading = pinyin_dict.get(ord(ch), "").split(",")[0]
        bare = unicodedata.normalize("NFD", reading)
        found = "".join(c for c in bare if not unicodedata.combining(c)).replace("ü", "v")
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
    key = "".join(_char_pinyin(c) for c in term)
    return key or None
