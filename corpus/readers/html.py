"""HTML reader: an article page from a (Chinese government) web site → RawDocument.

This module owns charset handling for HTML (the declared charset wins, with
GB2312/GBK widened to GB18030; detection otherwise), finding the article body
among the site furniture, turning it into one paragraph per line, and the
metadata such pages carry (``ArticleTitle``/``PubDate``/``ContentSource`` meta
tags, 发布时间:/来源: info bars).

Finding the body: elements whose id/class names a well-known content
container (TRS_Editor, zoom, UCAP-CONTENT, article, content …) compete with
the element whose paragraph children hold the most non-link Chinese text;
the narrowest candidate that still holds nearly all of the text wins.  What
furniture is left inside it (share bars, 上一篇/下一篇, 打印本页/关闭窗口,
info bars) is removed by class name and by line pattern.

lxml is imported inside :func:`read_html` so that importing the package stays
cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from corpus import regex
from corpus.model import RawDocument
from corpus.readers.chars import is_hanzi
from corpus.readers.decoding import decode_text
from corpus.readers.errors import UnreadableDocument
from corpus.readers.metadata import find_date, find_issuer, find_labelled_date, parse_date
from corpus.readers.paragraphs import clean_lines
from corpus.readers.text import make_document, table_lines

# lxml has no type stubs here; its elements are typed as Any.
Element = Any

_DROP_TAGS = frozenset(
    "script style noscript template iframe frame frameset svg canvas object embed applet select "
    "option button input textarea map audio video source head title meta link base".split()
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_BLOCK_TAGS = frozenset(
    "p div section article header footer main aside nav blockquote ul ol li dl dt dd tr td th "
    "thead tbody tfoot caption h1 h2 h3 h4 h5 h6 hr address figure figcaption center form "
    "fieldset legend details summary body html pre table".split()
)
# Inline wrappers whose text counts as the paragraph text of their parent when
# scoring text density (Word-exported pages wrap every paragraph in <span>/<font>).
_PARAGRAPHISH = frozenset({"p", "span", "font", "strong", "b", "em", "i", "u", "section"})

_CONTAINER_NAME = regex.compile(
    r"^(?:trs_editor|trs_ueditor|trs_paper_default|zoom|fontzoom|ucap-content|article"
    r"|article[-_]?(?:content|body|text|con)|art[-_]?con|content|contents|main[-_]?(?:text|content)"
    r"|view|detail|details|news[-_]?(?:content|text|con)|con|con[-_]?text|pages?[-_]?content"
    r"|xxgk[-_]?content|wzcon|wz[-_]?con|info[-_]?content|cont|zw|zwnr|body[-_]?text"
    r"|entry[-_]?content|post[-_]?content|rich[-_]?text|txt|text)$"
)
# Prefix match on id/class tokens: bdsharebuttonbox, share-bar, navbar, footer …
_FURNITURE_NAME = regex.compile(
    r"(?:^|[-_])(?:bdshare|share|print|close|pager|paging|prev|next|breadcrumbs?|crumbs?"
    r"|location|position|nav|menu|footer|copyright|related|relevant|comment|toolbar"
    r"|tools?\b|fontsize|qrcode|ewm|social|sidebar|header|topbar|banner|search|login)"
)
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# Only article-level tags: a bare "title" meta is usually the site name.
_META_TITLE = ("articletitle", "og:title")
_META_DATE = tuple(
    "pubdate publishdate publish_date firstpublishedtime article:published_time dc.date "
    "dc.date.issued date pubtime publishtime".split()
)
_META_SOURCE = ("contentsource", "source", "dc.publisher", "publisher", "article:author")

# "Title_Column_Site", "Title - Site", "Title|Site"; a bare hyphen only between
# Chinese characters, so "COVID-19" survives.
_TITLE_SEPARATORS = regex.compile(
    r"\s*(?:_|\||｜|—{1,2}|–|\s-{1,2}\s|-{2}|(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fff]))\s*"
)
_CHARSET_IN_HTML = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")
_WS = regex.compile(r"[ \t\r\n\f]+")
_CJK_CHAR = "\u2010-\u2027\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Browsers render a newline in the source as a space, but in Chinese text it is
# an artefact of the editor's line wrapping, not a word gap: drop it when one
# side is Chinese (characters or punctuation, including “ ” —) and the other
# is not a Latin letter.
_CJK_NEWLINE = regex.compile(
    rf"(?:(?<=[{_CJK_CHAR}])[ \t\r\f]*\n[ \t\r\n\f]*(?![A-Za-z])"
    rf"|(?<![A-Za-z])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK_CHAR}]))"
)

_NAV_LINE = regex.compile(
    r"^[【\[(（]?\s*(?:上一篇|下一篇|上一条|下一条|上一條|下一條|上篇|下篇|前一篇|后一篇|後一篇)"
)
_CRUMB_LINE = regex.compile(
    r"^(?:当前位置|當前位置|您现在的位置|您現在的位置|您的位置|所在位置|现在位置|現在位置)"
    r"(?:是)?\s*[:：]"
)
_FOOTER_LINE = regex.compile(
    r"版权所有|版權所有|ICP\s*备|ICP\s*備|ICP\s*证|ICP\s*證|公网安备|公網安備|网站标识码|網站標識碼"
    r"|Copyright|©|^(?:主办单位|主辦單位|承办单位|承辦單位|技术支持|技術支持|网站地图|網站地圖"
    r"|联系我们|聯繫我們)"
)
_META_SEGMENT = regex.compile(
    r"(?:发布时间|發布時間|发布日期|發布日期|时间|時間|日期|信息来源|信息來源|来源|來源|作者|编辑|編輯"
    r"|责任编辑|責任編輯|浏览次数|瀏覽次數|点击数|點擊數|点击率|點擊率|阅读次数|閱讀次數|访问量|訪問量"
    r"|发布机构|發布機構)\s*[:：]\s*[^\s【\[|｜]*"
)
_TOOL_WORDS = regex.compile(
    r"打印本页|打印本頁|打印|关闭窗口|關閉窗口|关闭|關閉|返回顶部|返回頂部|分享到|分享|扫一扫在手机打开当前页"
    r"|扫一扫|掃一掃|加入收藏|收藏|字体|字體|字号|字號|默认|默認|微信|微博|QQ空间|QQ|我要纠错|纠错"
    r"|保存本页|[大中小]|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|[【】\[\]()（）:：|｜/·•\s]"
)


def _is_furniture_line(line: str) -> bool:
    """Page furniture that survived inside the article container."""
    if len(line) > 120:
        return False
    if _NAV_LINE.match(line) or _CRUMB_LINE.match(line):
        return True
    if len(line) <= 80 and _FOOTER_LINE.search(line):
        return True
    rest = _TOOL_WORDS.sub("", _META_SEGMENT.sub("", line))
    return not rest


def _cjk_count(s: str | None) -> int:
    return sum(1 for ch in s if is_hanzi(ch)) if s else 0


def _tag(el: Element) -> str | None:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


def _names(el: Element) -> list[str]:
    """The element's id and class tokens, lowercased."""
    names = (el.get("class") or "").split()
    if el.get("id"):
        names.append(el.get("id"))
    return [n.lower() for n in names]


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML document declares for itself, if any."""
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _CHARSET_IN_HTML.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


class _Collector:
    """Accumulates inline text into lines; block boundaries flush a line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.headings: list[str] = []
        self._buf: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._buf.append(text)

    def newline(self) -> None:
        if self._buf:
            line = _CJK_NEWLINE.sub("", "".join(self._buf))
            self.lines.append(_WS.sub(" ", line).strip())
            self._buf = []

    def add_raw_line(self, line: str) -> None:
        self.newline()
        self.lines.append(line)


