"""The confidence stage of bot/confidence.py, on tiny answers (no index)."""

from __future__ import annotations

import pytest

from bot.analysis import Analysis, Unit
from bot.answer import Answer, Passage
from bot.confidence import Calibration, core, gate, signals
from bot.intent import read_intent


def _passage(text: str, pid: int = 1, score: float = 1.0) -> Passage:
    return Passage(id=pid, text=text, score=score, doc="通报", doc_id=1, case=None,
                   case_id=None, case_title=None, section=None, section_id=None, role="body")


def _analysis(question: str, kind: str, *units: str) -> Analysis:
    return Analysis(question=question, norm=question, script="simplified", kind=kind,  # type: ignore[arg-type]
                    units=[Unit(text=u, alts=(u,), weight=1.0, known=True) for u in units],
                    intent=read_intent(question, question))


def _answer(line: str, kind: str, *texts: str) -> Answer:
    passages = tuple(_passage(t, i, 1.0 - 0.1 * i) for i, t in enumerate(texts, 1))
    return Answer(question="?", found=True, answer=line, passages=passages, kind=kind)  # type: ignore[arg-type]


def test_core_strips_brackets_and_a_trailing_note() -> None:
    assert core("《食品安全法》(案例2 导语)") == "食品安全法"


def test_a_line_without_a_body_is_a_signal_for_who() -> None:
    a = _analysis("专案组谁牵头", "who", "专案组", "牵头")
    body = signals(a, _answer("台州市公安局", "who", "台州市公安局牵头成立专案组"))
    none = signals(a, _answer("共排查持证排污单位", "who", "共排查持证排污单位"))
    assert body is not None and body.not_a_body == 0.0
    assert none is not None and none.not_a_body == 1.0
    # Bodies named as a list are bodies, though none of the names ends in a suffix.
    listed = signals(_analysis("哪个部门修订了条例", "who", "修订", "条例"), _answer(
        "《条例》由自治区市场监管、农业农村、公安等部门修订(案例2 导语)", "who",
        "自治区市场监管、农业农村、公安等部门修订《条例》"))
    assert listed is not None and listed.not_a_body == 0.0


def test_the_asked_measure_and_the_thing_counted() -> None:
    a = _analysis("关闭了多少座矿山", "number", "关闭", "矿山")
    exact = signals(a, _answer("关闭小型露天矿山27座", "number", "依法关闭小型露天矿山27座。"))
    loose = signals(_analysis("收了多少个煤气罐", "number", "煤气罐"),
                    _answer("改造3260户", "number", "完成瓶改管改造3260户。"))
    assert exact is not None and exact.unit_loose == 0.0 and exact.adjacent > 0
    assert loose is not None and loose.unit_loose == 1.0 and loose.adjacent == 0.0


def test_a_change_asked_and_not_stated() -> None:
    a = _analysis("使用率涨了多少", "number", "使用率")
    level = signals(a, _answer("使用率提高到96%", "number", "使用率提高到96%。"))
    change = signals(a, _answer("提高55个百分点", "number", "使用率提高到96%,提高55个百分点。"))
    assert level is not None and level.change_asked == 1.0
    assert change is not None and change.change_asked == 0.0


def test_one_named_where_several_are_asked() -> None:
    a = _analysis("是哪几个部门联合执法", "who", "执法")
    one = signals(a, _answer("市自然资源局", "who", "市自然资源局、市农业农村局联合执法"))
    two = signals(a, _answer("市自然资源局、市农业农村局", "who", "市自然资源局、市农业农村局联合执法"))
    assert one is not None and one.one_of_several == 1.0
    assert two is not None and two.one_of_several == 0.0


def test_coverage_counts_the_questions_units_in_the_evidence() -> None:
    a = _analysis("江油修了多少公里水渠", "number", "江油", "水渠")
    s = signals(a, _answer("修复损毁沟渠42公里", "number", "西充县修复损毁沟渠42公里。"))
    assert s is not None and s.clause_coverage == 0.0 and s.missing == 1.0


def test_the_clause_is_read_where_the_answer_is_written() -> None:
    # An actor from the case's lead: its clause is in the passage that holds it.
    a = _analysis("肉类监管哪些部门一起抓", "who", "肉类", "监管")
    s = signals(a, _answer("市场监管、公安等部门", "who", "修订屠宰条例。",
                           "市场监管、公安等部门强化肉类全链条监管。"))
    assert s is not None and s.clause_coverage == 1.0


