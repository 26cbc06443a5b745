"""The structure parser: bundled document, other layouts, bracket labels, the second announcement, cn_number.

Expected structures are written by hand from the documents, never computed
by the code under test.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from corpus.lines import cn_number, split_sentences
from corpus.loader import load_document
from corpus.model import Document, DocumentMeta, RawDocument, Sentence
from corpus.parse import parse_document

# --- helpers -------------------------------------------------------------------

PAIRS = (("“", "”"), ("《", "》"), ("(", ")"), ("「", "」"))


def all_sentences(doc: Document) -> list[Sentence]:
    out = list(doc.preamble)
    for case in doc.cases:
        out.extend(case.lead_sentences)
        for sec in case.sections:
            out.extend(sec.sentences)
    return out


def parse(text: str) -> Document:
    return parse_document(RawDocument(text=text), source="test")


def structure(doc: Document) -> list[tuple[object, ...]]:
    """Cases as (number, marker, title, lead, [(marker, heading, [sentences])])."""
    return [
        (c.number, c.marker, c.title, c.lead,
         [(s.marker, s.heading, [x.text for x in s.sentences]) for s in c.sections])
        for c in doc.cases
    ]


def assert_offsets(doc: Document) -> None:
    """Every piece is a verbatim slice of ``doc.text`` at its offsets."""
    for s in all_sentences(doc):
        assert doc.text[s.start:s.end] == s.text, s
        assert s.text == s.text.strip() and s.text
    for case in doc.cases:
        for sec in case.sections:
            assert doc.text[sec.start:sec.end] == sec.text, sec.marker
            assert sec.text.startswith(sec.marker + sec.heading)


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


# --- the bundled document -----------------------------------------------------------

BUNDLED_TITLE = "自治區強化食品安全全鏈條監管典型案例(第一批)"

BUNDLED_CASES = [
    (1, "案例1、", "全鏈條防控塑化劑風險筑牢特色乳安全防線——自治區特色乳制品質量監管實踐",
     "自治區市場監管局組織各部門密切協作",
     [("一是", "抓政策保障,夯實產業基礎"), ("二是", "抓源頭治理,提升供給水平"),
      ("三是", "抓生產加工,確保批批合格")]),
    (2, "案例2、", "源頭嚴管違法嚴懲——自治區肉類產品全鏈條監管提質行動",
     "自治區市場監管、農業農村、公安等部門堅持問題導向",
     [("一是", "源頭管控筑防線"), ("二是", "過程嚴管保安全"), ("三是", "違法嚴懲護民生")]),
    (3, "案例3、", "匠心織密“護學網”創新打造“樣板間”——昌吉州“小飯桌”全鏈條治理實踐",
     "昌吉州將“小飯桌”作為基層食品安全治理的“關鍵小切口”",
     [("一是", "政府主導,部門協同共治"), ("二是", "精準施策,嚴控安全風險"),
      ("三是", "樹立標桿,打造規范樣板")]),
    (4, "案例4、", "四維發力筑屏障全鏈護航香梨產業——巴州鍛造庫爾勒香梨全鏈條“安全盾牌”",
     "近年來,巴州以法治化引領",
     [("一是", "監管責任法治化"), ("二是", "質量管控標準化"), ("三是", "全鏈監測數字化"),
      ("四是", "品牌保護全域化")]),
]


def test_bundled_title_and_preamble(corpus_bundled_doc: Document) -> None:
    doc = corpus_bundled_doc
    assert doc.title == BUNDLED_TITLE
    assert doc.meta.title == BUNDLED_TITLE
    assert doc.source == "bundled:xinjiang-food-safety-typical-cases-batch-1.txt"
    assert len(doc.preamble) == 1
    pre = doc.preamble[0].text
    assert pre.startswith("中辦、國辦《關于進一步強化食品安全全鏈條監管的意見》(以下簡稱《意見》)")
    assert pre.endswith("形成一批典型做法,現公布如下:")


def test_bundled_has_exactly_four_cases(corpus_bundled_doc: Document) -> None:
    cases = corpus_bundled_doc.cases
    assert [c.number for c in cases] == [1, 2, 3, 4]
    assert [(c.number, c.marker, c.title) for c in cases] == [
        (n, m, t) for n, m, t, _, _ in BUNDLED_CASES]


@pytest.mark.parametrize("index", range(4), ids=[f"case{i + 1}" for i in range(4)])
def test_bundled_case_sections(corpus_bundled_doc: Document, index: int) -> None:
    case = corpus_bundled_doc.cases[index]
    _, _, _, lead_start, sections = BUNDLED_CASES[index]
    assert case.lead.startswith(lead_start)
    assert len(case.sections) == len(sections)
    assert [(s.marker, s.heading) for s in case.sections] == sections
    assert [s.ordinal for s in case.sections] == list(range(1, len(sections) + 1))
    for sec, (marker, heading) in zip(case.sections, sections, strict=True):
        # The heading sentence is the first sentence of the section, quoted as written.
        assert sec.sentences[0].text == f"{marker}{heading}。"


def test_bundled_sentence_splits(corpus_bundled_doc: Document) -> None:
    cases = corpus_bundled_doc.cases
    first = [s.text for s in cases[0].sections[0].sentences]
    assert len(first) == 3
    assert first[1].startswith("自治區工業和信息化廳出臺《關于促進自治區乳制品行業健康有序發展的若干意見》")
    assert first[2] == ("自治區農業農村廳、市場監管局聯合印發《關于進一步做好乳制品產業鏈建設及追溯工作"
                        "的通知》,推動實現乳制品全過程信息化追溯。")
    # ';' ends a sentence too.
    lead4 = [s.text for s in cases[3].lead_sentences]
    assert len(lead4) == 3
    assert lead4[1].endswith("品牌價值170億元;")
    assert lead4[2].startswith("“孔雀河畔”品牌獲“品味新疆”好產品認證")
    measures = [s.text for s in cases[2].sections[0].sentences]
    assert len(measures) == 4
    assert measures[2].startswith("市場監管部門牽頭抓總")


def test_bundled_offsets_slice_back(corpus_bundled_doc: Document, corpus_bundled_text: str
                                    ) -> None:
    doc = corpus_bundled_doc
    assert_offsets(doc)
    for s in all_sentences(doc):
        assert s.text in corpus_bundled_text  # verbatim in the file as stored
    for case in doc.cases:
        assert doc.text[case.start:case.end].startswith(case.marker + case.title)
        assert doc.text[case.start:case.end].endswith("。")


def test_bundled_sentences_in_order_and_cover_text(corpus_bundled_doc: Document) -> None:
    doc = corpus_bundled_doc
    sentences = all_sentences(doc)
    for a, b in itertools.pairwise(sentences):
        assert a.end <= b.start
    for case in doc.cases:
        for sec in case.sections:
            # Nothing of a section is lost between its sentences.
            assert squash("".join(s.text for s in sec.sentences)) == squash(sec.text)
        assert squash("".join(s.text for s in case.lead_sentences)) == squash(case.lead)


def test_bundled_sentences_keep_brackets_balanced(corpus_bundled_doc: Document) -> None:
    for s in all_sentences(corpus_bundled_doc):
        for left, right in PAIRS:
            assert s.text.count(left) == s.text.count(right), (left, s.text)
    # The parenthetical of 兩檢兩公開 stays inside its sentence.
    texts = [s.text for s in all_sentences(corpus_bundled_doc)]
    assert any("“兩檢兩公開”(原料入廠批批檢并向養殖戶公開,產品出廠批批檢并向社會公開)" in t
               for t in texts)


# --- split_sentences on its own --------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("第一句。第二句!第三句?第四句;", ["第一句。", "第二句!", "第三句?", "第四句;"]),
    ("他说“你好。再见。”然后走了。", ["他说“你好。再见。”然后走了。"]),
    ("要求“坚持到底。”", ["要求“坚持到底。”"]),
    ("见《条例。修订版》第三条。后文。", ["见《条例。修订版》第三条。", "后文。"]),
    ("(括号。里面)外面。", ["(括号。里面)外面。"]),
    ("「引文。」后面。下一句。", ["「引文。」后面。", "下一句。"]),
    ("没有句号的一段", ["没有句号的一段"]),
    ("结束了。。。还有", ["结束了。。。", "还有"]),
    ("  前后空白。  ", ["前后空白。"]),
    ("", []),
    # An unclosed quote must not swallow the rest of the paragraph.
    ("未闭合“引号。后面。还有。", ["未闭合“引号。", "后面。", "还有。"]),
], ids=["terminators", "quote", "quote-trailing", "title", "paren", "corner", "no-terminator",
        "repeated", "whitespace", "empty", "unclosed"])
def test_split_sentences(text: str, expected: list[str]) -> None:
    got = split_sentences(text, base=100, paragraph=7)
    assert [s.text for s in got] == expected
    for s in got:
        assert text[s.start - 100:s.end - 100] == s.text
        assert s.paragraph == 7


FW_LP, FW_RP = "\uff08", "\uff09"  # （ ）
FW_EXCL, FW_QUEST, FW_SEMI, FW_COMMA = "\uff01", "\uff1f", "\uff1b", "\uff0c"  # ！ ？ ； ，


def test_split_sentences_full_width_terminators() -> None:
    text = f"问{FW_QUEST}答{FW_EXCL}分{FW_SEMI}完。"
    assert [s.text for s in split_sentences(text)] == [
        f"问{FW_QUEST}", f"答{FW_EXCL}", f"分{FW_SEMI}", "完。"]


def test_split_sentences_full_width_brackets() -> None:
    text = f"{FW_LP}括号。里面{FW_RP}外面。"
    assert [s.text for s in split_sentences(text)] == [text]


# --- other layouts ---------------------------------------------------------------------

LAYOUTS = [
    pytest.param(
        "某省典型案例\n前言说明。\n一、甲州做法\n甲州导语。\n(一)规划先行,一张蓝图。正文一。\n"
        "(二)骨干带动。正文二。\n二、乙县做法\n(一)补齐短板。正文三。\n(二)守护水源。正文四。",
        ["前言说明。"],
        [(1, "一、", "甲州做法", "甲州导语。",
          [("(一)", "规划先行,一张蓝图", ["(一)规划先行,一张蓝图。", "正文一。"]),
           ("(二)", "骨干带动", ["(二)骨干带动。", "正文二。"])]),
         (2, "二、", "乙县做法", "",
          [("(一)", "补齐短板", ["(一)补齐短板。", "正文三。"]),
           ("(二)", "守护水源", ["(二)守护水源。", "正文四。"])])],
        id="cn-parts-with-paren-subparts"),
    pytest.param(
        "工作通报\n1. 加强源头管控\n源头正文。\n2. 严格过程监管\n过程正文。",
        [],
        [(1, "1.", "加强源头管控", "源头正文。", []),
         (2, "2.", "严格过程监管", "过程正文。", [])],
        id="arabic-only"),
    pytest.param(
        "工作通报\n一、总体\n1.第一项。正文一。\n2.第二项。正文二。\n二、其他\n1.甲项。\n2.乙项。",
        [],
        [(1, "一、", "总体", "",
          [("1.", "第一项", ["1.第一项。", "正文一。"]),
           ("2.", "第二项", ["2.第二项。", "正文二。"])]),
         (2, "二、", "其他", "",
          [("1.", "甲项", ["1.甲项。"]), ("2.", "乙项", ["2.乙项。"])])],
        id="arabic-items-under-parts"),
    pytest.param(
        "通报\n案例1、甲事\n甲事导语。\n一是抓A。A正文。二是抓B。B正文。三是抓C,做好。C正文。\n"
        "案例2、乙事\n一是抓D。D正文。\n二是抓E。",
        [],
        [(1, "案例1、", "甲事", "甲事导语。",
          [("一是", "抓A", ["一是抓A。", "A正文。"]),
           ("二是", "抓B", ["二是抓B。", "B正文。"]),
           ("三是", "抓C,做好", ["三是抓C,做好。", "C正文。"])]),
         (2, "案例2、", "乙事", "",
          [("一是", "抓D", ["一是抓D。", "D正文。"]), ("二是", "抓E", ["二是抓E。"])])],
        id="inline-shi-in-one-paragraph"),
    pytest.param(
        "通报\n典型案例1:甲事\n一是抓A。正文A。\n二是抓B。正文B。\n典型案例2:乙事\n一是抓C。\n二是抓D。",
        [],
        [(1, "典型案例1:", "甲事", "",
          [("一是", "抓A", ["一是抓A。", "正文A。"]), ("二是", "抓B", ["二是抓B。", "正文B。"])]),
         (2, "典型案例2:", "乙事", "",
          [("一是", "抓C", ["一是抓C。"]), ("二是", "抓D", ["二是抓D。"])])],
        id="typical-case-n"),
    pytest.param(
        "通知\n【案例一】甲县查处假种子案\n基本案情:甲县接到举报。\n"
        "【案例二】乙市查处假农药案\n基本案情:乙市发现假农药。",
        [],
        [(1, "【案例一】", "甲县查处假种子案", "基本案情:甲县接到举报。", []),
         (2, "【案例二】", "乙市查处假农药案", "基本案情:乙市发现假农药。", [])],
        id="bracketed-case-n"),
    pytest.param(
        "  缩进的标题  \n\n  案例1、甲\n\n  一是抓A。正文。\n  二是抓B。正文。\n\n",
        [],
        [(1, "案例1、", "甲", "",
          [("一是", "抓A", ["一是抓A。", "正文。"]), ("二是", "抓B", ["二是抓B。", "正文。"])])],
        id="indented-with-blank-lines"),
    pytest.param(
        "一份通知\n第一段话。第二句话!\n第二段\n第三段没有句号",
        [],
        [(0, "", "", "",
          [("", "", ["第一段话。", "第二句话!"]), ("", "", ["第二段"]),
           ("", "", ["第三段没有句号"])])],
        id="no-headings-falls-back-to-paragraphs"),
]


@pytest.mark.parametrize(("text", "preamble", "expected"), LAYOUTS)
def test_layouts(text: str, preamble: list[str], expected: list[tuple[object, ...]]) -> None:
    doc = parse(text)
    assert [s.text for s in doc.preamble] == preamble
    assert structure(doc) == expected
    assert_offsets(doc)


def test_fallback_sentences_carry_their_paragraph_number() -> None:
    doc = parse("一份通知\n第一段话。第二句话!\n第二段\n第三段没有句号")
    assert doc.title == "一份通知"
    paragraphs = [s.paragraph for sec in doc.cases[0].sections for s in sec.sentences]
    assert paragraphs == [1, 1, 2, 3]  # 0 is the title line


@pytest.mark.parametrize("text", ["", "\n\n", "   \n  "], ids=["empty", "newlines", "spaces"])
def test_empty_document(text: str) -> None:
    doc = parse(text)
    assert doc.cases == () and doc.preamble == ()
    assert doc.title == "test"


def test_numbers_that_are_not_headings() -> None:
    # 2.3万 and 2024年 start a paragraph without being item markers.
    doc = parse("通报\n一、甲\n2.3万人次参加了活动。\n2024年完成任务。\n二、乙\n正文。")
    assert [(c.marker, c.title) for c in doc.cases] == [("一、", "甲"), ("二、", "乙")]
    assert doc.cases[0].sections == ()
    assert doc.cases[0].lead == "2.3万人次参加了活动。\n2024年完成任务。"


def test_full_width_paren_subparts() -> None:
    doc = parse(f"某省典型案例\n一、甲州做法\n导语。\n{FW_LP}一{FW_RP}规划先行{FW_COMMA}一张蓝图。正文。\n"
                f"{FW_LP}二{FW_RP}骨干带动。正文二。\n二、乙县做法\n{FW_LP}一{FW_RP}甲。乙。\n"
                f"{FW_LP}二{FW_RP}丙。丁。")
    assert [s.marker for s in doc.cases[0].sections] == [f"{FW_LP}一{FW_RP}", f"{FW_LP}二{FW_RP}"]
    assert doc.cases[0].lead == "导语。"


def test_a_penalty_notice_heads_its_cases_案件n() -> None:
    doc = parse("环境行政处罚案件信息公示\n本季度共立案查处案件53件。\n案件一\n案件名称:甲公司超标排放案。\n"
                "案件二 乙公司未批先建案\n处罚内容:罚款18.9万元。\n案件53件已办结。")
    assert [(c.marker, c.title) for c in doc.cases] == [("案件一", ""), ("案件二", "乙公司未批先建案")]
    # 案件53件 is a count, no heading.
    assert "案件53件已办结。" in doc.cases[1].lead


def test_case_start_with_space_after_marker() -> None:
    doc = parse("通报\n典型案例1 甲事\n一是抓A。正文A。\n二是抓B。\n典型案例2 乙事\n一是抓C。\n二是抓D。")
    assert [(c.marker, c.title) for c in doc.cases] == [("典型案例1", "甲事"), ("典型案例2", "乙事")]
    for case in doc.cases:
        assert doc.text[case.start:].startswith(case.marker)


def test_a_case_named_on_the_line_under_its_marker() -> None:
    """案例一 alone in a badge, the name framed by ornaments on the next line (a WeChat
    article): the name is the case's title, not its lead."""
    doc = parse("通报\n案例一\n◆ 某某超市价格欺诈案 ◆\n【基本案情】超市多收价款。\n【处罚结果】罚款3万元。\n"
                "案例二\n● 某某商行销售假酒案 ●\n【基本案情】查获白酒186瓶。")
    assert [(c.marker, c.title, c.lead) for c in doc.cases] == [
        ("案例一", "某某超市价格欺诈案", ""), ("案例二", "某某商行销售假酒案", "")]
    # Its passage is the line that names it, quoted as written.
    from indexer.passages import passages_of

    titles = [(x.text, doc.text[x.start:x.end]) for x in passages_of(doc) if x.role == "case_title"]
    assert titles == [("◆ 某某超市价格欺诈案 ◆",) * 2, ("● 某某商行销售假酒案 ●",) * 2]
    # A sentence under the marker is the lead, as before.
    doc = parse("通报\n案例一\n超市多收价款。\n案例二\n商行销售假酒。")
    assert [(c.title, c.lead) for c in doc.cases] == [("", "超市多收价款。"), ("", "商行销售假酒。")]


