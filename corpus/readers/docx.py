"""Word (.docx) reader.

This module owns reading the body of a .docx in document order — paragraphs
and tables interleaved as they appear, content controls unwrapped — plus the
headings Word itself marks (Title, Heading 1-4 / 标题 1-4, or an outline level
0-3 on the paragraph or its style) and the core properties (title, author).

The core "created" date is not a publication date: it is when the file (often the
template it was made from, years earlier) was created.  A publication date comes
only from the document's own text (a date line, a signature).

Text is read from the XML rather than through ``Paragraph.text`` so that runs
inside hyperlinks, tracked insertions, smart tags and simple fields are not
lost.  Automatic list numbering (numbering.xml) is rendered before its paragraphs
(:mod:`corpus.readers.numbering`): a heading whose 案例三、 Word draws reads 案例三、… here too.
A table with merged cells is read as its grid: a cell spanning columns or rows stands in each
of them, and a header over grouped columns (2025年度查处情况 over 案件数 and 罚没金额) is
folded into the header row under it, so every data row has its columns' headers.

python-docx is imported inside :func:`read_docx` so importing the package
stays cheap.
"""

from __future__ import annotations

import io
import re
from typing import Any

from corpus import regex
from corpus.model import RawDocument
from corpus.readers.errors import UnreadableDocument
from corpus.readers.numbering import Numbering
from corpus.readers.paragraphs import clean_line
from corpus.readers.text import make_document, table_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _SDT, _SDT_CONTENT = f"{_W}p", f"{_W}tbl", f"{_W}sdt", f"{_W}sdtContent"
_TR, _TC, _CUSTOM_XML = f"{_W}tr", f"{_W}tc", f"{_W}customXml"
_GRID_SPAN, _V_MERGE = f"{_W}tcPr/{_W}gridSpan", f"{_W}tcPr/{_W}vMerge"
_MAX_SPAN = 50  # columns a merged cell may stand in, as the HTML reader allows
_T, _TAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_NO_BREAK_HYPHEN = f"{_W}noBreakHyphen"
# Subtrees whose text is not part of the paragraph's running text: text boxes
# (their own paragraphs, and duplicated in the mc:Fallback of a drawing),
# deleted revisions, field instructions are different tags and never match.
_SKIP = frozenset({f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}del", f"{_W}pPr", f"{_W}rPr"})

_HEADING_STYLE = regex.compile(r"^(?:heading|标题|標題)\s*([1-4])$", re.I)
_TITLE_STYLE = regex.compile(r"^(?:title|标题|標題|subtitle|副标题|副標題)$", re.I)
# Authors that are software defaults or personal accounts, not an issuing body.
_ORG_AUTHOR = regex.compile(
    r"(?:局|厅|廳|委|委员会|委員會|办|辦|办公室|辦公室|部|院|政府|中心|会|會|署|处|處)$"
)

Element = Any  # lxml elements; python-docx's oxml classes subclass them


def _paragraph_text(p: Element) -> str:
    """Running text of a ``w:p``: tabs as \\t, line breaks as \\n."""
    parts: list[str] = []

    def visit(el: Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            else:
                visit(child)

    visit(p)
    return "".join(parts)


def _outline_level(ppr_owner: Element) -> int | None:
    """``w:outlineLvl`` of a paragraph or style element, if set."""
    found = ppr_owner.find(f"{_W}pPr/{_W}outlineLvl")
    if found is None:
        return None
    try:
        return int(found.get(f"{_W}val"))
    except (TypeError, ValueError):
        return None


class _Styles:
    """Resolves paragraph style ids to "is this a heading?" (with inheritance)."""

    def __init__(self, document: Any) -> None:
        self._by_id: dict[str, Any] = {}
        try:
            for style in document.styles:
                if style.style_id:
                    self._by_id[style.style_id] = style
        except Exception:  # a damaged styles part only costs us heading detection
            self._by_id = {}
        self._cache: dict[str, bool] = {}

    def is_heading(self, style_id: str | None) -> bool:
        if not style_id:
            return False
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id)
        return self._cache[style_id]

    def _resolve(self, style_id: str) -> bool:
        style = self._by_id.get(style_id)
        for _ in range(8):  # base-style chains are short; guard against cycles
            if style is None:
                return bool(_HEADING_STYLE.match(style_id) or _TITLE_STYLE.match(style_id))
            name = (style.name or "").strip()
            if _HEADING_STYLE.match(name) or _TITLE_STYLE.match(name):
                return True
            level = _outline_level(style.element)
            if level is not None:
                return level <= 3
            style = style.base_style
        return False


def _style_id(p: Element) -> str | None:
    found = p.find(f"{_W}pPr/{_W}pStyle")
    return found.get(f"{_W}val") if found is not None else None


class _Body:
    """Walks the body; collects lines and heading lines."""

    def __init__(self, styles: _Styles, numbering: Numbering | None = None) -> None:
        self.styles = styles
        self.numbering = numbering or Numbering()
        self.lines: list[str] = []
        self.headings: list[str] = []

    def block(self, el: Element) -> None:
        for child in el:
            if child.tag == _P:
                self.paragraph(child)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
                # Content controls and custom XML wrap ordinary body content.
                self.block(child)

    def paragraph(self, p: Element) -> None:
        style = _style_id(p)
        text = _paragraph_text(p)
        label = self.numbering.label(p, style)
        if label and text.strip():
            text = label + text.lstrip()
        parts = [part for part in (clean_line(x) for x in text.split("\n")) if part]
        level = _outline_level(p)
        heading = (level is not None and level <= 3) or self.styles.is_heading(style)
        if heading and len(parts) > 1:
            # A title set over two lines with a manual break (…保障厅关于 / 2025年…的通报)
            # is one heading: the break is layout.
            parts = [join_broken(parts)]
        self.lines.extend(parts)
        if heading:
            self.headings.extend(parts)

    def table(self, tbl: Element) -> None:
        rows = [tr.findall(_TC) for tr in tbl.findall(_TR)]
        if max((len(r) for r in rows), default=0) <= 1:
            # A one-column table is a frame around text, not data.
            for row in rows:
                for tc in row:
                    self.block(tc)
            return
        grid, merged = self._grid(rows)
        self.lines.extend(table_lines(grid, merged))

    def _grid(self, rows: list[list[Element]]) -> tuple[list[list[str]], bool]:
        """The table's rows as its grid: a cell spanning columns (w:gridSpan) stands in
        each, one continuing a vertical merge (w:vMerge) repeats the cell above; and
        whether any cell was merged."""
        grid: list[list[str]] = []
        merged = False
        for row in rows:
            texts: list[str] = []
            for tc in row:
                span = tc.find(_GRID_SPAN)
                # (A damaged or hostile file may claim any span: a grid is never that wide.)
                width = min(max(1, _int_val(span, 1)), _MAX_SPAN)
                v_merge = tc.find(_V_MERGE)
                if v_merge is not None and v_merge.get(f"{_W}val") in (None, "continue"):
                    above = grid[-1] if grid else []
                    text = above[len(texts)] if len(texts) < len(above) else ""
                    merged = True
                else:
                    sub = _Body(self.styles, self.numbering)
                    sub.block(tc)
                    text = " ".join(sub.lines)
                    merged = merged or width > 1 or v_merge is not None
                texts.extend([text] * width)
            grid.append(texts)
        return grid, merged


def _int_val(el: Element | None, default: int) -> int:
    try:
        return int(el.get(f"{_W}val")) if el is not None else default
    except (TypeError, ValueError):
        return default


def join_broken(parts: list[str]) -> str:
    """Lines of one heading as one: Chinese runs on without a space, Latin text with one."""
    out = parts[0]
    for part in parts[1:]:
        cjk = "\u4e00" <= out[-1] <= "\u9fff" or "\u4e00" <= part[0] <= "\u9fff"
        out += part if cjk else " " + part
    return out


def _core_properties(document: Any) -> tuple[str | None, str | None]:
    """(title, author) from docProps/core.xml, if the file has one.

    python-docx invents a core part titled "Word Document" when the file has
    none, so the relationship is checked first.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = document.part.package.part_related_by(RT.CORE_PROPERTIES)
        core = part.core_properties
        title = (core.title or "").strip() or None
        author = (core.author or "").strip() or None
    except Exception:  # missing or malformed core properties are not an error
        return None, None
    return title, author


def read_docx(data: bytes, name: str) -> RawDocument:
    """Read a .docx file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnreadableDocument(
            name,
            "is not a valid .docx (damaged, or another format renamed to .docx); open it in "
            "Word or WPS, save it as .docx and add it again",
        ) from exc
    except Exception as exc:  # zipfile.BadZipFile, lxml XMLSyntaxError …
        raise UnreadableDocument(
            name,
            f"is not a valid .docx ({type(exc).__name__}); open it in Word or WPS, save it "
            "as .docx and add it again",
        ) from exc

    body = _Body(_Styles(document), Numbering.of(document))
    body.block(document.element.body)

    title, author = _core_properties(document)
    # Without a core title, a styled heading that opens the document is the title.
    if title is None and body.headings and body.lines and body.lines[0] == body.headings[0]:
        title = body.headings[0]
    issuer = author if author and _ORG_AUTHOR.search(author) else None

    doc = make_document(
        body.lines,
        name,
        fmt="docx",
        headings=body.headings,
        title=title,
        issuer=issuer,
        empty_reason="contains no text (it may hold only images or scanned pages, and OCR is "
        "not supported); add the document as text, .docx with text, or a text PDF",
    )
    return doc
