"""Stage *extract*: the short direct answer, one extractor module per kind of question.

Each extractor takes the question's analysis, the ranked passages and the index's facts
and returns the answer line with the passage that is its evidence (or nothing).  A new
kind of direct answer is one new module here plus one row in :data:`EXTRACTORS`.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.analysis import Analysis, Kind
from bot.extract import document, number, where, who
from bot.extract.clauses import best_clause
from bot.extract.direct import NONE, Direct
from bot.extract.document import alias
from bot.lookup import Lookup
from bot.reply import Passage

Extractor = Callable[[Analysis, list[Passage], Lookup], Direct]

EXTRACTORS: dict[Kind, Extractor] = {
    "who": who.extract,
    "document": document.extract,
    "number": number.extract,
    "when": number.extract,
    "where": where.extract,
}


def extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """The direct answer and its evidence: a defined short name, the kind's extractor, or
    else the clause of the best sentence that answers the question's focus."""
    defined = alias(a, searcher)
    if defined is not None:
        return defined
    kind_extractor = EXTRACTORS.get(a.kind)
    found = kind_extractor(a, ranked, searcher) if kind_extractor else NONE
    if found.answer is None and (a.kind != "what" or a.focus or a.intent.keywords_only):
        # No fact fits: the clause of the best sentence that answers the
        # question's focus (…探索2+N监管模式 for 探索的是什么监管模式?).
        best = found.evidence or ranked[0]
        return found._replace(answer=best_clause(best, a))
    return found


__all__ = ["EXTRACTORS", "Direct", "Extractor", "extract"]
