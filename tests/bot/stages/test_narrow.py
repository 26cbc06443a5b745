"""bot/narrow.py: the passages that can answer the kind of question asked."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.found import answers_nothing
from bot.narrow import narrow, ordinals, same_ordinal, typed_fact
from bot.reply import passage_of
from bot.weights import WEIGHTS as W
from indexer.normalize import normalize
from tests.bot.stages.kit import MemoryLookup, analysis, fact, ranked, row

QUESTION = "首都机场搞雷达管制花了多少钱?"
UNITS = [("首都机场", 3.0), ("雷达", 3.0), ("管制", 2.0), ("投资", 2.0)]
BEST = row(1, "为实现以首都机场为中心的雷达管制，民航缩小了垂直间隔。")


def test_a_sentence_right_after_the_best_match_may_hold_the_figure() -> None:
    nxt = row(2, "在两年多的时间里，共投资了3亿元人民币。")
    lookup = MemoryLookup([BEST, nxt], [fact(2, "quantity", "3亿元")])
    a = analysis(QUESTION, UNITS, kind="number")
    out = narrow(a, ranked((BEST, 0.8)), lookup)
    assert [p.id for p in out] == [2, 1]
    assert out[0].carried == normalize(BEST.text)  # what it is about, for the found checks


def test_only_when_it_says_what_the_best_match_lacks() -> None:
    nxt = row(2, "在两年多的时间里，共花了3亿元人民币。")  # 投资 unsaid: the two say too little
    lookup = MemoryLookup([BEST, nxt], [fact(2, "quantity", "3亿元")])
    a = analysis(QUESTION, UNITS, kind="number")
    assert narrow(a, ranked((BEST, 0.8)), lookup) == []


def test_not_from_another_document_nor_in_another_measure() -> None:
    other = row(2, "共投资了3亿元人民币。", doc_id=2)
    lookup = MemoryLookup([BEST, other], [fact(2, "quantity", "3亿元")])
    a = analysis(QUESTION, UNITS, kind="number")
    assert narrow(a, ranked((BEST, 0.8)), lookup) == []
    count = row(2, "共投资建设项目40个。")
    lookup = MemoryLookup([BEST, count], [fact(2, "quantity", "40个")])
    assert narrow(a, ranked((BEST, 0.8)), lookup) == []


def test_a_case_reports_place_is_read_from_its_opening() -> None:
    """"江阴那家公司的司机怎么处理的?": the case title names 无锡市, the case's first sentence
    江阴市某公司 — the sentence that answers names neither, and still answers."""
    title = "无锡市查处危险货物运输企业动态监控不落实案"
    opening = row(1, "2025年5月，执法支队抽查发现江阴市某化工物流公司车辆长时间离线。",
                  role="lead", case=3, case_title=title)
    answer = row(2, "二是对3名连续驾驶超过4小时的驾驶员依法予以处罚。", role="lead", case=3,
                 case_title=title)
    lookup = MemoryLookup([opening, answer])
    a = analysis("江阴那家公司连续驾驶的司机怎么处理的?",
                 [("江阴", 3.0), ("公司", 1.0), ("连续", 2.0), ("驾驶", 2.0)], kind="what")
    best = narrow(a, ranked((answer, 0.8)), lookup)[0]
    assert "江阴市" in best.opening
    assert not answers_nothing(a, best)
    assert answers_nothing(a, ranked((answer, 0.8))[0])  # read alone, it names no place asked


def test_a_storys_place_is_read_from_its_opening() -> None:
    """"安庆12315今年收了多少投诉?": an interview names its city in its subtitle and lead
    only — a turn of it that answers names none, and still answers; a sentence of another
    report, under an opening naming another city, does not."""
    interview = [row(1, "让“放心消费”成为城市名片", role="title", doc_title="让“放心消费”成为城市名片"),
                 row(2, "——访安庆市市场监督管理局局长方志远", role="case_title",
                     doc_title="让“放心消费”成为城市名片"),
                 row(3, "今年以来，安庆市以创建放心消费城市为抓手推进放心消费建设。",
                     doc_title="让“放心消费”成为城市名片"),
                 row(4, "方志远：今年1至5月，全市12315平台共受理投诉举报9214件。",
                     doc_title="让“放心消费”成为城市名片")]
    other = [row(5, "合肥开展预付式消费专项整治", role="title", doc_id=2, doc_title="合肥整治"),
             row(6, "今年以来，12315平台共受理预付式消费投诉3126件。", doc_id=2,
                 doc_title="合肥整治")]
    lookup = MemoryLookup([*interview, *other])
    a = analysis("安庆今年12315收了多少投诉",
                 [("安庆", 3.0), ("今年", 1.0), ("12315", 3.0), ("投诉", 2.0)], kind="what")
    answer, elsewhere = narrow(a, ranked((interview[3], 0.8), (other[1], 0.7)), lookup)[:2]
    assert "安庆市" in answer.opening
    assert not answers_nothing(a, answer)
    assert answers_nothing(a, ranked((interview[3], 0.8))[0])  # read alone, it names none
    assert answers_nothing(a, elsewhere)


def test_which_business_keeps_a_sentence_pointing_back_at_one() -> None:
    first = row(1, "经查，施工总承包单位青屏某建筑工程有限公司拖欠农民工工资。")
    then = row(2, "此外，该公司未按规定开设农民工工资专用账户。")
    elsewhere = row(3, "此外，该公司未按规定开设专用账户。", doc_id=2)
    a = analysis("哪家公司没开工资专用账户?", [("专用", 2.0), ("账户", 2.0)], kind="who")
    assert [p.id for p in narrow(a, ranked((then, 1.0)), MemoryLookup([first, then]))] == [2]
    # Not when the sentence before is another document's.
    assert narrow(a, ranked((elsewhere, 1.0)), MemoryLookup([first, elsewhere])) == []


def test_why_puts_the_sentence_giving_the_cause_first() -> None:
    a = analysis("恒泰化工为什么会炸?", ["恒泰化工", "爆炸"], kind="what")
    assert a.intent.asks_cause
    told = row(1, "2024年3月18日,恒泰化工硝化车间发生爆炸。", case=1, heading="事故经过")
    under = row(2, "园区管委会对企业检修作业监管缺位。", case=1, heading="原因分析")
    said = row(3, "事故直接原因是检修人员违规动火。", case=1, heading="原因分析")
    elsewhere = row(4, "该矿事故直接原因是顶板冒落。", case=2, heading="原因分析")
    best = W.found_threshold + 0.1
    near = best - W.cause_case_slack + 0.05  # below the threshold, within the slack
    assert near < W.found_threshold
    pool = [passage_of(told, 1.0, [], coverage=best), passage_of(under, 0.6, [], coverage=near),
            passage_of(said, 0.5, [], coverage=near),
            passage_of(elsewhere, 0.4, [], coverage=near)]
    out = narrow(a, pool, MemoryLookup([told, under, said, elsewhere]))
    # The cause said, then the one under 原因分析, then the rest; another case's cause is
    # no nearer for giving one; a cause lifted from the case is as found as the best match.
    assert [p.id for p in out] == [3, 2, 1, 4]
    assert out[0].covers >= W.found_threshold
    # Not a why-question: the ranking stands.
    b = analysis("恒泰化工什么时候爆炸的?", ["恒泰化工", "爆炸"], kind="what")
    assert [p.id for p in narrow(b, pool, MemoryLookup([told, under, said, elsewhere]))] == [
        1, 2, 3, 4]


def test_a_case_asked_by_number_keeps_its_passages_only() -> None:
    first = row(1, "甲公司被处以罚款95万元。", case=3)
    other = row(2, "对监理单位处以罚款45万元。", case=4)
    pool = ranked((other, 1.0), (first, 0.9))
    a = analysis("第三个案例是怎么处罚的?", [("罚款", 1.0)], kind="what")
    assert a.intent.case_asked == 3
    assert [p.id for p in narrow(a, pool, MemoryLookup([first, other]))] == [1]
    # No such case among the candidates: the ranking stands.
    b = analysis("案例九是怎么处罚的?", [("罚款", 1.0)], kind="what")
    assert [p.id for p in narrow(b, pool, MemoryLookup([first, other]))][:1] == [2]


def test_a_weak_match_the_found_model_accepts_must_hold_the_asked_type_too() -> None:
    weak = (W.weak_match_floor + W.found_threshold) / 2  # may be found, no strong match
    fought = row(1, "经过9个小时扑救,明火全部扑灭。")
    flown = row(2, "出动直升机3架参与扑救。")
    a = analysis("扑救山火出动了几架直升机?", ["扑救", "出动"], kind="number")
    assert a.intent.measures[0] == "架"
    only_hours = MemoryLookup([fought], [fact(1, "quantity", "9个小时")])
    assert narrow(a, [replace(p, coverage=weak) for p in ranked((fought, weak))],
                  only_hours) == []
    both = MemoryLookup([fought, flown], [fact(1, "quantity", "9个小时"),
                                          fact(2, "quantity", "3架")])
    out = narrow(a, [replace(p, coverage=weak) for p in ranked((fought, weak), (flown, weak))],
                 both)
    assert [p.id for p in out] == [2, 1]
    assert out[0].covers == weak  # first, not raised to a strong match


@pytest.mark.parametrize(("fact", "units", "ordinal", "day", "clock", "typed"), [
    ("4860个", ("个",), False, False, False, True),
    ("4860个", ("家",), False, False, False, False),  # another measure
    ("第二批", (), False, False, False, False),  # an ordinal, none asked
    ("第二批", ("批",), True, False, False, True),
    ("2024年10月", (), False, True, False, False),  # 哪天: a month says no day
    ("5月20日", (), False, True, False, True),
    ("1月10日", (), False, False, True, False),  # 几点: a day says no time of day
    ("11时50分", (), False, False, True, True),
    # 哪天几点: the day and the time are facts of their own; either is of the asked type.
    ("14时20分许", (), False, True, True, True),
    ("3月17日", (), False, True, True, True),
    ("2024年3月", (), False, True, True, False),
    # 有多长: an area is in no length.
    ("46平方米", ("米",), False, False, False, False),
    ("386mg/kg", ("毫克",), False, False, False, True),
])
def test_a_fact_of_the_asked_type(fact: str, units: tuple[str, ...], ordinal: bool, day: bool,
                                  clock: bool, typed: bool) -> None:
    assert typed_fact(fact, units, ordinal, day, clock) is typed


def test_a_sentence_of_the_best_matchs_case_ranked_above_it_holds_the_figure() -> None:
    """The penalty sentence (its case's words said by the case's title) scores above the
    sentence that covers most of the question: it is of the same case, nearly as good."""
    fined = row(1, "县市场监管局没收并销毁侵权白酒186瓶，并处罚款22万元。", case=6)
    told = row(2, "假冒名酒利润高、危害大，损害了消费者的身体健康。", case=6)
    lookup = MemoryLookup([fined, told], [fact(1, "quantity", "22万元")])
    a = analysis("卖假白酒的商行罚款多少", ["白酒", "商行", "罚款"], kind="number")
    pool = ranked((fined, 0.74), (told, 0.63))
    pool = [replace(pool[0], coverage=W.found_threshold - W.same_case_slack / 2),
            replace(pool[1], coverage=W.found_threshold + 0.01)]
    assert [p.id for p in narrow(a, pool, lookup)][:1] == [1]
    # Of another case, it is no stand-in.
    other = [replace(pool[0], case_id=5), pool[1]]
    assert [p.id for p in narrow(a, other, lookup)][:1] != [1]


def test_a_telephone_number_asked_is_no_count_to_narrow_to() -> None:
    """"consumer complaint hotline number": read as a how-many question, it is answered by
    the number to dial, which is no figure of a measure — the passages stay."""
    told = row(1, "如发现违法经营行为，可拨打12315投诉举报电话。")
    a = analysis("consumer complaint hotline number", ["投诉", "电话"], kind="number")
    assert a.intent.asks_phone
    assert [p.id for p in narrow(a, ranked((told, 0.8)), MemoryLookup([told]))] == [1]


@pytest.mark.parametrize(("text", "said"), [
    ("天元战第二轮比赛1月7日继续进行", {("轮", 2)}),
    ("第十二届天元战今天战罢首轮", {("届", 12), ("轮", 1)}),
    ("今天战罢最后一轮", {("轮", 0)}),  # the last of a series
    ("第一次会议", set()),  # 第一次 is as often "for the first time"
])
def test_ordinals(text: str, said: set[tuple[str, int]]) -> None:
    assert ordinals(text) == said


def test_a_sentence_of_another_round_tells_of_another_event() -> None:
    """"第二轮哪天下?": the reports of the first and the last rounds are left out when a
    candidate names the second; the ones naming no round stay."""
    last = row(1, "第十二届天元战今天战罢最后一轮。")
    first = row(2, "第十二届天元战今天战罢首轮。")
    none = row(3, "两位九段在天元战连闯两关。")
    second = row(4, "第二轮比赛1月7日继续进行。")
    a = analysis("第十二届天元战第二轮哪天下?", ["天元战", "第二轮"])
    kept = same_ordinal(a, ranked((last, 1.0), (first, 0.9), (none, 0.8), (second, 0.5)))
    assert [p.id for p in kept] == [3, 4]
    # No candidate names the second round: nothing to tell them apart by.
    assert len(same_ordinal(a, ranked((last, 1.0), (first, 0.9)))) == 2
