"""The ``.txt`` and ``.md`` readers, and what every reader ends with: table rows given their
headers (:func:`with_table_headers`) and the assembly of a :class:`RawDocument` whose missing
metadata is looked for in the text (:func:`make_document`).

The text toolkit the readers share is in modules of its own: :mod:`corpus.readers.chars`
(what a character or a line is), :mod:`corpus.readers.decoding` (bytes of an unknown
encoding), :mod:`corpus.readers.paragraphs` (cleaning, re-joining wrapped lines) and
:mod:`corpus.readers.metadata` (date, issuer, batch, title and script found in the text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from corpus import regex
from corpus.model import DocumentMeta, RawDocument
from corpus.readers.chars import PAD
from corpus.readers.decoding import decode_text
from corpus.readers.errors import UnreadableDocument
from corpus.readers.metadata import (
    detect_script,
    find_batch,
    find_date,
    find_issuer,
    guess_title,
    join_wrapped_title,
    parse_date,
)
from corpus.readers.paragraphs import (
    clean_line,
    clean_lines,
    paragraphs_from_plain,
    split_raw_lines,
)

_CELL_SPLIT = regex.compile(r"\s*[|｜]\s*")


# A header cell names a column (处罚决定日期, 罚没金额（万元）); a data cell may hold a sentence.
_HEADER_CHARS = 30


def with_table_headers(lines: list[str]) -> list[str]:
    """Each data row of a table (lines of ``a | b | c`` cells, as every reader writes
    them) carries its column headers: ``项目:抽检合格率 | 2024年:99.1%``.  A row alone
    says nothing ("99.1%" of what?): a question about 合格率 must find the row that
    holds the value, and the quote must show what the value is."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        header = _cells(lines[i])
        if any(len(h) > _HEADER_CHARS for h in header):
            header = []  # 事故经过｜2024年3月18日…: a label before its paragraph, no header row
        j = i + 1
        while header and j < len(lines) and len(_cells(lines[j])) == len(header):
            j += 1
        if header and j - i >= 2:
            out.append(lines[i])
            for row in lines[i + 1:j]:
                out.append(" | ".join(f"{h}:{_with_unit(c, h)}" if h and c and h != c
                                      else c or h
                                      for h, c in zip(header, _cells(row), strict=True)))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def fold_group_header(grid: list[list[str]]) -> list[list[str]]:
    """A first row grouping columns (one cell spanning several: 2025年度查处情况 over 案件数
    and 罚没金额) folded into the header row under it — 2025年度查处情况·案件数（件） — so the
    table has one header row for its data rows; a cell merged down both (城市) stays one."""
    if len(grid) < 3 or len(grid[0]) != len(grid[1]):
        return grid
    top, low = grid[0], grid[1]
    grouped = any(top[i] and top[i] == top[i + 1] for i in range(len(top) - 1))
    if not grouped:
        return grid
    header = [t if not low[i] or low[i] == t else (f"{t}·{low[i]}" if t else low[i])
              for i, t in enumerate(top)]
    return [header, *grid[2:]]


# Columns aligned with runs of spaces (a table typed as plain text): two or more spaces, or
# a tab; one full-width space separates a dateline's parts (电　记者), not columns.
_SPACED_SPLIT = regex.compile(r"(?:[ \u3000]{2,}|\t)[ \t\u3000]*")


# The unit a column header gives in brackets: 罚没款（万元）, 查处案件（件）, 占比(%).
_HEADER_UNIT = regex.compile(r"[（(]([^（）()\d]{1,4})[）)]$")
_BARE_NUMBER = regex.compile(r"[+-]?\d+(?:\.\d+)?")


def _with_unit(cell: str, header: str) -> str:
    """A bare number under a header naming its unit, with the unit written after it
    (罚没款（万元）: 1685 → 1685万元), so the figure reads as what it counts."""
    unit = _HEADER_UNIT.search(header)
    return cell + unit.group(1) if unit and _BARE_NUMBER.fullmatch(cell) else cell


def _cells(line: str) -> list[str]:
    """The cells of a table row (two or more between bars; three or more aligned with
    spaces, since prose may hold one double space), or [] for a line of prose."""
    if "|" in line or "｜" in line:
        cells = _CELL_SPLIT.split(line.strip().strip("|｜").strip())
        # (A cell may hold a whole sentence — a penalty table's 违法事实 — but not a page.)
        return cells if len(cells) >= 2 and all(len(c) <= 300 for c in cells) else []
    cells = _SPACED_SPLIT.split(line.strip())
    return cells if len(cells) >= 3 and all(len(c) <= 30 for c in cells) else []


