"""Inline-button callback data: a small, versioned, compact encoding.

This module owns what goes into ``callback_data`` and how it is read back.
Telegram allows 1–64 bytes per button, so buttons carry *ids*, never text:
the question is re-read from the question log by its id, a case by its id.

Format: ``<version><tag>:<field>:<field>…``, all fields decimal integers or
one-letter codes, e.g. ``1p:42:3:0`` (page of question 42 from result 3, in
the asker's script; the last field holds flags: 1 = original wording, 2 =
plain search without the direct answer).  The leading version digit lets a
future format change turn old buttons into a polite "expired" instead of a
wrong action; anything that does not parse — garbage, other versions,
out-of-range numbers — decodes to ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

VERSION = "1"
MAX_BYTES = 64
_MAX_INT = 10**15  # ids are SQLite rowids; anything longer is not ours

CaseView = Literal["s", "t", "o", "a"]
"""How to show a case: simplified, traditional, original wording, or auto (the user's)."""


@dataclass(frozen=True)
class Page:
    """Show results ``offset…offset+page`` of logged question ``qid``.

    ``original`` shows the quotes in the document's own wording instead of the
    asker's script; ``plain`` leaves out the direct answer (a /search).  更多结果,
    « 返回 and the 原文/简体 toggle are all pages.
    """

    qid: int
    offset: int = 0
    original: bool = False
    plain: bool = False


@dataclass(frozen=True)
class Case:
    """Send the whole case ``case_id``."""

    case_id: int
    view: CaseView = "a"


@dataclass(frozen=True)
class Vote:
    """👍 (``up``) or 👎 on the answer to logged question ``qid``."""

    qid: int
    up: bool


@dataclass(frozen=True)
class Example:
    """Ask example question number ``index`` of the /start message."""

    index: int


Action = Page | Case | Vote | Example

_INT = r"(0|[1-9][0-9]{0,14})"
_PATTERNS: dict[str, re.Pattern[str]] = {
    "p": re.compile(rf"{_INT}:{_INT}:([0-3])"),
    "c": re.compile(rf"{_INT}:([stoa])"),
    "v": re.compile(rf"{_INT}:([01])"),
    "x": re.compile(rf"{_INT}"),
}


def _check(value: int) -> str:
    if not 0 <= value < _MAX_INT:
        raise ValueError(f"callback field out of range: {value}")
    return str(value)


def encode(action: Action) -> str:
    """The callback data for ``action``; raises ``ValueError`` if it cannot fit."""
    if isinstance(action, Page):
        flags = int(action.original) | 2 * int(action.plain)
        body = f"p:{_check(action.qid)}:{_check(action.offset)}:{flags}"
    elif isinstance(action, Case):
        body = f"c:{_check(action.case_id)}:{action.view}"
    elif isinstance(action, Vote):
        body = f"v:{_check(action.qid)}:{int(action.up)}"
    else:
        body = f"x:{_check(action.index)}"
    data = VERSION + body
    if len(data.encode("utf-8")) > MAX_BYTES:  # cannot happen with the bounds above
        raise ValueError(f"callback data too long: {data!r}")
    return data


def decode(data: str | None) -> Action | None:
    """The action behind ``data``, or ``None`` for anything this version did not write."""
    if not data or len(data) > MAX_BYTES or not data.startswith(VERSION) or len(data) < 3:
        return None
    tag, sep, rest = data[len(VERSION)], data[len(VERSION) + 1], data[len(VERSION) + 2:]
    pattern = _PATTERNS.get(tag)
    if sep != ":" or pattern is None:
        return None
    m = pattern.fullmatch(rest)
    if m is None:
        return None
    g = m.groups()
    if tag == "p":
        flags = int(g[2])
        return Page(int(g[0]), int(g[1]), original=bool(flags & 1), plain=bool(flags & 2))
    if tag == "c":
        view: CaseView = g[1]  # type: ignore[assignment]  # the regex allows only these
        return Case(int(g[0]), view)
    if tag == "v":
        return Vote(int(g[0]), g[1] == "1")
    return Example(int(g[0]))


__all__ = ["MAX_BYTES", "VERSION", "Action", "Case", "CaseView", "Example", "Page", "Vote",
           "decode", "encode"]
