"""Fixture generators: the bundled sample announcement in every supported format.

Each ``write_*`` function takes a target directory and the source text (a
title and paragraphs, or the whole text) and returns the path of the file it
wrote.  The files imitate what the bot meets in practice: HTML pages with a
government site's furniture in a legacy Chinese encoding, Word files with
heading styles and tables, PDFs with hard line breaks, running headers and
page numbers.  Everything is generated offline (reportlab's built-in
``STSong-Light`` CID font needs no font file).

Shared with other test modules: import from ``tests.corpus.fixtures``.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import random
import zipfile
from collections.abc import Sequence
from pathlib import Path

SAMPLE_PATH = (
    Path(__file__).resolve().parents[2]
    / "corpus"
    / "documents"
    / "xinjiang-food-safety-typical-cases-batch-1.txt"
)

SITE_NAME = "新疆維吾爾自治區市場監督管理局"
ISSUER = "自治區市場監管局"
PUBLISHED = "2025-03-12"

# A small data table used by the docx and HTML fixtures.
SAMPLE_TABLE: tuple[tuple[str, ...], ...] = (
    ("序號", "案例", "地區"),
    ("1", "特色乳制品質量監管", "自治區"),
    ("2", "肉類產品全鏈條監管", "自治區"),
    ("3", "“小飯桌”全鏈條治理", "昌吉州"),
    ("4", "庫爾勒香梨全鏈條監管", "巴州"),
)


def sample_text() -> str:
    """The bundled sample document, exactly as stored."""
    return SAMPLE_PATH.read_text(encoding="utf-8")


def sample_lines() -> list[str]:
    """The sample's paragraphs: non-empty lines, stripped."""
    return [line.strip() for line in sample_text().splitlines() if line.strip()]


def sample_parts() -> tuple[str, list[str]]:
    """(title, body paragraphs) of the sample."""
    lines = sample_lines()
    return lines[0], lines[1:]


def sample_case_titles() -> list[str]:
    """The 案例N、 lines — what a format would mark as headings."""
    return [line for line in sample_lines() if line.startswith("案例")]


def table_lines(table: Sequence[Sequence[str]]) -> list[str]:
    """How the readers render a data table: one row per line, cells joined by " | ",
    each data row's cells prefixed with their column's header (序號:1 | 案例:…)."""
    header = table[0]
    return [" | ".join(cell for cell in header if cell)] + [
        " | ".join(f"{h}:{c}" for h, c in zip(header, row, strict=True) if c) for row in table[1:]]


def with_table(paragraphs: Sequence[str], table: Sequence[Sequence[str]], after: int) -> list[str]:
    """``paragraphs`` with the rendered ``table`` inserted after paragraph ``after``."""
    return [*paragraphs[:after], *table_lines(table), *paragraphs[after:]]


# --------------------------------------------------------------------------
# Plain text and Markdown
# --------------------------------------------------------------------------


