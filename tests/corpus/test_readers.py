"""Tests for corpus.readers: every format yields the paragraphs of the .txt original.

The fixtures are generated from the bundled sample announcement by
``tests.corpus.fixtures``; the reference is the sample's non-empty lines.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.readers import (
    SUPPORTED_SUFFIXES,
    ReaderError,
    UnreadableDocument,
    UnsupportedFormat,
    decoding,
    metadata,
    read_bytes,
    read_document,
)
from corpus.readers.metadata import detect_script, join_wrapped_title, parse_date
from corpus.readers.paragraphs import join_wrapped
from corpus.readers.pdf import is_page_number, strip_page_furniture
from tests.corpus import fixtures as F

EXPECTED = F.sample_lines()
TITLE, PARAGRAPHS = F.sample_parts()
CASE_TITLES = F.sample_case_titles()
FURNITURE = (
    "上一篇", "下一篇", "打印", "關閉窗口", "版權所有", "ICP", "首頁", "當前位置", "您現在的位置",
    "分享到", "字體", "瀏覽次數", "搜索", "欄目導航", "今天是",
)  # fmt: skip


def lines_of(text: str) -> list[str]:
    """Paragraphs after whitespace normalisation."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def assert_sample_meta(meta_title: str | None, batch: str | None, script: str | None) -> None:
    assert meta_title == TITLE
    assert batch == "第一批"
    assert script == "traditional"


# --------------------------------------------------------------------------
# API surface
# --------------------------------------------------------------------------


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"} <= SUPPORTED_SUFFIXES
    assert ".doc" not in SUPPORTED_SUFFIXES