def _walk(el: Element, out: _Collector) -> None:
    tag = _tag(el)
    if tag is None:  # comment or processing instruction; its tail is the parent's
        return
    if tag == "br":
        out.newline()
        return
    if tag == "table":
        out.newline()
        _table(el, out)
        out.newline()
        return
    if tag == "pre":
        out.newline()
        for line in el.text_content().split("\n"):
            out.add_raw_line(line)
        return
    block = tag in _BLOCK_TAGS
    if block:
        out.newline()
    first_line = len(out.lines)
    out.add(el.text)
    for child in el:
        _walk(child, out)
        out.add(child.tail)
    if block:
        out.newline()
    if tag in _HEADING_TAGS:
        out.headings.extend(out.lines[first_line:])


def _rows(table: Element) -> list[Element]:
    return list(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"))


def _table(table: Element, out: _Collector) -> None:
    """Data tables → one row per line, cells joined by " | ".

    Layout tables (old government templates put the whole page, or the whole
    article, in table cells) are walked as ordinary blocks instead.
    """
    rows = _rows(table)
    cells = [list(row.xpath("./td|./th")) for row in rows]
    is_data = (
        len(rows) >= 2
        and max((len(c) for c in cells), default=0) >= 2
        and not table.xpath(".//table")
        and all(len(cell.text_content()) <= 300 for row in cells for cell in row)
    )
    if not is_data:
        for child in table:
            _walk(child, out)
            out.add(child.tail)
        return
    for caption in table.xpath("./caption"):
        _walk(caption, out)
    grid, merged = _grid(cells)
    for line in table_lines(grid, merged):
        out.add_raw_line(line)


def _span(cell: Element, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name) or 1), 50))
    except ValueError:
        return 1


