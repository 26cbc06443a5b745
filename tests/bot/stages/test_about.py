"""bot/about.py: questions about the document itself, answered from its structure (pure:
a few rows in memory)."""

from __future__ import annotations

from dataclasses import replace

from bot.about import (
    NO_DATE,
    NO_ISSUER,
    NO_NUMBER,
    addressed,
    case_titled,
    counted_cases,
    dated,
    nth_measure,
    numbered,
    signature,
    sourced,
    this_document,
    this_one,
    titled,
)
from bot.extract.direct import NONE, Direct
from indexer.search import PassageHit
from tests.bot.stages.kit import MemoryLookup, analysis, ranked, row

TITLE = row(1, "全省医保基金监管典型案例", "title")
PREAMBLE = row(2, "为贯彻落实国务院办公厅印发的《关于加强医保基金监管的意见》，现将案例印发。", "preamble")
CASES = [row(3, "案例一：南昌市打击欺诈骗保", "case_title", case=1),
         row(4, "南昌市医保局开展专项整治。", case=1),
         row(5, "案例二：宜春市建立社会监督员制度", "case_title", case=2),
         row(6, "宜春市聘请社会监督员150名。", case=2)]
SIGNED = [row(7, "江西省医疗保障局"), row(8, "2025年3月18日")]


def test_the_issuer_signed_under_the_text() -> None:
    found = signature(1, MemoryLookup([TITLE, PREAMBLE, *CASES, *SIGNED]))
    assert found is not None and found.answer == "江西省医疗保障局"
    assert found.evidence is not None and found.evidence.id == 7
    # A closing sentence that names a body among other words is no signature.
    assert signature(1, MemoryLookup([TITLE, *CASES])) is None


def test_an_issuer_neither_title_nor_signature_names_is_said_to_be_unnamed() -> None:
    lookup = MemoryLookup([TITLE, PREAMBLE, *CASES])
    a = analysis("这份通知是谁发的?", ["通知"])
    got = this_document(a, ranked((PREAMBLE, 1.0)), lookup, Direct("国务院办公厅", None))
    assert got.answer == NO_ISSUER  # never the issuer of the document it implements
    assert got.evidence is not None and got.evidence.id == TITLE.id
    # Asked who does something in it, not who issued it: the answer core's own answer.
    b = analysis("这份通知里谁聘请了社会监督员?", ["社会监督员"])
    assert this_document(b, ranked((CASES[3], 1.0)), lookup, NONE).answer is None


def test_the_date_line_or_that_there_is_none() -> None:
    a = analysis("这份通知是什么时候发的?", ["通知"])
    with_date = MemoryLookup([TITLE, *CASES, *SIGNED])
    got = dated(a, ranked((TITLE, 1.0)), with_date)
    assert got is not None and got[0] == "2025年3月18日" and got[1][0].id == 8
    undated = dated(a, ranked((TITLE, 1.0)), MemoryLookup([TITLE, *CASES]))
    assert undated is not None and undated[0] == NO_DATE
    # "什么时候完成?" asks a date the text may give, not the document's own.
    b = analysis("这份通知要求什么时候完成整改?", ["整改"])
    assert dated(b, ranked((TITLE, 1.0)), MemoryLookup([TITLE, *CASES])) is None


def test_who_did_what_the_question_says_in_the_preamble_not_who_issued() -> None:
    reviewed = row(2, "为发挥警示作用，经省医保基金监管中心组织评审，现将案例通报如下。", "preamble")
    lookup = MemoryLookup([TITLE, reviewed, *CASES, *SIGNED])
    a = analysis("这些典型案例是谁组织评审的?", ["典型", "案例", "组织", "评审"])
    got = this_document(a, ranked((reviewed, 1.0)), lookup, NONE)
    assert got.answer == "省医保基金监管中心" and got.evidence is not None
    # Who issued it: the signature, not the reviewer.
    b = analysis("这些典型案例是谁发的?", ["典型", "案例"])
    assert this_document(b, ranked((reviewed, 1.0)), lookup, NONE).answer == "江西省医疗保障局"