# --- bracket labels and inline numbered measures -----------------------------------------
# Made-up texts in the 【基本情况】/【主要做法】/【取得成效】 layout.  The old parser
# kept every label in the lead and let a paragraph-level "4." swallow 【取得成效】.

LABELLED = [
    pytest.param(
        "通报\n案例1 甲县：做法\n【概况】甲县很大。人口多。\n"
        "【做法】1.抓资金。甲县投入。2.抓规划。乙局编制规划。\n"
        "3.抓监督。丙局监督。\n【成效】产量提高。\n"
        "案例2 乙县：经验\n【概况】乙县很小。\n【做法】1.抓A。A正文。\n【成效】B。",
        [(1, "案例1", "甲县：做法", "",
          [("", "【概况】", ["【概况】", "甲县很大。", "人口多。"]),
           ("", "【做法】", ["【做法】"]),
           ("1.", "抓资金", ["1.抓资金。", "甲县投入。"]),
           ("2.", "抓规划", ["2.抓规划。", "乙局编制规划。"]),
           ("3.", "抓监督", ["3.抓监督。", "丙局监督。"]),
           ("", "【成效】", ["【成效】", "产量提高。"])]),
         (2, "案例2", "乙县：经验", "",
          [("", "【概况】", ["【概况】", "乙县很小。"]),
           ("", "【做法】", ["【做法】"]),
           ("1.", "抓A", ["1.抓A。", "A正文。"]),
           ("", "【成效】", ["【成效】", "B。"])])],
        id="labels-with-inline-and-paragraph-numbers"),
    pytest.param(
        "通报\n案例1、甲事\n【做法】市局出台方案。\n1、抓甲。甲正文。\n2、抓乙。乙正文。\n"
        "补充说明一段。\n【成效】效果好。\n案例2、乙事\n【做法】（一）抓丙。丙正文。（二）抓丁。丁正文。\n"
        "【成效】也好。",
        [(1, "案例1、", "甲事", "",
          [("", "【做法】", ["【做法】", "市局出台方案。"]),
           ("1、", "抓甲", ["1、抓甲。", "甲正文。"]),
           ("2、", "抓乙", ["2、抓乙。", "乙正文。", "补充说明一段。"]),
           ("", "【成效】", ["【成效】", "效果好。"])]),
         (2, "案例2、", "乙事", "",
          [("", "【做法】", ["【做法】"]),
           ("（一）", "抓丙", ["（一）抓丙。", "丙正文。"]),
           ("（二）", "抓丁", ["（二）抓丁。", "丁正文。"]),
           ("", "【成效】", ["【成效】", "也好。"])])],
        id="label-intro-then-numbered-paragraphs"),
    pytest.param(
        "通报\n案例1 甲\n导语。\n【做法】1.抓资金。投入2.3万元。2.抓规划。编制规划。\n【成效】好。",
        [(1, "案例1", "甲", "导语。",
          [("", "【做法】", ["【做法】"]),
           ("1.", "抓资金", ["1.抓资金。", "投入2.3万元。"]),
           ("2.", "抓规划", ["2.抓规划。", "编制规划。"]),
           ("", "【成效】", ["【成效】", "好。"])])],
        id="lead-before-labels-and-decimal-not-a-marker"),
    pytest.param(
        "通报\n▶ 案例一 甲厂爆炸事故\n经过｜甲厂爆炸。死3人。\n原因｜违规动火。\n"
        "▶ 案例二 乙矿冒顶事故\n经过｜乙矿冒顶。\n原因｜未撤人。\n"
        "下一步工作要求\n一是压实责任。各地学习。\n二是深化整治。",
        [(1, "▶ 案例一", "甲厂爆炸事故", "",
          [("", "经过", ["经过", "甲厂爆炸。", "死3人。"]), ("", "原因", ["原因", "违规动火。"])]),
         (2, "▶ 案例二", "乙矿冒顶事故", "",
          [("", "经过", ["经过", "乙矿冒顶。"]), ("", "原因", ["原因", "未撤人。"])]),
         (0, "", "", "",
          [("", "下一步工作要求", ["下一步工作要求"]),
           ("一是", "压实责任", ["一是压实责任。", "各地学习。"]),
           ("二是", "深化整治", ["二是深化整治。"])])],
        id="ornamented-headings-bar-labels-and-a-closing-part"),
    pytest.param(
        "通报\n（一）甲局查处某公司案\n案情简介：甲局发现问题。\n处理结果：罚款5万元。\n"
        "（二）乙局查处某企业案\n案情简介：乙局接到投诉。\n处理结果：责令整改。\n"
        "甲省住房和城乡建设厅\n2025年6月18日",
        [(1, "（一）", "甲局查处某公司案", "",
          [("", "案情简介", ["案情简介", "甲局发现问题。"]),
           ("", "处理结果", ["处理结果", "罚款5万元。"])]),
         (2, "（二）", "乙局查处某企业案", "",
          [("", "案情简介", ["案情简介", "乙局接到投诉。"]),
           ("", "处理结果", ["处理结果", "责令整改。", "甲省住房和城乡建设厅", "2025年6月18日"])])],
        id="colon-labels-under-paren-cases-signature-stays"),
    pytest.param(
        "通报\n案例1 甲\n经过｜甲事。\n原因｜甲因。\n表格如下：\n等级  起数\n一般  3\n"
        "案例2 乙\n经过｜乙事。\n原因｜乙因。",
        [(1, "案例1", "甲", "",
          [("", "经过", ["经过", "甲事。"]),
           ("", "原因", ["原因", "甲因。", "表格如下：", "等级  起数", "一般  3"])]),
         (2, "案例2", "乙", "",
          [("", "经过", ["经过", "乙事。"]), ("", "原因", ["原因", "乙因。"])])],
        id="a-table-announced-stays-in-its-case"),
]