def test_import_is_cheap() -> None:
    code = (
        "import sys, corpus.readers\n"
        "heavy = ('lxml', 'docx', 'pypdf', 'charset_normalizer', 'opencc', 'reportlab')\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == ""


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030", "big5"])
def test_txt_encodings(tmp_path: Path, encoding: str) -> None:
    doc = read_document(F.write_txt(tmp_path, F.sample_text(), encoding))
    assert doc.text.split("\n") == EXPECTED
    assert_sample_meta(doc.meta.title, doc.meta.batch, doc.meta.script)
    assert doc.meta.format == "txt"
    assert doc.headings == ()


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8"])
def test_txt_simplified(tmp_path: Path, encoding: str) -> None:
    opencc = pytest.importorskip("opencc")
    simplified = opencc.OpenCC("t2s").convert(F.sample_text())
    doc = read_document(F.write_txt(tmp_path, simplified, encoding))
    assert doc.text.split("\n") == lines_of(simplified)
    assert doc.meta.script == "simplified"
    assert doc.meta.title == "自治区强化食品安全全链条监管典型案例(第一批)"


def test_txt_normalisation(tmp_path: Path) -> None:
    raw = (
        "\ufeff\r\n  标题\u200b行  \r\n\r\n\u3000\u3000第一段\u00a0内容。  \r\n"
        "\r\n\r\n第二段\x00内容\u200d。\t\r第三段。\u2028第四段。"
    )
    doc = read_bytes(raw.encode("utf-8"), "notes.txt")
    assert doc.text.split("\n") == [
        "标题行",
        "第一段\u00a0内容。",
        "第二段内容。",
        "第三段。",
        "第四段。",
    ]
    assert doc.meta.title == "标题行"


def test_txt_title_only_when_it_looks_like_one() -> None:
    doc = read_bytes("这是正文的第一句话。这是第二句话。\n第二段。".encode(), "body.txt")
    assert doc.meta.title is None


@pytest.mark.parametrize("blank_lines", [True, False])
def test_txt_hard_wrapped(tmp_path: Path, blank_lines: bool) -> None:
    """A text copied out of a PDF: paragraphs broken every 30 characters."""
    wrapped = ["\n".join(line[i : i + 30] for i in range(0, len(line), 30)) for line in EXPECTED]
    text = ("\n\n" if blank_lines else "\n").join(wrapped)
    doc = read_document(F.write_txt(tmp_path, text))
    assert doc.text.split("\n") == EXPECTED


def test_txt_metadata_labels() -> None:
    text = (
        "关于公布第二批典型案例的通知\n发布单位：自治区市场监管局\n发布时间：2025年3月12日\n正文。"
    )
    doc = read_bytes(text.encode("gb18030"), "notice.txt")
    assert doc.meta.issuer == "自治区市场监管局"
    assert doc.meta.published == "2025-03-12"
    assert doc.meta.batch == "第二批"
    assert doc.meta.script == "simplified"


def test_txt_metadata_signature() -> None:
    text = "典型案例\n正文第一段。\n正文第二段，2024年5月1日起施行。\n自治区市场监督管理局\n2025年3月12日"
    doc = read_bytes(text.encode(), "notice.txt")
    assert doc.meta.issuer == "自治区市场监督管理局"
    assert doc.meta.published == "2025-03-12"


def test_txt_dates_in_sentences_are_not_publication_dates() -> None:
    doc = read_bytes("标题\n本办法自2024年5月1日起施行。".encode(), "a.txt")
    assert doc.meta.published is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025年3月12日", "2025-03-12"),
        ("2025 年 03 月 12 日", "2025-03-12"),
        ("2025-03-12 10:30:00", "2025-03-12"),
        ("2025.3.12", "2025-03-12"),
        ("2025/3/12", "2025-03-12"),
        ("２０２５年３月１２日", "2025-03-12"),
        ("二〇二五年三月十二日", "2025-03-12"),
        ("二〇二四年十二月三十一日", "2024-12-31"),
        ("2025年13月40日", None),
        ("没有日期", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_script_without_opencc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metadata, "_opencc", lambda: None)
    assert detect_script(F.sample_text()) == "traditional"
    assert detect_script("国家市场监督管理总局发布关于进一步加强食品安全监管的通知") == "simplified"
    assert detect_script("no Chinese here") is None


def test_script_mainland_traditional_with_simplified_variants() -> None:
    # 關于 / 規范 / 并: mainland conversions keep these, the text is still traditional.
    assert detect_script("關于進一步規范監管并加強檢查的通知") == "traditional"


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------


def test_markdown(tmp_path: Path) -> None:
    doc = read_document(F.write_markdown(tmp_path, TITLE, PARAGRAPHS, headings=CASE_TITLES))
    assert doc.text.split("\n") == EXPECTED
    assert doc.headings == (TITLE, *CASE_TITLES)
    assert_sample_meta(doc.meta.title, doc.meta.batch, doc.meta.script)
    assert doc.meta.format == "md"


def test_markdown_markup() -> None:
    source = (
        "---\ntitle: 测试标题\ndate: 2025-03-12\n---\n# 标题一\n\n正文**加粗**和[链接](http://x)。\n\n"
        "- 项目一\n* 项目二\n\n1. 第一\n2. 第二\n\n| 序号 | 名称 |\n|---|---|\n| 1 | 甲 |\n\n"
        "二级标题\n---\n\n> 引用内容\n\n***\n\n```\n代码\n```\n"
    )
    doc = read_bytes(source.encode(), "a.markdown")
    assert doc.text.split("\n") == [
        "标题一", "正文加粗和链接。", "项目一", "项目二", "1. 第一", "2. 第二",
        "序号 | 名称", "序号:1 | 名称:甲", "二级标题", "引用内容", "代码",
    ]  # fmt: skip
    assert doc.headings == ("标题一", "二级标题")
    assert doc.meta.title == "测试标题"
    assert doc.meta.published == "2025-03-12"


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def test_html_gb18030_with_furniture(tmp_path: Path) -> None:
    path = F.write_html(tmp_path, TITLE, PARAGRAPHS, headings=CASE_TITLES)
    assert b"charset=gb2312" in path.read_bytes()
    doc = read_document(path)
    assert doc.text.split("\n") == EXPECTED
    for furniture in FURNITURE:
        assert furniture not in doc.text
    assert_sample_meta(doc.meta.title, doc.meta.batch, doc.meta.script)
    assert doc.meta.published == F.PUBLISHED
    assert doc.meta.issuer == F.ISSUER
    assert doc.meta.format == "html"
    assert doc.headings == (TITLE, *CASE_TITLES)


def test_html_old_table_layout_without_meta_tags(tmp_path: Path) -> None:
    path = F.write_html(tmp_path, TITLE, PARAGRAPHS, layout="table", meta_tags=False)
    doc = read_document(path)
    assert doc.text.split("\n") == EXPECTED
    for furniture in FURNITURE:
        assert furniture not in doc.text
    assert doc.meta.title == TITLE  # from the page, not a meta tag
    assert doc.meta.published == F.PUBLISHED  # from the 日期: info line
    assert doc.meta.issuer == F.ISSUER  # from 來源:


def test_html_data_table_in_article(tmp_path: Path) -> None:
    path = F.write_html(tmp_path, TITLE, PARAGRAPHS, table=F.SAMPLE_TABLE, table_after=1)
    doc = read_document(path)
    assert doc.text.split("\n") == [TITLE, *F.with_table(PARAGRAPHS, F.SAMPLE_TABLE, 1)]


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [
        ("utf-8", "utf-8"),
        ("gb18030", None),  # no declaration: detected
        ("gb18030", "utf-8"),  # a wrong declaration
        ("big5", "big5"),
        ("big5", None),
    ],
)
def test_html_encodings(tmp_path: Path, encoding: str, declared: str | None) -> None:
    path = F.write_html(tmp_path, TITLE, PARAGRAPHS, encoding, declared=declared)
    assert read_document(path).text.split("\n") == EXPECTED


