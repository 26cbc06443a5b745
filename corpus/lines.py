"""The parser's units: lines, sentences, sections.

A document's text is read as its non-empty lines (:class:`Line`, with their offsets), a
line as sentences cut on 。!?; outside quotes and brackets (:func:`split_sentences`), and a
run of lines as a section (:func:`build_section`) or, with no structure to follow, as a part
of one section per paragraph (:func:`paragraph_part`).  Which lines head cases and sections
is the structure parser's business (:mod:`corpus.parse`), and which head news articles
:mod:`corpus.news`'s; both build on these.  Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus import regex
from corpus.model import Case, Section, Sentence

# Sentence terminators, and brackets whose insides never end a sentence.
TERMINATORS = "。!?;\uff01\uff1f\uff1b"  # 。 ! ? ; and their full-width forms
_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "(": ")", "\uff08": "\uff09",
          "【": "】", "〔": "〕", "‘": "’"}
_CLOSERS = "".join(_PAIRS.values())
# Closing marks that belong to the sentence just ended (…。” stays together).
_TRAILING = "”」』’)\uff09\""
_MARKS = regex.compile("[" + re.escape("".join(_PAIRS) + _CLOSERS + '"' + TERMINATORS) + "]")


CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(token: str) -> int:
    """'3' → 3, '十二' → 12, '二十' → 20, '两千三百' → 2300."""
    if token.isdigit():
        return int(token)
    total, current = 0, 0
    for ch in token:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
    return total + current


# How the readers join the cells of a table row (corpus.readers.text.with_table_headers).
TABLE_CELLS = " | "


def split_sentences(text: str, base: int = 0, paragraph: int = 0) -> list[Sentence]:
    """Split ``text`` into sentences on 。!?; outside quotes and brackets.

    Offsets are ``base`` + the position in ``text``; leading and trailing
    whitespace is not part of a sentence.  A run without a terminator is a
    sentence of its own.
    """
    sentences: list[Sentence] = []
    stack: list[str] = []
    start = skip_to = 0
    n = len(text)
    # Only brackets, quotes and terminators change anything: visit just those.
    for m in _MARKS.finditer(text):
        i = m.start()
        if i < skip_to:  # closing marks already taken into the sentence before
            continue
        ch = m.group()
        if ch in _PAIRS:
            stack.append(_PAIRS[ch])
        elif ch == '"':
            # An ASCII quote closes if one is open, else opens.
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append('"')
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in _CLOSERS and ch in stack:
            # Unbalanced input: close up to the matching opener.
            while stack and stack.pop() != ch:
                pass
        elif ch in TERMINATORS and not stack:
            end = i + 1
            while end < n and (text[end] in TERMINATORS or text[end] in _TRAILING):
                end += 1
            _append(sentences, text, start, end, base, paragraph)
            start = skip_to = end
    if len(stack) > 0 and start < n:
        # An unclosed bracket swallowed the rest: fall back to splitting it
        # without bracket tracking so a typo cannot make one giant "sentence".
        tail = text[start:]
        if any(t in tail for t in TERMINATORS):
            for s in _split_plain(tail, base + start, paragraph):
                sentences.append(s)
            return sentences
    _append(sentences, text, start, n, base, paragraph)
    return sentences


def _split_plain(text: str, base: int, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in re.finditer(rf"[{TERMINATORS}]+[{re.escape(_TRAILING)}]*", text):
        _append(out, text, start, m.end(), base, paragraph)
        start = m.end()
    _append(out, text, start, len(text), base, paragraph)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, base: int, para: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = base + start + lead
    out.append(Sentence(text=stripped, start=s, end=s + len(stripped), paragraph=para))


@dataclass(frozen=True)
class Line:
    text: str  # stripped
    start: int  # offset of the stripped text in the document
    index: int  # paragraph number (0-based, counting non-empty lines)
    label: bool = False  # a bracket label (【基本情况】) split off its paragraph


@dataclass(frozen=True)
class Heading:
    kind: str
    number: int
    marker: str  # the marker as written, e.g. 案例1、 or 一是
    rest: str  # the text after the marker
    rest_start: int  # document offset of ``rest``
    line_start: int  # document offset of the heading line


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append(Line(stripped, pos + raw.index(stripped), len(out)))
        pos += len(raw) + 1
    return out




def section_heading(rest: str, rest_start: int) -> tuple[str, int]:
    """The heading phrase at the start of a section paragraph.

    Returns the phrase and its end offset within ``rest``.  A short first
    sentence (一是抓政策保障,夯實產業基礎。) is the heading; a whole-line
    heading without terminator is the heading; otherwise there is none.
    """
    m = re.match(rf"([^{TERMINATORS}]{{1,40}})[{TERMINATORS}]", rest)
    if m and len(m.group(1)) <= 30:
        return m.group(1).strip(), m.end()
    if len(rest) <= 40 and not any(t in rest for t in TERMINATORS):
        return rest.strip(), len(rest)
    return "", 0


def sentences_of(lines: Sequence[Line]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for line in lines:
        if TABLE_CELLS in line.text:
            # A table row, as the readers write it (违法事实:…。 | 处罚内容:…罚款5万元。 |
            # 处罚机关:…), is one passage whatever its cells say: a cell's sentence cut
            # from its row loses what the row says it is about.
            _append(out, line.text, 0, len(line.text), line.start, line.index)
        else:
            out.extend(split_sentences(line.text, line.start, line.index))
    return tuple(out)


def build_section(text: str, ordinal: int, head: Heading | None,
                   body: Sequence[Line]) -> Section:
    start = body[0].start
    end = body[-1].start + len(body[-1].text)
    heading = ""
    marker = head.marker if head else ""
    if head:
        heading, _ = section_heading(head.rest, head.rest_start)
    return Section(ordinal=ordinal, marker=marker, heading=heading, text=text[start:end],
                   start=start, end=end, sentences=sentences_of(body))


def paragraph_part(text: str, body: Sequence[Line]) -> Case | None:
    if not body:
        return None
    sections = tuple(build_section(text, i + 1, None, [line]) for i, line in enumerate(body))
    return Case(number=0, title="", marker="", lead="", lead_sentences=(), sections=sections,
                start=body[0].start, end=body[-1].start + len(body[-1].text))


__all__ = ["CN_DIGITS", "TABLE_CELLS", "TERMINATORS", "Heading", "Line", "build_section", "cn_number",
           "lines_of", "paragraph_part", "section_heading", "sentences_of", "split_sentences"]
