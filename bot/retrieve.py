"""Stage *retrieve*: the question's words become an FTS5 query; BM25 proposes candidates.

The ranking stage (:mod:`bot.rank`) re-scores what this returns; retrieval only has to
put the answer among the candidates.
"""

from __future__ import annotations

import math

from bot.analysis import Analysis
from bot.lookup import Lookup
from bot.weights import WEIGHTS as W
from indexer.search import PassageHit


def retrieve(a: Analysis, searcher: Lookup) -> list[tuple[PassageHit, float]]:
    """BM25's best passages for the question's units, with their BM25 scores."""
    # A lone digit or letter (1 OR 1=1, NEAR(a b, 2)) is no topic to answer about.
    known = [u for u in a.units if u.known and (len(u.text) >= 3 or not u.text.isascii())]
    if not known:
        return []
    # Words in more than 1 of 50 passages (管理, 部门) make BM25 score thousands
    # of rows; retrieve by the rarer words first, and fall back to all of them.
    rare = a.search_terms(min_weight=math.log(1 + W.common_word_passages))
    hits = searcher.search_passages(rare, W.candidates) if rare else []
    if len(hits) < W.too_few_candidates:
        hits = searcher.search_passages(a.search_terms(), W.candidates)
    return hits


__all__ = ["retrieve"]