def test_a_table_row_is_one_clause_and_its_asked_column_is_a_signal() -> None:
    row = ("名称:澄州市惠邻超市有限公司 | 违法事实:销售超过保质期的纯牛奶12盒。 | 处罚内容:罚款5万元 | "
           "处罚机关:澄州市市场监督管理局澜江分局")
    fine = signals(_analysis("惠邻超市罚了多少钱", "number", "惠邻", "超市"),
                   _answer("罚款5万元", "number", row))
    # The party's cell and the fine's cell state one fact: the row is the fine's clause.
    assert fine is not None and fine.clause_coverage == 1.0 and fine.column_asked == 0.0
    body = signals(_analysis("卖过期牛奶的超市是哪个分局罚的", "who", "牛奶", "分局"),
                   _answer("澄州市市场监督管理局澜江分局", "who", row))
    assert body is not None and body.column_asked == 1.0
    prose = signals(_analysis("卖过期牛奶的超市是哪个分局罚的", "who", "牛奶", "分局"),
                    _answer("澄州市市场监督管理局澜江分局", "who",
                            "澄州市市场监督管理局澜江分局对惠邻超市罚款5万元。"))
    assert prose is not None and prose.column_asked == 0.0


_CLAUSE = "会同温州市公安局开展跨市追查并成立专案组"
_UNTITLED = "对该机构依照有关法律法规的规定作出行政处罚决定"


@pytest.mark.parametrize(("question", "kind", "words", "span", "clause"), [
    ("专案组谁牵头", "who", ("专案组", "牵头"),
     ("台州市公安局", "台州市公安局牵头成立专案组"), (_CLAUSE, _CLAUSE)),
    # A document line is a span when it is a title; a clause without one is not.
    ("依据哪部法律处罚的", "document", ("处罚",),
     ("《中华人民共和国行政处罚法》", "依据《中华人民共和国行政处罚法》予以处罚。"),
     (_UNTITLED, _UNTITLED + "。")),
])
def test_a_whole_clause_where_a_typed_span_was_asked_is_a_long_line(
        question: str, kind: str, words: tuple[str, ...], span: tuple[str, str],
        clause: tuple[str, str]) -> None:
    a = _analysis(question, kind, *words)
    short = signals(a, _answer(span[0], kind, span[1]))
    long = signals(a, _answer(clause[0], kind, clause[1]))
    assert short is not None and short.long_line == 0.0
    assert long is not None and long.long_line == 1.0


def test_a_place_of_the_asked_level_and_the_asked_measure() -> None:
    a = _analysis("小区在哪个区", "where", "小区")
    assert a.intent.place_level == "区"
    right = signals(a, _answer("章贡区", "where", "章贡区某小区物业擅自涨价。"))
    wrong = signals(a, _answer("赣州市", "where", "赣州市某小区物业擅自涨价。"))
    assert right is not None and right.level_match == 1.0
    assert wrong is not None and wrong.level_match == -1.0
    n = _analysis("罚了多少万元", "number", "罚")
    exact = signals(n, _answer("罚款28万元", "number", "罚款28万元。"))
    other = signals(n, _answer("下架房源486条", "number", "下架房源486条。"))
    assert exact is not None and exact.unit_exact == 1.0
    assert other is not None and other.unit_exact == 0.0


@pytest.mark.parametrize(("question", "line", "exact"), [
    ("戴碧蓉是哪一年救的幼童", "1968年9月14日", 1.0),
    ("张北地震是几点发生的", "今天上午11时50分", 1.0),
    ("张北地震是几点发生的", "1月10日", 0.0),  # a day, not the time of day asked
    ("新东安市场是哪天开业的", "于1月18日重新开张营业", 1.0),
    ("新东安市场是哪天开业的", "1998年", 0.0),
    ("驾校造假是几月份查的", "今年6月", 1.0),
    ("新东安市场什么时候开业", "1月18日", 0.0),  # nothing finer than 什么时候 asked
])
def test_when_the_line_gives_the_asked_year_month_day_or_time(
        question: str, line: str, exact: float) -> None:
    s = signals(_analysis(question, "when", "开业"), _answer(line, "when", f"据悉,{line}。"))
    assert s is not None and s.unit_exact == exact and s.unit_loose == 0.0


def test_when_the_questions_words_just_before_the_date() -> None:
    a = _analysis("新东安市场哪天开业", "when", "新东安市场", "开业")
    near = signals(a, _answer("1月18日", "when", "新东安市场于1月18日重新开业。"))
    far = signals(a, _answer("1月18日", "when", "1月18日,北京下了一场大雪。"))
    assert near is not None and near.adjacent > 0
    assert far is not None and far.adjacent == 0.0


