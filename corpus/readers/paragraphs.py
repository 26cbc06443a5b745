"""Paragraph normalisation: one paragraph per line, without zero-width characters, NULs,
indentation or blank lines (:func:`clean_lines`), and paragraphs that a PDF or a hard-wrapped
text file broke into lines joined again (:func:`join_wrapped`)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from corpus import regex
from corpus.readers.chars import CASE_TITLE, PAD, STRONG_END, is_heading_start

# Removed everywhere: they are invisible, break substring search and quoting,
# and are typical debris of copy-paste from web pages and Word.
_INVISIBLE: dict[int, None] = dict.fromkeys(
    (0x00AD, 0x180E, *range(0x200B, 0x2010), *range(0x2060, 0x2064), 0xFEFF, 0xFFFC), None
)
# C0/C1 controls other than tab/newline: NULs from UTF-16 mishaps, form feeds
# from PDF page breaks, bells from who knows where.
for _cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
    if _cp not in (0x09, 0x0A):
        _INVISIBLE[_cp] = None
# The same characters as a class: most lines hold none, and a search is far cheaper than
# str.translate, which looks every character up in the table.
_INVISIBLE_RE = regex.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_INVISIBLE)) + "]")
# The line-separating ones become newlines instead of vanishing.
_NEWLINES = regex.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


_WEAK_END = regex.compile(r"[；;：:]$")


# Latin glyph widths in ems, for proportional fonts (Times, the Latin part of
# STSong/SimSun-PUA fonts): close enough to judge whether a line is full.
_NARROW = dict.fromkeys(" ,.:;'`!|", 0.25) | dict.fromkeys('()[]{}"ijlftrI', 0.33)
_WIDE_LATIN = dict.fromkeys("mwMW@%", 0.85) | dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZ&", 0.65)


def display_width(s: str, *, proportional: bool = False) -> float:
    """Width of ``s`` in ems: wide (CJK) characters 1, others ½ (or their
    typical proportional width when ``proportional``).

    East-Asian "ambiguous" characters (“ ” — …) count as wide because in the
    CJK fonts these documents are set in they are.  Monospaced (½ em) Latin is
    right for text files and for PDFs set in SimSun/FangSong; proportional
    widths are right for PDFs from Word with a Latin font for ASCII.
    """
    width = 0.0
    for ch in s:
        if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
            width += 1.0
        elif proportional and ch in _NARROW:
            width += _NARROW[ch]
        elif proportional and ch in _WIDE_LATIN:
            width += _WIDE_LATIN[ch]
        else:
            width += 0.5
    return width


# --------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------


def visible(text: str) -> str:
    """``text`` without its invisible characters."""
    return text.translate(_INVISIBLE) if _INVISIBLE_RE.search(text) else text


def clean_line(line: str) -> str:
    """One paragraph: invisible characters removed, outer padding stripped."""
    return visible(line).strip(PAD).rstrip()


def split_raw_lines(text: str) -> list[str]:
    """Split on every newline convention; invisible characters removed, padding kept."""
    return [visible(line).rstrip() for line in _NEWLINES.sub("\n", text).split("\n")]


def clean_lines(lines: Iterable[str]) -> list[str]:
    """Normalise paragraphs and drop the empty ones."""
    out: list[str] = []
    for raw in lines:
        for part in _NEWLINES.sub("\n", raw).split("\n"):
            line = clean_line(part)
            if line:
                out.append(line)
    return out


def _first_token(line: str) -> str:
    """What a line breaker would have had to fit on the previous line.

    A Latin word (with its trailing punctuation), or one wide character plus
    the closing punctuation that kinsoku rules keep attached to it.
    """
    m = re.match(r"[A-Za-z0-9][A-Za-z0-9.,:;%/+\-'’)]*|.[，。、；：！？”’」』）》〉,.;:!?)]*", line)
    return m.group(0) if m else line[:1]


def _joiner(left: str, right: str) -> str:
    """What goes between two physical lines of one paragraph: a space between
    Latin words, nothing in Chinese (where a number may also be split)."""
    if left.endswith("-") and left[-2:-1].isalpha():
        return ""  # hyphenated Latin word broken across lines
    if not (right[:1].isascii() and right[:1].isalnum()):
        return ""
    if not (left[-1:].isascii() and (left[-1:].isalnum() or left[-1:] in ",.;:!?)")):
        return ""
    latin = sum(ch.isascii() for ch in left) / len(left)
    return " " if latin >= 0.5 else ""


def _full_width(widths: Sequence[float]) -> float:
    """The width of a full line: a high percentile, robust to a few outliers."""
    if not widths:
        return 0.0
    ordered = sorted(widths)
    if len(ordered) < 10:
        return ordered[-1]
    return ordered[int(len(ordered) * 0.9)]


def join_wrapped(lines: Sequence[str], *, proportional: bool = False) -> list[str]:
    """Re-join paragraphs that were broken into lines at a fixed width.

    A line continues into the next one when all of these hold:

    * the next line does not start with a numbering marker (案例1、 一是 (一) 1. …)
      and is not indented (when indentation is used at all), and no blank line
      separates them;
    * the line does not end a sentence (。！？… possibly followed by a closing
      quote) — a semicolon or colon does not end it when the line is full, and
      where indents mark paragraphs (首行缩进) nothing but the next line's indent
      ends one;
    * the line is *full*: its width plus the first word/character of the next
      line would have exceeded the typical line width (a paragraph's indented
      first line counts its two-character indent).  This is what tells a
      wrapped line from a short title or heading that merely lacks punctuation;
    * for a 案例N title, the next line is short and unpunctuated (the tail of
      the title, not the first line of the lead paragraph).

    Chinese lines are joined without a space, Latin words with one.  The input
    lines may keep their leading indentation; the output is cleaned.
    ``proportional`` selects the width model (see :func:`display_width`).
    """
    raw = [line.translate(_INVISIBLE).rstrip() for line in lines]
    texts = [line for line in raw if line.strip(PAD)]
    if not texts:
        return []
    indented = [_indented(line, proportional) for line in texts]
    # Indentation only separates paragraphs if not every line has it.
    use_indent = 0 < sum(indented) < 0.6 * len(texts)
    full = _full_width([display_width(t.strip(PAD), proportional=proportional) for t in texts])
    # Plain-text files are often wrapped every N characters regardless of
    # width, so there a line that is full by character count is full too.
    full_count = 0.0 if proportional else _full_width([len(t.strip(PAD)) for t in texts])

    out: list[str] = []
    current = prev = ""  # the paragraph being built; its last physical line
    prev_indented = False  # whether that line was indented (paragraphs mark their start so)
    for line in raw:
        nxt = line.strip(PAD)
        if not nxt:  # a blank line always ends the paragraph
            if current:
                out.append(current)
            current = prev = ""
            prev_indented = False
            continue
        if current and _continues(prev, line, full, full_count, use_indent, proportional,
                                  prev_indented):
            current += _joiner(current, nxt) + nxt
        else:
            if current:
                out.append(current)
            current = nxt
        prev = nxt
        # pypdf marks an indent only where a line starts right of the line before it
        # (after a centred title it does not), so in a PDF whose paragraphs are
        # indented any line may be a first line short of its indent.
        prev_indented = use_indent and (proportional or _indented(line, proportional))
    if current:
        out.append(current)
    return out


# A paragraph's first line is indented by two characters (首行缩进两字): that much of
# the line's width is taken, so an indented first line that wraps is full without it.
_INDENT_EMS = 2.0


def _indented(line: str, proportional: bool) -> bool:
    """Whether ``line`` starts indented: an ideographic space, a tab or two spaces — or, in
    a PDF's text layer (``proportional``), any space, which is how pypdf renders a line
    that starts right of the margin (an indent, or a centred line)."""
    if proportional:
        return line[:1] in PAD and bool(line.strip(PAD))
    return line[:1] in ("\u3000", "\t") or line.startswith("  ")


def _continues(
    prev: str,
    raw_next: str,
    full: float,
    full_count: float,
    use_indent: bool,
    proportional: bool,
    prev_indented: bool = False,
) -> bool:
    """Whether the line after ``prev`` (a previous physical line) continues it."""
    nxt = raw_next.strip(PAD)
    if is_heading_start(nxt):
        return False
    # Where indents mark paragraphs, a full line ending a sentence may still run on: the
    # next paragraph would have been indented.  Elsewhere the sentence end ends it.
    if STRONG_END.search(prev) and not use_indent:
        return False
    if use_indent and _indented(raw_next, proportional):
        return False
    gap = 0.5 if _joiner(prev, nxt) == " " else 0.0
    # Widths are estimated (Latin letters are not all ½ em), so lines with
    # Latin text get some slack; pure CJK lines are measured exactly.
    latin = sum(ch.isascii() for ch in prev) / max(len(prev), 1)
    tolerance = 0.25 + 0.08 * full * latin
    width = display_width(prev, proportional=proportional) + (_INDENT_EMS if prev_indented else 0.0)
    token = display_width(_first_token(nxt), proportional=proportional)
    prev_full = width + gap + token > full - tolerance or (
        bool(full_count) and len(prev) + 1 + (_INDENT_EMS if prev_indented else 0) > full_count
    )
    if not prev_full:
        return False
    if CASE_TITLE.match(prev):
        # A case title that exactly fills its line looks wrapped.  What follows
        # a really wrapped title is its short tail; a lead paragraph's first
        # line is full or ends a sentence.
        next_width = display_width(nxt, proportional=proportional)
        return next_width + 1 <= full - tolerance and not STRONG_END.search(nxt)
    return True


def _looks_hard_wrapped(lines: Sequence[str]) -> bool:
    """True if a text file's paragraphs were broken at a fixed width.

    Such files come from PDF copy-paste or old editors.  The signal: most lines
    that are followed by another line in the same block end without sentence
    punctuation *and* are close to one common width.  One-paragraph-per-line
    files (the norm) have mostly punctuated line ends; lists have ragged widths.
    """
    inner = [
        (cur.strip(PAD), nxt.strip(PAD))
        for cur, nxt in itertools.pairwise(lines)
        if cur.strip(PAD) and nxt.strip(PAD)
    ]
    if len(inner) < 4:
        return False
    open_ends = [cur for cur, nxt in inner
                 if not STRONG_END.search(cur) and not _WEAK_END.search(cur)
                 and not is_heading_start(nxt)]
    if len(open_ends) < 0.5 * len(inner):
        return False  # most lines end a sentence: no need to measure them
    widths = [display_width(line.strip(PAD)) for line in lines if line.strip(PAD)]
    full = _full_width(widths)
    open_full = sum(1 for cur in open_ends if display_width(cur) >= 0.85 * full)
    return open_full >= 0.5 * len(inner)


def paragraphs_from_plain(text: str) -> list[str]:
    """Plain text → paragraphs, re-joining hard-wrapped lines when detected."""
    raw = split_raw_lines(text)
    if not _looks_hard_wrapped(raw):
        return clean_lines(raw)
    return clean_lines(join_wrapped(raw))
