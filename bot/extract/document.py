"""Extractor *document*: which document, and who issued it, from the index's issuance facts.

"哪个部门修订了畜禽屠宰管理条例?" and "出台了什么办法?" are answered by a fact
``X修订《Y》`` of the best passages: the one whose side the question does not name fits
it best.  "文中的《意见》指的是哪个文件?" is answered by an alias fact (以下简称).
"""

from __future__ import annotations

from bot.analysis import Analysis
from bot.extract.direct import NONE, Direct
from bot.extract.facts import facts_for
from bot.lookup import Lookup
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.normalize import normalize
from indexer.search import FactHit, PassageHit


def issuance_pool(ranked: list[Passage]) -> list[Passage]:
    """The passages close enough to the best one for their issuance facts to answer."""
    best_score = ranked[0].score
    return [p for p in ranked[:W.answer_pool_size] if p.score >= best_score - W.issuance_pool]


def extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """The document (or documents) the best passages say were issued, with who issued them."""
    return issued(a, issuance_pool(ranked), searcher) or NONE


def issued(a: Analysis, pool: list[Passage], searcher: Lookup) -> Direct | None:
    """The issuance fact of ``pool`` that fits the question best, as an answer line;
    None when the pool holds none."""
    by_id = {p.id: p for p in pool}
    candidates = [(f, r) for f, r in facts_for(searcher, ["issuance"], pool)]
    if not candidates:
        return None
    weights = {u.text: u.weight for u in a.units}

    def fit(f: FactHit) -> float:
        target = normalize(f.object or "") if a.kind == "who" else normalize(f.subject or "")
        other = normalize(f.subject or "") if a.kind == "who" else normalize(f.object or "")
        s = 0.0
        for u in a.units:
            if any(x in target for x in u.alts):
                s += weights[u.text]
            elif any(x in other for x in u.alts) or (f.action and f.action in u.alts):
                s += W.other_side_credit * weights[u.text]
        return s

    f, _ = max(candidates, key=lambda fr: (fit(fr[0]), -fr[1]))
    p = by_id[f.passage_id]
    where = f"({p.case_label or f'案例{p.case}'})" if p.case else ""
    if a.kind == "who":
        if not f.subject:
            return Direct(None, p)
        lead = inherited_from_lead(f.subject, p, searcher)
        if lead is not None:
            # "修訂《…條例》" names no actor: the case's lead does (自治區市場監管、…等部門).
            # Quoted after the evidence, at its own relevance (0 when not a candidate).
            support = by_id.get(lead.id) or passage_of(lead, 0.0, [])
            return Direct(f"《{f.object}》由{f.subject}{f.action}{lead_note(p)}", p, (support,))
        return Direct(f"《{f.object}》由{f.subject}{f.action}{where}", p)
    same = [g for g, _ in candidates if g.subject == f.subject and g.passage_id == f.passage_id]
    # (One title may be issued by two verbs of the sentence, 制定下发了《…》: said once.)
    titles = "、".join(f"《{t}》" for t in list(dict.fromkeys(g.object for g in same))[:4])
    actor = f"{f.subject}" if f.subject else ""
    return Direct(f"{actor}{f.action}{titles}{where}", p)


def inherited_from_lead(actor: str, p: Passage, searcher: Lookup) -> PassageHit | None:
    """The lead paragraph of ``p``'s case, when ``actor`` is not named in ``p`` (nor earlier
    in its section) but in that lead: the index gave the sentence its case's actor."""
    norm_actor = normalize(actor)
    if p.case_id is None or norm_actor in p.norm or p.role == "lead":
        return None
    if p.section_id is not None and any(
            r.id < p.id and norm_actor in normalize(r.text)
            for r in searcher.section_passages(p.section_id)):
        return None  # said earlier in the same section: the reader sees it there
    for row in searcher.case_passages(p.case_id, roles=("lead",)):
        if norm_actor in normalize(row.text):
            return row
    return None


def lead_note(p: Passage) -> str:
    """The note after an actor taken from ``p``'s case lead: (案例2 导语)."""
    return f"({p.case_label or f'案例{p.case}'} 导语)"


def alias(a: Analysis, searcher: Lookup) -> Direct | None:
    """"文中的《意见》指的是哪个文件?": a short name defined by 以下简称 → the full title."""
    if not a.intent.asks_alias:
        return None
    for f in searcher.facts(["alias"]):
        if f"《{f.norm}》" in a.norm or (a.intent.asks_full_name and f.norm in a.norm):
            row = searcher.passages([f.passage_id]).get(f.passage_id)
            if row is not None and f.object:
                return Direct(f"《{f.subject}》即《{f.object}》", passage_of(row, 0.0, []))
    return None


# A standard's code written after its title (《食品安全国家标准 食品中污染物限量》（GB 2762—2022）):
# what an official cites the standard by.
_STANDARD_CODE = regex.compile(r"\s*[（(]\s*((?:GB|DB|HJ|NY|QB|SB|WS|YY|SN|LY|JJG|JGJ)[\w/.—–\-\s]{2,24}?)"
                               r"\s*[）)]")


def with_standard_code(found: Direct, ranked: list[Passage]) -> Direct:
    """A document line with the code the text writes right after a standard's title, as written
    (哪个国家标准? → 《食品安全国家标准 食品中污染物限量》（GB 2762—2022））: a title alone is
    not what a standard is cited by."""
    if found.answer is None or not found.answer.endswith("》") or "、" in found.answer:
        return found
    # (Found in the normalised text, whose offsets are the text's: 标准　食品 may be spaced
    # otherwise than the line.)
    title = normalize(found.answer[found.answer.rfind("《"):])
    quoting = found.evidence or next((p for p in ranked if title in p.norm), None)
    at = quoting.norm.find(title) if quoting is not None else -1
    code = (_STANDARD_CODE.match(quoting.text, at + len(title))
            if quoting is not None and at >= 0 else None)
    if code is None:
        return found
    return found._replace(answer=f"{found.answer}（{code.group(1).strip()}）")


__all__ = ["alias", "extract", "inherited_from_lead", "issuance_pool", "issued", "lead_note", "with_standard_code"]
