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
        if header and all(":" in h for h in header):
            header = []  # a record already labelled (record_lines): no header of the rows after
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


# A form's field name (行政处罚决定书文号, 主要违法事实, 处罚机关, 罚没金额（万元）): what the left
# cells of a record table end with, and a table's first column of data does not (东城区).
_FIELD_NAME = regex.compile(
    r"(?:名称|姓名|名字|文号|编号|字号|代码|号码|代表人|负责人|当事人|相对人|对象|事实|事由|理由|"
    r"依据|类别|种类|类型|内容|结果|情况|机关|部门|单位|机构|日期|时间|期限|金额|数额|地址|地点|"
    r"住所|场所|所在地|发生地|电话|项目|措施|方式|标准|期间|范围|来源|状态|备注)(?:[（(][^（）()]{1,6}[）)])?[:：]?$")


def record_lines(grid: list[list[str]]) -> list[str] | None:
    """A record table — each row a field's name and its value (行政处罚决定书文号 | 青交执罚〔2024〕
    0371号, 处罚机关 | 青岚县交通运输局), or two such pairs a row — as one row of labelled cells
    (``行政处罚决定书文号:青交执罚〔2024〕0371号 | 处罚机关:青岚县交通运输局``), the form every
    reader gives a data row with its headers: the record is one case, read whole.  None when
    ``grid`` is no record (a table with a header row over data rows)."""
    pairs: list[tuple[str, str]] = []
    captions: list[str] = []
    for texts in grid:
        cells = [t for t in texts if t]
        if cells and len(set(cells)) == 1 and not pairs:
            captions.append(cells[0])  # a caption row spanning the table (（一）周某平案)
            continue
        if len(cells) == 3 and cells[1] == cells[2]:
            cells = cells[:2]  # a value cell merged across the row's two value columns
        if len(cells) not in (2, 4):
            return None
        pairs.extend(zip(cells[::2], cells[1::2], strict=True))
    labels = [label for label, _ in pairs]
    if len(pairs) < 3 or len(set(labels)) < len(labels) or any(
            len(label) > _HEADER_CHARS for label in labels):
        return None
    named = sum(bool(_FIELD_NAME.search(label)) for label in labels)
    if named * 3 < len(labels) * 2:
        return None
    return [*captions, " | ".join(f"{label.rstrip(':：')}:{_with_unit(value, label)}"
                                   for label, value in pairs)]


# A line giving one field of a form (案件名称：青澜市恒泰印染有限公司超标排放水污染物案).
_LABELLED_LINE = regex.compile(r"^([^\s:：|｜，,。]{2,14})[:：]\s*(\S.{0,499})$")
# A form is a few fields at least: two labelled lines are a note (联系人：…, 电话：…).
_RECORD_FIELDS = 4


def with_records_joined(lines: list[str]) -> list[str]:
    """A run of lines each giving a form's field (``案件名称：…``, ``处罚机关：…``), as a record
    table copied from a page reads, joined into one row of labelled cells — the form every
    reader gives a record table (:func:`record_lines`): a case's fields read together."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        # The run of labelled lines from here, up to a label said again (the next record's
        # first field, when two stand with nothing between them).
        fields: list[list[str]] = []
        while i + len(fields) < len(lines):
            m = _LABELLED_LINE.match(lines[i + len(fields)])
            if m is None or any(m.group(1) == f[0] for f in fields):
                break
            fields.append(list(m.groups()))
        record = record_lines(fields) if len(fields) >= _RECORD_FIELDS else None
        if record is not None:
            out.extend(record)
        else:
            out.extend(lines[i:i + max(1, len(fields))])
        i += max(1, len(fields))
    return out


def table_lines(grid: list[list[str]], merged: bool) -> list[str]:
    """A table's lines, cells joined by " | ": a record table as its one row of labelled cells
    (:func:`record_lines`); without merged cells a row is its cells with text (an empty one says
    nothing); with them, the grid, a header row grouping columns folded into the one under it
    (:func:`fold_group_header`)."""
    record = record_lines(grid)
    if record is not None:
        return record
    if not merged:
        return [" | ".join(t for t in texts if t) for texts in grid if any(texts)]
    return [" | ".join(texts) for texts in fold_group_header(grid) if any(texts)]


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
    paragraphs = join_wrapped_title(with_table_headers(with_records_joined(clean_lines(lines))))
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
