"""corpus/readers/numbering.py and the .docx reader's grid: Word's automatic list numbers
and merged table cells, read as a reader of the page sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.readers import read_document
from corpus.readers.numbering import chinese_counting, format_number
from corpus.readers.text import fold_group_header


@pytest.mark.parametrize(("n", "fmt", "expected"), [
    (1, "chineseCounting", "一"),
    (10, "chineseCounting", "十"),
    (12, "chineseCountingThousand", "十二"),
    (20, "chineseCounting", "二十"),
    (105, "chineseCounting", "一百零五"),
    (3, "chineseLegalSimplified", "叁"),
    (2, "ideographTraditional", "乙"),
    (3, "decimalEnclosedCircleChinese", "③"),
    (7, "decimal", "7"),
    (7, "decimalFullWidth", "７"),
    (4, "upperRoman", "IV"),
    (28, "lowerLetter", "bb"),
    (1, "bullet", ""),
    (5, "someFormatWordAddsLater", "5"),
])
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_chinese_counting_past_a_thousand() -> None:
    assert chinese_counting(1010) == "一千零一十"
    assert chinese_counting(2300) == "二千三百"


def _numbered_docx(path: Path) -> Path:
    """Headings numbered by Word (案例%1、 in chineseCounting, through the heading style),
    items under them numbered by the paragraphs themselves ((%2) in decimal, one level
    down), and one paragraph whose numbering is switched off (numId 0)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="案例%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    heading = document.styles["Heading 2"]
    heading.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))

    def item(text: str, num_id: str = "90") -> None:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="{num_id}"/>'
            '</w:numPr>'))

    document.add_paragraph("东岭省知识产权局关于发布典型案例的通知", style="Title")
    document.add_paragraph("各市知识产权局：现将8个典型案例予以发布。")
    document.add_heading("某公司侵犯注册商标专用权案", level=2)
    item("青川市市场监督管理局查获肉制品3200箱。")
    item("并处罚款12.6万元。")
    document.add_heading("李某等人销售假冒茶叶案", level=2)
    item("涉案金额达1.2亿元。")
    item("这一段不编号。", num_id="0")
    path = path / "numbered.docx"
    document.save(str(path))
    return path


def test_automatic_numbers_are_read(tmp_path: Path) -> None:
    lines = read_document(_numbered_docx(tmp_path)).text.splitlines()
    assert "案例一、某公司侵犯注册商标专用权案" in lines
    assert "案例二、李某等人销售假冒茶叶案" in lines
    assert "（1）青川市市场监督管理局查获肉制品3200箱。" in lines
    assert "（2）并处罚款12.6万元。" in lines
    # A new item one level up restarts the level under it.
    assert "（1）涉案金额达1.2亿元。" in lines
    assert "这一段不编号。" in lines


def test_case_found_by_its_automatic_number(tmp_path: Path) -> None:
    from corpus.loader import load_document

    doc = load_document(_numbered_docx(tmp_path))
    assert [c.title for c in doc.cases][:2] == ["某公司侵犯注册商标专用权案", "李某等人销售假冒茶叶案"]


def test_group_header_folded() -> None:
    grid = [["城市", "2025年度查处情况", "2025年度查处情况"],
            ["城市", "案件数（件）", "罚没金额（万元）"],
            ["青川市", "628", "1236.5"],
            ["合计", "2622", "4380.2"]]
    assert fold_group_header(grid) == [
        ["城市", "2025年度查处情况·案件数（件）", "2025年度查处情况·罚没金额（万元）"],
        ["青川市", "628", "1236.5"], ["合计", "2622", "4380.2"]]
    # No grouped cell in the first row: nothing to fold.
    plain = [["城市", "案件数"], ["青川市", "628"], ["南屏市", "514"]]
    assert fold_group_header(plain) == plain


def test_merged_cells_read_as_the_grid(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("各市查处情况见下表。")
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "城市"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "2025年度查处情况"
    for col, text in ((1, "案件数（件）"), (2, "罚没金额（万元）")):
        table.cell(1, col).text = text
    for row, values in ((2, ("青川市", "628", "1236.5")), (3, ("南屏市", "514", "862.3"))):
        for col, text in enumerate(values):
            table.cell(row, col).text = text
    path = tmp_path / "merged.docx"
    document.save(str(path))
    lines = read_document(path).text.splitlines()
    assert ("城市:南屏市 | 2025年度查处情况·案件数（件）:514件 | "
            "2025年度查处情况·罚没金额（万元）:862.3万元") in lines


def test_html_table_spans_read_as_the_grid(tmp_path: Path) -> None:
    from tests.corpus import fixtures as F

    title, paragraphs = F.sample_parts()
    page = F.write_html(tmp_path, title, paragraphs, encoding="utf-8",
                        table=[["MARK"]], table_after=3)
    spanned = ("<table><tbody>"
               "<tr><th rowspan='2'>城市</th><th colspan='2'>2025年度查处情况</th></tr>"
               "<tr><th>案件数（件）</th><th>罚没金额（万元）</th></tr>"
               "<tr><td>青川市</td><td>628</td><td>1236.5</td></tr>"
               "<tr><td>南屏市</td><td>514</td><td>862.3</td></tr></tbody></table>")
    text = page.read_text(encoding="utf-8")
    start = text.index("<table border")
    page.write_text(text[:start] + spanned + text[text.index("</table>", start) + 8:],
                    encoding="utf-8")
    lines = read_document(page).text.splitlines()
    assert ("城市:南屏市 | 2025年度查处情况·案件数（件）:514件 | "
            "2025年度查处情况·罚没金额（万元）:862.3万元") in lines


def test_a_span_claimed_past_any_grid_is_bounded(tmp_path: Path) -> None:
    """A damaged or hostile file's gridSpan of a billion columns is read, not allocated."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("各市查处情况见下表。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "城市", "案件数"
    table.cell(1, 0).text, table.cell(1, 1).text = "青川市", "628"
    tc_pr = table.cell(0, 1)._tc.get_or_add_tcPr()
    tc_pr.append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="1000000000"/>'))
    path = tmp_path / "hostile.docx"
    document.save(str(path))
    text = read_document(path).text
    assert "青川市" in text and len(text) < 10_000
