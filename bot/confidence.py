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

from indexer.normalize import normalize
from indexer.terms import organisations

if TYPE_CHECKING:
    from bot.answer import Answer
    from bot.understand import Analysis

# The kinds a direct answer can have; each gets its own intercept.
KINDS = ("who", "document", "number", "where", "when", "what")

_CLAUSE_BREAK = re.compile(r"[,，;；。!！?？:：]")
_DECORATION = re.compile(r"[《》“”\"'‘’()（）\s]")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?")
_FIGURE_WITH_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:万|亿)?([^\d\s，,。；;、]{0,4})")
# A body continues after the span when one of these follows within a few characters:
# 台州市公安局 | 环境犯罪侦查支队 — the answer named the parent, the sentence its unit.
_SUB_UNIT = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:支队|大队|中队|分局|分院|办公室|中心|科|处|站|所)")
_ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
_FINER_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:市|县|区|镇|乡|街道|村)")
_SEVERAL = re.compile(r"哪些|哪几|几个部门|几家单位|哪两|哪三|几部门|和谁|还有谁|联合|一起")
_CHANGE_ASKED = re.compile(r"(?:增|涨|降|减|少|多|提高|提升|下降|上升)了?(?:多少|几)")
# The change itself is the figure right after the verb (提高55个百分点, 降幅达88.5%), not
# the level it reached (提高到96%, 提升至98.7%).
_CHANGE_SAID = re.compile(r"(?:增长|增加|提高|提升|下降|减少|降低|上升|降幅|增幅|涨幅|多|少)"
                          r"(?:了|达|为|达到)?\d")


@dataclass(frozen=True)
class Signals:
    """What the evidence says about a proposed direct answer (all numbers, for the model)."""

    kind: str
    in_evidence: float  # the answer's text stands in the first quoted passage
    coverage: float  # weighted share of the question's units found in that passage
    context_coverage: float  # … in the passage with its case title and section heading
    missing: float  # the heaviest unit found in neither, as a share of the heaviest unit
    clause_coverage: float  # … found in the clause that holds the answer (or the answer)
    unit_exact: float  # how-many: the asked measure follows a figure of the answer (多少座 → 27座)
    unit_loose: float  # … only a measure the asked one stands for does (多少个 → 3260户)
    unit_missing: float  # … a measure was asked and no figure of the answer carries it
    adjacent: float  # how-many: share of the question's units just before the answer's figure
    figures: float  # figures in the answer line (several: it is a clause, not a figure)
    rivals_who: float  # other bodies in the passage (log 1+n), for a who-answer
    rivals_number: float  # other figures (of the asked measure, if any) for a how-many answer
    rivals_where: float  # other places, for a where-answer
    sub_unit: float  # the named body continues into a sub-unit (a cut name)
    finer_place: float  # the named place continues into a finer one (县 → 镇, 市 → 区)
    not_a_body: float  # a who-answer in which no body's name can be found
    one_of_several: float  # the question asks for several bodies or places, the answer names one
    change_asked: float  # how-many asks for a change (增/降/少了/多了), answer has no change word
    length: float  # characters of the answer line, log
    margin: float  # the first passage's lead over the second, relative
    latin: float  # share of the question written in Latin letters (English, pinyin)

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


def _rivals(kind: str, passage: str, answer_norm: str, wanted: tuple[str, ...]) -> int:
    if kind == "who":
        return sum(1 for o in dict.fromkeys(organisations(passage))
                   if o not in answer_norm and answer_norm not in o)
    if kind == "number":
        figures = [m for m in _FIGURE_WITH_UNIT.finditer(passage)
                   if not wanted or any(m.group(2).startswith(u) for u in wanted)]
        return max(0, len(figures) - 1)
    if kind == "where":
        from indexer.facts import places

        return sum(1 for p in dict.fromkeys(places(passage)) if p not in answer_norm)
    return 0


def signals(analysis: Analysis, answer: Answer) -> Signals | None:
    """The signals of ``answer``'s direct answer; None when it has none."""
    from bot.answer import wanted_units

    if not answer.answer or not answer.passages:
        return None
    kind = answer.kind if answer.kind in KINDS else "what"
    piece = core(answer.answer)
    texts = [normalize(p.text) for p in answer.passages[:2]]
    first = texts[0]
    units = [(u.alts, u.weight) for u in analysis.units if u.known]
    clause = _clause_with(first, piece) or piece
    top = answer.passages[0]
    context = first + normalize(" ".join(x for x in (top.case_title, top.section) if x))
    wanted = wanted_units(analysis.norm) if kind == "number" else ()
    match = _unit_match(wanted, piece)
    after = first[first.find(piece) + len(piece):] if piece and piece in first else ""
    scores = [p.score for p in answer.passages[:2]]
    margin = (scores[0] - scores[1]) / abs(scores[0]) if len(scores) == 2 and scores[0] else 1.0
    letters = sum(len(m.group(0)) for m in _ASCII_WORD.finditer(analysis.question))
    return Signals(
        kind=kind,
        in_evidence=1.0 if piece and piece in first else 0.0,
        coverage=_covered(units, first),
        context_coverage=_covered(units, context),
        missing=_missing(units, context),
        clause_coverage=_covered(units, clause + piece),
        unit_exact=1.0 if match == 1.0 else 0.0,
        unit_loose=1.0 if match == 0.5 else 0.0,
        unit_missing=1.0 if match == -1.0 else 0.0,
        adjacent=_adjacent(units, first, piece, wanted) if kind == "number" else 0.0,
        figures=float(min(4, len(_FIGURE.findall(piece)))),
        rivals_who=math.log1p(_rivals(kind, first, piece, wanted)) if kind == "who" else 0.0,
        rivals_number=(math.log1p(_rivals(kind, first, piece, wanted))
                       if kind == "number" else 0.0),
        rivals_where=(math.log1p(_rivals(kind, first, piece, wanted))
                      if kind == "where" else 0.0),
        sub_unit=1.0 if kind == "who" and after and _SUB_UNIT.match(after) else 0.0,
        finer_place=1.0 if kind == "where" and after and _FINER_PLACE.match(after) else 0.0,
        not_a_body=1.0 if kind == "who" and not organisations(piece) else 0.0,
        one_of_several=(1.0 if kind in ("who", "where") and _SEVERAL.search(analysis.norm)
                        and "、" not in piece and "和" not in piece else 0.0),
        change_asked=(1.0 if kind == "number" and _CHANGE_ASKED.search(analysis.norm)
                      and not _CHANGE_SAID.search(piece) else 0.0),
        length=math.log1p(len(piece)),
        margin=max(-1.0, min(1.0, margin)),
        latin=min(1.0, letters / max(1, len(analysis.question))),
    )


def gate(analysis: Analysis, answer: Answer, calibration: Calibration) -> Answer:
    """``answer`` as it is, or without its direct answer when the model doubts it."""
    s = signals(analysis, answer)
    if s is None or calibration.probability(s) >= calibration.threshold:
        return answer
    return replace(answer, answer=None)