def test_the_number_under_the_title_or_that_there_is_none() -> None:
    number = row(9, "蘇交執〔2025〕12號", "preamble")
    a = analysis("这份通报的文号是多少?", ["通报"])
    got = numbered(a, ranked((TITLE, 1.0)), MemoryLookup([TITLE, number, *CASES]))
    assert got is not None and got[0] == "蘇交執〔2025〕12號" and got[1][0].id == 9  # as written
    unnumbered = numbered(a, ranked((TITLE, 1.0)), MemoryLookup([TITLE, *CASES]))
    assert unnumbered is not None and unnumbered[0] == NO_NUMBER
    # Not asked for: nothing.
    b = analysis("这份通报是谁发的?", ["通报"])
    assert numbered(b, ranked((TITLE, 1.0)), MemoryLookup([TITLE, number])) is None
    # A case's number, which its record's field gives, is no question about the document's.
    record = row(10, "案件名称:驰远汽修未按规定贮存危险废物案 | 行政处罚决定书文号:青环罚〔2024〕42号 | "
                     "罚款金额:11.5万元")
    c = analysis("这份公示里驰远汽修的文号是多少?", ["驰远", "汽修"])
    assert numbered(c, ranked((record, 1.0)), MemoryLookup([TITLE, number, record])) is None


def test_the_cases_counted() -> None:
    lookup = MemoryLookup([TITLE, PREAMBLE, *CASES])
    for question in ("这份通知一共有几个案例?", "这批典型案例有多少个?"):
        got = counted_cases(analysis(question, ["案例"]), 1, lookup)
        assert got is not None and got[0] == "共2个案例"
        assert [p.id for p in got[1]] == [3, 5]
    assert counted_cases(analysis("宜春聘请了多少名监督员?", ["监督员"]), 1, lookup) is None
    # Counted in the measure asked: 几起 cases are 2起.
    a = analysis("这次一共通报了几起案例", ["案例"])
    assert a.intent.about_notice
    got = counted_cases(a, 1, lookup)
    assert got is not None and got[0] == "共2起案例"


def test_this_notice_of_several_is_the_one_whose_title_says_the_question() -> None:
    news = [row(20, "国外金融风险典型案例系列报道", "title", doc_id=2, doc_title="x"),
            row(21, "本报陆续刊登典型案例。", "preamble", doc_id=2, doc_title="x")]
    lookup = MemoryLookup([TITLE, PREAMBLE, *CASES, *news])
    a = analysis("这些典型案例是贯彻落实哪个文件的?", ["典型", "案例", "贯彻落实"])
    # A news item mentions 典型案例 in its best sentence; the announcement is titled so.
    both = ranked((news[1], 1.0), (TITLE, 0.6))
    assert this_one(a, both, lookup) == 1
    # Its title and the other's say as much: the best passage's document.
    b = analysis("这份通知说了什么?", ["通知"])
    assert this_one(b, both, lookup) == 2


def test_the_issuer_a_title_names_before_its_verb() -> None:
    title = row(30, "国务院发出紧急通知确保减负切一刀", "title", doc_id=3)
    a = analysis("这份通知是谁发的?", ["通知"])
    got = this_document(a, ranked((title, 1.0)), MemoryLookup([title]), NONE)
    assert got.answer == "国务院"


def test_the_issuer_a_title_names_before_what_it_publishes() -> None:
    """"X发布…典型案例(第二批)": X issued it — not the office its web page labels 来源."""
    rows = [row(31, "岭西省高级人民法院发布2024年度全省法院环境资源审判典型案例（第二批）", "title",
                doc_id=3)]
    lookup = MemoryLookup(rows, labels={3: ("省法院研究室", None)})
    a = analysis("这批环境典型案例是哪家法院发的", ["环境", "典型案例"])
    assert this_document(a, ranked((rows[0], 1.0)), lookup, NONE).answer == "岭西省高级人民法院"
    # 发布 inside the topic names no issuer before it: the label does.
    topic = [row(32, "关于规范信息发布工作的报告", "title", doc_id=4)]
    got = this_document(a, ranked((topic[0], 1.0)), MemoryLookup(topic), NONE)
    assert got.answer != "规范信息"


