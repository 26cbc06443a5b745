"""A table row's answer by its column: "哪个分局罚的?" asked of a penalty table's row is
answered by the row's 处罚机关 cell, "哪天处罚的?" by its 处罚决定日期 cell.

The readers write each data row of a table with its headers (``处罚机关:…澄江分局 |
处罚决定日期:2024年7月9日``, :func:`corpus.readers.text.with_table_headers`), and a record — a
case's fields one a row, or lines of 字段：值 — the same way (:func:`corpus.readers.text.
record_lines`).  The column that answers is the one the question names (信用代码是多少 →
统一社会信用代码, :func:`named_column`), else the one its kind asks (:func:`column_for`).  A
header is never an answer itself (处罚机关 is a label, not a body).
"""

from __future__ import annotations

from bot.analysis import Analysis
from bot.extract.direct import Direct
from bot.extract.naming import says_body_asked
from bot.extract.where import asked_site
from bot.extract.who import ASKS_RECIPIENT
from bot.reply import Passage
from corpus import regex
from corpus.lines import TABLE_CELLS
from corpus.readers.metadata import DOC_NUMBER
from indexer.figures import CN_DATE, says_a_time
from indexer.normalize import normalize
from indexer.people import asked_post

# Which columns answer which question, by their header (first match wins).
# - a body asked (哪个部门, 处罚机关是谁): the column of the deciding authority;
# (被处罚单位 is the party punished, not the body punishing.)
_AUTHORITY = regex.compile(r"(?:机关|部门|机构|执法主体|实施主体|执法单位|(?<!被)处罚单位|查处单位)$")
# - a business or a person asked (哪家超市, 被罚的是谁家): the column of the party;
# (案件名称, 食品名称 name no party: a name column is the party's when it is a name alone or
# a party's: 违法企业名称, 当事人姓名, 行政相对人·名称.)
_PARTY = regex.compile(r"(?:(?:^|·)名称|(?:企业|单位|公司|相对人|当事人|经营者|主体|商户|人)(?:名称|姓名)|"
                       r"当事人|相对人|经营者|企业|被处罚人|市场主体)$")
# - a date: a column of dates;
_DATE = regex.compile(r"(?:日期|时间)$")
# - a document or an article: the column of the grounds;
_GROUNDS = regex.compile(r"依据$|法律|法规|条款")
# (A kind of document asked — 哪个排放标准 — is what the grounds must cite.)
_ASKED_DOC_KIND = regex.compile(r"(?:哪|什么|啥)(?:个|部|项|条|份)?[\u4e00-\u9fff]{0,4}?(标准|条例|办法|规定|细则)")
# - a place: a column of addresses.
_ADDRESS = regex.compile(r"(?:地址|地点|所在地|发生地|住所|经营场所)$")
# - how a case was dealt with (怎么处理的, 受了什么处罚): the column of the outcome.
_OUTCOME = regex.compile(r"(?:处罚内容|处罚结果|处理结果|处理情况|处罚决定|处理决定)$")
_ASKS_OUTCOME = regex.compile(r"(?:怎么|怎样|如何)(?:处理|处罚|处置|罚)|(?:什么|啥|哪些)(?:处罚|处理)|"
                              r"处(?:罚|理)结果")
# The columns of the national template of food-sampling results (不合格项目 | 检验结果 | 标准值 |
# 被抽样单位名称 …):
# - what a sample failed on (查出了什么, 什么不合格): the failing item;
_FAILED_ITEM = regex.compile(r"(?:不合格项目|不合格指标|检出项目|问题项目|不合格项)$")
_ASKS_FAILED = regex.compile(r"(?:查出|检出|测出|发现)了?(?:什么|啥|哪些|哪种|哪项)|(?:什么|啥|哪项|哪个)"
                             r"(?:项目|指标)?(?:不合格|不达标|超标)")
# - what the test measured (实际测出来多少): the result, not the standard's value;
_MEASURED = regex.compile(r"(?:检验结果|检测结果|实测值|检测值|测定值|检验值)$")
_ASKS_MEASURED = regex.compile(r"测出|测得|实测|检出|测定|检测结果|检验结果")
# - where a sample was taken (在哪抽到的): the shop or market sampled, not its district.
_SAMPLED = regex.compile(r"被抽样单位(?:名称)?$")
_ASKS_SAMPLED = regex.compile(r"抽(?:到|检|样|查|的)")
# A field name's generic tail (处罚决定日期, 承办机构, 统一社会信用代码): the words before it
# name the field when a question says them (作出处罚决定, 具体承办).
_FIELD_TAIL = regex.compile(r"(?:日期|时间|机构|单位|部门|名称|代码|号码|编号|情况|内容|结果|金额)$")
_BRACKETED = regex.compile(r"[（(][^（）()]*[）)]")
# What a kind of question takes from a cell it names: a time, a figure, a body or a name …
_FITS_KIND = {
    "when": says_a_time,
    "number": lambda v: any(c.isdigit() for c in v),
    "document": lambda v: "《" in v or "条" in v or DOC_NUMBER.search(v) is not None,
}
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
    if a.kind == "what" and _ASKS_OUTCOME.search(a.norm):
        return _OUTCOME
    if a.kind in ("what", "who") and _ASKS_FAILED.search(a.norm):
        return _FAILED_ITEM
    if a.kind == "number" and _ASKS_MEASURED.search(a.norm):
        return _MEASURED
    if a.kind == "where" and _ASKS_SAMPLED.search(a.norm):
        return _SAMPLED
    return {"when": _DATE, "document": _GROUNDS, "where": _ADDRESS}.get(a.kind)


