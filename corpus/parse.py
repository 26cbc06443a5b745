"""The structure parser: one announcement text → preamble, cases, sections, sentences.

Government case announcements share a small set of heading conventions, in a
fixed order of rank::

    案例1、 / 典型案例1   (a case)
    一、                  (a part)
    (一)                (a sub-part)
    1. / 1、              (an item)
    一是 …                (a measure, usually inline at the start of a paragraph)

The parser finds which of these a document uses; the highest-ranked becomes
the case level and the next one the section level.  Some announcements also
open paragraphs with bracket labels (【基本情况】 【主要做法】 【取得成效】): in a
document with at least two, each label starts a section of its case headed by
the label, and numbered measures after a label (1.强化资金保障。… 2.…, inline
or at a paragraph start) are sections of that case too, in the same flat
section list — they never count towards the case or section level.  Words set off by a bar
or a colon (事故经过｜, 案情简介：) label paragraphs the same way when two of them recur (a
colon only under numbered cases: 记者：… in an interview is a speaker), an ornament before
a heading (▶ 案例一) is part of its marker, and a short heading line after the last labelled
paragraph (下一步工作要求) opens a closing part, unnumbered, whose measures (一是…) are its
sections.  Nothing here knows any particular document.  A document with no recognisable
headings is a page of news articles when it has headlines inside it (:mod:`corpus.news`),
and else falls back to paragraphs: every paragraph becomes a section of a single untitled
part.  Lines, sentences and sections themselves are :mod:`corpus.lines`'.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from corpus import regex
from corpus.lines import (
    TERMINATORS,
    Heading,
    Line,
    build_section,
    cn_number,
    lines_of,
    paragraph_part,
    section_heading,
    sentences_of,
)
from corpus.model import Case, Document, DocumentMeta, RawDocument
from corpus.news import articles, is_headline
from corpus.readers.metadata import masthead_lines

_CN_DIGITS = "零一二三四五六七八九十百"
_NUM = rf"(?:[0-9]{{1,3}}|[{_CN_DIGITS}]{{1,4}})"

# An ornament some layouts set before a heading (▶ 案例一 …, ■ 一、…): part of the marker.
_ORNAMENT_CHARS = "■□●○◆◇★☆※•▪◎"
_BULLET = rf"(?:[▶►▷▸{_ORNAMENT_CHARS}]\s*)?"
# Ornaments framing a heading line (◆ 石桥镇某某超市价格欺诈案 ◆), and the spaces inside them.
_ORNAMENTS = regex.compile(rf"^[\s▶►▷▸{_ORNAMENT_CHARS}]+|[\s◀◄◁◂{_ORNAMENT_CHARS}]+$")
# (kind, pattern).  Each pattern matches at the start of a line and captures
# the number and the rest of the line.  Order = rank.
_HEADING_KINDS: tuple[tuple[str, regex.LazyPattern], ...] = (
    # (also bracketed: 【案例一】…, 〔案例2〕…)
    # (案件一 too, as penalty notices head their cases — not 案件53件, a count.)
    ("case", regex.compile(rf"^\s*{_BULLET}[【〔\[]?\s*(?:典型)?(?:案例|案件(?={_NUM}(?![0-9件起宗个余多])))"
                        rf"\s*({_NUM})\s*[】〕\]]?"
                        rf"\s*[、.\uff0e:\uff1a,\uff0c\s]?\s*(.*)$")),
    ("cn", regex.compile(rf"^\s*{_BULLET}([{_CN_DIGITS}]{{1,3}})\s*、\s*(.*)$")),
    ("paren", regex.compile(rf"^\s*{_BULLET}[(\uff08]\s*([{_CN_DIGITS}]{{1,3}})\s*[)\uff09]\s*(.*)$")),
    ("arabic", regex.compile(rf"^\s*{_BULLET}([0-9]{{1,2}})\s*(?:[.\uff0e、](?![0-9])|\s)\s*(.+)$")),
    ("shi", regex.compile(rf"^\s*(?:其|第)?([{_CN_DIGITS}]{{1,3}})是\s*(.*)$")),
)
_RANK = {kind: i for i, (kind, _) in enumerate(_HEADING_KINDS)}
# Kinds that number measures inside a labelled block (【主要做法】1.…); they
# continue that block rather than opening a higher level that would swallow
# the next label.
_MEASURE_KINDS = ("arabic", "paren", "shi")
# Kinds that end a labelled block: a new case or part.
_BLOCK_ENDS = ("case", "cn")

# A bracket label opening a paragraph; short, and no sentence inside it.
_LABEL = regex.compile(rf"^【(?!\s*(?:典型)?案例\s*{_NUM}\s*】)([^】。!?;\uff01\uff1f\uff1b]{{1,8}})】")
# A word label set off by a bar or a colon (事故经过｜…, 案件来源：…).  A colon also ends
# a speaker (某某说：) or an introduction (经查：), so a word counts as a label only when it
# opens at least two paragraphs and another such word does too: a layout, not a phrase.
_WORD_LABEL = regex.compile(r"^([\u4e00-\u9fff]{2,6})\s*[｜|:\uff1a]\s*(?=\S)")

# An inline numbered measure title: 1. / 2、 / (三) and a short phrase ending in 。,
# the way 一是 opens a measure.  (?![0-9]) keeps 2.3万 from being a marker.
_ITEM_TITLE = (r"(?:[0-9]{1,2}[.\uff0e、](?![0-9])"
               rf"|[(\uff08][{_CN_DIGITS}]{{1,3}}[)\uff09])\s*[^{TERMINATORS}]{{1,30}}。")
# Where to cut a paragraph before an inline numbered title.
_ITEM_CUT = regex.compile(rf"(?<=[{TERMINATORS}])(?=\s*{_ITEM_TITLE})")


def _match_heading(line: Line, allowed: Iterable[str]) -> Heading | None:
    for kind, pattern in _HEADING_KINDS:
        if kind not in allowed:
            continue
        m = pattern.match(line.text)
        if not m:
            continue
        rest = m.group(2)
        if kind == "arabic" and len(rest) < 2:
            continue
        if kind == "cn" and not rest:
            continue
        marker = line.text[: m.start(2)] if rest else line.text
        return Heading(kind, cn_number(m.group(1)), marker.strip(), rest,
                        line.start + m.start(2), line.start)
    return None


def _choose_levels(lines: Sequence[Line], extra_headings: set[str]) -> tuple[str | None, str | None]:
    """Pick the case-level and section-level heading kinds this document uses.

    A kind counts only when it occurs at least twice (a lone "1." is more
    likely a list item than a structure) or, for cases, when it is the only
    structure present.  A lone 一、 or （一） that stands on a line of its own as a
    heading (short, no sentence end) is a section all the same: its sentences must
    be cited under it.
    """
    counts: dict[str, int] = {}
    lone_headings: set[str] = set()
    for line in lines:
        h = _match_heading(line, _RANK)
        if h:
            counts[h.kind] = counts.get(h.kind, 0) + 1
            if h.kind in ("cn", "paren") and _is_heading_line(h.rest):
                lone_headings.add(h.kind)
    present = sorted((k for k, c in counts.items()
                      if c >= 2 or k == "case" or k in lone_headings),
                     key=lambda k: _RANK[k])
    if not present:
        return (None, None)
    top = present[0]
    section = present[1] if len(present) > 1 else None
    return (top, section)


def _is_heading_line(rest: str) -> bool:
    """A whole line that reads as a heading: short, and no sentence ends in it."""
    return 0 < len(rest) <= 30 and not any(t in rest for t in TERMINATORS)


def _split_inline_shi(lines: Sequence[Line], text: str) -> list[Line]:
    """Break paragraphs like "一是…。二是…。" into one line per measure."""
    out: list[Line] = []
    for line in lines:
        cuts = [m.start() + 1 for m in
                re.finditer(rf"[{TERMINATORS}](?=\s*[{_CN_DIGITS}]{{1,3}}是)", line.text)]
        if not cuts or not _HEADING_KINDS[_RANK["shi"]][1].match(line.text):
            out.append(line)
            continue
        out.extend(_cut(line, cuts))
    return out


def _cut(line: Line, cuts: Sequence[int]) -> list[Line]:
    """``line`` cut at the offsets ``cuts``, each piece stripped, empty ones dropped."""
    out: list[Line] = []
    prev = 0
    for cut in [*cuts, len(line.text)]:
        piece = line.text[prev:cut]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append(Line(piece.strip(), line.start + prev + lead, line.index))
        prev = cut
    return out


def _split_labels(lines: Sequence[Line]) -> list[Line]:
    """Split "【主要做法】1.强化资金保障。…" into the label and the rest of its paragraph.

    Only in a document with at least two labelled paragraphs (one bracketed
    phrase is more likely a quoted name than a layout).
    """
    words = _word_labels(lines)
    if not words and sum(1 for line in lines if _LABEL.match(line.text)) < 2:
        return list(lines)
    out: list[Line] = []
    for line in lines:
        m = _LABEL.match(line.text)
        w = _WORD_LABEL.match(line.text)
        if m:
            out.append(Line(m.group(), line.start, line.index, label=True))
            out.extend(_cut(line, [m.end()])[1:])  # the rest of its paragraph, if any
        elif w and w.group(1) in words:
            # The word without its bar is the label; the bar belongs to neither.
            out.append(Line(w.group(1), line.start, line.index, label=True))
            out.extend(_cut(line, [w.end()])[1:])
        else:
            out.append(line)
    return out


def _word_labels(lines: Sequence[Line]) -> set[str]:
    """The words that label paragraphs in this document (see ``_WORD_LABEL``)."""
    counts: dict[str, int] = {}
    for line in lines:
        w = _WORD_LABEL.match(line.text)
        # A table row as the reader writes it (事故等级:一般事故 | 起数:12) is no label.
        if w and " | " not in line.text:
            counts[w.group(1)] = counts.get(w.group(1), 0) + 1
    words = {word for word, n in counts.items() if n >= 2}
    if len(words) < 2:
        return set()
    # A colon also sets off a speaker (记者：…? 答：…): colon labels only where numbered
    # cases or parts hold them, not in an interview.
    barred = {w.group(1) for line in lines if (w := _WORD_LABEL.match(line.text))
              and line.text[w.end(1):w.end()].strip() in ("｜", "|")}
    parts = sum(1 for line in lines if _match_heading(line, ("case", "cn", "paren")))
    return words if parts >= 2 else words & barred


def _split_inline_items(lines: Sequence[Line]) -> list[Line]:
    """Break paragraphs like "1.强化资金保障。…。2.统筹田水路林村。…" into one line per item.

    As with 一是/二是, only a paragraph that itself opens with a numbered
    title is cut, and only before another short numbered title.
    """
    out: list[Line] = []
    opener = re.compile(rf"\s*{_ITEM_TITLE}")
    for line in lines:
        cuts = [m.start() for m in _ITEM_CUT.finditer(line.text)] if not line.label else []
        if not cuts or not opener.match(line.text):
            out.append(line)
            continue
        out.extend(_cut(line, cuts))
    return out


def _in_label_block(lines: Sequence[Line]) -> list[bool]:
    """For each line, whether it lies in a labelled block (after a 【…】, before a new case/part).

    A heading of a kind the document uses before its first label ((一) over 案情简介：) is
    a case or part of its own, whatever its rank: the labels stand under it."""
    first = next((i for i, line in enumerate(lines) if line.label), len(lines))
    ends = set(_BLOCK_ENDS) | {h.kind for line in lines[:first]
                               if (h := _match_heading(line, _RANK))}
    flags: list[bool] = []
    inside = False
    for line in lines:
        if line.label:
            inside = True
        elif _match_heading(line, ends):
            inside = False
        flags.append(inside)
    return flags


def parse_document(raw: RawDocument, source: str) -> Document:
    """Parse a reader's output into the document structure."""
    text = raw.text
    lines = _split_inline_items(_split_inline_shi(_split_labels(lines_of(text)), text))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if not lines:
        return Document(title=raw.meta.title or source, source=source, sha256=sha, text=text,
                        meta=raw.meta, preamble=(), cases=())

    first = lines[0].text
    title = raw.meta.title or (first if is_headline(first) else short_name(source))
    # The first line is the title when it is the headline; a text without one (a pasted
    # news paragraph, a plain note) keeps its first paragraph as body.
    body = lines[1:] if first == title or (not raw.meta.title and is_headline(first)) else lines
    head = masthead_lines([line.text for line in lines[:3]])
    if body is lines and head and lines[head].text == title:
        # Under the document's head (its issuer's name, its number): the title line.
        body = [*lines[:head], *lines[head + 1:]]
    # Measures numbered inside labelled blocks continue those blocks: they do
    # not decide the levels.
    inside = _in_label_block(body)
    top, sec = _choose_levels([line for line, i in zip(body, inside, strict=True) if not i],
                              set(raw.headings))

    if top is None:
        # No structure: news articles under their headlines, or else each paragraph a
        # section of one untitled part.
        parts = articles(text, body) or ([paragraph_part(text, body)] if body else [])
        return Document(title=title, source=source, sha256=sha, text=text,
                        meta=_with_title(raw.meta, title), preamble=(),
                        cases=tuple(p for p in parts if p))

    preamble: list[Line] = []
    groups: list[tuple[Heading, list[Line]]] = []
    closing: list[Line] = []
    last_label = max((i for i, line in enumerate(body) if line.label), default=len(body))
    for i, line in enumerate(body):
        h = _match_heading(line, (top,))
        if closing:
            closing.append(line)
        elif h:
            groups.append((h, []))
        elif groups and i > last_label and _closes(line, body[i - 1], body[i + 1:i + 2]):
            closing.append(line)
        elif groups:
            groups[-1][1].append(line)
        else:
            preamble.append(line)

    cases = [_build_case(text, i, h, members, sec) for i, (h, members) in enumerate(groups)]
    if closing:
        cases.append(_closing_part(text, closing))
    return Document(title=title, source=source, sha256=sha, text=text,
                    meta=_with_title(raw.meta, title), preamble=sentences_of(preamble),
                    cases=tuple(cases))