def test_no_direct_answer_no_signals() -> None:
    a = _analysis("什么", "what")
    assert signals(a, Answer(question="?", found=False, answer=None, passages=())) is None


def test_the_gate_withholds_below_the_threshold_and_keeps_the_evidence() -> None:
    a = _analysis("专案组谁牵头", "who", "专案组")
    ans = _answer("台州市公安局", "who", "台州市公安局环境犯罪侦查支队牵头成立专案组")
    doubt = Calibration(bias=0.0, weights={"kind_who": -5.0}, threshold=0.5)
    trust = Calibration(bias=0.0, weights={"kind_who": 5.0}, threshold=0.5)
    withheld = gate(a, ans, doubt)
    assert withheld.answer is None and withheld.passages == ans.passages and withheld.found
    assert gate(a, ans, trust) is ans


def test_probability_is_a_logistic_of_the_weighted_signals() -> None:
    a = _analysis("专案组谁牵头", "who", "专案组")
    s = signals(a, _answer("台州市公安局", "who", "台州市公安局牵头成立专案组"))
    assert s is not None
    assert Calibration(bias=0.0, weights={}, threshold=0.5).probability(s) == 0.5
    low = Calibration(bias=-1.0, weights={"kind_who": 0.0}, threshold=0.5).probability(s)
    high = Calibration(bias=-1.0, weights={"kind_who": 3.0}, threshold=0.5).probability(s)
    assert low < 0.5 < high


def _from(pid: int, doc_id: int, case_id: int | None, headline: str | None = None) -> Passage:
    return Passage(id=pid, text="消防部门查处违法行为3起。", score=1.0 - 0.1 * pid, doc="通报",
                   doc_id=doc_id, case=None, case_id=case_id, case_title=headline,
                   section=None, section_id=None, role="body")


@pytest.mark.parametrize(("sources", "share"), [
    ([(1, 5), (1, 5), (1, 5), (1, 5)], 1.0),  # all from the first's case
    ([(1, 5), (1, 6), (1, 5), (2, None)], 1 / 3),  # another case, another document
    ([(1, 5), (1, 5), (1, 5), (1, 5), (1, 6), (1, 6)], 1.0),  # only the next three count
    ([(1, 5)], 1.0),  # nothing after the first: nothing disagrees
])
def test_agreeing_counts_the_next_passages_from_the_firsts_case(
        sources: list[tuple[int, int | None]], share: float) -> None:
    passages = tuple(_from(i, doc, case) for i, (doc, case) in enumerate(sources, 1))
    answer = Answer(question="?", found=True, answer="3起", passages=passages[:3],
                    more=passages[3:], kind="number")
    s = signals(_analysis("查处了几起", "number", "查处"), answer)
    assert s is not None and s.agreeing == pytest.approx(share)


def test_news_articles_of_one_document_are_told_apart_by_their_headline() -> None:
    passages = (_from(1, 9, None, "甲地通报"), _from(2, 9, None, "乙地新闻"),
                _from(3, 9, None, "甲地通报"))
    s = signals(_analysis("查处了几起", "number", "查处"),
                Answer(question="?", found=True, answer="3起", passages=passages, kind="number"))
    assert s is not None and s.agreeing == pytest.approx(0.5)


def test_unknown_share_is_the_weight_of_what_the_index_lacks() -> None:
    a = _analysis("护照办理要多少钱", "number", "办理")
    a.units.append(Unit(text="护照", alts=("护照",), weight=3.0, known=False))
    s = signals(a, _answer("100元", "number", "办理费用100元。"))
    assert s is not None and s.unknown_share == pytest.approx(3.0 / 4.0)
    known = signals(_analysis("办理要多少钱", "number", "办理"),
                    _answer("100元", "number", "办理费用100元。"))
    assert known is not None and known.unknown_share == 0.0


@pytest.mark.parametrize(("score", "signal"), [(0.62, 0.62), (1.4, 1.0), (-0.1, 0.0)])
def test_top_score_is_the_first_passages_score_cut_to_0_1(score: float, signal: float) -> None:
    answer = Answer(question="?", found=True, answer="3起",
                    passages=(_passage("查处违法行为3起。", 1, score),), kind="number")
    s = signals(_analysis("查处了几起", "number", "查处"), answer)
    assert s is not None and s.top_score == pytest.approx(signal)