def named_column(a: Analysis, row: list[tuple[str, str, int]]) -> str | None:
    """The value of the cell whose header the question names (信用代码是多少 → 统一社会信用代码;
    作出处罚决定的日期 → 处罚决定日期; 具体承办的单位 → 承办机构; 法人是谁 → 法定代表人) and
    whose value is of the kind asked; None when it names none, or more than one."""
    post = asked_post(a.norm) if a.kind == "who" else None
    fits = _FITS_KIND.get(a.kind, lambda v: True)
    named = []
    for header, value, _ in row:
        field = _BRACKETED.sub("", header)
        stem = _FIELD_TAIL.sub("", field)
        said = (field in a.norm or (len(field) >= 5 and field[-4:] in a.norm)
                or (len(stem) >= 2 and stem != field and stem in a.norm
                    and sum(stem in h for h, _, _ in row) == 1)
                or (post is not None and field.endswith(("代表人", "负责人"))
                    and post in ("法人", "代表人", "代表", "负责人", field)))
        if said and fits(normalize(value)):
            named.append(value)
    if not named:
        # Keywords, English or pinyin (penalty decision date, chufa riqi): the one header
        # that two of the question's words or more are part of (处罚决定日期).
        # (Of two so named, the one of the kind's own column: 处罚决定日期 for a date, not
        # 处罚决定书文号, whose 〔2024〕 is a year too.)
        parts = [(sum(any(len(x) >= 2 and x in h for x in u.alts) for u in a.units), h, v)
                 for h, v, _ in row if fits(normalize(v))]
        most = max((n for n, _, _ in parts), default=0)
        tied = [(h, v) for n, h, v in parts if n == most and n >= 2]
        own = column_for(a)
        named = [v for h, v in tied if own is not None and own.search(h)] if len(
            tied) > 1 else [v for _, v in tied]
    return named[0] if len(named) == 1 else None


def by_column(a: Analysis, ranked: list[Passage]) -> Direct | None:
    """The value of the best passage's cell in the column that answers the question, when the
    best passage is a table row with such a column — the column the question names, else the
    one its kind asks (:func:`column_for`); None otherwise."""
    if not ranked:
        return None
    best = ranked[0]
    row = cells(best)
    if not row:
        return None
    named = named_column(a, row)
    if named is not None and _named_in_question(a, " ".join(v for _, v, _ in row)):
        # (Only a row the question points at by what its cells say — a company, a deed —
        # answers by the column it names: "全省罚没金额一共多少?" names no city's row.)
        return Direct(named, best)
    wanted = column_for(a)
    if wanted is None:
        return None
    if wanted is _ADDRESS and (site := asked_site(a.norm)) is not None and not any(
            wanted.search(h) and site in normalize(v) for h, v, _ in row):
        return None  # "在哪个超市抽到的?": the 超市 another cell names, not the district
    if wanted is _DATE and any(not _DATE.search(h) and _DAY_SAID.search(v) for h, v, _ in row):
        # Another cell dates a deed of its own (已于2024年8月28日将案件移送公安机关): the
        # deed asked decides which date answers, as in prose.
        return None
    for header, value, _ in row:
        if wanted.search(header) and (wanted is not _DATE or says_a_time(normalize(value))):
            if wanted is _PARTY and _named_in_question(a, value):
                return None  # "锦苑小区的电梯是哪家公司维保的?" asks another than 锦苑物业
            kind = _ASKED_DOC_KIND.search(a.norm) if wanted is _GROUNDS else None
            if kind and f"{kind.group(1)}》" not in normalize(value):
                return None  # "按哪个排放标准认定的?" is not answered by the 法 a fine rests on
            if wanted is _AUTHORITY and any(a.intent.body_named) and not says_body_asked(
                    a.intent.body_named, a.units, normalize(value), whole=False):
                return None  # "哪个分局承办的?" is not answered by the 局 that decided
            return Direct(value, best)
    return None


def asked_cells(a: Analysis, p: Passage) -> list[str]:
    """The values (as written) of row ``p``'s cells in the column that answers ``a`` (its
    处罚机关 cell for 哪个分局罚的); [] when ``p`` is no row or no column answers."""
    wanted = column_for(a)
    return [] if wanted is None else [v for h, v, _ in cells(p) if wanted.search(h)]


def _named_in_question(a: Analysis, value: str) -> bool:
    norm = normalize(value)
    return any(len(x) >= 2 and x in norm for u in a.units for x in u.alts)


__all__ = ["asked_cells", "by_column", "cells", "column_for", "is_header", "named_column"]