@pytest.mark.parametrize(("text", "expected"), LABELLED)
def test_labelled_layouts(text: str, expected: list[tuple[object, ...]]) -> None:
    doc = parse(text)
    assert structure(doc) == expected
    assert_offsets(doc)
    for case in doc.cases:
        assert [s.ordinal for s in case.sections] == list(range(1, len(case.sections) + 1))


def test_speakers_of_an_interview_are_no_labels() -> None:
    # 记者：… 答：… repeat, but no numbered case holds them: a colon here sets off a speaker.
    text = "访谈\n记者：资金从哪来？\n部长：中央拨款。\n记者：何时完成？\n部长：年底前。"
    assert all(not s.heading for c in parse(text).cases for s in c.sections)


def test_one_bracket_phrase_is_not_a_layout() -> None:
    # A single 【…】 paragraph is a quoted name, not a label: the parse is as before.
    doc = parse("通报\n案例1、甲\n【注意】请看。\n一是抓A。正文。\n二是抓B。")
    assert structure(doc) == [
        (1, "案例1、", "甲", "【注意】请看。",
         [("一是", "抓A", ["一是抓A。", "正文。"]), ("二是", "抓B", ["二是抓B。"])])]


# --- the second announcement -------------------------------------------------------------

SECOND_PARTS = [
    ("一、", "大理州以城乡供水一体化打通农村供水“最后一公里”",
     ["规划先行,一张蓝图绘到底", "骨干带动,推进规模化供水", "深化改革,健全水价机制",
      "强化督导,压实各方责任"]),
    ("二、", "红河州构建农村供水水质“三级检测”体系",
     ["补齐检测能力短板", "守护饮用水水源地", "落实净化消毒措施", "强化卫生监督"]),
    ("三、", "楚雄州以专业化、数字化管护提升农村供水服务水平",
     ["建立统一管护机构", "打造智慧水务平台", "创新专业运维服务"]),
    ("四、", "曲靖市会泽县以“村规民约”激活群众管水护水",
     ["把管水要求写进村规民约", "设立村级管水员", "开展文明户评选", "强化宣传引导"]),
    ("五、", "怒江州以应急保障守住高山峡谷群众饮水安全",
     ["编制应急预案", "建设备用水源", "开展联合演练"]),
]
PAREN_MARKERS = ["(一)", "(二)", "(三)", "(四)"]


