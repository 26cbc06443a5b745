"""The answer core: ``Engine.answer(question) -> Answer``, pure of any channel.

The engine reads as its list of stages, each a small module with one job:

====================  ======================================================================
understand            :mod:`bot.understand` — clean, classify, weigh the question's units,
                      expand them (typos, pinyin, English, synonyms); :mod:`bot.intent`,
                      :mod:`bot.focus` — what else it asks
retrieve              :mod:`bot.retrieve` — BM25 candidates from FTS5
rank                  :mod:`bot.rank` — weighted coverage of the question, plus hints
about the notice      :mod:`bot.about` — questions about the document itself
narrow                :mod:`bot.narrow` — keep passages of the asked answer type
found                 :mod:`bot.found` — does the best passage answer at all?
extract               :mod:`bot.extract` — the direct answer, one module per kind
assemble              :mod:`bot.assemble` — the reply's passages in reading order
refine                :mod:`bot.refine` — the answer line checked against its quote
confidence            :mod:`bot.confidence` — show the answer line, or only the evidence
====================  ======================================================================

Every weight and threshold is in :data:`bot.weights.WEIGHTS`.  The CLI, the terminal chat,
the web page and every Telegram handler call :meth:`Engine.answer`.
"""

from __future__ import annotations

from pathlib import Path

from bot.about import (
    addressed,
    case_titled,
    counted_cases,
    dated,
    nth_measure,
    numbered,
    sourced,
    this_document,
    titled,
    with_this_document,
)
from bot.analysis import Analysis
from bot.assemble import EMPTY, assemble, matched_terms, not_found_message, related
from bot.calibration import CALIBRATION
from bot.confidence import Calibration, gate
from bot.extract import extract
from bot.found import MODEL, FoundModel, answerable, answering_first, asked_of, is_found
from bot.narrow import narrow
from bot.rank import RANKING, Features, rank, referred_to
from bot.refine import refine
from bot.reply import Answer, Passage, Status, passage_of
from bot.retrieve import retrieve
from bot.understand import Analyzer, is_askable
from indexer.search import Searcher


class Engine:
    """The answering service over one index."""

    def __init__(self, searcher: Searcher, analyzer: Analyzer,
                 calibration: Calibration | None = CALIBRATION, refining: bool = True,
                 ranking: Features = RANKING, found: FoundModel | None = MODEL) -> None:
        self.searcher = searcher
        self.analyzer = analyzer
        self.refining = refining  # check the direct answer against its quote (bot/refine.py)
        # Whether a direct answer is shown (bot/confidence.py); None shows every one
        # (scripts/fit_confidence.py fits the model on the ungated answers).
        self.calibration = calibration
        # The ranking's weights (bot/rank.py); scripts/fit_rank.py scores other ones.
        self.ranking = ranking
        # Whether the best passage answers (bot/found.py); None: whenever it can
        # (scripts/fit_found.py fits the model on those answers).
        self.found = found

    @classmethod
    def create(cls, searcher: Searcher, data_dir: Path) -> Engine:
        return cls(searcher, Analyzer(searcher, data_dir / "synonyms.tsv",
                                      data_dir / "glossary_en.tsv"))

    def understand(self, question: str) -> Analysis:
        """Stage *understand*: what the question asks, read once."""
        return self.analyzer.analyze(question)

    def ranked(self, a: Analysis) -> list[Passage]:
        """Stages *retrieve* and *rank*: the candidates, best first."""
        hits = retrieve(a, self.searcher)
        return rank(a, hits, self.ranking, referred_to(hits, self.searcher))

    def answer(self, question: str, top: int = 3) -> Answer:
        a = self.understand(question)
        if not is_askable(a.question):
            return Answer(question=a.question, found=False, answer=None, passages=(),
                          script=a.script, message=EMPTY, notice=a.notice, status=Status.EMPTY)
        ranked = self.ranked(a)
        about_notice = a.intent.about_notice
        if about_notice:
            ranked = with_this_document(a, ranked, self.searcher)
            told = (dated(a, ranked, self.searcher) or numbered(a, ranked, self.searcher)
                    or titled(a, ranked, self.searcher) or addressed(a, ranked, self.searcher)
                    or sourced(a, ranked, self.searcher))
            if told is not None:
                return self._from_structure(a, *told)
        told = nth_measure(a, ranked, self.searcher) or case_titled(a, ranked, self.searcher)
        if told is not None:
            return self._from_structure(a, *told)
        candidates = ranked
        ranked = answering_first(a, narrow(a, ranked, self.searcher))
        asked = asked_of(a, ranked)  # the places the question names, read once
        if not is_found(a, ranked, self.found, asked):
            counted = (counted_cases(a, candidates[0].doc_id, self.searcher)
                       if about_notice and candidates else None)
            if counted is not None:
                # The text does not say how many cases it has: its structure does.
                return self._from_structure(a, *counted)
            return Answer(question=a.question, found=False, answer=None, passages=(),
                          kind=a.kind, script=a.script,
                          message=not_found_message(a, self.searcher), notice=a.notice,
                          terms=matched_terms(a), status=Status.NOT_FOUND,
                          related=related(candidates))
        direct = extract(a, answerable(a, ranked, asked), self.searcher)
        if about_notice:
            direct = this_document(a, ranked, self.searcher, direct)
        passages = assemble(a, ranked, direct, top, self.searcher)
        answer = Answer(
            question=a.question, found=True, answer=direct.answer, passages=tuple(passages[:top]),
            kind=a.kind, script=a.script, notice=a.notice,
            more=tuple(passages[top:top + 30]), terms=matched_terms(a))
        if self.refining:
            answer = refine(a, answer)
        if self.calibration is None or about_notice:
            # About the document itself the answer comes from its structure and
            # metadata (its batch, issuer, date), not from a sentence's wording.
            return answer
        return gate(a, answer, self.calibration)

    def _from_structure(self, a: Analysis, line: str, passages: list[Passage],
                        top: int = 3) -> Answer:
        """An answer about the document read from its structure (a date line, its cases)."""
        return Answer(question=a.question, found=True, answer=line,
                      passages=tuple(passages[:top]), more=tuple(passages[top:]), kind=a.kind,
                      script=a.script, notice=a.notice, terms=matched_terms(a))

    def passage(self, passage_id: int) -> Passage | None:
        """One passage by id, for browsing (the 上下文 button, /p/<id> links)."""
        row = self.searcher.passages([passage_id]).get(passage_id)
        return passage_of(row, 0.0, []) if row else None


__all__ = ["Answer", "Engine", "Passage", "Status"]
