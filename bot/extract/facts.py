"""The facts the indexer extracted (issuance, quantity, date, place, subject, alias) for the
passages an answer is chosen from — the one read of the fact table the extractors share."""

from __future__ import annotations

from collections.abc import Sequence

from bot.lookup import Lookup
from bot.reply import Passage
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.search import FactHit

# A rank or a batch (第16位, 第二批, 首批) answers 第几, never 多少/几个.
ORDINAL = regex.compile(r"第|首批")


def names_a_day(date: str) -> bool:
    """Whether a date fact (normalised) names a day — what 哪天 asks; 2025年 names none."""
    return "日" in date or "号" in date


def facts_for(searcher: Lookup, kinds: Sequence[str], ranked: list[Passage],
              limit: int = W.answer_pool_size) -> list[tuple[FactHit, int]]:
    """Facts of the given kinds in the top ``limit`` passages, with the passage's rank."""
    order = {p.id: i for i, p in enumerate(ranked[:limit])}
    facts = searcher.facts(kinds, order)
    return sorted(((f, order[f.passage_id]) for f in facts), key=lambda x: x[1])


# A measure asked by its Chinese name and written in a lab's symbols (多少毫克 → 386mg/kg).
_SYMBOLS = {"毫克": ("mg",), "微克": ("μg", "ug"), "克": ("g",), "千克": ("kg",), "公斤": ("kg",),
            "毫升": ("ml",), "升": ("l",), "度": ("℃",)}
_FIGURE = regex.compile(r"\d+(?:\.\d+)?\s?")


def said_in(figure: str, unit: str) -> bool:
    """Whether ``figure`` (normalised) is said in ``unit``: 46平方米 is an area, not in 米 (a
    length asked by 有多长); 386mg/kg is in 毫克."""
    if figure.endswith(unit):
        return unit.startswith(("平方", "立方")) or not figure[
            :len(figure) - len(unit)].endswith(("平方", "立方"))
    written = _FIGURE.sub("", figure, count=1)
    return any(written.startswith(symbol) for symbol in _SYMBOLS.get(unit, ()))


__all__ = ["ORDINAL", "facts_for", "names_a_day", "said_in"]