def test_html_simplified_furniture_and_br_paragraphs() -> None:
    page = (
        '<html><head><meta charset="gbk"><title>关于公布典型案例的通知-某某市人民政府</title></head>'
        '<body><div id="nav"><a href="/">首页</a><a href="/x">政务公开</a></div>'
        '<div class="content"><h2>关于公布典型案例的通知</h2>'
        "<p>发布时间：2025-03-12 来源：某某市市场监管局</p>"
        '<div class="con">第一段内容，说明情况。<br>第二段内容，继续说明。<br/>'
        "第三段\n内容。<p>上一篇：另一篇文章</p></div>"
        '<div class="share">分享到：微信 微博</div></div>'
        "<div class='footer'>版权所有 某某市人民政府 ICP备123号</div></body></html>"
    ).encode("gbk")
    doc = read_bytes(page, "notice.htm")
    assert doc.text.split("\n") == [
        "关于公布典型案例的通知", "第一段内容，说明情况。", "第二段内容，继续说明。", "第三段内容。",
    ]  # fmt: skip
    assert doc.meta.published == "2025-03-12"
    assert doc.meta.issuer == "某某市市场监管局"
    assert doc.meta.script == "simplified"


def test_html_date_kept_by_an_element_named_for_it() -> None:
    """A WeChat article's date stands alone in <em id="publish_time">, labelled by nothing."""
    page = (
        '<html><head><meta charset="utf-8"><title>铁拳行动典型案例</title></head><body>'
        '<h1 class="rich_media_title">铁拳行动典型案例</h1>'
        '<div id="meta_content"><span>某某市场监管</span><em id="publish_time">2024-06-18 17:30</em></div>'
        '<div id="js_content"><section><span>县市场监管局公布典型案例。</span>'
        "<span>2023年共查处案件97件。</span></section></div></body></html>"
    ).encode()
    assert read_bytes(page, "wechat.html").meta.published == "2024-06-18"
    undated = page.replace(b' id="publish_time"', b"")
    assert read_bytes(undated, "wechat.html").meta.published is None


def test_html_without_article_text() -> None:
    page = b"<html><head><title>x</title></head><body><script>render()</script></body></html>"
    with pytest.raises(UnreadableDocument, match="no article text"):
        read_bytes(page, "app.html")


# --------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------


def test_docx_with_heading_styles(tmp_path: Path) -> None:
    path = F.write_docx(tmp_path, TITLE, PARAGRAPHS, headings=CASE_TITLES, author=F.ISSUER)
    doc = read_document(path)
    assert doc.text.split("\n") == EXPECTED
    assert doc.headings == (TITLE, *CASE_TITLES)
    assert_sample_meta(doc.meta.title, doc.meta.batch, doc.meta.script)
    assert doc.meta.published is None  # the text states none; Word's "created" is no date of it
    assert doc.meta.issuer == F.ISSUER  # an organisation as author
    assert doc.meta.format == "docx"


def test_docx_title_set_over_two_lines_is_one_title(tmp_path: Path) -> None:
    """A manual line break in a title (…保障厅关于 / 2025年…的通报) is layout."""
    path = F.write_docx(tmp_path, "云岭省人力资源和社会保障厅关于\n2025年上半年根治欠薪典型案例的通报",
                        PARAGRAPHS)
    doc = read_document(path)
    assert doc.meta.title == "云岭省人力资源和社会保障厅关于2025年上半年根治欠薪典型案例的通报"
    assert doc.text.split("\n")[0] == doc.meta.title