def write_txt(
    directory: Path,
    text: str,
    encoding: str = "utf-8",
    *,
    name: str = "sample.txt",
    newline: str = "\n",
) -> Path:
    """``text`` in ``encoding`` ("utf-8-sig" and "utf-16" write a BOM)."""
    path = Path(directory) / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def write_markdown(
    directory: Path,
    title: str,
    paragraphs: Sequence[str],
    *,
    headings: Sequence[str] = (),
    name: str = "sample.md",
) -> Path:
    """A Markdown rendering: ``# title``, ``## heading``, some emphasis and a link."""
    out = [f"# {title}", ""]
    for i, paragraph in enumerate(paragraphs):
        if paragraph in headings:
            out += [f"## {paragraph}", ""]
        elif i % 3 == 1 and "。" in paragraph:
            # Emphasise the first sentence, link the second word group.
            first, rest = paragraph.split("。", 1)
            out += [f"**{first}。**{rest}", ""]
        elif i % 3 == 2 and len(paragraph) > 10:
            out += [f"[{paragraph[:6]}](https://www.example.gov.cn/a.html){paragraph[6:]}", ""]
        else:
            out += [paragraph, ""]
    path = Path(directory) / name
    path.write_text("\n".join(out), encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

_HTML_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{charset}
<title>{title}_通知公告_{site}</title>
{meta}
<link rel="stylesheet" type="text/css" href="/css/style.css" />
<style type="text/css">
  body {{ font-family: "宋體"; }} .nav li {{ float: left; }}
</style>
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript">
  var _hmt = _hmt || []; document.write("<p>今天是" + new Date() + "</p>");
</script>
</head>
"""

_HTML_DIV_PAGE = """<body>
<div class="header">
  <div class="logo"><h1><a href="/">{site}</a></h1></div>
  <div class="search"><form action="/search"><input type="text" name="q" value="請輸入關鍵字" />
    <button type="submit">搜索</button></form></div>
</div>
<div class="nav"><ul>
  <li><a href="/">首頁</a></li><li><a href="/jggk/">機構概況</a></li>
  <li><a href="/xwdt/">新聞動態</a></li><li><a href="/zwgk/">政務公開</a></li>
  <li><a href="/bsfw/">辦事服務</a></li><li><a href="/hdjl/">互動交流</a></li>
</ul></div>
<div class="position">當前位置:<a href="/">首頁</a> &gt; <a href="/zwgk/">政務公開</a>
  &gt; <a href="/zwgk/tzgg/">通知公告</a></div>
<div class="main">
  <div class="left-side"><h3>欄目導航</h3><ul>
    <li><a href="/zwgk/tzgg/">通知公告</a></li><li><a href="/zwgk/zcfg/">政策法規</a></li>
    <li><a href="/zwgk/xzcf/">行政處罰</a></li></ul></div>
  <div class="article">
    <h1 class="article-title">{title}</h1>
    <div class="info">發布時間:{published} 來源:{issuer} 瀏覽次數:<span id="count"></span>
      【字體:<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
    <div id="zoom" class="TRS_Editor"><style>.TRS_Editor P {{ line-height: 2; }}</style>
{body}
    </div>
    <div class="bdsharebuttonbox">分享到:<a href="#" class="bds_weixin">微信</a>
      <a href="#" class="bds_tsina">微博</a></div>
    <div class="print">【<a href="javascript:window.print()">打印本頁</a>】
      【<a href="javascript:window.close()">關閉窗口</a>】</div>
    <div class="pages">
      <p>上一篇:<a href="/zwgk/tzgg/1.html">關于開展2025年食品安全抽檢工作的通知</a></p>
      <p>下一篇:<a href="/zwgk/tzgg/3.html">自治區市場監管局關于公布行政許可事項的公告</a></p>
    </div>
  </div>
</div>
<div class="footer">
  <p>版權所有:{site} 主辦單位:{site}</p>
  <p>新ICP備12345678號-1 新公網安備65010202000123號 網站標識碼:6500000012</p>
  <p>地址:烏魯木齊市天山區 電話:0991-1234567</p>
</div>
<script type="text/javascript">$("#count").load("/count?id=2");</script>
</body>
</html>
"""

# An older template: everything in nested layout tables, paragraphs separated
# by <br> with &nbsp; indentation, no article meta tags.
_HTML_TABLE_PAGE = """<body>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">
  <tr><td><img src="/images/banner.jpg" alt="{site}" /></td></tr>
  <tr><td class="nav"><a href="/">首頁</a> | <a href="/zwgk/">政務公開</a> |
    <a href="/bsfw/">辦事服務</a> | <a href="/hdjl/">互動交流</a></td></tr>
  <tr><td>
    <table width="100%">
      <tr><td class="location">您現在的位置:<a href="/">首頁</a> &gt;&gt; 通知公告</td></tr>
      <tr><td class="title" align="center"><b>{title}</b></td></tr>
      <tr><td align="center">日期:{published}&nbsp;&nbsp;來源:{issuer}&nbsp;&nbsp;點擊數:120</td></tr>
      <tr><td id="zoom" class="content">
{body}
      </td></tr>
      <tr><td align="right">【<a href="javascript:window.print()">打印本頁</a>】
        【<a href="javascript:window.close()">關閉窗口</a>】</td></tr>
    </table>
  </td></tr>
  <tr><td class="footer">版權所有 {site} 新ICP備12345678號</td></tr>
</table>
</body>
</html>
"""


def _html_paragraph(text: str, index: int) -> str:
    """A paragraph the way CMS editors emit them: indented, spans, source line breaks."""
    escaped = html.escape(text, quote=False)
    if index % 4 == 1:
        # A newline in the HTML source between two Chinese characters, as
        # editors that wrap long lines leave them.
        cut = next(
            (
                i
                for i in range(len(escaped) // 2, len(escaped))
                if "\u4e00" <= escaped[i - 1] <= "\u9fff" and "\u4e00" <= escaped[i] <= "\u9fff"
            ),
            None,
        )
        if cut is not None:
            escaped = f"{escaped[:cut]}\n        {escaped[cut:]}"
    if index % 4 == 2 and "。" in escaped:
        first, rest = escaped.split("。", 1)
        escaped = f'<strong>{first}。</strong><span style="font-family:仿宋">{rest}</span>'
    return f'<p style="text-indent:2em;">&nbsp;&nbsp;{escaped}</p>'


def _html_table(table: Sequence[Sequence[str]]) -> str:
    rows = []
    for i, row in enumerate(table):
        tag = "th" if i == 0 else "td"
        cells = "".join(f"<{tag}><p>{html.escape(c)}</p></{tag}>" for c in row)
        rows.append(f"<tr>{cells}</tr>")
    return '<table border="1" class="MsoTableGrid"><tbody>' + "".join(rows) + "</tbody></table>"


def write_html(
    directory: Path,
    title: str,
    paragraphs: Sequence[str],
    encoding: str = "gb18030",
    *,
    declared: str | None = "auto",
    headings: Sequence[str] = (),
    table: Sequence[Sequence[str]] | None = None,
    table_after: int = 0,
    layout: str = "div",
    meta_tags: bool = True,
    published: str = PUBLISHED,
    issuer: str = ISSUER,
    name: str = "sample.html",
) -> Path:
    """An article page of a government site, with its furniture.

    ``declared`` is the charset named in the page ("auto": "gb2312" for
    GB18030 content, as such sites typically claim, else ``encoding``; None:
    no declaration).  ``headings`` become ``<h2>`` inside the article.
    ``layout`` is "div" (a modern CMS template) or "table" (an old one, with
    <br>-separated paragraphs).
    """
    if declared == "auto":
        declared = "gb2312" if encoding.lower() in ("gb18030", "gbk") else encoding
    charset = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={declared}" />'
        if declared
        else ""
    )
    meta = ""
    if meta_tags:
        meta = (
            f'<meta name="SiteName" content="{SITE_NAME}" />\n'
            f'<meta name="ArticleTitle" content="{html.escape(title)}" />\n'
            f'<meta name="PubDate" content="{published} 10:30" />\n'
            f'<meta name="ContentSource" content="{html.escape(issuer)}" />'
        )
    blocks: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if table is not None and i == table_after:
            blocks.append(_html_table(table))
        if layout == "table":
            blocks.append(f"&nbsp;&nbsp;&nbsp;&nbsp;{html.escape(paragraph)}<br />")
        elif paragraph in headings:
            blocks.append(f"<h2>{html.escape(paragraph)}</h2>")
        else:
            blocks.append(_html_paragraph(paragraph, i))
    if table is not None and table_after >= len(paragraphs):
        blocks.append(_html_table(table))
    template = _HTML_TABLE_PAGE if layout == "table" else _HTML_DIV_PAGE
    page = _HTML_HEAD.format(
        charset=charset, title=html.escape(title), site=SITE_NAME, meta=meta
    ) + template.format(
        site=SITE_NAME,
        title=html.escape(title),
        published=published,
        issuer=html.escape(issuer),
        body="\n".join("      " + b for b in blocks),
    )
    path = Path(directory) / name
    path.write_bytes(page.encode(encoding, errors="xmlcharrefreplace"))
    return path


# --------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------


def write_docx(
    directory: Path,
    title: str,
    paragraphs: Sequence[str],
    *,
    headings: Sequence[str] = (),
    table: Sequence[Sequence[str]] | None = None,
    table_after: int = 0,
    core_title: str | None = None,
    author: str | None = None,
    created: dt.datetime | None = None,
    name: str = "sample.docx",
) -> Path:
    """A Word file: the title in the Title style, ``headings`` in Heading 2, the
    rest as body paragraphs split into several runs (as Word does), empty
    paragraphs between cases, and optionally a data table after paragraph
    ``table_after``."""
    import docx

    document = docx.Document()
    core = document.core_properties
    core.title = core_title or ""
    core.author = author or ""
    core.created = created or dt.datetime(2025, 3, 12, 9, 0, 0)
    document.add_paragraph(title, style="Title")
    rng = random.Random(7)

    def add_table() -> None:
        assert table is not None
        grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        grid.style = "Table Grid"
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell

    for i, paragraph in enumerate(paragraphs):
        if table is not None and i == table_after:
            add_table()
        if paragraph in headings:
            document.add_paragraph("")  # the blank line people leave before a case
            document.add_paragraph(paragraph, style="Heading 2")
            continue
        p = document.add_paragraph()
        cuts = sorted(rng.sample(range(1, len(paragraph)), min(3, len(paragraph) - 1)))
        for j, (start, end) in enumerate(zip([0, *cuts], [*cuts, len(paragraph)], strict=True)):
            run = p.add_run(paragraph[start:end])
            run.bold = j == 0 and i % 2 == 0
    if table is not None and table_after >= len(paragraphs):
        add_table()
    path = Path(directory) / name
    document.save(str(path))
    return path


def write_corrupt_docx(directory: Path, *, name: str = "broken.docx") -> Path:
    """A truncated .docx: a valid ZIP header, then nothing usable."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" * 50)
        archive.writestr("word/document.xml", "<w:document>" * 50)
    path = Path(directory) / name
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    return path


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------

