"""Question-understanding and answer rules, on a small made-up announcement.

The announcement below is invented for this file (a province, a county and towns
that do not exist); each test asks one rule's kind of question of it.
"""

from __future__ import annotations

import pytest

from bot.analysis import Analysis
from bot.answer import Answer
from bot.service import Casebot
from bot.understand import classify
from indexer.normalize import normalize

ANNOUNCEMENT = """\
青川省农业农村厅关于通报耕地保护典型案例（第二批）的通知

各市、县农业农村局：
青川省人民政府印发《青川省耕地保护和质量提升三年行动方案》（以下简称《行动方案》）以来，为深入贯彻《行动方案》，省农业农村厅、省自然资源厅、省财政厅联合组织评选，从各地报送的40个案例中遴选出4个典型案例，形成耕地保护典型案例（第二批），现予以通报。本批案例涉及撂荒地整治和耕地执法两类。

一、云岭县整治撂荒地
云岭县农业农村局牵头，在云岭县白沙镇、黄石镇开展撂荒地整治，共复耕撂荒地2600亩。
（一）规范土地流转。县农业农村局制定土地流转合同示范文本，引导农户依法流转承包地。全县选聘网格田长356名，排查整治问题点位62处。
（二）推进秸秆还田。白沙镇推广秸秆粉碎深翻还田技术，每亩补助80元。县农技中心派出专家入户指导，全年培训种植户1200人次。
2022年黄石镇启动高标准农田建设。
二、石门市宝安区强化执法
石门市宝安区、龙岗区联合开展耕地执法检查，对违法占用耕地行为作出行政处罚，罚款合计12万元。
执法人员进入有限空间检查时，严格落实“先通风、再检测、后作业”要求。
2023年5月12日，龙岗区召开现场推进会。
三、秸秆综合利用示范点建设
云岭县青坪镇建成秸秆综合利用示范点，年处理秸秆3万吨。

下一步，各地要持续加大耕地保护力度。

青川省农业农村厅　2025年3月18日
"""


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    folder = tmp_path_factory.mktemp("rules")
    path = folder / "announcement.txt"
    path.write_text(ANNOUNCEMENT, encoding="utf-8")
    service = Casebot.open(folder / "rules.db", build=True)
    service.index([path], rebuild=True)
    # These tests are of the rules' proposals; whether a direct answer is shown is the
    # confidence gate's decision (tests/bot/test_confidence.py).
    service.engine.calibration = None
    return service


def ask(svc: Casebot, question: str) -> Answer:
    return svc.answer(question)


def analyze(svc: Casebot, question: str) -> Analysis:
    return svc.engine.analyzer.analyze(question)


# --- question words do not cut topic words the index has -------------------------------

@pytest.mark.parametrize(("question", "word", "cut"), [
    ("土地流转有什么规定?", "土地", "土"),  # 地 is a question word
    ("谁来入户指导?", "指导", "导"),  # 指 is a question word
    ("秸秆还田每亩补助多少?", "还田", "田"),  # 还 is a question word
    ("有限空间检查要注意什么?", "有限", "限"),  # 有 is a question word
])
def test_question_words_keep_topic_words(svc: Casebot, question: str, word: str, cut: str) -> None:
    texts = [u.text for u in analyze(svc, question).units]
    assert word in texts, texts
    assert cut not in texts, texts


@pytest.mark.parametrize(("question", "phrase"), [
    ("有限空间检查要注意什么?", "有限空间"),
    ("土地流转有什么规定?", "土地流转"),
])
def test_question_word_not_stripped_from_topic(svc: Casebot, question: str, phrase: str) -> None:
    assert phrase in "".join(u.text for u in analyze(svc, question).units)


@pytest.mark.parametrize(("question", "expected"), [
    ("土地流转有什么规定?", "土地流转合同示范文本"),
    ("谁来入户指导?", "入户指导"),
    ("秸秆还田每亩补助多少?", "每亩补助80元"),
    ("有限空间检查要注意什么?", "先通风"),
])
def test_topic_word_questions_answered(svc: Casebot, question: str, expected: str) -> None:
    a = ask(svc, question)
    assert a.found
    assert expected in a.passages[0].text


# --- where --------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "撂荒地整治在哪几个镇开展?",
    "执法检查在哪些区开展?",
    "示范点在哪个村?",
    "哪些街道参加了?",
    "哪几个乡镇受益?",
])
def test_which_places_classify_as_where(question: str) -> None:
    assert classify(normalize(question)) == "where"


@pytest.mark.parametrize(("question", "kind"), [
    ("选聘了多少个网格田长?", "number"),
    ("黄石镇高标准农田建设是哪天启动的?", "when"),
])
def test_place_in_question_does_not_make_it_where(question: str, kind: str) -> None:
    assert classify(normalize(question)) == kind


