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
from indexer.facts import QUANTITY_RE
from indexer.search import FactHit
from indexer.words import MEASURE_WORDS

_CLAUSE_BREAK = re.compile(r"[,;:。!?|]")
# A question asking for a total, in Chinese, pinyin or English.
_ASKS_TOTAL = re.compile(r"一共|总共|共计|合计|总计|累计|总数|总额|总量|\b(?:yigong|zonggong|heji|"
                         r"leiji|zongshu|total|altogether|in all)\b")
# Words before a figure that make it a total (总数达到186辆, 共计, 累计) …
_TOTAL = re.compile(r"总数|总量|总额|总计|合计|累计|共")  # 共 covers 共计, 一共, 总共
# … and ones that make it a figure per unit or a bound (每条最高2000元, 人均, 不超过).
_PER_UNIT = re.compile(r"每[^\d]{0,6}$|最高|最多|最低|不超过|不低于|人均|平均|单[次笔件]")
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

    def before(f: FactHit) -> str:
        body = by_id[f.passage_id].norm
        return words_before(body, body.find(f.norm))

    total = asks_total(a)
    if total:
        # "一共发了多少钱?" is not answered by 每条最高2000元: a figure per unit or a
        # ceiling is no total — none of those, no line.
        facts = [(f, r) for f, r in facts if not _PER_UNIT.search(before(f))]
        if not facts:
            return NONE

    def fit(item: tuple[FactHit, int]) -> tuple[float, float, float, int]:
        f, rank = item
        p = by_id[f.passage_id]
        body = p.norm
        pos = body.find(f.norm)
        after = _CLAUSE_BREAK.split(body[pos:pos + len(f.norm) + W.figure_words_after])[0]
        described = before(f)
        near = described + after
        s = sum(w for alts, w in weights if any(x in near for x in alts))
        # A total asked: of figures the question's words describe alike, the one the
        # text calls a total (校车总数达到186辆, 共计…).
        said_total = 1.0 if total and _TOTAL.search(described) else 0.0
        return (s, said_total, p.score, -rank)

    f, _ = max(facts, key=fit)
    p = by_id[f.passage_id]
    return Direct(clause_around(p, f.norm), p)


def words_before(text: str, at: int) -> str:
    """The words before a figure at ``at`` that describe it — not across a clause break
    (…医疗机构312家,查处…89家: 查处 belongs to the 89)."""
    return _CLAUSE_BREAK.split(text[max(0, at - W.figure_words_before):at])[-1]


def asks_total(a: Analysis) -> bool:
    """"一共多少辆?", "yigong duoshao": a total is asked."""
    return a.kind == "number" and _ASKS_TOTAL.search(a.norm) is not None


def no_total(a: Analysis, clause: str) -> bool:
    """A total asked and ``clause`` (normalised) gives figures only per unit or as a bound
    (每条最高2000元): it cannot answer, even as a whole clause."""
    if not asks_total(a):
        return False
    spots = [m.start() for m in QUANTITY_RE.finditer(clause)]
    return bool(spots) and all(_PER_UNIT.search(words_before(clause, at)) for at in spots)


__all__ = ["extract", "no_total"]
