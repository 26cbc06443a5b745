"""The facts the indexer extracted (issuance, quantity, date, place, subject, alias) for the
passages an answer is chosen from — the one read of the fact table the extractors share."""

from __future__ import annotations

from collections.abc import Sequence

from bot.lookup import Lookup
from bot.reply import Passage
from bot.weights import WEIGHTS as W
from indexer.search import FactHit


def facts_for(searcher: Lookup, kinds: Sequence[str], ranked: list[Passage],
              limit: int = W.answer_pool_size) -> list[tuple[FactHit, int]]:
    """Facts of the given kinds in the top ``limit`` passages, with the passage's rank."""
    order = {p.id: i for i, p in enumerate(ranked[:limit])}
    facts = searcher.facts(kinds, order)
    return sorted(((f, order[f.passage_id]) for f in facts), key=lambda x: x[1])


__all__ = ["facts_for"]
