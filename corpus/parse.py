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
headings falls back to paragraphs: every paragraph becomes a section of a single untitled
part.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corpus import regex
from corpus.model import Case, Document, DocumentMeta, RawDocument, Section, Sentence

_CN_DIGITS = "零一二三四五六七八九十百"
_NUM = rf"(?:[0-9]{{1,3}}|[{_CN_DIGITS}]{{1,4}})"

# An ornament some layouts set before a heading (▶ 案例一 …, ■ 一、…): part of the marker.
_BULLET = r"(?:[▶►▷▸■□●○◆◇★☆※•▪◎]\s*)?"
# (kind, pattern).  Each pattern matches at the start of a line and captures
# the number and the rest of the line.  Order = rank.
_HEADING_KINDS: tuple[tuple[str, regex.LazyPattern], ...] = (
    # (also bracketed: 【案例一】…, 〔案例2〕…)
    ("case", regex.compile(rf"^\s*{_BULLET}[【〔\[]?\s*(?:典型)?案例\s*({_NUM})\s*[】〕\]]?"
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

# Sentence terminators, and brackets whose insides never end a sentence.
_TERMINATORS = "。!?;\uff01\uff1f\uff1b"  # 。 ! ? ; and their full-width forms
_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "(": ")", "\uff08": "\uff09",
          "【": "】", "〔": "〕", "‘": "’"}
_CLOSERS = "".join(_PAIRS.values())
# An inline numbered measure title: 1. / 2、 / (三) and a short phrase ending in 。,
# the way 一是 opens a measure.  (?![0-9]) keeps 2.3万 from being a marker.
_ITEM_TITLE = (r"(?:[0-9]{1,2}[.\uff0e、](?![0-9])"
               rf"|[(\uff08][{_CN_DIGITS}]{{1,3}}[)\uff09])\s*[^{_TERMINATORS}]{{1,30}}。")
# Where to cut a paragraph before an inline numbered title.
_ITEM_CUT = regex.compile(rf"(?<=[{_TERMINATORS}])(?=\s*{_ITEM_TITLE})")
# Closing marks that belong to the sentence just ended (…。” stays together).
_TRAILING = "”」』’)\uff09\""
_MARKS = regex.compile("[" + re.escape("".join(_PAIRS) + _CLOSERS + '"' + _TERMINATORS) + "]")


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
        elif ch in _TERMINATORS and not stack:
            end = i + 1
            while end < n and (text[end] in _TERMINATORS or text[end] in _TRAILING):
                end += 1
            _append(sentences, text, start, end, base, paragraph)
            start = skip_to = end
    if len(stack) > 0 and start < n:
        # An unclosed bracket swallowed the rest: fall back to splitting it
        # without bracket tracking so a typo cannot make one giant "sentence".
        tail = text[start:]
        if any(t in tail for t in _TERMINATORS):
            for s in _split_plain(tail, base + start, paragraph):
                sentences.append(s)
            return sentences
    _append(sentences, text, start, n, base, paragraph)
    return sentences


def _split_plain(text: str, base: int, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in re.finditer(rf"[{_TERMINATORS}]+[{re.escape(_TRAILING)}]*", text):
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
class _Line:
    text: str  # stripped
    start: int  # offset of the stripped text in the document
    index: int  # paragraph number (0-based, counting non-empty lines)
    label: bool = False  # a bracket label (【基本情况】) split off its paragraph


@dataclass(frozen=True)
class _Heading:
    kind: str
    number: int
    marker: str  # the marker as written, e.g. 案例1、 or 一是
    rest: str  # the text after the marker
    rest_start: int  # document offset of ``rest``
    line_start: int  # document offset of the heading line


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append(_Line(stripped, pos + raw.index(stripped), len(out)))
        pos += len(raw) + 1
    return out


def _match_heading(line: _Line, allowed: Iterable[str]) -> _Heading | None:
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
        return _Heading(kind, cn_number(m.group(1)), marker.strip(), rest,
                        line.start + m.start(2), line.start)
    return None


def _choose_levels(lines: Sequence[_Line], extra_headings: set[str]) -> tuple[str | None, str | None]:
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
    return 0 < len(rest) <= 30 and not any(t in rest for t in _TERMINATORS)


def _section_heading(rest: str, rest_start: int) -> tuple[str, int]:
    """The heading phrase at the start of a section paragraph.

    Returns the phrase and its end offset within ``rest``.  A short first
    sentence (一是抓政策保障,夯實產業基礎。) is the heading; a whole-line
    heading without terminator is the heading; otherwise there is none.
    """
    m = re.match(rf"([^{_TERMINATORS}]{{1,40}})[{_TERMINATORS}]", rest)
    if m and len(m.group(1)) <= 30:
        return m.group(1).strip(), m.end()
    if len(rest) <= 40 and not any(t in rest for t in _TERMINATORS):
        return rest.strip(), len(rest)
    return "", 0


def _sentences_of(lines: Sequence[_Line]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for line in lines:
        out.extend(split_sentences(line.text, line.start, line.index))
    return tuple(out)


def _build_section(text: str, ordinal: int, head: _Heading | None,
                   body: Sequence[_Line]) -> Section:
    start = body[0].start
    end = body[-1].start + len(body[-1].text)
    heading = ""
    marker = head.marker if head else ""
    if head:
        heading, _ = _section_heading(head.rest, head.rest_start)
    return Section(ordinal=ordinal, marker=marker, heading=heading, text=text[start:end],
                   start=start, end=end, sentences=_sentences_of(body))


def _split_inline_shi(lines: Sequence[_Line], text: str) -> list[_Line]:
    """Break paragraphs like "一是…。二是…。" into one line per measure."""
    out: list[_Line] = []
    for line in lines:
        cuts = [m.start() + 1 for m in
                re.finditer(rf"[{_TERMINATORS}](?=\s*[{_CN_DIGITS}]{{1,3}}是)", line.text)]
        if not cuts or not _HEADING_KINDS[_RANK["shi"]][1].match(line.text):
            out.append(line)
            continue
        out.extend(_cut(line, cuts))
    return out


def _cut(line: _Line, cuts: Sequence[int]) -> list[_Line]:
    """``line`` cut at the offsets ``cuts``, each piece stripped, empty ones dropped."""
    out: list[_Line] = []
    prev = 0
    for cut in [*cuts, len(line.text)]:
        piece = line.text[prev:cut]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append(_Line(piece.strip(), line.start + prev + lead, line.index))
        prev = cut
    return out


def _split_labels(lines: Sequence[_Line]) -> list[_Line]:
    """Split "【主要做法】1.强化资金保障。…" into the label and the rest of its paragraph.

    Only in a document with at least two labelled paragraphs (one bracketed
    phrase is more likely a quoted name than a layout).
    """
    words = _word_labels(lines)
    if not words and sum(1 for line in lines if _LABEL.match(line.text)) < 2:
        return list(lines)
    out: list[_Line] = []
    for line in lines:
        m = _LABEL.match(line.text)
        w = _WORD_LABEL.match(line.text)
        if m:
            out.append(_Line(m.group(), line.start, line.index, label=True))
            out.extend(_cut(line, [m.end()])[1:])  # the rest of its paragraph, if any
        elif w and w.group(1) in words:
            # The word without its bar is the label; the bar belongs to neither.
            out.append(_Line(w.group(1), line.start, line.index, label=True))
            out.extend(_cut(line, [w.end()])[1:])
        else:
            out.append(line)
    return out


def _word_labels(lines: Sequence[_Line]) -> set[str]:
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


def _split_inline_items(lines: Sequence[_Line]) -> list[_Line]:
    """Break paragraphs like "1.强化资金保障。…。2.统筹田水路林村。…" into one line per item.

    As with 一是/二是, only a paragraph that itself opens with a numbered
    title is cut, and only before another short numbered title.
    """
    out: list[_Line] = []
    opener = re.compile(rf"\s*{_ITEM_TITLE}")
    for line in lines:
        cuts = [m.start() for m in _ITEM_CUT.finditer(line.text)] if not line.label else []
        if not cuts or not opener.match(line.text):
            out.append(line)
            continue
        out.extend(_cut(line, cuts))
    return out


def _in_label_block(lines: Sequence[_Line]) -> list[bool]:
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
    lines = _split_inline_items(_split_inline_shi(_split_labels(_lines(text)), text))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if not lines:
        return Document(title=raw.meta.title or source, source=source, sha256=sha, text=text,
                        meta=raw.meta, preamble=(), cases=())

    first = lines[0].text
    title = raw.meta.title or (first if is_headline(first) else short_name(source))
    # The first line is the title when it is the headline; a text without one (a pasted
    # news paragraph, a plain note) keeps its first paragraph as body.
    body = lines[1:] if first == title or (not raw.meta.title and is_headline(first)) else lines
    # Measures numbered inside labelled blocks continue those blocks: they do
    # not decide the levels.
    inside = _in_label_block(body)
    top, sec = _choose_levels([line for line, i in zip(body, inside, strict=True) if not i],
                              set(raw.headings))

    if top is None:
        # No structure: news articles under their headlines, or else each paragraph a
        # section of one untitled part.
        parts = _articles(text, body) or ([_fallback_part(text, body)] if body else [])
        return Document(title=title, source=source, sha256=sha, text=text,
                        meta=_with_title(raw.meta, title), preamble=(),
                        cases=tuple(p for p in parts if p))

    preamble: list[_Line] = []
    groups: list[tuple[_Heading, list[_Line]]] = []
    closing: list[_Line] = []
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
                    meta=_with_title(raw.meta, title), preamble=_sentences_of(preamble),
                    cases=tuple(cases))


def _closes(line: _Line, before: _Line, after: Sequence[_Line]) -> bool:
    """Whether ``line``, after the last labelled paragraph of labelled cases, heads the
    closing part (下一步工作要求): a short line of its own, no sentence, no numbered heading,
    not what the line before announces (…分级情况如下: and a table's header row), and over
    a measure or a paragraph (a signature has only its date under it).  Without it the
    requirements would be cited as the last case's."""
    return (len(line.text) <= 20 and _is_heading_line(line.text)
            and _match_heading(line, _RANK) is None
            and not before.text.endswith((":", "\uff1a")) and "  " not in line.text
            and bool(after) and (_match_heading(after[0], _RANK) is not None
                                 or any(t in after[0].text for t in _TERMINATORS)))


def _closing_part(text: str, lines: Sequence[_Line]) -> Case:
    """The part after the cases, under its heading line: one section per numbered measure
    (一是…, 1.…), the heading line its first.  Unnumbered and untitled: it is no case."""
    head = lines[0]
    groups: list[tuple[_Heading, list[_Line]]] = [
        (_Heading("part", 0, "", head.text, head.start, head.start), [head])]
    for line in lines[1:]:
        h = _match_heading(line, _MEASURE_KINDS)
        if h:
            groups.append((h, [line]))
        else:
            groups[-1][1].append(line)
    sections = tuple(_build_section(text, i + 1, h, body) for i, (h, body) in enumerate(groups))
    return Case(number=0, title="", marker="", lead="", lead_sentences=(), sections=sections,
                start=head.start, end=lines[-1].start + len(lines[-1].text))


# A headline is short and holds no full stop (a question or exclamation may be one:
# 食品安全你了解吗?); a first paragraph holds sentences.
HEADLINE_MAX_CHARS = 60
_FULL_STOPS = "。;\uff1b"


def is_headline(line: str) -> bool:
    """Whether a document's first line is its headline rather than its first paragraph."""
    line = line.strip()
    return 0 < len(line) <= HEADLINE_MAX_CHARS and not any(t in line for t in _FULL_STOPS)


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


def _build_case(text: str, index: int, head: _Heading, members: list[_Line],
                sec: str | None) -> Case:
    lead: list[_Line] = []
    sections: list[tuple[_Heading | None, list[_Line]]] = []
    title_line = head.rest.strip()
    case_title, title_end = title_line, None
    # "一、XX县……实践。县里……" — a heading line that runs on into its lead.
    if any(t in title_line for t in _TERMINATORS) and len(title_line) > 40:
        phrase, title_end = _section_heading(title_line, head.rest_start)
        case_title = phrase or title_line[:40]
    if title_end:
        rest_text = title_line[title_end:].strip()
        if rest_text:
            off = head.rest_start + title_line.index(rest_text, title_end)
            members = [_Line(rest_text, off, -1), *members]
    in_label = False
    for line in members:
        h = _match_heading(line, (sec,)) if sec else None
        if line.label:
            # The label is the heading and the first sentence of its section.
            in_label = True
            h = _Heading("label", 0, "", line.text, line.start, line.start)
        elif in_label and not h:
            h = _match_heading(line, _MEASURE_KINDS)
        if h:
            sections.append((h, [line]))
        elif sections:
            sections[-1][1].append(line)
        else:
            lead.append(line)
    built = tuple(_build_section(text, i + 1, h, body) for i, (h, body) in enumerate(sections))
    end_line = members[-1] if members else None
    end = (end_line.start + len(end_line.text)) if end_line else head.rest_start + len(head.rest)
    return Case(number=head.number or index + 1, title=case_title, marker=head.marker,
                lead="\n".join(line.text for line in lead), lead_sentences=_sentences_of(lead),
                sections=built, start=head.line_start, end=end)


def _articles(text: str, body: Sequence[_Line]) -> list[Case | None]:
    """A page of news articles, each under its headline (a short line without a full stop,
    followed by a paragraph): one unnumbered part per article, its headline the title that
    every sentence of it stands under.  The dateline lede stays a paragraph like the others:
    as a case's lead it would be ranked as an overview, which a news lede is not (on the
    news development sets that cost right passages).  Empty when the text has no headline
    inside it."""
    def paragraph(i: int) -> bool:
        return i < len(body) and not is_headline(body[i].text)

    # A headline may have its byline under it (本报记者王楚) before the first paragraph.
    lasts = [i for i, line in enumerate(body[:-1])
             if _is_article_headline(line.text) and (paragraph(i + 1) or (
                 _BYLINE.match(body[i + 1].text) is not None and paragraph(i + 2)))]
    # A headline may be printed over two or three lines (北京举行新年音乐会 / 江泽民…一起辞旧
    # 迎新, or a kicker above the main line): the article starts at the first of them.  A
    # note in brackets alone (新华社记者樊如钧摄) is the photo credit of the article it
    # closes, not a headline.
    heads = {i: _headline_start(body, i) for i in lasts}
    heads = {i: at for i, at in heads.items() if at < i or not _NOTE.match(body[i].text)}
    if not heads:
        return []
    # An item printed without a headline opens with its dateline (本报北京1月21日讯…): it
    # is an article of its own, not more of the one above it — whose headline would
    # otherwise stand over its sentences.  The first dateline under a headline is its own
    # lede, though a photo caption may come between them.
    untitled: list[int] = []
    own_item = True  # whether the next dateline starts an item: none is a headline's lede yet
    for i, line in enumerate(body):
        if i in heads:
            own_item = False
        elif _DATELINE.match(line.text) and not is_headline(line.text):
            if own_item:
                untitled.append(i)
            own_item = True
    last_of = {at: i for i, at in heads.items()}
    starts = sorted({*last_of, *untitled})
    parts: list[Case | None] = [_fallback_part(text, body[:starts[0]])]
    for at, stop in zip(starts, [*starts[1:], len(body)], strict=True):
        headed = at in last_of
        head, rest = body[at], body[at + 1 if headed else at:stop]
        # The title is the whole headline, every sentence of the article standing under
        # it; its first line is the article's title passage, the others its first
        # sentences (a note in brackets under it is no part of the title).
        title = " ".join(line.text for line in body[at:last_of[at] + 1]
                         if not _NOTE.match(line.text)) if headed else ""
        # One section of its paragraphs: no heading opens them (and a row per paragraph
        # would cost the index a tenth of the raw text over a news corpus).
        sections = (_build_section(text, 1, None, rest),) if rest else ()
        end_line = body[stop - 1]
        parts.append(Case(number=0, title=title, marker="", lead="",
                          lead_sentences=(), sections=sections,
                          start=head.start, end=end_line.start + len(end_line.text)))
    return parts


# A line that is a note in brackets: a photo credit (新华社记者周确摄), a reporter's name
# closing an article (杜中武孙传刚), (附图片1张).
_NOTE = regex.compile(r"^[(（][^()（）]*[)）]$")
# How many lines above its last one a headline may start.
HEADLINE_EXTRA_LINES = 2
# A line that says something ends (谢谢!, 祝大家新年快乐!): the close of the article above.
_SAYS = regex.compile(r"[!！?？;；]")


def _headline_start(body: Sequence[_Line], last: int) -> int:
    """The first line of the headline whose last line is ``body[last]``: headline lines
    right above it, up to two — never a note in brackets or an exclamation, which close
    the article above."""
    start = last
    while start > 0 and last - start < HEADLINE_EXTRA_LINES:
        line = body[start - 1].text
        if not _is_article_headline(line) or _NOTE.match(line) or _SAYS.search(line):
            break
        start -= 1
    return start


# A news item's dateline: 本报北京1月21日讯, 据新华社华盛顿1月19日电, 新华社记者…报道 is not one.
_DATELINE = regex.compile(r"^\s*(?:据)?(?:本报|新华社|中新社)[^,，:：;；。]{0,24}?[电讯]")


# A byline (本报驻南非记者李新烽, 新华社记者刘云峰) and a caption label (图片:) head no article.
_BYLINE = regex.compile(r"^(?:本报|新华社|人民日报|中新社)?[\u4e00-\u9fff]{0,8}?(?:记者|通讯员|评论员)"
                     r"[\u4e00-\u9fff·]{2,4}(?:、[\u4e00-\u9fff·]{2,4})*$")
HEADLINE_MIN_CHARS = 5


def _is_article_headline(line: str) -> bool:
    # (A table's row, its cells set off by |, is no headline either.)
    return (is_headline(line) and len(line) >= HEADLINE_MIN_CHARS and not _BYLINE.match(line)
            and not line.endswith((":", "：")) and "|" not in line)


def _fallback_part(text: str, body: Sequence[_Line]) -> Case | None:
    if not body:
        return None
    sections = tuple(_build_section(text, i + 1, None, [line]) for i, line in enumerate(body))
    return Case(number=0, title="", marker="", lead="", lead_sentences=(), sections=sections,
                start=body[0].start, end=body[-1].start + len(body[-1].text))
