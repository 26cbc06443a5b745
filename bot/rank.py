"""Stage *rank*: each candidate scored by how much of the question it covers.

Units are weighted by rarity (``bot.understand``); a unit found only in the case title or
section heading the sentence stands under counts for less (a place the case is about
counts fully); BM25 adds a little; small hints prefer the kind of sentence the question
wants.  Pure: the candidates come from :mod:`bot.retrieve`, every weight from
:data:`bot.weights.WEIGHTS`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.analysis import Analysis, Kind
from bot.intent import BATCH
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from indexer.facts import places
from indexer.normalize import normalize, normalize_many
from indexer.search import PassageHit
from indexer.words import PLACE_TAILS


def rank(a: Analysis, hits: list[tuple[PassageHit, float]]) -> list[Passage]:
    """The candidates as passages, best first (ties by passage id)."""
    if not hits:
        return []
    top_bm25 = max(score for _, score in hits) or 1.0
    total = a.total_weight or 1.0
    scored: list[Passage] = []
    bodies = normalize_many([row.text for row, _ in hits])
    # Plain loops, not generators: this runs units × candidates times per question.
    units = [(u.alts, u.weight) for u in a.units]
    in_charge = bool(a.frame)
    # "发的是什么告知书?" asks for a 告知书 by name: a sentence naming one
    # (《…告知书》, “…”模式) answers it, whatever else the question says.
    focus = a.focus if a.kind in ("what", "document") else None
    asked = [x for u in a.units for x in u.alts if len(x) >= 2]
    batch = a.intent.batch
    named = (re.compile(rf"《[^》]*{re.escape(focus)}》|”{re.escape(focus)}")
             if focus and len(focus) >= 2 else None)
    for (row, bm25), body in zip(hits, bodies, strict=True):
        context: str | None = None  # only looked at for units the body lacks
        covered = 0.0
        matched: list[str] = []
        for alts, weight in units:
            for x in alts:
                if x in body:
                    covered += weight
                    matched.append(x)
                    break
            else:
                if context is None:
                    context = heading_context(row.doc_title, row.case_title, row.section_heading)
                for x in alts:
                    if x in context:
                        # Named by the case or section it stands under (西充县's
                        # 一田一档): said, though not in this sentence.  A place
                        # the case is about holds for all its sentences.
                        covered += (weight if names_place(x, context)
                                    else W.heading_only_credit * weight)
                        break
        share = covered / total
        score = (share + W.bm25_share * (bm25 / top_bm25)
                 + kind_hint(a.kind, body, row, in_charge))
        if batch and batch not in body:
            ctx = context or heading_context(row.doc_title, row.case_title, row.section_heading)
            if batch not in ctx and BATCH.search(body + ctx):
                # 第一批 asked, 第二批 said: another batch, not this one.
                score -= W.other_batch_penalty
        if named is not None and named.search(body):
            score += W.named_focus_bonus
        if a.kind == "where" and any(
                not any(x in p for x in asked) for p in places(body)):
            # "在哪?" is answered by a sentence naming a place the question does not.
            score += W.new_place_bonus
        if in_charge and row.role == "lead" and share >= W.in_charge_lead_share:
            # Who is in charge of a case is said in its lead paragraph; among
            # equally good matches it wins.
            score += W.in_charge_lead_bonus
        scored.append(passage_of(row, score, matched))
    scored.sort(key=lambda p: (-p.score, p.id))
    return scored


@lru_cache(maxsize=8192)
def names_place(word: str, context: str) -> bool:
    """Whether ``word`` stands in ``context`` as a place (佛山 in 佛山市…)."""
    pos = context.find(word)
    after = context[pos + len(word):pos + len(word) + 1] if pos >= 0 else ""
    return after in PLACE_TAILS or word[-1:] in PLACE_TAILS


@lru_cache(maxsize=8192)
def heading_context(doc_title: str, case_title: str | None, section_heading: str | None) -> str:
    """A sentence stands under its document's title, its case and its section (normalised;
    cached: the same headings come back question after question)."""
    return normalize(" ".join(filter(None, (doc_title, case_title, section_heading))))


def kind_hint(kind: Kind, body: str, row: PassageHit, in_charge: bool = False) -> float:
    """A small preference for the kind of sentence the question wants."""
    if row.role in ("title", "case_title", "heading"):
        # A heading names a topic; a sentence under it says something about it.
        return W.heading_hint
    if row.role == "lead":
        # Among equally good matches the case's lead paragraph is the overview.
        return W.lead_hint
    # "Who issued《…》?" wants the issuing sentence; "who is in charge?" does not.
    if kind in ("who", "document") and "《" in body and not in_charge:
        return W.kind_hint
    if kind == "number" and re.search(r"\d", body):
        return W.kind_hint
    return 0.0


__all__ = ["heading_context", "kind_hint", "names_place", "rank"]