def test_docx_table_in_body_order(tmp_path: Path) -> None:
    path = F.write_docx(tmp_path, TITLE, PARAGRAPHS, table=F.SAMPLE_TABLE, table_after=5)
    doc = read_document(path)
    assert doc.text.split("\n") == [TITLE, *F.with_table(PARAGRAPHS, F.SAMPLE_TABLE, 5)]


def test_docx_core_properties(tmp_path: Path) -> None:
    path = F.write_docx(
        tmp_path,
        TITLE,
        PARAGRAPHS,
        core_title="核心屬性標題",
        author="Administrator",  # a personal account, not an issuer
        created=dt.datetime(2024, 1, 2, 3, 4, 5),
    )
    doc = read_document(path)
    assert doc.meta.title == "核心屬性標題"
    assert doc.meta.issuer is None
    # Word's "created" is the file's (or its template's) birth, not a publication date.
    assert doc.meta.published is None


def test_docx_publication_date_from_its_own_text(tmp_path: Path) -> None:
    path = F.write_docx(tmp_path, TITLE, [*PARAGRAPHS, "自治区市场监督管理局", "2025年3月12日"],
                        created=dt.datetime(2013, 12, 23, 8, 0, 0))  # Word's template
    assert read_document(path).meta.published == "2025-03-12"


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