def _closes(line: Line, before: Line, after: Sequence[Line]) -> bool:
    """Whether ``line``, after the last labelled paragraph of labelled cases, heads the
    closing part (下一步工作要求): a short line of its own, no sentence, no numbered heading,
    not what the line before announces (…分级情况如下: and a table's header row), and over
    a measure or a paragraph (a signature has only its date under it).  Without it the
    requirements would be cited as the last case's."""
    return (len(line.text) <= 20 and _is_heading_line(line.text)
            and _match_heading(line, _RANK) is None
            and not before.text.endswith((":", "\uff1a")) and "  " not in line.text
            and bool(after) and (_match_heading(after[0], _RANK) is not None
                                 or any(t in after[0].text for t in TERMINATORS)))


def _closing_part(text: str, lines: Sequence[Line]) -> Case:
    """The part after the cases, under its heading line: one section per numbered measure
    (一是…, 1.…), the heading line its first.  Unnumbered and untitled: it is no case."""
    head = lines[0]
    groups: list[tuple[Heading, list[Line]]] = [
        (Heading("part", 0, "", head.text, head.start, head.start), [head])]
    for line in lines[1:]:
        h = _match_heading(line, _MEASURE_KINDS)
        if h:
            groups.append((h, [line]))
        else:
            groups[-1][1].append(line)
    sections = tuple(build_section(text, i + 1, h, body) for i, (h, body) in enumerate(groups))
    return Case(number=0, title="", marker="", lead="", lead_sentences=(), sections=sections,
                start=head.start, end=lines[-1].start + len(lines[-1].text))


