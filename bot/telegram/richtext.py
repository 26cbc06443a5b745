"""Telegram's rich text, as a model: *units* (a passage with its citation, a paragraph, a
header) made of *blocks* (a ``<blockquote>`` or a line) made of *runs* (plain, bold or
italic text), rendered to HTML so that every piece of text is escaped exactly once and no
split can break a tag; and the splitting of long replies into messages of at most 4096
UTF-16 code units of visible text (:func:`split_message`): a unit that does not fit alone
is split between its blocks, a block at sentence ends, then between characters.  Pure;
:mod:`bot.telegram.format` builds replies with it."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

MESSAGE_LIMIT = 4096  # UTF-16 code units of visible text


def escape(text: str) -> str:
    """Text safe anywhere in Telegram HTML (``&``, ``<``, ``>`` and quotes escaped)."""
    return html.escape(text, quote=True)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: the unit of Telegram's limits."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)



Style = Literal["", "b", "i"]


@dataclass(frozen=True)
class Run:
    text: str
    style: Style = ""


@dataclass(frozen=True)
class Block:
    """A line or paragraph, optionally a blockquote; rendered as one HTML fragment."""

    runs: tuple[Run, ...]
    quote: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def html(self) -> str:
        inner = "".join(
            f"<{r.style}>{escape(r.text)}</{r.style}>" if r.style else escape(r.text)
            for r in self.runs if r.text
        )
        return f"<blockquote>{inner}</blockquote>" if self.quote else inner


Unit = tuple[Block, ...]
"""Blocks that belong together (a quote and its citation); kept in one message if possible."""

_BLOCK_SEP = "\n"
_UNIT_SEP = "\n\n"


def line(text: str, style: Style = "") -> Block:
    return Block((Run(text, style),))


def split_message(units: Iterable[Unit], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pack ``units`` into HTML messages of at most ``limit`` visible UTF-16 units each."""
    messages: list[list[tuple[str, Block]]] = []
    current: list[tuple[str, Block]] = []
    size = 0

    def add(sep: str, block: Block) -> None:
        nonlocal size
        if not current:
            sep = ""
        current.append((sep, block))
        size += utf16_len(sep) + utf16_len(block.text)

    def flush() -> None:
        nonlocal current, size
        if current:
            messages.append(current)
        current, size = [], 0

    for unit in units:
        blocks = [b for b in unit if b.text.strip()]
        if not blocks:
            continue
        unit_size = sum(utf16_len(b.text) for b in blocks) + (len(blocks) - 1) * len(_BLOCK_SEP)
        gap = len(_UNIT_SEP) if current else 0
        if size + gap + unit_size > limit and unit_size <= limit:
            flush()  # a unit that fits a message of its own is never split
        if unit_size <= limit:
            for i, b in enumerate(blocks):
                add(_BLOCK_SEP if i else _UNIT_SEP, b)
            continue
        for i, b in enumerate(blocks):
            for k, piece in enumerate(split_block(b, limit)):
                sep = _BLOCK_SEP if i or k else _UNIT_SEP
                if current and size + utf16_len(sep) + utf16_len(piece.text) > limit:
                    flush()
                add(sep, piece)
    flush()
    return ["".join(sep + block.html() for sep, block in m) for m in messages]


_SENTENCE_END = set("。!?;!?;\n")
_CLOSERS = set("”’」』)))》】\"'")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, its closing quotes/brackets included."""
    spans: list[tuple[int, int]] = []
    start, i, n = 0, 0, len(text)
    while i < n:
        if text[i] in _SENTENCE_END:
            i += 1
            while i < n and text[i] in _CLOSERS:
                i += 1
            spans.append((start, i))
            start = i
        else:
            i += 1
    if start < n:
        spans.append((start, n))
    return spans


def _char_chunks(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    chunks: list[tuple[int, int]] = []
    s, size = start, 0
    for i in range(start, end):
        w = 2 if ord(text[i]) > 0xFFFF else 1
        if size + w > limit:
            chunks.append((s, i))
            s, size = i, 0
        size += w
    if s < end:
        chunks.append((s, end))
    return chunks


def split_block(block: Block, limit: int = MESSAGE_LIMIT) -> list[Block]:
    """``block`` cut at sentence ends (or, for an overlong sentence, between characters)
    into blocks of at most ``limit`` UTF-16 units, each keeping its styles."""
    text = block.text
    if utf16_len(text) <= limit:
        return [block]
    pieces: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for s, e in _sentence_spans(text):
        width = utf16_len(text[s:e])
        if cur is not None and utf16_len(text[cur[0]:e]) <= limit:
            cur = (cur[0], e)
            continue
        if cur is not None:
            pieces.append(cur)
            cur = None
        if width <= limit:
            cur = (s, e)
        else:
            pieces.extend(_char_chunks(text, s, e, limit))
    if cur is not None:
        pieces.append(cur)
    out = [Block(_slice_runs(block.runs, s, e), block.quote) for s, e in pieces]
    return [b for b in out if b.text.strip()]


def _slice_runs(runs: Sequence[Run], start: int, end: int) -> tuple[Run, ...]:
    out: list[Run] = []
    pos = 0
    for r in runs:
        r_start, r_end = pos, pos + len(r.text)
        pos = r_end
        s, e = max(start, r_start), min(end, r_end)
        if s < e:
            out.append(Run(r.text[s - r_start:e - r_start], r.style))
    return tuple(out)


__all__ = ["MESSAGE_LIMIT", "Block", "Run", "Style", "Unit", "escape", "line", "split_block",
           "split_message", "utf16_len"]