def test_pdf_multi_page_with_furniture(tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = F.write_pdf(tmp_path, TITLE, PARAGRAPHS)
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    raw = reader.pages[1].extract_text()
    assert "- 2 -" in raw and F.SITE_NAME in raw  # the furniture really is there
    doc = read_document(path)
    assert doc.text.split("\n") == EXPECTED
    assert F.SITE_NAME not in doc.text and "- 2 -" not in doc.text
    assert_sample_meta(doc.meta.title, doc.meta.batch, doc.meta.script)
    assert doc.meta.format == "pdf"


def test_pdf_indented_paragraphs_and_wrapped_title(tmp_path: Path) -> None:
    """pypdf renders a first-line indent as one space and a centred title's lines apart:
    an indented first line is full with its indent, and the title is one line again."""
    path = F.write_pdf(tmp_path, TITLE, PARAGRAPHS, indent=2, title_size=24)
    from pypdf import PdfReader

    first_page = PdfReader(path).pages[0].extract_text().split("\n")
    assert TITLE not in first_page  # the title really is wrapped
    assert any(line.startswith(" ") for line in first_page)  # and paragraphs indented
    doc = read_document(path)
    assert doc.text.split("\n") == EXPECTED
    assert doc.meta.title == TITLE


@pytest.mark.parametrize(("lines", "joined"), [
    (["云川省林业和草原局关于通报2024年度森林草原防火和野", "生动物保护典型案例的通知", "云林防〔2025〕12号"],
     "云川省林业和草原局关于通报2024年度森林草原防火和野生动物保护典型案例的通知"),
    (["自治区强化食品安全全链条监管典型案例(第", "一批)", "正文。"], "自治区强化食品安全全链条监管典型案例(第一批)"),
    (["关于印发某某办法的通知", "各市县：", "正文。"], None),  # the title is whole
    (["首页 > 新闻动态 > 曝光台", "滨江市税务局关于曝光典型案件的通报"], None),  # a breadcrumb
    (["本报北京１月３日电", "国务院发出紧急通知，确保减负"], None),  # punctuated
    (["某某市住房和城乡建设局", "一、基本情况"], None),  # a heading follows
    # An issuer's name and what completes it are one title.
    (["澜江省高级人民法院", "涉农民工工资权益保护典型案例", "正文。"], "澜江省高级人民法院涉农民工工资权益保护典型案例"),
])
def test_join_wrapped_title(lines: list[str], joined: str | None) -> None:
    out = join_wrapped_title(lines)
    assert out == (lines if joined is None else [joined, *lines[2:]])


@pytest.mark.parametrize(("lines", "joined"), [
    # Under the document's head (版头: its issuer's name, its number) the title is wrapped.
    (["青崖县人民政府办公室", "青政办〔2025〕27号", "青崖县人民政府办公室关于2025年第三季度",
      "安全生产大检查督查情况的通报", "各乡镇人民政府："],
     ["青崖县人民政府办公室", "青政办〔2025〕27号",
      "青崖县人民政府办公室关于2025年第三季度安全生产大检查督查情况的通报", "各乡镇人民政府："]),
    (["某某省财政厅文件", "关于下达2025年衔接资金的", "通知", "各市："],
     ["某某省财政厅文件", "关于下达2025年衔接资金的通知", "各市："]),
    # The number is no title's first line, nor the addressees its second.
    (["青政办〔2025〕27号", "各乡镇人民政府：", "正文。"], None),
])
def test_join_wrapped_title_under_masthead(lines: list[str], joined: list[str] | None) -> None:
    assert join_wrapped_title(lines) == (lines if joined is None else joined)


@pytest.mark.parametrize(("lines", "head"), [
    (["青崖县人民政府办公室", "青政办〔2025〕27号", "青崖县人民政府办公室关于…的通报"], 2),
    (["某某省财政厅文件", "关于下达衔接资金的通知"], 1),
    (["湘水防〔2025〕7號", "湖南省水利廳關於…的通知"], 1),  # traditional script
    (["某某市应急管理局", "某某市应急管理局关于…的通报"], 1),  # the title opens with the name
    # A headline ending as a body's name does is no head: no number, no 文件, no title after.
    (["走进乡镇卫生院", "——记一位乡村医生", "本报讯 …。"], 0),
    (["某某市应急管理局"], 0),  # nothing under it
])
def test_masthead_lines(lines: list[str], head: int) -> None:
    from corpus.readers.metadata import masthead_lines

    assert masthead_lines(lines) == head


def test_title_under_masthead_is_the_documents() -> None:
    """A document's head (its issuer's name, its number) stands above its title: the title
    is the line under it — as the parser's title passage, once, not a preamble sentence."""
    from corpus.parse import parse_document
    from indexer.passages import passages_of

    text = "\n".join(["青崖县人民政府办公室", "青政办〔2025〕27号", "青崖县人民政府办公室关于第三季度",
                      "督查情况的通报", "各乡镇人民政府：", "现将督查情况通报如下。"])
    raw = read_bytes(text.encode(), "notice.txt")
    assert raw.meta.title == "青崖县人民政府办公室关于第三季度督查情况的通报"
    specs = passages_of(parse_document(raw, "notice.txt"))
    assert [s.role for s in specs if s.text == raw.meta.title] == ["title"]
    assert {"青崖县人民政府办公室", "青政办〔2025〕27号"} <= {s.text for s in specs}


def test_pdf_copy_protected_opens(tmp_path: Path) -> None:
    path = F.write_pdf(tmp_path, TITLE, PARAGRAPHS, user_password="")
    assert read_document(path).text.split("\n") == EXPECTED


def test_pdf_password_protected(tmp_path: Path) -> None:
    path = F.write_pdf(tmp_path, TITLE, PARAGRAPHS, user_password="secret")
    with pytest.raises(UnreadableDocument, match=r"sample\.pdf: is encrypted.*password"):
        read_document(path)


@pytest.mark.parametrize("page_number", ["第{n}頁", "{n}", "{n}/3", "Page {n}"])
def test_pdf_page_number_styles(tmp_path: Path, page_number: str) -> None:
    path = F.write_pdf(tmp_path, TITLE, PARAGRAPHS, page_number=page_number, font_size=10.5)
    assert read_document(path).text.split("\n") == EXPECTED


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3", True), ("- 3 -", True), ("—3—", True), ("第3页", True), ("第 3 頁", True),
        ("第3页 共10页", True), ("共10页 第3页", True), ("3/10", True), ("Page 3 of 10", True),
        ("３", True), ("2025年", False), ("一是加强监管。", False), ("3.5", False),
    ],
)  # fmt: skip
def test_is_page_number(line: str, expected: bool) -> None:
    assert is_page_number(line) is expected


def test_running_header_removed_once_per_page() -> None:
    header = "某某局文件"
    pages = [
        [header, header, "正文第一页。", "1"],  # the title repeats the header
        [header, "正文第二页。", "2"],
        [header, "正文第三页。", "3"],
    ]
    assert strip_page_furniture(pages) == [
        [header, "正文第一页。"],
        ["正文第二页。"],
        ["正文第三页。"],
    ]


def test_join_wrapped_cjk_and_latin() -> None:
    lines = [
        "案例1、一个很长的案例标题需要折行显示在第二",
        "行",
        "正文第一段的内容很长很长很长很长很长很长很",
        "长很长，直到这里结束。",
        "一是第二段也很长很长很长很长很长很长很长很",
        "长;分号不结束段落。",
        "This is a Latin paragraph that wraps at a",
        "fixed width and ends here.",
    ]
    assert join_wrapped(lines) == [
        "案例1、一个很长的案例标题需要折行显示在第二行",
        "正文第一段的内容很长很长很长很长很长很长很长很长，直到这里结束。",
        "一是第二段也很长很长很长很长很长很长很长很长;分号不结束段落。",
        "This is a Latin paragraph that wraps at a fixed width and ends here.",
    ]


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx", ".pdf"])
def test_zero_byte_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(UnreadableDocument, match=r"empty\.\w+: is empty") as info:
        read_document(path)
    assert info.value.name == path.name