def test_a_dateline_near_the_top_is_left_to_the_text() -> None:
    rows = [row(40, "国务院发出紧急通知", "title", doc_id=4),
            row(41, "本报北京1月5日电 国务院日前发出紧急通知。", "preamble", doc_id=4)]
    a = analysis("这份通知是什么时候发的?", ["通知"])
    assert dated(a, ranked((rows[0], 1.0)), MemoryLookup(rows)) is None


def test_a_web_pages_labelled_date_under_the_title() -> None:
    rows = [row(50, "某省住建厅公布第一批典型案例", "title", doc_id=5),
            row(51, "来源：某省住建厅  发布时间：2025年6月18日", "preamble", doc_id=5),
            row(52, "2025年1月至5月，全省共查处案件418起。", "preamble", doc_id=5)]
    a = analysis("这批典型案例是哪天发布的?", ["典型案例", "发布"])
    got = dated(a, ranked((rows[0], 1.0)), MemoryLookup(rows))
    assert got is not None and got[0] == "2025年6月18日" and got[1][0].id == 51
    # A date in the text that no label marks is not the document's own.
    plain = [rows[0], rows[2]]
    assert dated(a, ranked((rows[0], 1.0)), MemoryLookup(plain)) != (
        "2025年1月", [plain[1]])


def test_a_web_pages_info_bar_kept_apart_from_its_text() -> None:
    # The reader keeps a page's 来源/发布时间 bar as the document's own, not as a passage.
    rows = [row(60, "青川市应急管理局上半年工作综述", "title", doc_id=6),
            row(61, "4月15日,市政府发布修订后的应急预案。", "preamble", doc_id=6)]
    lookup = MemoryLookup(rows, labels={6: ("青川市应急管理局", "2024-07-16")})
    when = analysis("这篇综述哪天发布的", ["综述", "发布"], kind="when")
    got = dated(when, ranked((rows[0], 1.0)), lookup)
    assert got is not None and got[0] == "2024-07-16" and got[1][0].id == 60
    source = analysis("这篇文章来源是哪个单位", ["文章", "来源"], kind="who")
    said = sourced(source, ranked((rows[0], 1.0)), lookup)
    assert said is not None and said[0] == "青川市应急管理局" and said[1][0].id == 60
    who = analysis("这篇综述是哪个单位发的", ["综述"], kind="who")
    assert this_document(who, ranked((rows[0], 1.0)), lookup, NONE).answer == "青川市应急管理局"
    # Without a bar, the page does not say: no date made up from the text.
    bare = MemoryLookup(rows)
    assert (dated(when, ranked((rows[0], 1.0)), bare) or ("", []))[0] != "4月15日"
    assert sourced(source, ranked((rows[0], 1.0)), bare) is None
    # A text that keeps its info line is quoted from it.
    kept = [rows[0], row(62, "来源：青川市应急管理局  发布时间：2024年7月16日", "preamble", doc_id=6)]
    said = sourced(source, ranked((kept[0], 1.0)), MemoryLookup(kept))
    assert said is not None and said[0] == "青川市应急管理局" and said[1][0].id == 62


def test_a_labelled_date_answers_only_when_the_publishing_is_asked() -> None:
    rows = [row(50, "某省住建厅公布第一批典型案例", "title", doc_id=5),
            row(51, "来源：某省住建厅  发布时间：2025年6月18日", "preamble", doc_id=5),
            row(52, "各地要在2025年9月底前完成整改。", "preamble", doc_id=5)]
    deadline = analysis("这批案例要求什么时候完成整改?", ["整改"])
    assert dated(deadline, ranked((rows[0], 1.0)), MemoryLookup(rows)) is None


def test_the_title_asked_for() -> None:
    a = analysis("这个通报标题叫什么?", ["通报"])
    got = titled(a, ranked((CASES[1], 1.0)), MemoryLookup([TITLE, PREAMBLE, *CASES]))
    assert got is not None and got[0] == "全省医保基金监管典型案例" and got[1][0].id == TITLE.id
    assert titled(analysis("这份通知是谁发的?", ["通知"]), ranked((TITLE, 1.0)),
                  MemoryLookup([TITLE])) is None
    # 全称 asks a body's full name more often than the document's.
    assert titled(analysis("这份通知里那个局的全称是什么?", ["通知"]), ranked((TITLE, 1.0)),
                  MemoryLookup([TITLE])) is None


