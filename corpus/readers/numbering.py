"""Word's automatic list numbering, rendered as a reader sees it.

A .docx may keep its 案例一、/ 一、/ （一） / 1. markers out of the paragraph text: Word draws
them from ``numbering.xml`` (a list definition per ``w:abstractNum``, one level per
``w:lvl`` with its number format, its label pattern such as ``案例%1、`` and its start) for
every paragraph that carries ``w:numPr`` — itself or through its style.  Without them a
case's heading is its name alone and "案例三讲的是什么?" has nothing to find.  This module
owns counting those paragraphs and writing their labels (:class:`Numbering`); the formats
are pure functions (:func:`format_number`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"

Element = Any  # lxml elements

_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int, digits: str = _DIGITS, ten: str = "十", hundred: str = "百",
                     thousand: str = "千") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0 or n >= 10000:
        return str(n)
    out = ""
    zero = False
    for value, unit in ((1000, thousand), (100, hundred), (10, ten), (1, "")):
        d = n // value % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += digits[0]
            zero = False
        # 十二, not 一十二, when ten opens the number.
        out += ("" if unit == ten and d == 1 and not out else digits[d]) + unit
    return out


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, glyph in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                         (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                         (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + glyph, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (``w:numFmt``); a bullet or none writes nothing."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_counting(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_counting(n, _LEGAL_DIGITS, "拾", "佰", "仟")
    if fmt in ("ideographTraditional",):
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)  # decimal, and formats this reader does not know


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """The list definitions of one document and the counters of its lists, in reading order.

    Counters are kept per list definition (``w:abstractNum``): Word continues a list across
    the ``w:num`` instances that share it, unless one restarts it (``w:startOverride``).
    """

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId →
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId →
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _restarted: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, document: Any) -> Numbering:
        """The numbering of a python-docx ``Document`` (none when the file has no part)."""
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered automatically
            return numbering
        for abstract in root.findall(f"{_W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.findall(f"{_W}lvl"):
                fmt, text, start = _child_val(lvl, "numFmt"), _child_val(lvl, "lvlText"), \
                    _child_val(lvl, "start")
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = Level(
                    fmt or "decimal", text if text is not None else "", _int(start, 1))
            numbering.levels[str(abstract.get(f"{_W}abstractNumId"))] = levels
        for num in root.findall(f"{_W}num"):
            abstract_id = _child_val(num, "abstractNumId")
            starts = {_int(o.get(f"{_W}ilvl"), 0): _int(_child_val(o, "startOverride"), 1)
                      for o in num.findall(f"{_W}lvlOverride")
                      if o.find(f"{_W}startOverride") is not None}
            if abstract_id is not None:
                numbering.instances[str(num.get(f"{_W}numId"))] = (abstract_id, starts)
        try:
            for style in document.styles:
                found = _num_pr(style.element)
                if style.style_id and found is not None:
                    numbering.styles[style.style_id] = found
        except Exception:  # a damaged styles part only costs us style-linked numbers
            pass
        return numbering

    def label(self, p: Element, style_id: str | None) -> str:
        """The label Word draws before paragraph ``p`` (案例三、, （二）, 1.), counting it;
        "" when it is not numbered."""
        found = _num_pr(p)
        if found is None and style_id in self.styles:
            found = self.styles[style_id]
        if found is None or found[0] not in self.instances:
            return ""  # numId 0 (numbering switched off) is no instance
        num_id, ilvl = found
        abstract_id, starts = self.instances[num_id]
        levels = self.levels.get(abstract_id, {})
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._restarted and starts:
            self._restarted.add(num_id)
            for lvl, start in starts.items():
                counters[lvl] = start - 1
        level = levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts the levels under it
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                value = counters.get(k, levels.get(k, Level()).start)
                text = text.replace(f"%{k + 1}", format_number(
                    value, levels.get(k, Level()).fmt))
        return text if level.fmt not in ("bullet", "none") else ""


def _child_val(el: Element, name: str) -> str | None:
    found = el.find(f"{_W}{name}")
    return None if found is None else found.get(_VAL)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _num_pr(owner: Element) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph's or a style's ``w:numPr``, if it has one."""
    found = owner.find(f"{_W}pPr/{_W}numPr")
    if found is None:
        return None
    num_id = _child_val(found, "numId")
    return None if num_id is None else (num_id, _int(_child_val(found, "ilvl"), 0))


__all__ = ["Level", "Numbering", "chinese_counting", "format_number"]
