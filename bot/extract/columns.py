"""A table row's answer by its column: "哪个分局罚的?" asked of a penalty table's row is
answered by the row's 处罚机关 cell, "哪天处罚的?" by its 处罚决定日期 cell.

The readers write each data row of a table with its headers (``处罚机关:…澄江分局 |
处罚决定日期:2024年7月9日``, :func:`corpus.readers.text.with_table_headers`); the question's
kind names the column whose value answers it.  A header is never an answer itself (处罚机关
is a label, not a body).
"""

from __future__ import annotations

from bot.analysis import Analysis
from bot.extract.direct import Direct
from bot.extract.who import ASKS_RECIPIENT
from bot.reply import Passage
from corpus import regex
from corpus.lines import TABLE_CELLS
from indexer.figures import CN_DATE, says_a_time
from indexer.normalize import normalize
from indexer.people import asked_post

# Which columns answer which question, by their header (first match wins).
# - a body asked (哪个部门, 处罚机关是谁): the column of the deciding authority;
_AUTHORITY = regex.compile(r"(?:机关|部门|机构|执法主体|实施主体|执法单位|处罚单位|查处单位)$")
# - a business or a person asked (哪家超市, 被罚的是谁家): the column of the party;
_PARTY = regex.compile(r"(?:名称|当事人|相对人|经营者|企业|单位名称|被处罚人|市场主体)$")
# - a date: a column of dates;
_DATE = regex.compile(r"(?:日期|时间)$")
# - a document or an article: the column of the grounds;
_GROUNDS = regex.compile(r"依据$|法律|法规|条款")
# - a place: a column of addresses.
_ADDRESS = regex.compile(r"(?:地址|地点|所在地|住所|经营场所)$")
# A day or a month said in a cell's sentence (not the year of a 文号: 澄市监罚〔2024〕19号).
_DAY_SAID = regex.compile(rf"{CN_DATE.pattern}|\d{{1,2}}月(?:\d{{1,2}}[日号])?")


def cells(p: Passage) -> list[tuple[str, str, int]]:
    """The labelled cells of a table row passage: ``(header, value, value's offset)``, the
    header normalised (處罰機關 is read as 处罚机关) and the value as written; [] when the
    passage is no row written with its headers."""
    if TABLE_CELLS not in p.text:
        return []
    out: list[tuple[str, str, int]] = []
    at = 0
    # (Normalising keeps offsets: the header is read in the normalised text, the value is
    # cut from the text as written.)
    for cell in p.norm.split(TABLE_CELLS):
        header, colon, value = cell.partition(":")
        if colon and header.strip() and value.strip() and len(header) <= 20:
            start = at + len(header) + 1
            written = p.text[start:at + len(cell)]
            out.append((header.strip(), written.strip(), start + len(written) - len(written.lstrip())))
        at += len(cell) + len(TABLE_CELLS)
    return out


# "谁罚的?", "哪个分局查的?": who acted on the case, which the authority column says.
_ASKS_ACTING = regex.compile(r"(?:谁|哪)[^,，?？]{0,6}(?:罚|查|处理|办|管)|(?:罚|查|处理|办)[^,，?？]{0,4}"
                             r"(?:谁|哪)")


def is_header(line: str, p: Passage) -> bool:
    """Whether ``line`` is only a column's header in the table row ``p`` (处罚机关)."""
    return any(normalize(line.strip()) == header for header, _, _ in cells(p))


def column_for(a: Analysis) -> regex.LazyPattern | None:
    """The header pattern of the column that answers ``a``, or None."""
    if a.kind == "who":
        # (移交给哪个公安了 asks who received the case, not who decided it.)
        if ASKS_RECIPIENT.search(a.norm) or asked_post(a.norm) is not None:
            return None  # 移交给谁, 法人代表是谁: no column of this row says
        if a.intent.asks_company:
            return _PARTY
        return _AUTHORITY if a.intent.asks_body or _ASKS_ACTING.search(a.norm) else None
    return {"when": _DATE, "document": _GROUNDS, "where": _ADDRESS}.get(a.kind)


def by_column(a: Analysis, ranked: list[Passage]) -> Direct | None:
    """The value of the best passage's cell in the column that answers the question, when the
    best passage is a table row with such a column; None otherwise."""
    if not ranked:
        return None
    wanted = column_for(a)
    if wanted is None:
        return None
    best = ranked[0]
    row = cells(best)
    if wanted is _DATE and any(not _DATE.search(h) and _DAY_SAID.search(v) for h, v, _ in row):
        # Another cell dates a deed of its own (已于2024年8月28日将案件移送公安机关): the
        # deed asked decides which date answers, as in prose.
        return None
    for header, value, _ in row:
        if wanted.search(header) and (wanted is not _DATE or says_a_time(normalize(value))):
            if wanted is _PARTY and _named_in_question(a, value):
                return None  # "锦苑小区的电梯是哪家公司维保的?" asks another than 锦苑物业
            return Direct(value, best)
    return None


def _named_in_question(a: Analysis, value: str) -> bool:
    norm = normalize(value)
    return any(len(x) >= 2 and x in norm for u in a.units for x in u.alts)


__all__ = ["by_column", "cells", "column_for", "is_header"]
