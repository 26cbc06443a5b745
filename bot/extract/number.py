"""Extractor *number* (and *when*): the figure or date that answers, in the clause it stands in.

"有多少家?" is answered by a quantity fact of the asked measure (家, or any count for
多少个), described by the question's words next to it — not across a clause break;
"什么时候?" by a date fact the same way.
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.extract.clauses import clause_around
from bot.extract.direct import NONE, Direct
from bot.extract.facts import ORDINAL, facts_for
from bot.lookup import Lookup
from bot.reply import Passage
from bot.weights import WEIGHTS as W
from indexer.search import FactHit
from indexer.words import MEASURE_WORDS

_CLAUSE_BREAK = re.compile(r"[,;:。!?|]")
_HOW_MANY = re.compile(r"(?:多少|几)(?:个)?(?:" + "|".join(
    sorted(MEASURE_WORDS, key=len, reverse=True)) + ")?")


def extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """The figure (or date) of the best passages that the question's words describe."""
    best_score = ranked[0].score
    pool = [p for p in ranked[:W.answer_pool_size] if p.score >= best_score - W.value_pool]
    units = a.intent.measures if a.kind == "number" else ()
    ordinal = a.intent.asks_ordinal
    facts = [(f, r) for f, r in facts_for(
        searcher, ["date" if a.kind == "when" else "quantity"], pool)
        if (not units or any(f.norm.endswith(u) for u in units))
        and (ordinal or not ORDINAL.match(f.norm))]
    if not facts:
        return NONE
    by_id = {p.id: p for p in pool}
    # "有多少批不合格?", "没收了多少个煤气罐?": the words right after 多少/几 say what is
    # counted — the figure they describe answers, not another of the same sentence
    # (共抽检…580批次,其中不合格58批次).
    asked = _HOW_MANY.search(a.norm)
    tail = a.norm[asked.end():asked.end() + W.counted_words_chars] if asked else ""
    weights = [(u.alts, u.weight * (W.counted_word_factor if u.text in tail else 1.0))
               for u in a.units]

    def fit(item: tuple[FactHit, int]) -> tuple[float, float, int]:
        f, rank = item
        p = by_id[f.passage_id]
        body = p.norm
        pos = body.find(f.norm)
        # The words next to a figure describe it, but not across a clause
        # break (…医疗机构312家,查处…89家: 查处 belongs to the 89).
        start = max(0, pos - W.figure_words_before)
        before = _CLAUSE_BREAK.split(body[start:pos])[-1]
        after = _CLAUSE_BREAK.split(body[pos:pos + len(f.norm) + W.figure_words_after])[0]
        near = before + after
        s = sum(w for alts, w in weights if any(x in near for x in alts))
        return (s, p.score, -rank)

    f, _ = max(facts, key=fit)
    p = by_id[f.passage_id]
    return Direct(clause_around(p, f.norm), p)


__all__ = ["extract"]
