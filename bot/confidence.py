"""Whether the bold answer line is shown: a calibrated confidence over signals of one answer.

An official reads the direct answer first and may act on it, so a wrong department or
figure there does more harm than none.  The answer core proposes a direct answer; this
stage measures how well the evidence supports it (:func:`signals`), turns the signals into
a probability that it is right with a logistic model fitted on the training question sets
(:mod:`bot.calibration`, written by ``scripts/fit_confidence.py``), and withholds the line
below the fitted threshold — the reply then shows the evidence without a direct answer.

Everything here is pure: no index, no I/O.  The signals read only the question's analysis
and the answer the core built, so the stage can be tested on tiny inputs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from bot.extract.business import businesses
from bot.extract.columns import asked_cells
from bot.extract.where import of_level
from bot.intent import CLOCK_ASKED
from bot.refine import states_change
from bot.weights import WEIGHTS as W
from corpus import regex
from corpus.lines import TABLE_CELLS
from indexer.normalize import normalize
from indexer.people import named_after_post
from indexer.terms import organisations

if TYPE_CHECKING:
    from bot.analysis import Analysis
    from bot.reply import Answer, Passage

# The kinds a direct answer can have; each gets its own intercept.
KINDS = ("who", "document", "number", "where", "when", "what")

_CLAUSE_BREAK = regex.compile(r"[,，;；。!！?？:：|]")
_DECORATION = regex.compile(r"[《》“”\"'‘’()（）\s]")
# A figure in digits or in Chinese numerals (170亿元, 五部门, 四级, 第一批).
_NUMBER = r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)"
_FIGURE_WITH_UNIT = regex.compile(rf"({_NUMBER})\s*(?:万|亿)?([^\d\s，,。；;、零一二两三四五六七八九十百千]{{0,4}})")
# Bodies named as a list (自治区市场监管、农业农村、公安等部门): a body, though no one name
# in it ends in a suffix.
_BODY_LIST = regex.compile(r"[\u4e00-\u9fff]{2,}(?:、[\u4e00-\u9fff]{2,})*等(?:部门|单位|机关|机构)")
_FINER_PLACE = regex.compile(r"^[\u4e00-\u9fff]{1,8}?(?:市|县|区|镇|乡|街道|村)")


@dataclass(frozen=True)
class Signals:
    """What the evidence says about a proposed direct answer (numbers for the model).

    Each says one thing about support; scripts/fit_confidence.py kept these because
    together they separate right from wrong answers best on the training sets' leave-one-
    set-out predictions (signals that only repeated these — plain coverage, the answer's
    length as a number, rival spans, the share of Latin letters — were dropped).  Whether
    the asked measure itself follows the figure, dropped in session 8, came back in session
    11 with whether a place is of the asked level: with the two new development sets each
    raised the leave-one-set-out ROC AUC (0.758 → 0.776 together).  Whether the passages
    after the first come from its article or case (``agreeing``, session 17) raised it
    0.779 → 0.800 and the pooled leave-one-set-out direct rate 0.334 → 0.378 at wrong
    0.014; of the next two, three, four or six passages, three was chosen on those
    training figures (0.804/0.359, 0.800/0.378, 0.798/0.379, 0.794/0.358).  The share of
    the question's weight the index lacks (``unknown_share``, weighed against) then raised
    the direct rate to 0.384 at wrong 0.013; tried with it and dropped: the share read
    rather than matched as typed (0.392, but a weight for it with no reading), how many
    known words the question has (0.385), the lead over the best passage of another
    article or case (0.367).  With the rules of that session (several bodies asked, a
    person asked as someone's; 0.805 / 0.391 before) the first passage's own score, cut
    to 0…1 (``top_score``), raised it to 0.806 / 0.401 at wrong 0.014 (cut at 1.5: 0.807 /
    0.403) — passage coverage, tried in sessions 8 and 11, had not: the score adds the
    ranking's hints and BM25 to what is said.  A table row is one clause (its cells state one
    record's fact) and whether the line is the cell of the column asked (``column_asked``)
    came in session 32 with two table sets: pooled leave-one-set-out direct 0.219 → 0.252 at
    wrong 0.008 → 0.009 (the row as a clause alone: 0.242 / 0.008); AUC 0.760 → 0.759.
    """

    kind: str
    clause_coverage: float  # weighted share of the question's units in the answer's clause
    missing: float  # the heaviest unit absent from passage, case title and section, 0…1
    adjacent: float  # how-many, when: share of the question's units just before the figure
    unit_loose: float  # how-many: only a measure the asked one stands for follows (个 → 户)
    unit_exact: float  # how-many: the asked measure itself follows a figure of the line;
    # when: the line gives the asked year, month, day or time of day
    level_match: float  # where, a level asked (哪个区): +1 the line is of it, -1 it is not
    finer_place: float  # where: a place-like word follows the named place (not a finer place)
    not_a_body: float  # who: neither a body's name nor a person named by a post (市长张建国)
    one_of_several: float  # who/where: several are asked for (哪些, 联合), the line names one
    change_asked: float  # how-many: a change is asked for (涨了多少), the line states none
    margin: float  # the first passage's lead over the second, relative, -1…1
    long_line: float  # who/where/number/when, a document without 《》: a whole clause, not a span
    agreeing: float  # share of the next three passages from the first's article or case
    unknown_share: float  # share of the question's weight the index lacks
    top_score: float  # the first passage's score (how much of the question it says), 0…1
    column_asked: float  # a table row's cell in the column the question asks (处罚机关)

    def vector(self) -> dict[str, float]:
        """Feature name → value, with the kind as one-hot intercepts."""
        values = {k: float(v) for k, v in asdict(self).items() if k != "kind"}
        for kind in KINDS:
            values[f"kind_{kind}"] = 1.0 if self.kind == kind else 0.0
        return values


@dataclass(frozen=True)
class Calibration:
    """A fitted logistic model: P(right) = σ(bias + Σ weight·signal); shown at ≥ threshold."""

    bias: float
    weights: Mapping[str, float]
    threshold: float
    fitted_on: tuple[str, ...] = ()

    def probability(self, s: Signals) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in s.vector().items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def core(answer_line: str) -> str:
    """The answer's words, normalised, without brackets, quotes and a trailing note."""
    text = re.sub(r"[(（][^()（）]*[)）]$", "", answer_line.strip())
    return _DECORATION.sub("", normalize(text))


def _clause_with(text: str, piece: str) -> str:
    """The clause of ``text`` (normalised) that holds ``piece``, or ``""``."""
    at = text.find(piece)
    if at < 0:
        return ""
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    end_m = _CLAUSE_BREAK.search(text, at + len(piece))
    return text[start:end_m.start() if end_m else len(text)]


def _covered(units: list[tuple[tuple[str, ...], float]], text: str) -> float:
    total = sum(w for _, w in units)
    if not total:
        return 0.0
    return sum(w for alts, w in units if any(a and a in text for a in alts)) / total


def _unit_match(wanted: tuple[str, ...], answer_norm: str) -> float:
    """+1 the first (the asked) measure follows a figure, +0.5 one it stands for (个 → 处),
    -1 none does, 0 nothing was asked."""
    if not wanted:
        return 0.0
    best = -1.0
    for m in _FIGURE_WITH_UNIT.finditer(answer_norm):
        if m.group(2).startswith(wanted[0]):
            return 1.0
        if any(m.group(2).startswith(u) for u in wanted):
            best = 0.5
    return best


# What a when-question asks for — a year, a month, a day, a time of day — and how a date
# that gives it reads (1968年, 3月下旬, 1月18日 or 18号, 11时50分).
_ASKED_TIMES = (
    (regex.compile(r"哪(?:一)?年|几几年|什么年份|哪个年份"), regex.compile(r"\d{2,4}年|[一二三四五六七八九〇零]{2,4}年")),
    (regex.compile(r"几月|哪(?:一)?个月|哪月"), regex.compile(r"月")),
    (regex.compile(r"哪(?:一)?天|(?<!第)几号|几日|哪日|哪一日|什么日子"), regex.compile(r"[日号]")),
    (regex.compile(CLOCK_ASKED), regex.compile(r"\d+[时点]|[一二三四五六七八九十]+[时点]|\d+:\d+")),
)


def _time_match(question: str, piece: str) -> float:
    """When: +1 the line gives what was asked (哪一年 → 1968年, 几点 → 11时50分), -1 it does
    not, 0 nothing finer than 什么时候 was asked."""
    asked = [said for asks, said in _ASKED_TIMES if asks.search(question)]
    if not asked:
        return 0.0
    return 1.0 if all(said.search(piece) for said in asked) else -1.0


def _level_match(level: str, piece: str) -> float:
    """+1 the line is a place of the asked level (哪个区 → 章贡区; 哪个省 → 河南), -1 it is
    not, 0 no level was asked."""
    if not level:
        return 0.0
    return 1.0 if of_level(piece, level) else -1.0


def _adjacent(units: list[tuple[tuple[str, ...], float]], passage: str, piece: str,
              wanted: tuple[str, ...]) -> float:
    """Share of the question's units in the dozen characters before the answer's figure:
    收缴液化石油气瓶4860个 — the thing counted stands right before its count."""
    figures = list(_FIGURE_WITH_UNIT.finditer(piece))
    if not figures:
        return 0.0
    chosen = next((m for m in figures if wanted and any(m.group(2).startswith(u)
                                                          for u in wanted)), figures[0])
    at = passage.find(chosen.group(0))
    if at < 0:
        return 0.0
    return _covered(units, passage[max(0, at - 12):at])


def _missing(units: list[tuple[tuple[str, ...], float]], text: str) -> float:
    heaviest = max((w for _, w in units), default=0.0)
    if not heaviest:
        return 0.0
    return max((w for alts, w in units if not any(a and a in text for a in alts)),
               default=0.0) / heaviest


def signals(analysis: Analysis, answer: Answer) -> Signals | None:
    """The signals of ``answer``'s direct answer; None when it has none."""
    if not answer.answer or not answer.passages:
        return None
    kind = answer.kind if answer.kind in KINDS else "what"
    piece = core(answer.answer)
    # The clause is read where the answer is written: the first quoted passage, or the
    # one holding it (an actor from the case's lead, a place from its title).
    holding = next((p for p in answer.passages if piece and piece in p.norm), None)
    first = (holding or answer.passages[0]).norm
    units = [(u.alts, u.weight) for u in analysis.units if u.known]
    # A table row is one record: its cells together state the fact, as a clause does in prose
    # (惠邻超市 in the 名称 cell, 罚款5万元 in the 处罚内容 cell).
    clause = first if TABLE_CELLS in first else (_clause_with(first, piece) or piece)
    top = answer.passages[0]
    context = first + normalize(" ".join(x for x in (top.case_title, top.section) if x))
    wanted = analysis.intent.measures if kind == "number" else ()
    after = first[first.find(piece) + len(piece):] if piece and piece in first else ""
    unit_match = (_unit_match(wanted, piece) if kind == "number"
                  else _time_match(analysis.norm, piece) if kind == "when" else 0.0)
    scores = [p.score for p in answer.passages[:2]]
    margin = (scores[0] - scores[1]) / abs(scores[0]) if len(scores) == 2 and scores[0] else 1.0
    return Signals(
        kind=kind,
        clause_coverage=_covered(units, clause + piece),
        missing=_missing(units, context),
        adjacent=(_adjacent(units, first, piece, wanted) if kind in ("number", "when")
                  else 0.0),
        unit_loose=1.0 if unit_match == 0.5 else 0.0,
        unit_exact=1.0 if unit_match == 1.0 else 0.0,
        level_match=_level_match(analysis.intent.place_level, piece) if kind == "where" else 0.0,
        finer_place=1.0 if kind == "where" and after and _FINER_PLACE.match(after) else 0.0,
        not_a_body=(1.0 if kind == "who" and not organisations(piece)
                    and not _BODY_LIST.search(piece) and not businesses(piece)
                    and not named_after_post(first, piece) else 0.0),
        one_of_several=(1.0 if kind in ("who", "where") and analysis.intent.several_answers
                        and "、" not in piece and "和" not in piece else 0.0),
        change_asked=(1.0 if kind == "number" and analysis.intent.asks_change
                      and not states_change(piece) else 0.0),
        margin=max(-1.0, min(1.0, margin)),
        agreeing=_agreeing((*answer.passages, *answer.more)),
        unknown_share=_unknown_share(analysis),
        top_score=min(1.0, max(0.0, top.score)),
        column_asked=1.0 if holding and any(piece in core(v) for v in asked_cells(analysis, holding))
        else 0.0,
        long_line=1.0 if len(piece) > 12 and (kind in ("who", "where", "number", "when") or (
            kind == "document" and "《" not in answer.answer)) else 0.0,
    )


def _source(p: Passage) -> tuple[object, ...]:
    """Where a passage stands: its document and case, or a news article (its headline)."""
    return p.doc_id, p.case_id, p.case_title


def _agreeing(passages: tuple[Passage, ...]) -> float:
    """Share of the passages ranked after the first that come from its article or case:
    where the question is met in one place, that place is more likely the one asked about
    than a passage standing alone among others'."""
    rest = passages[1:1 + W.agreeing_passages]
    if not rest:
        return 1.0
    return sum(_source(p) == _source(passages[0]) for p in rest) / len(rest)


def _unknown_share(analysis: Analysis) -> float:
    """Share of the question's weight in words the index has nowhere (a 护照 asked of text
    without one): the line answers a question partly about something else."""
    total = sum(u.weight for u in analysis.units)
    return sum(u.weight for u in analysis.units if not u.known) / total if total else 0.0


def gate(analysis: Analysis, answer: Answer, calibration: Calibration) -> Answer:
    """``answer`` as it is, or without its direct answer when the model doubts it."""
    s = signals(analysis, answer)
    if s is None or calibration.probability(s) >= calibration.threshold:
        return answer
    return replace(answer, answer=None)