def test_corrupt_docx(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"broken\.docx: .*save it as \.docx"):
        read_document(F.write_corrupt_docx(tmp_path))


def test_doc_suffix(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(UnsupportedFormat, match=r"report\.doc: .*Word 97.*save it as \.docx"):
        read_document(path)


def test_doc_renamed_to_docx() -> None:
    with pytest.raises(UnsupportedFormat, match=r"Word 97-2003"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "report.docx")


def test_binary_garbage_with_txt_suffix(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(random.Random(1).randbytes(4096))
    with pytest.raises(UnreadableDocument, match=r"garbage\.txt: does not look like text"):
        read_document(path)


def test_image_only_pdf(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"scan\.pdf: has no text layer.*OCR"):
        read_document(F.write_image_pdf(tmp_path))


def test_empty_pdf(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"blank\.pdf: has no text layer"):
        read_document(F.write_blank_pdf(tmp_path))


def test_truncated_pdf(tmp_path: Path) -> None:
    data = F.write_pdf(tmp_path, TITLE, PARAGRAPHS).read_bytes()
    with pytest.raises(UnreadableDocument, match=r"cut\.pdf: "):
        read_bytes(data[: len(data) // 3], "cut.pdf")


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("scan.jpg", "OCR"),
        ("notes.wps", "save it as .docx"),
        ("doc.ofd", "PDF"),
        ("archive.zip", "unpack"),
        ("README", "no file extension"),
        ("data.xyz", ".xyz files are not supported"),
    ],
)
def test_unsupported_formats(name: str, hint: str) -> None:
    with pytest.raises(UnsupportedFormat) as info:
        read_bytes(b"something", name)
    assert str(info.value).startswith(f"{name}: ")
    assert hint in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="not found"):
        read_document(tmp_path / "missing.pdf")


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
@pytest.mark.parametrize("seed", range(3))
def test_no_library_exception_escapes(suffix: str, seed: int) -> None:
    rng = random.Random(seed)
    prefixes = {".pdf": b"%PDF-1.7\n", ".docx": b"PK\x03\x04"}
    data = prefixes.get(suffix, b"") + rng.randbytes(2048)
    with pytest.raises(ReaderError):
        read_bytes(data, f"x{suffix}")


# --------------------------------------------------------------------------
# read_bytes and read_document agree
# --------------------------------------------------------------------------


def test_read_bytes_matches_read_document(tmp_path: Path) -> None:
    paths = [
        F.write_txt(tmp_path, F.sample_text(), "gb18030"),
        F.write_markdown(tmp_path, TITLE, PARAGRAPHS),
        F.write_html(tmp_path, TITLE, PARAGRAPHS),
        F.write_docx(tmp_path, TITLE, PARAGRAPHS),
        F.write_pdf(tmp_path, TITLE, PARAGRAPHS),
    ]
    for path in paths:
        assert read_bytes(path.read_bytes(), f"uploads/{path.name}") == read_document(path)


@pytest.mark.parametrize(("text", "share"), [
    ("", 0.0),
    ("香梨 pear\n\t", 1.0),
    ("\x00\x01ab", 0.5),
    ("\ufffd\ue000", 0.0),
    ("\x85x", 0.5),  # a C1 control
    ("“小飯桌”—…", 1.0),
])
def test_plausibility(text: str, share: float) -> None:
    assert decoding.plausibility(text) == pytest.approx(share)


def test_plausibility_is_the_first_half_of_the_text_score() -> None:
    """The UTF-8 fast path must judge a decoding exactly as the full scorer does."""
    rng = random.Random(7)
    alphabet = [chr(c) for c in [*range(0x250), *range(0x2000, 0x2070), *range(0x3000, 0x3040),
                                 *range(0x4E00, 0x4E40), *range(0xE000, 0xE008), 0xFFFD,
                                 *range(0xFF00, 0xFF10), *range(0xF900, 0xF904)]]
    for _ in range(2000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        assert decoding.plausibility(sample) == pytest.approx(
            decoding._text_score(sample)[0]), repr(sample)