_PDF_FONT = "STSong-Light"


def _register_cid_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if _PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_PDF_FONT))


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points, character by character."""
    from reportlab.pdfbase import pdfmetrics

    lines: list[str] = []
    line = ""
    for ch in text:
        if line and pdfmetrics.stringWidth(line + ch, _PDF_FONT, size) > width:
            lines.append(line)
            line = ch
        else:
            line += ch
    if line:
        lines.append(line)
    return lines


def write_pdf(
    directory: Path,
    title: str,
    paragraphs: Sequence[str],
    *,
    header: str = f"{SITE_NAME} 食品安全典型案例",
    page_number: str = "- {n} -",
    font_size: float = 12,
    title_size: float = 16,
    indent: float = 0.0,
    user_password: str | None = None,
    name: str = "sample.pdf",
) -> Path:
    """An A4 PDF with a text layer: a centred title, paragraphs hard-wrapped at
    the text width, a running header and a page number on every page.  A large
    ``title_size`` wraps the title; ``indent`` (in characters) indents each
    paragraph's first line, as official documents do (首行缩进).

    With ``user_password`` the file is encrypted (RC4) with that password to
    open it ("" = opens without one, as for copy-protected official PDFs)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_cid_font()
    page_width, page_height = A4
    margin = 72.0
    text_width = page_width - 2 * margin
    leading = font_size * 1.5
    path = Path(directory) / name
    encrypt = None
    if user_password is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(user_password, ownerPassword="owner", canCopy=0)
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    pdf.setTitle("Microsoft Word - 典型案例.docx")  # what producers typically leave behind
    page = 1

    def furniture() -> None:
        pdf.setFont(_PDF_FONT, 9)
        pdf.drawString(margin, page_height - 40, header)
        pdf.drawCentredString(page_width / 2, 30, page_number.format(n=page))

    furniture()
    y = page_height - margin
    pdf.setFont(_PDF_FONT, title_size)
    for line in _wrap(title, text_width, title_size):
        pdf.drawCentredString(page_width / 2, y, line)
        y -= title_size * 1.8
    first_indent = indent * font_size
    for paragraph in paragraphs:
        first_line = _wrap(paragraph, text_width - first_indent, font_size)[0]
        lines = [first_line, *_wrap(paragraph[len(first_line):], text_width, font_size)]
        for i, line in enumerate(lines):
            if y < margin:
                pdf.showPage()
                page += 1
                furniture()
                y = page_height - margin
            pdf.setFont(_PDF_FONT, font_size)
            pdf.drawString(margin + (first_indent if i == 0 else 0.0), y, line)
            y -= leading
    pdf.save()
    return path


def write_image_pdf(directory: Path, *, name: str = "scan.pdf") -> Path:
    """A PDF whose only page is a picture — a scan, with no text layer."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (200, 280), color=255)
    for x in range(20, 180):
        for y in range(40, 44):
            image.putpixel((x, y), 0)  # a "line of text", as pixels
    path = Path(directory) / name
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(image), 72, 300, width=400, height=560)
    pdf.showPage()
    pdf.save()
    return path


def write_blank_pdf(directory: Path, *, name: str = "blank.pdf") -> Path:
    """A PDF with one empty page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = Path(directory) / name
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.showPage()
    pdf.save()
    return path