@pytest.mark.parametrize(("question", "expected"), [
    # 哪几个/哪些: all the places of the narrowest level, not the county before them.
    ("撂荒地整治在哪几个镇开展?", "白沙镇、黄石镇"),
    ("执法检查在哪些区开展?", "宝安区、龙岗区"),
    # One place: the narrowest, with the wider place written right before it.
    ("秸秆综合利用示范点建在哪里?", "云岭县青坪镇"),
])
def test_where_answers_narrowest_place(svc: Casebot, question: str, expected: str) -> None:
    a = ask(svc, question)
    assert a.kind == "where"
    assert a.found
    assert a.answer == expected


# --- how many -----------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "count"), [
    ("选聘了多少个网格田长?", "356名"),  # 个 asked, 名 said
    ("排查整治了多少个问题点位?", "62处"),  # 个 asked, 处 said
])
def test_how_many_in_another_measure(svc: Casebot, question: str, count: str) -> None:
    a = ask(svc, question)
    assert a.found
    assert a.answer is not None and count in a.answer


def test_batch_never_answers_how_many(svc: Casebot) -> None:
    a = ask(svc, "一共遴选出多少个案例?")
    assert a.found
    assert a.answer is not None
    assert "4个" in a.answer
    assert "批" not in a.answer


def test_batch_answers_which_batch(svc: Casebot) -> None:
    a = ask(svc, "这是第几批案例?")
    assert a.found
    assert a.answer is not None and "第二批" in a.answer


def test_other_batch_not_found(svc: Casebot) -> None:
    assert ask(svc, "第二批耕地保护典型案例有哪些?").found  # the control: this batch is
    assert not ask(svc, "第一批耕地保护典型案例有哪些?").found


# --- when ---------------------------------------------------------------------------------

def test_which_day_not_answered_by_a_year(svc: Casebot) -> None:
    a = ask(svc, "黄石镇高标准农田建设是哪天启动的?")
    assert a.answer != "2022年"
    assert a.answer is None or "日" in a.answer


def test_which_day_answered_by_a_day(svc: Casebot) -> None:
    a = ask(svc, "龙岗区现场推进会是哪天召开的?")
    assert a.found
    assert a.answer == "2023年5月12日"


# --- the preamble -------------------------------------------------------------------------

def test_what_the_notice_implements_full_title(svc: Casebot) -> None:
    # The preamble cites 《行动方案》, an alias of the full title given before it.
    a = ask(svc, "这个通知是贯彻哪个文件的")
    assert a.found
    assert a.answer == "《青川省耕地保护和质量提升三年行动方案》"


def test_who_jointly(svc: Casebot) -> None:
    a = ask(svc, "这些案例是哪些部门一起评的")
    assert a.found
    assert a.answer is not None
    for body in ("省农业农村厅", "省自然资源厅", "省财政厅"):
        assert body in a.answer
    assert "联合" in a.answer


def test_date_after_signature(svc: Casebot) -> None:
    a = ask(svc, "这个通知啥时候发的")
    assert a.found
    assert a.answer is not None and a.answer.endswith("2025年3月18日")
    assert "2023年5月12日" not in a.answer


# --- a heading's sentences before the heading ---------------------------------------------

def test_heading_follows_its_sentences(svc: Casebot) -> None:
    a = ask(svc, "推进秸秆还田有什么做法?")
    assert a.found
    top = a.passages[0].text
    assert not top.startswith("（二）")
    assert top in ("白沙镇推广秸秆粉碎深翻还田技术，每亩补助80元。",
                   "县农技中心派出专家入户指导，全年培训种植户1200人次。")


# --- off-topic questions ------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "云岭县明天会下雨吗",
    "白沙镇明天会下雨吗?",
])
def test_everyday_words_make_off_topic_not_found(svc: Casebot, question: str) -> None:
    units = analyze(svc, question).units
    texts = [u.text for u in units]
    assert "明天" in texts and "下雨" in texts, texts
    assert not any(u.known for u in units if u.text in ("明天", "下雨"))
    assert not ask(svc, question).found


# --- English ------------------------------------------------------------------------------

def test_english_word_through_dictionary(svc: Casebot) -> None:
    units = analyze(svc, "How much were the fines?").units
    fines = next(u for u in units if u.text == "fines")
    assert "罚款" in fines.alts
    a = ask(svc, "How much were the fines?")
    assert a.found
    assert "罚款" in a.passages[0].text


def test_english_word_the_documents_lack(svc: Casebot) -> None:
    units = analyze(svc, "How to apply for a visa?").units
    visa = next(u for u in units if u.text == "visa")
    assert not visa.known
    assert not ask(svc, "How to apply for a visa?").found


def test_a_long_paste_is_answered_by_its_question() -> None:
    from bot.understand import MAX_QUESTION_CHARS, clean

    article = "库尔勒香梨产业近年来发展很快,种植面积不断扩大。" * 30
    question, notice = clean(article + "请问香梨的品牌价值是多少?")
    assert question == "请问香梨的品牌价值是多少?"
    assert notice is not None and notice.startswith("问题过长")
    english, _ = clean("A forwarded report. " * 40 + "Which department revised the regulation?")
    assert english == "Which department revised the regulation?"
    # No question in it: the start, as before, with the notice saying so.
    plain, notice = clean("香梨产业发展" * 200)
    assert len(plain) == MAX_QUESTION_CHARS and notice is not None