def test_second_announcement(corpus_second_path: Path) -> None:
    doc = load_document(corpus_second_path)
    assert doc.title == "云南省巩固提升农村供水保障水平典型案例"
    assert len(doc.preamble) == 2
    assert doc.preamble[0].text.startswith("省委办公厅、省政府办公厅《关于全面提升农村供水保障水平的实施意见》")
    assert doc.preamble[1].text == "经各州(市)推荐,省水利厅会同省发展改革委、省卫生健康委审核,现将典型案例予以公布,供各地学习借鉴。"
    assert [c.number for c in doc.cases] == [1, 2, 3, 4, 5]
    assert [(c.marker, c.title) for c in doc.cases] == [(m, t) for m, t, _ in SECOND_PARTS]
    for case, (_, _, headings) in zip(doc.cases, SECOND_PARTS, strict=True):
        assert [s.heading for s in case.sections] == headings
        assert [s.marker for s in case.sections] == PAREN_MARKERS[:len(headings)]
        assert case.lead  # every part opens with a lead paragraph
    assert [len(c.lead_sentences) for c in doc.cases] == [1, 1, 1, 2, 2]
    assert_offsets(doc)
    texts = [s.text for s in all_sentences(doc)]
    # A title holding parentheses and a dash stays in one sentence.
    assert any("《大理州城乡供水一体化规划(2023—2030年)》" in t for t in texts)
    for t in texts:
        for left, right in PAIRS:
            assert t.count(left) == t.count(right), t