def test_the_addressees_under_the_title() -> None:
    to = row(2, "各市（州）应急管理局，各消防救援支队，省属有关企业：", "preamble")
    lookup = MemoryLookup([TITLE, to, PREAMBLE, *CASES])
    a = analysis("这文件是发给哪些单位的?", ["文件"])
    got = addressed(a, ranked((TITLE, 1.0)), lookup)
    assert got is not None and got[0] == "各市（州）应急管理局，各消防救援支队，省属有关企业"
    assert got[1][0].id == 2
    # No addressee line: left to the text (a sentence ending in a colon is none).
    intro = row(2, "现将有关情况通报如下：", "preamble")
    assert addressed(a, ranked((TITLE, 1.0)), MemoryLookup([TITLE, intro, *CASES])) is None


def test_which_bodies_issued_it_jointly_are_the_titles_not_a_preamble_clause() -> None:
    title = row(1, "甲省应急管理厅 甲省住房和城乡建设厅关于事故案例的通报", "title")
    joint = row(2, "省应急管理厅会同省公安厅、省总工会联合开展调查。", "preamble")
    a = analysis("这个通报是哪几个部门一起发的?", ["通报", "部门"], kind="who")
    got = this_document(a, ranked((title, 1.0)), MemoryLookup([title, joint]), NONE)
    assert got.answer == "甲省应急管理厅、甲省住房和城乡建设厅"


def test_the_nth_measure_under_the_heading_naming_what_is_asked() -> None:
    def measure(id: int, text: str, marker: str | None, heading: str | None,
                role: str = "body") -> PassageHit:
        hit = row(id, text, role, case=7, section=id, heading=heading)
        return replace(hit, section_marker=marker)

    rows = [TITLE, *CASES,
            measure(10, "下一步工作要求", None, "下一步工作要求", "heading"),
            measure(11, "一是压紧压实安全生产责任。", "一是", "压紧压实安全生产责任", "heading"),
            replace(measure(12, "各地要组织专题学习。", "一是", "压紧压实安全生产责任"),
                    section_id=11),
            measure(13, "二是深化重点领域专项整治。", "二是", "深化重点领域专项整治", "heading")]
    lookup = MemoryLookup(rows)
    a = analysis("通报最后提的第一条要求是啥", ["通报", "要求"])
    got = nth_measure(a, ranked((TITLE, 1.0)), lookup)
    assert got is not None and got[0] == "压紧压实安全生产责任"
    assert [p.id for p in got[1]] == [11, 12]  # the measure and what it goes on to say
    second = nth_measure(analysis("第二项要求是什么", ["要求"]), ranked((TITLE, 1.0)), lookup)
    assert second is not None and second[0] == "深化重点领域专项整治"
    # No heading names 措施, nor is there a third requirement: left to the text.
    assert nth_measure(analysis("第一条措施是啥", ["措施"]), ranked((TITLE, 1.0)), lookup) is None
    assert nth_measure(analysis("第三条要求是啥", ["要求"]), ranked((TITLE, 1.0)), lookup) is None
    # An article of a law is the text's to quote, not a measure of the notice.
    assert nth_measure(analysis("办法第一条要求什么", ["办法"]), ranked((TITLE, 1.0)),
                       lookup) is None


def test_the_title_of_the_case_asked_by_number() -> None:
    lookup = MemoryLookup([TITLE, PREAMBLE, *CASES])
    got = case_titled(analysis("案例二说的是什么?", []), ranked((CASES[0], 1.0)), lookup)
    assert got is not None and got[1][0].id == 5
    # No such case, or not asking what it is about: left to the text.
    assert case_titled(analysis("案例九说的是什么?", []), ranked((CASES[0], 1.0)), lookup) is None
    assert case_titled(analysis("案例二聘请了多少名监督员?", []), ranked((CASES[0], 1.0)),
                       lookup) is None