def _grid(rows: list[list[Element]]) -> tuple[list[list[str]], bool]:
    """The table's rows as its grid: a cell spanning columns (colspan) or rows (rowspan)
    stands in each of them; and whether any cell spanned."""
    grid: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column → (text, rows still to fill)
    merged = False
    for row in rows:
        texts: list[str] = []
        for cell in row:
            _fill_spanned(texts, pending)
            sub = _Collector()
            _walk(cell, sub)
            sub.newline()
            text = " ".join(line for line in sub.lines if line)
            width, height = _span(cell, "colspan"), _span(cell, "rowspan")
            merged = merged or width > 1 or height > 1
            for _ in range(width):
                if height > 1:
                    pending[len(texts)] = (text, height - 1)
                texts.append(text)
        _fill_spanned(texts, pending)
        grid.append(texts)
    return grid, merged


def _fill_spanned(texts: list[str], pending: dict[int, tuple[str, int]]) -> None:
    """The cells of rows above that span down into this one, at their columns."""
    while len(texts) in pending:
        text, left = pending.pop(len(texts))
        if left > 1:
            pending[len(texts)] = (text, left - 1)
        texts.append(text)


def _extract(el: Element) -> _Collector:
    out = _Collector()
    _walk(el, out)
    out.newline()
    return out


def _measure(root: Element) -> tuple[dict[Element, int], dict[Element, int]]:
    """Non-link and link CJK character counts for every element (one pass)."""
    order = [el for el in root.iter() if _tag(el) is not None]
    text: dict[Element, int] = {}
    links: dict[Element, int] = {}
    for el in reversed(order):  # children before parents
        own = _cjk_count(el.text)
        linked = 0
        for child in el:
            own += _cjk_count(child.tail)
            if child in text:
                own += text[child]
                linked += links[child]
        if _tag(el) == "a":
            text[el], links[el] = 0, own + linked
        else:
            text[el], links[el] = own, linked
    return text, links


def _find_container(body: Element) -> Element:
    text, links = _measure(body)

    def paragraph_score(el: Element) -> int:
        score = _cjk_count(el.text)
        for child in el:
            score += _cjk_count(child.tail)
            if _tag(child) in _PARAGRAPHISH:
                score += text.get(child, 0)
        return score

    candidates = [
        el
        for el in text
        if _tag(el) == "article" or any(_CONTAINER_NAME.match(n) for n in _names(el))
    ]
    densest = max(text, key=paragraph_score, default=None)
    if densest is not None and paragraph_score(densest) > 0:
        candidates.append(densest)
    # Link-heavy blocks (menus, lists of related articles) are never the body.
    candidates = [el for el in candidates if text[el] >= 10 and links[el] <= text[el]]
    if not candidates:
        return body
    best = max(text[el] for el in candidates)
    good = [el for el in candidates if text[el] >= 0.8 * best]
    good_set = set(good)
    narrowest = [
        el for el in good if not any(d in good_set for d in el.iterdescendants() if d is not el)
    ]
    return max(narrowest or good, key=lambda el: text[el])


def _drop_furniture(container: Element) -> None:
    text, _ = _measure(container)
    total = text.get(container, 0)
    for el in list(container.iterdescendants()):
        if _tag(el) is None or el.getparent() is None:
            continue
        names = _names(el)
        if (
            any(_FURNITURE_NAME.search(n) for n in names)
            and not any(_CONTAINER_NAME.match(n) for n in names)
            # Never drop something that holds a real share of the article.
            and text.get(el, 0) < min(200, 0.2 * total)
        ):
            el.drop_tree()


def _clean_tree(root: Element) -> None:
    for el in list(root.iter()):
        if el.getparent() is None:
            continue
        tag = _tag(el)
        if (
            tag is None
            or tag in _DROP_TAGS
            or el.get("hidden") is not None
            or _HIDDEN_STYLE.search(el.get("style") or "")
        ):
            el.drop_tree()