def make_document(
    lines: Sequence[str],
    name: str,
    *,
    fmt: str,
    headings: Iterable[str] = (),
    title: str | None = None,
    issuer: str | None = None,
    published: str | None = None,
    empty_reason: str = "contains no text",
) -> RawDocument:
    """Assemble a :class:`RawDocument`; metadata the format did not supply is
    looked for in the text.

    ``headings`` are cleaned the same way as ``lines`` and kept only if they
    are exactly one of the lines, so the parser can rely on finding them.
    """
    paragraphs = join_wrapped_title(with_table_headers(clean_lines(lines)))
    if not paragraphs:
        raise UnreadableDocument(name, empty_reason)
    present = set(paragraphs)
    kept = tuple(dict.fromkeys(h for h in (clean_line(h) for h in headings) if h in present))
    text = "\n".join(paragraphs)
    title = clean_line(title) if title and clean_line(title) else guess_title(paragraphs)
    meta = DocumentMeta(
        title=title,
        issuer=issuer or find_issuer(paragraphs),
        published=published or find_date(paragraphs),
        batch=find_batch(title, *paragraphs[:3]),
        script=detect_script(text),
        format=fmt,
    )
    return RawDocument(text=text, meta=meta, headings=kept)


# --------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------


def read_txt(data: bytes, name: str) -> RawDocument:
    """A ``.txt`` file: the first line is taken as the title when it looks like one."""
    text = decode_text(data, name)
    return make_document(paragraphs_from_plain(text), name, fmt="txt")


_MD_FRONT_MATTER = regex.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_ATX = regex.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_SETEXT = regex.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_RULE = regex.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_FENCE = regex.compile(r"^ {0,3}(```|~~~)")
_MD_BULLET = regex.compile(r"^(\s*)[-*+][ \t]+")
_MD_QUOTE = regex.compile(r"^\s*(?:>\s?)+")
_MD_REFDEF = regex.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_MD_TABLE_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_INLINE = (
    (regex.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images → alt text
    (regex.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links → their text
    (regex.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (regex.compile(r"<(https?://[^>]+)>"), r"\1"),  # autolinks
    (regex.compile(r"<br\s*/?>", re.I), "\n"),
    (regex.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (regex.compile(r"`+([^`]*)`+"), r"\1"),
    (regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (regex.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (regex.compile(r"(?<!\*)\*(?=\S)(.+?)(?<=\S)\*(?!\*)"), r"\1"),
    (regex.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (regex.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),  # backslash escapes
)


def _md_inline(line: str) -> str:
    for pattern, repl in _MD_INLINE:
        line = pattern.sub(repl, line)
    return line


def read_markdown(data: bytes, name: str) -> RawDocument:
    """A Markdown file: markup removed, ``#`` / setext headings listed in ``headings``.

    Ordered-list numbers (``1.``) are kept because they are the numbering the
    structure parser looks for; bullets and quote markers are dropped.
    """
    text = "\n".join(split_raw_lines(decode_text(data, name)))
    title: str | None = None
    published: str | None = None
    if m := _MD_FRONT_MATTER.match(text):
        for field_line in m.group(1).splitlines():
            key, _, value = field_line.partition(":")
            value = value.strip().strip("\"'")
            if key.strip().lower() == "title" and value:
                title = value
            elif key.strip().lower() in ("date", "published") and value:
                published = parse_date(value, compact=True)
        text = text[m.end() :]

    out: list[str] = []
    headings: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if m := _MD_ATX.match(line):
            heading = clean_line(_md_inline(m.group(2)))
            out.append("")  # a heading is always its own paragraph
            out.append(heading)
            out.append("")
            headings.append(heading)
            continue
        if _MD_SETEXT.match(line) and out and out[-1].strip(PAD):
            # Text directly above === or --- is a heading (it wins over a rule).
            heading = clean_line(_md_inline(out.pop()))
            out.extend(["", heading, ""])
            headings.append(heading)
            continue
        if _MD_RULE.match(line) or _MD_REFDEF.match(line) or _MD_TABLE_RULE.match(line):
            out.append("")
            continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_BULLET.sub(r"\1", line)
        if line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            line = " | ".join(c for c in cells if c)
        out.extend(_md_inline(line).split("\n"))

    paragraphs = paragraphs_from_plain("\n".join(out))
    if title is None and headings and paragraphs and paragraphs[0] == headings[0]:
        title = headings[0]
    return make_document(
        paragraphs, name, fmt="md", headings=headings, title=title, published=published
    )
