"""News pages: where each article of a page of news items starts, and what heads it.

A page of People's Daily items has no numbered structure: each article stands under its
headline — a short line without a full stop, printed over up to three lines — or, printed
without one, starts at its dateline (本报北京1月21日讯…).  :func:`articles` cuts such a
text into one untitled-numbered part per article, its headline the title its sentences are
cited under.  :func:`is_headline` also tells whether a document's first line is its title.
Pure; nothing here knows any particular page.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus import regex
from corpus.lines import Line, build_section, paragraph_part
from corpus.model import Case

# A headline is short and holds no full stop (a question or exclamation may be one:
# 食品安全你了解吗?); a first paragraph holds sentences.
HEADLINE_MAX_CHARS = 60
_FULL_STOPS = "。;\uff1b"


def is_headline(line: str) -> bool:
    """Whether a document's first line is its headline rather than its first paragraph."""
    line = line.strip()
    return 0 < len(line) <= HEADLINE_MAX_CHARS and not any(t in line for t in _FULL_STOPS)




def articles(text: str, body: Sequence[Line]) -> list[Case | None]:
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
    parts: list[Case | None] = [paragraph_part(text, body[:starts[0]])]
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
        sections = (build_section(text, 1, None, rest),) if rest else ()
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


def _headline_start(body: Sequence[Line], last: int) -> int:
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


__all__ = ["HEADLINE_EXTRA_LINES", "HEADLINE_MAX_CHARS", "HEADLINE_MIN_CHARS", "articles",
           "is_headline"]
