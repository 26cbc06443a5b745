"""The confidence stage of bot/confidence.py, on tiny answers (no index)."""

from __future__ import annotations

from bot.answer import Answer, Passage
from bot.confidence import Calibration, core, gate, signals
from bot.understand import Analysis, Unit


def _passage(text: str, pid: int = 1, score: float = 1.0) -> Passage:
    return Passage(id=pid, text=text, score=score, doc="通报", doc_id=1, case=None,
                   case_id=None, case_title=None, section=None, section_id=None, role="body")


def _analysis(question: str, kind: str, *units: str) -> Analysis:
    return Analysis(question=question, norm=question, script="simplified", kind=kind,  # type: ignore[arg-type]
                    units=[Unit(text=u, alts=(u,), weight=1.0, known=True) for u in units])


def _answer(line: str, kind: str, *texts: str) -> Answer:
    passages = tuple(_passage(t, i, 1.0 - 0.1 * i) for i, t in enumerate(texts, 1))
    return Answer(question="?", found=True, answer=line, passages=passages, kind=kind)  # type: ignore[arg-type]


def test_core_strips_brackets_and_a_trailing_note() -> None:
    assert core("《食品安全法》(案例2 导语)") == "食品安全法"


def test_a_cut_body_name_is_a_signal() -> None:
    a = _analysis("专案组谁牵头", "who", "专案组", "牵头")
    s = signals(a, _answer("台州市公安局", "who", "台州市公安局环境犯罪侦查支队牵头成立专案组"))
    assert s is not None and s.sub_unit == 1.0 and s.in_evidence == 1.0
    s = signals(a, _answer("台州市公安局", "who", "台州市公安局牵头成立专案组"))
    assert s is not None and s.sub_unit == 0.0


def test_the_asked_measure_is_checked_against_the_answers_figure() -> None:
    a = _analysis("关闭了多少座矿山", "number", "关闭", "矿山")
    exact = signals(a, _answer("关闭小型露天矿山27座", "number", "依法关闭小型露天矿山27座。"))
    loose = signals(_analysis("关闭了多少个矿山", "number", "关闭", "矿山"),
                    _answer("改造3260户", "number", "关闭矿山,完成改造3260户。"))
    assert exact is not None and exact.unit_exact == 1.0 and exact.adjacent > 0
    assert loose is not None and loose.unit_loose == 1.0 and loose.unit_exact == 0.0


def test_coverage_counts_the_questions_units_in_the_evidence() -> None:
    a = _analysis("江油修了多少公里水渠", "number", "江油", "水渠")
    s = signals(a, _answer("修复损毁沟渠42公里", "number", "西充县修复损毁沟渠42公里。"))
    assert s is not None and s.coverage == 0.0 and s.missing == 1.0


def test_no_direct_answer_no_signals() -> None:
    a = _analysis("什么", "what")
    assert signals(a, Answer(question="?", found=False, answer=None, passages=())) is None


def test_the_gate_withholds_below_the_threshold_and_keeps_the_evidence() -> None:
    a = _analysis("专案组谁牵头", "who", "专案组")
    ans = _answer("台州市公安局", "who", "台州市公安局环境犯罪侦查支队牵头成立专案组")
    doubt = Calibration(bias=0.0, weights={"sub_unit": -5.0}, threshold=0.5)
    trust = Calibration(bias=0.0, weights={"sub_unit": 5.0}, threshold=0.5)
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
