"""Normalisation for matching: one script, one width, one set of punctuation.

Everything that compares text — the index, the question analyser, the
highlighter — goes through :func:`normalize`.  It is *length-preserving*: the
i-th character of the normalised string stands for the i-th character of the
original, so a match found in normalised text maps straight back to a span
of the original, which is what we always quote.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, Protocol

Script = Literal["simplified", "traditional"]


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=2)
def _converter(config: str) -> _Converter:
    # Imported lazily: OpenCC loads its dictionaries on first use.
    import opencc

    converter: _Converter = opencc.OpenCC(config)
    return converter


# Punctuation that writers use interchangeably; mapped one character to one
# character so that offsets survive.
_PUNCT = {
    "“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"',
    "‘": "'", "’": "'", "—": "-", "–": "-", "―": "-", "…": ".", "·": ".",
    "〔": "(", "〕": ")", "【": "(", "】": ")", "〈": "《", "〉": "》", "\u3000": " ",
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block → ASCII, lower case
        table[code] = chr(code - 0xFEE0).lower()
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    for src, dst in _PUNCT.items():
        table[ord(src)] = dst
    return table


# One character to one character, applied by str.translate (in C: it runs on
# every candidate passage of every question).
_TABLE = _build_table()


def _width_and_punct(text: str) -> str:
    return text.translate(_TABLE)


def _convert_preserving_length(text: str, config: str) -> str:
    converted = _converter(config).convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length (rare); fall back to character-wise
    # conversion so offsets still line up.
    conv = _converter(config)
    return "".join(c if len(c := conv.convert(ch)) == 1 else ch for ch in text)


def to_simplified(text: str) -> str:
    """Traditional → simplified, same length."""
    return _convert_preserving_length(text, "t2s")


def to_traditional(text: str) -> str:
    """Simplified → traditional (Taiwan-neutral OpenCC standard), same length."""
    return _convert_preserving_length(text, "s2t")


def normalize(text: str) -> str:
    """The matching form of ``text``: simplified, half-width, lower-case, unified quotes.

    ``len(normalize(t)) == len(t)`` always holds.
    """
    known = _MEMO.get(text)
    return known if known is not None else to_simplified(_width_and_punct(text))


# Normalised passage texts, by text.  A question ranks a hundred candidate
# passages and then quotes a few of them; the same passages come back question
# after question.  Keyed by the text itself (normalisation is a pure function),
# so it never goes stale when the index changes.  Bounded: about 5 MB at most.
_MEMO: dict[str, str] = {}
_MEMO_MAX = 20_000


def normalize_many(texts: list[str]) -> list[str]:
    """:func:`normalize` of each text, in one OpenCC call (a question ranks a hundred passages).

    Results are remembered, so later questions (and :func:`normalize` of the
    same passage) find them at the cost of a dictionary lookup.
    """
    if not texts:
        return []
    out = [_MEMO.get(t) for t in texts]
    missing = list(dict.fromkeys(t for t, n in zip(texts, out, strict=True) if n is None))
    if not missing:
        return out  # type: ignore[return-value]  # no None left
    converted = _normalize_batch(missing)
    if len(_MEMO) + len(missing) > _MEMO_MAX:
        _MEMO.clear()  # crude, but rare: the working set of a corpus fits many times over
    _MEMO.update(zip(missing, converted, strict=True))
    return [n if n is not None else _MEMO.get(t) or normalize(t)
            for t, n in zip(texts, out, strict=True)]


def _normalize_batch(texts: list[str]) -> list[str]:
    """Each text as :func:`normalize` alone would give it, converted in one OpenCC call."""
    if not any("\n" in t for t in texts):
        joined = _width_and_punct("\n".join(texts))
        converted = _converter("t2s").convert(joined)
        # Same length: no phrase rule fired, so each line is its text's own
        # conversion; otherwise let each text take its own fallback.
        if len(converted) == len(joined):
            parts = converted.split("\n")
            if len(parts) == len(texts):
                return parts
    return [to_simplified(_width_and_punct(t)) for t in texts]


def occurrences(text: str, piece: str) -> list[int]:
    """Where ``piece`` starts in ``text``, left to right, not overlapping (none for "")."""
    if not piece:
        return []
    out, at = [], text.find(piece)
    while at >= 0:
        out.append(at)
        at = text.find(piece, at + len(piece))
    return out


def detect_script(text: str) -> Script:
    """Which script ``text`` is written in; simplified when it cannot tell."""
    trad = sum(1 for a, b in zip(text, to_simplified(text), strict=True) if a != b)
    if not trad:  # simplified whatever the other count: s2t need not even load
        return "simplified"
    simp = sum(1 for a, b in zip(text, to_traditional(text), strict=True) if a != b)
    # Characters such as 台 are valid in both scripts and count on both sides,
    # so a tie with any traditional-only character means traditional (台灣).
    return "traditional" if trad and trad >= simp else "simplified"


def to_script(text: str, script: Script) -> str:
    """``text`` rendered in ``script``."""
    return to_traditional(text) if script == "traditional" else to_simplified(text)


def is_cjk(ch: str) -> bool:
    """A CJK unified ideograph (the characters jieba segments)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