def short_name(source: str) -> str:
    """A document's name when it has no headline: its file name without folder or suffix."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    return stem or source


def _with_title(meta: DocumentMeta, title: str) -> DocumentMeta:
    if meta.title:
        return meta
    from dataclasses import replace

    return replace(meta, title=title)


def _build_case(text: str, index: int, head: Heading, members: list[Line],
                sec: str | None) -> Case:
    lead: list[Line] = []
    sections: list[tuple[Heading | None, list[Line]]] = []
    title_line = head.rest.strip()
    case_title, title_end = title_line, None
    # "一、XX县……实践。县里……" — a heading line that runs on into its lead.
    if any(t in title_line for t in TERMINATORS) and len(title_line) > 40:
        phrase, title_end = section_heading(title_line, head.rest_start)
        case_title = phrase or title_line[:40]
    if not title_line and members and not members[0].label and _is_heading_line(
            members[0].text) and _match_heading(members[0], _RANK) is None:
        # "案例一" alone in a badge, the case's name on the line under it (◆ …案 ◆), as
        # a WeChat article sets them: that line is the title, not the case's lead.
        case_title = _ORNAMENTS.sub("", members[0].text)
        members = members[1:]
    if title_end:
        rest_text = title_line[title_end:].strip()
        if rest_text:
            off = head.rest_start + title_line.index(rest_text, title_end)
            members = [Line(rest_text, off, -1), *members]
    in_label = False
    for line in members:
        h = _match_heading(line, (sec,)) if sec else None
        if line.label:
            # The label is the heading and the first sentence of its section.
            in_label = True
            h = Heading("label", 0, "", line.text, line.start, line.start)
        elif in_label and not h:
            h = _match_heading(line, _MEASURE_KINDS)
        if h:
            sections.append((h, [line]))
        elif sections:
            sections[-1][1].append(line)
        else:
            lead.append(line)
    built = tuple(build_section(text, i + 1, h, body) for i, (h, body) in enumerate(sections))
    end_line = members[-1] if members else None
    end = (end_line.start + len(end_line.text)) if end_line else head.rest_start + len(head.rest)
    return Case(number=head.number or index + 1, title=case_title, marker=head.marker,
                lead="\n".join(line.text for line in lead), lead_sentences=sentences_of(lead),
                sections=built, start=head.line_start, end=end)


__all__ = ["parse_document", "short_name"]