# --- cn_number ---------------------------------------------------------------------------

@pytest.mark.parametrize(("token", "value"), [
    ("1", 1), ("3", 3), ("12", 12), ("105", 105),
    ("一", 1), ("三", 3), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23),
    ("九十九", 99), ("一百", 100), ("百", 100), ("一百零五", 105), ("一百二十", 120),
    ("零", 0),
])
def test_cn_number(token: str, value: int) -> None:
    assert cn_number(token) == value


@pytest.mark.parametrize(("text", "source", "title", "first_body"), [
    # A headline line: the title, not body.
    ("昌吉州强化小饭桌监管\n昌吉州将小饭桌纳入监管。各县市开展检查。", "a/x.txt",
     "昌吉州强化小饭桌监管", "昌吉州将小饭桌纳入监管"),
    ("食品安全你了解吗?\n昌吉州将小饭桌纳入监管。", "x.txt", "食品安全你了解吗?", "昌吉州将小饭桌纳入监管"),
    # No headline (news pasted from its first paragraph): the file name; nothing is lost.
    ("昌吉州将小饭桌纳入监管,各县市开展检查。全州共检查120家。\n第二段说别的。", "uploads/小饭桌报道.txt",
     "小饭桌报道", "昌吉州将小饭桌纳入监管"),
    ("一" * 70 + "\n第二段。", "note.md", "note", "一" * 10),
])
def test_a_title_is_a_headline_or_the_file_name_never_a_paragraph(
        text: str, source: str, title: str, first_body: str) -> None:
    doc = parse_document(RawDocument(text=text, meta=DocumentMeta()), source)
    assert doc.title == title
    body = [s.text for case in doc.cases for sec in case.sections for s in sec.sentences]
    body += [s.text for s in doc.preamble] + [s.text for case in doc.cases for s in case.lead_sentences]
    assert any(s.startswith(first_body) for s in body), body