def _meta(root: Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _first(meta: dict[str, str], keys: Iterable[str]) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


def _text_of(el: Element) -> str:
    return " ".join(clean_lines(_extract(el).lines))


def _find_title(
    root: Element, body: Element, container: Element, meta: dict[str, str]
) -> str | None:
    """ArticleTitle meta, a heading in or just before the body, or <title> minus site name."""
    if title := _first(meta, _META_TITLE):
        return title
    page_title = ""
    for el in root.iter("title"):
        page_title = " ".join((el.text_content() or "").split())
        break
    segments = [s for s in _TITLE_SEPARATORS.split(page_title) if s.strip()]
    first_segment = segments[0].strip() if segments else ""

    def agrees(text: str) -> bool:
        return bool(first_segment) and (first_segment in text or text in first_segment)

    # A heading inside the body: an <h1>, or a lower one that matches <title>
    # (not the first 案例 subheading).
    for el in container.iter("h1", "h2", "h3"):
        text = _text_of(el)
        if text and (_tag(el) == "h1" or agrees(text)):
            return text
    # The title usually sits just above the body, after the logo <h1> (the site
    # name) and the breadcrumbs: take the last heading-like element before the
    # body that agrees with <title>.
    position = {el: i for i, el in enumerate(body.iter())}
    start = position.get(container, 0)
    ancestors = set(container.iterancestors())
    best: str | None = None
    for el in body.iter():
        if position.get(el, 0) >= start:
            break
        if el in ancestors or _tag(el) is None:
            continue
        heading_like = _tag(el) in ("h1", "h2", "h3") or any("title" in n for n in _names(el))
        if not heading_like:
            continue
        text = _text_of(el)
        if 4 <= len(text) <= 120 and agrees(text):
            best = text
    return best or first_segment or None


def read_html(data: bytes, name: str) -> RawDocument:
    """Read an HTML page, keeping the article body only."""
    import lxml.html
    from lxml import etree

    text = decode_text(data, name, declared=declared_charset(data))
    text = _XML_DECLARATION.sub("", text)
    if not text.strip():
        raise UnreadableDocument(name, "contains no text")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(name, f"is not a readable HTML page ({exc})") from exc

    meta = _meta(root)
    body = root.find("body")
    if body is None:
        body = root
    _clean_tree(body)

    page_lines = clean_lines(_extract(body).lines)
    container = _find_container(body)
    # Read the title before furniture removal: title blocks often carry
    # class names like "article-header".
    title = _find_title(root, body, container, meta)
    _drop_furniture(container)

    extracted = _extract(container)
    lines = [line for line in clean_lines(extracted.lines) if not _is_furniture_line(line)]
    headings = list(extracted.headings)
    empty_reason = (
        "has no article text (the page may be built by JavaScript or be a frameset); save the "
        "article itself, or copy its text into a .txt file"
    )
    if not lines:
        raise UnreadableDocument(name, empty_reason)
    if title:
        title = " ".join(title.split())
        if _squash(lines[0]) == _squash(title):
            title = lines[0]  # the body's own rendering of it wins
        else:
            lines.insert(0, title)
        headings.insert(0, title)

    published = (parse_date(_first(meta, _META_DATE) or "", compact=True)
                 or _element_date(root))
    issuer = _first(meta, _META_SOURCE)
    if published is None:
        # Labelled dates anywhere on the page (the info bar is usually outside
        # the body); bare dates only inside the body, since lists of related
        # articles are full of them.
        published = find_labelled_date(page_lines) or find_date(lines)
    if issuer is None:
        issuer = find_issuer(page_lines) or find_issuer(lines)
    return make_document(
        lines,
        name,
        fmt="html",
        headings=headings,
        title=title,
        issuer=issuer,
        published=published,
        empty_reason=empty_reason,
    )


# An element a page keeps its own date in (WeChat's <em id="publish_time">, a CMS's
# <span class="pub-date">): the article's date, though no label says so.
_DATE_NAME = regex.compile(r"^(?:publish|pub|post|article|release)[-_]?(?:time|date)$")


def _element_date(root: Element) -> str | None:
    """The date of the first element whose id or class names it the page's date."""
    for el in root.iter():
        if isinstance(el.tag, str) and any(_DATE_NAME.match(n) for n in _names(el)):
            date = parse_date(_text_of(el), compact=True)
            if date:
                return date
    return None


def _squash(s: str) -> str:
    return "".join(s.split())
