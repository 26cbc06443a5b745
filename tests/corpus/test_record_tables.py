"""A record table — a case's fields one per row (行政处罚决定书文号 | 青交执罚〔2024〕0371号,
处罚机关 | 青岚县交通运输局), as penalty and credit notices publish each case — is read as one
row of labelled cells, in every reader; a table with a header row over its data, or whose first
column names no fields, is read as before."""

from __future__ import annotations

from pathlib import Path

from corpus.readers import read_bytes, read_document
from corpus.readers.text import record_lines, table_lines, with_records_joined

_FIELDS = [["行政处罚决定书文号", "青交执罚〔2024〕0371号"], ["违法自然人姓名", "周某平"],
           ["主要违法事实", "2024年7月9日,当事人在客运站东侧广场招揽乘客。"],
           ["罚没金额（万元）", "1"], ["处罚机关", "青岚县交通运输局"], ["处罚决定日期", "2024年7月22日"]]
_RECORD = ("行政处罚决定书文号:青交执罚〔2024〕0371号 | 违法自然人姓名:周某平 | "
           "主要违法事实:2024年7月9日,当事人在客运站东侧广场招揽乘客。 | 罚没金额（万元）:1万元 | "
           "处罚机关:青岚县交通运输局 | 处罚决定日期:2024年7月22日")


def test_a_record_is_one_row_of_labelled_cells() -> None:
    assert record_lines(_FIELDS) == [_RECORD]
    # Two fields a row, and a caption row spanning the table, read as well.
    paired = [["（一）周某平案", "（一）周某平案"],
              [*_FIELDS[0], *_FIELDS[1]], [*_FIELDS[2], *_FIELDS[3]], [*_FIELDS[4], *_FIELDS[5]]]
    assert record_lines(paired) == ["（一）周某平案", _RECORD]


def test_tables_that_are_no_record_read_as_before() -> None:
    header_over_data = [["地区", "负责单位"], ["东城区", "东城区市场监管局"], ["西城区", "西城区市场监管局"]]
    assert record_lines(header_over_data) is None
    assert table_lines(header_over_data, merged=False) == [
        "地区 | 负责单位", "东城区 | 东城区市场监管局", "西城区 | 西城区市场监管局"]
    counted = [["项目名称", "金额"], ["道路改造", "100万元"], ["管网更新", "80万元"]]
    assert record_lines(counted) is None
    three_columns = [["序号", "名称", "地址"], ["1", "惠邻超市", "澜江路8号"], ["2", "康宁药房", "北湖路3号"]]
    assert record_lines(three_columns) is None
    assert record_lines(_FIELDS[:2]) is None  # two fields say too little to be a form


def test_a_web_page_s_record_table_is_one_passage_line() -> None:
    rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in _FIELDS)
    page = (f"<html><head><title>行政处罚信息公示</title></head><body><h1>行政处罚信息公示</h1>"
            f"<p>现将我局作出的行政处罚决定信息予以公示。</p><p>（一）</p><table>{rows}</table>"
            f"<p>青岚县交通运输局</p></body></html>")
    lines = read_bytes(page.encode("utf-8"), "notice.html").text.splitlines()
    assert _RECORD in lines
    assert not any(line.startswith("行政处罚决定书文号:违法自然人姓名") for line in lines)


def test_a_word_file_s_record_table_is_one_passage_line(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("现将我局作出的行政处罚决定信息予以公示。")
    table = document.add_table(rows=len(_FIELDS), cols=2)
    for i, (k, v) in enumerate(_FIELDS):
        table.cell(i, 0).text, table.cell(i, 1).text = k, v
    path = tmp_path / "record.docx"
    document.save(str(path))
    assert _RECORD in read_document(path).text.splitlines()


def test_lines_giving_a_form_s_fields_are_one_record() -> None:
    copied = ["案件一", *(f"{k}：{v}" for k, v in _FIELDS), "案件二", "联系人：张三", "联系电话：12369"]
    assert with_records_joined(copied) == ["案件一", _RECORD, "案件二", "联系人：张三", "联系电话：12369"]
    text = read_bytes("\n".join(["环境行政处罚案件信息公示", "现将处罚案件信息公示如下。", *copied]).encode(),
                      "notice.txt").text
    assert _RECORD in text.splitlines()
    # Two records with nothing between them are two rows.
    twice = [f"{k}：{v}" for k, v in _FIELDS] * 2
    assert with_records_joined(twice) == [_RECORD, _RECORD]
    # Lines of a note or a dialogue are no form (问：…, 答：…).
    dialogue = ["问：什么是双随机抽查？", "答：随机抽取检查对象。", "问：结果在哪公示？", "答：在门户网站。"]
    assert with_records_joined(dialogue) == dialogue