def test_a_page_of_news_articles_is_cut_at_its_headlines() -> None:
    # A page holds the tail of an article from the page before, then articles, each a
    # headline line and its paragraphs: every sentence stands under its own headline.
    text = ("某省召开会议。会议由省政府召开。\n"
            "某市举办冰雕节\n"
            "本报某市1月5日电记者某某报道:第十届冰雕节今天开幕。\n"
            "冰雕节展出作品300件。\n"
            "某县修通公路\n"
            "新华社某县1月6日电某县公路今天通车。\n")
    doc = parse_document(RawDocument(text=text, meta=DocumentMeta()), "page.txt")
    assert [c.title for c in doc.cases] == ["", "某市举办冰雕节", "某县修通公路"]
    tail, ice, road = doc.cases
    assert tail.sections[0].text.startswith("某省召开会议")
    # The lede is a paragraph like the others, not an overview; an article's paragraphs are
    # one section, each sentence keeping its paragraph number.
    assert not ice.lead and len(ice.sections) == 1
    assert [(s.text, s.paragraph) for s in ice.sections[0].sentences] == [
        ("本报某市1月5日电记者某某报道:第十届冰雕节今天开幕。", 2), ("冰雕节展出作品300件。", 3)]
    assert [sec.text for sec in road.sections] == ["新华社某县1月6日电某县公路今天通车。"]
    # None of them is a numbered case: no 案例N is cited for an article.
    assert all(c.number == 0 for c in doc.cases)


