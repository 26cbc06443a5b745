"""The drawing model of the admin charts: rectangles, lines and labels in pixel coordinates,
the colours and sizes they use, and the cleaning of the labels (user text from the question
log: control characters and bidirectional overrides removed before any layout)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from corpus import regex

Anchor = Literal["start", "middle", "end"]

ANSWERED = "#1a5fb4"
UNANSWERED = "#e66100"
THUMBS_UP = "#2e7d32"
THUMBS_DOWN = "#c62828"
AXIS = "#8a8a8a"
INK = "#1a1a1a"
MUTED = "#555555"
WIDTH = 640  # px: the admin page scales the SVG down on a phone (viewBox)
FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans CJK TC', system-ui, sans-serif"
DAYS = 30  # the span of the questions-per-day chart
LABEL_CHARS = 24  # an unanswered question is shortened to this many characters


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    title: str = ""  # a tooltip in SVG: the exact figure behind the bar


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = AXIS


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the baseline, as in SVG
    text: str
    size: float = 12.0
    fill: str = INK
    anchor: Anchor = "start"
    bold: bool = False


Shape = Rect | Line | Label


@dataclass(frozen=True)
class Figure:
    width: float
    height: float
    title: str
    desc: str  # what a screen reader says instead of the picture
    shapes: tuple[Shape, ...]


# -- text -----------------------------------------------------------------------------------

_INVISIBLE = regex.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_label(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, without control or bidirectional characters, at most
    ``limit`` characters (``…`` marks a cut)."""
    text = " ".join(_INVISIBLE.sub(" ", text).split())
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"


def text_width(text: str, size: float) -> float:
    """An estimate of the drawn width: wide (CJK) characters 1 em, others 0.6 em."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else 0.6 * size
               for ch in text)


__all__ = ["ANSWERED", "AXIS", "DAYS", "FONT_FAMILY", "INK", "LABEL_CHARS", "MUTED", "THUMBS_DOWN",
           "THUMBS_UP", "UNANSWERED", "WIDTH", "Anchor", "Figure", "Label", "Line", "Rect",
           "Shape", "clean_label", "text_width"]
