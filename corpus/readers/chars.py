"""What a character or a line is, for every reader: an ideograph (:func:`is_hanzi`), the
padding a paragraph may carry, how a sentence ends, and the numbering that opens a heading
(:func:`is_heading_start`)."""

from __future__ import annotations

from corpus import regex

_HANZI_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)


HANZI_RE = regex.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HANZI_RANGES) + "]")


def is_hanzi(ch: str) -> bool:
    """True for a CJK ideograph (any block, including the extension planes)."""
    cp = ord(ch)
    # Spelled out rather than any(...) over the ranges: called per character.
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3FFFF)


# Whitespace a paragraph may be indented or padded with (ideographic space and
# NBSP included, which str.strip() alone would also handle, but explicitly).
PAD = " \t\u00a0\u3000\u2002\u2003\u2009\u202f\u205f"


STRONG_END = regex.compile(r"[。！？!?…]+[”’」』）)\"'》〉]*$|\.[”’\"']?$")


# Lines that begin a new paragraph whatever the previous line looks like: the
# numbering schemes of Chinese official documents.  Kept in step with what
# corpus.parse recognises, but deliberately a little broader.
_HEADING_START = regex.compile(
    r"^(?:"
    r"案例\s*[0-9０-９一二三四五六七八九十百]+"
    r"|[一二三四五六七八九十百]+\s*[、．.]"
    r"|[(（]\s*[一二三四五六七八九十百]+\s*[)）]"
    r"|[0-9０-９]{1,2}\s*[、．.](?![0-9０-９])"
    r"|[(（]\s*[0-9０-９]{1,2}\s*[)）]"
    r"|[一二三四五六七八九十]是"
    r"|第[一二三四五六七八九十百0-9]+[章节節条條部分篇]"
    r"|附件"
    r")"
)


CASE_TITLE = regex.compile(r"^案例\s*[0-9０-９一二三四五六七八九十百]+")


def is_heading_start(line: str) -> bool:
    """True if ``line`` starts with a Chinese official-document numbering marker."""
    return bool(_HEADING_START.match(line.lstrip(PAD)))