def test_an_item_without_a_headline_starts_at_its_dateline() -> None:
    # A short item printed without a headline opens with its dateline: it is no part of
    # the article above it, whose headline must not stand over its sentences.  A
    # headline's own lede (after a byline too) opens no second item.
    text = ("某市举办冰雕节\n"
            "本报某市1月5日电第十届冰雕节今天开幕。\n"
            "冰雕节展出作品300件。\n"
            "本报某县1月6日讯某县公路今天通车。\n"
            "公路全长30公里。\n"
            "某县建成水库\n"
            "本报记者王楚\n"
            "据新华社某县1月7日电某县水库今天蓄水。\n"
            "据介绍,本报讯一词不在段首。\n")
    doc = parse_document(RawDocument(text=text, meta=DocumentMeta(title="某报第一版")), "p.txt")
    assert [c.title for c in doc.cases] == ["某市举办冰雕节", "", "某县建成水库"]
    ice, road, dam = doc.cases
    assert [s.text for s in ice.sections[0].sentences] == [
        "本报某市1月5日电第十届冰雕节今天开幕。", "冰雕节展出作品300件。"]
    assert [s.text for s in road.sections[0].sentences] == [
        "本报某县1月6日讯某县公路今天通车。", "公路全长30公里。"]
    assert any(s.text.startswith("据新华社某县") for s in dam.sections[0].sentences)
    assert all(c.number == 0 for c in doc.cases)


def test_a_headline_over_two_lines_heads_its_article_whole() -> None:
    # 北京举行新年音乐会 / 领导人与群众一起辞旧迎新: the article's title is the whole
    # headline, and neither line is left in the article above.  A photo credit in brackets
    # closes the article above (and is no headline of its own, even right before a
    # paragraph); so does a closing exclamation (谢谢!).
    text = ("某县修通公路\n"
            "本报某县1月4日讯某县公路今天通车。\n"
            "祝全县人民新年快乐!\n"
            "(新华社记者某某摄)\n"
            "某市举行新年音乐会\n"
            "领导同志与万名群众一起辞旧迎新\n"
            "本报某市1月5日讯新年音乐会今晚举行。\n"
            "领导同志观看演出\n"
            "(新华社记者某某摄)\n"
            "本报某市1月5日讯另一场演出在剧院举行。\n")
    doc = parse_document(RawDocument(text=text, meta=DocumentMeta(title="某报第一版")), "p.txt")
    assert [c.title for c in doc.cases] == [
        "某县修通公路", "某市举行新年音乐会 领导同志与万名群众一起辞旧迎新", "领导同志观看演出"]
    road, concert, show = doc.cases
    assert [s.text for s in road.sections[0].sentences] == [
        "本报某县1月4日讯某县公路今天通车。", "祝全县人民新年快乐!", "(新华社记者某某摄)"]
    # The headline's second line is the article's first sentence (no section heading: a
    # news article's paragraphs each say who acts, and so are read one by one).
    assert [s.text for s in concert.sections[0].sentences] == [
        "领导同志与万名群众一起辞旧迎新", "本报某市1月5日讯新年音乐会今晚举行。"]
    assert concert.sections[0].heading == ""
    # The photo credit stays with its article, and the report under it is no new item: it
    # is the first dateline under its headline.
    assert [s.text for s in show.sections[0].sentences] == [
        "(新华社记者某某摄)", "本报某市1月5日讯另一场演出在剧院举行。"]


def test_a_table_row_is_no_headline() -> None:
    text = "某市执法情况\n设区市 | 查处案件\n甲市 | 1946\n本报讯记者王明报道:执法工作持续推进。\n"
    doc = parse_document(RawDocument(text=text, meta=DocumentMeta()), "t.txt")
    assert all("|" not in c.title for c in doc.cases)


def test_a_note_without_headlines_stays_one_part() -> None:
    text = "第一段说一件事。\n第二段说另一件事。\n"
    doc = parse_document(RawDocument(text=text, meta=DocumentMeta()), "note.txt")
    assert len(doc.cases) == 1 and doc.cases[0].title == ""


def test_a_byline_under_a_headline_heads_no_article() -> None:
    text = ("某市举办冰雕节\n本报记者王楚\n第十届冰雕节今天开幕。\n"
            "记者眼中的新年\n新年到了,街上很热闹。\n图片：\n市民观看冰雕。\n")
    doc = parse_document(RawDocument(text=text, meta=DocumentMeta(title="某报第一版")), "p.txt")
    assert [c.title for c in doc.cases] == ["某市举办冰雕节", "记者眼中的新年"]


def test_a_table_row_of_sentences_is_one_passage() -> None:
    # A penalty table's cells hold whole sentences: the row stays one sentence, every cell
    # labelled with its header, so 罚款5万元 is read with the party and the authority.
    from corpus.readers.text import with_table_headers

    lines = with_table_headers([
        "当事人 | 违法事实 | 处罚内容 | 处罚机关",
        "某超市 | 销售超过保质期的纯牛奶12盒，货值金额共计186元。 | 1.没收违法所得57元； 2.罚款5万元。 | 某分局",
        "李某 | 销售侵权运动鞋36双，违法经营额7920元。 | 罚款4.2万元。 | 某分局"])
    assert lines[1].startswith("当事人:某超市 | 违法事实:销售") and "处罚内容:1.没收" in lines[1]
    doc = parse_document(RawDocument(text="某市行政处罚结果公示\n" + "\n".join(lines) + "\n",
                                     meta=DocumentMeta()), "t.txt")
    said = [s.text for c in doc.cases for sec in c.sections for s in sec.sentences]
    assert any("罚款5万元" in s and "某超市" in s for s in said)


def test_a_label_before_its_paragraph_is_no_table() -> None:
    # 事故经过｜…: a run-in label and a long paragraph, line after line — no header row.
    from corpus.readers.text import with_table_headers

    lines = ["事故经过｜2024年3月18日14时20分许，某公司硝化车间在停车检修过程中发生爆炸，造成3人死亡、"
             "5人受伤，车间厂房约1200平方米坍塌。",
             "原因分析｜经调查，事故直接原因是检修人员未对硝化釜内残留物料进行彻底清洗置换，便违规动火。"]
    assert with_table_headers(lines) == lines
