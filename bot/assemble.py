"""Stage *assemble*: the reply's passages in reading order, and the not-found message.

The evidence first; a bare heading followed by its section's sentences; one good match
followed by the sentences after it; few matches followed by the rest of their case
(更多结果); each wording once.  Not found says what the documents do cover, so the user
can rephrase.
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.expand.pinyin import is_pinyin
from bot.extract.direct import Direct
from bot.lookup import Lookup
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from indexer.normalize import is_cjk
from indexer.search import PassageHit

NOT_FOUND = ("文件中没有找到与这个问题直接相关的内容。可以换个说法,或用文件里的词提问,"
             "例如部门名称、文件名或措施名称。")
NOT_FOUND_EN = ("The documents say nothing directly about this question. Try other words — a "
                "department, a document title or a measure — or ask in Chinese.")
EMPTY = "请输入一个问题,例如:哪个部门修订了畜禽屠宰管理条例?"


def assemble(a: Analysis, ranked: list[Passage], direct: Direct, top: int,
             searcher: Lookup) -> list[Passage]:
    """Every passage of the reply in order: the first ``top`` are quoted, the rest are more.

    The answer line's evidence comes first, then what else it rests on (``direct.support``).
    """
    first = [p for p in (direct.evidence, *direct.support) if p is not None]
    if first:
        ids = {p.id for p in first}
        ranked = [*first, *[p for p in ranked if p.id not in ids]]
    ranked = expand_headings(distinct(ranked), searcher)
    if a.kind == "what":
        ranked = followed_up(ranked, top, searcher)
    if len(ranked) < 2 * top:
        ranked = with_context(ranked, searcher)
    return distinct(ranked)


def expand_headings(ranked: list[Passage], searcher: Lookup) -> list[Passage]:
    """A bare heading (一是…。) answers nothing: follow it with its section's sentences."""
    if not ranked or ranked[0].role not in ("heading", "case_title"):
        return ranked
    head = ranked[0]
    if head.role == "case_title":
        # A case title is a headline; its lead paragraph says the same in a
        # sentence (昌吉州将"小饭桌"作为…).  When the lead answers about as well,
        # quote it first, the title after it.
        lead = next((p for p in ranked[1:10] if p.case_id == head.case_id
                     and p.role == "lead" and p.score >= head.score - W.lead_over_title),
                    None)
        if lead is not None:
            return [lead, head, *[p for p in ranked[1:] if p.id != lead.id]]
    body = surroundings(head, searcher)
    if body is None:
        return ranked
    # They answer as well as their heading does; the list's order (theirs in the
    # section) is the reading order, the score stays the relevance.
    extra = [passage_of(row, head.score, list(head.terms))
             for row in body if (row.id != head.id and row.role == "body")
             or (head.role == "case_title" and row.id != head.id)]
    seen = {head.id, *(p.id for p in extra)}
    rest = [p for p in ranked[1:] if p.id not in seen]
    if head.role == "heading" and extra:
        # A heading (（二）发展助餐服务。) names the measure; its sentences say
        # what was done, and the citation shows the heading anyway.
        return [*extra[:W.heading_sentences], head, *rest]
    return [head, *extra[:W.heading_sentences], *rest]


def surroundings(head: Passage, searcher: Lookup) -> list[PassageHit] | None:
    """The sentences ``head`` stands among: its section's, else its case's lead."""
    if head.section_id is not None:
        return searcher.section_passages(head.section_id)
    if head.case_id is not None:
        return searcher.case_passages(head.case_id, roles=("lead",))
    return None


def followed_up(ranked: list[Passage], top: int, searcher: Lookup) -> list[Passage]:
    """One good match and weak ones after it: the sentences after the match say more.

    "联合河长制都有啥做法?" finds "…推行“联合河长制”。"; what it consists of
    follows in the same section (一是…, 二是…), not in sentences elsewhere that
    share a word with the question.
    """
    strong = [p for p in ranked[:top] if p.covers >= W.found_threshold]
    if len(strong) != 1 or len(ranked) < 2 or strong[0] is not ranked[0]:
        return ranked
    head = ranked[0]
    rows = surroundings(head, searcher)
    if rows is None:
        return ranked
    after = [r for r in rows if r.id > head.id and r.role in ("body", "lead")][:top - 1]
    if not after:
        return ranked
    follow = [passage_of(r, W.found_threshold, []) for r in after]
    ids = {p.id for p in follow}
    return [head, *follow, *[p for p in ranked[1:] if p.id not in ids]]


def with_context(ranked: list[Passage], searcher: Lookup) -> list[Passage]:
    """Few matches: follow them with the rest of the best passage's case (更多结果).

    The sentences around an answer are what a reader turns to next; they
    rank below every real match and carry no matched terms.
    """
    head = ranked[0]
    if head.case_id is None:
        return ranked
    seen = {p.id for p in ranked}
    rows = searcher.case_passages(head.case_id)
    # Same section first, then the rest of the case in document order.
    rows.sort(key=lambda r: (r.section_id != head.section_id, r.seq))
    low = min(p.score for p in ranked)
    extra = [passage_of(r, low * W.context_score, []) for r in rows
             if r.id not in seen and r.role in ("lead", "body")]
    return [*ranked, *extra]


def related(ranked: list[Passage]) -> tuple[Passage, ...]:
    """Not found: the candidates that share enough of the question to be worth a look."""
    return tuple(distinct([p for p in ranked if p.covers >= W.related_floor])[:W.related_count])


def distinct(ranked: list[Passage]) -> list[Passage]:
    """Each wording once: copies of a document (a re-post, an uploaded duplicate) would
    otherwise quote the same sentence two or three times."""
    seen: set[str] = set()
    out: list[Passage] = []
    for p in ranked:
        if p.text not in seen:
            seen.add(p.text)
            out.append(p)
    return out


def not_found_message(a: Analysis, searcher: Lookup) -> str:
    """"Not covered", with what the documents do cover, so the user can rephrase —
    in English to a question asked in English."""
    titles, total = searcher.document_titles(3)
    english = asked_in_english(a)
    if not titles:
        return NOT_FOUND_EN if english else NOT_FOUND
    listed = "、".join(f"《{t}》" for t in titles)
    if english:
        more = f" and {total - len(titles)} more" if total > len(titles) else ""
        return f"{NOT_FOUND_EN} Indexed: {listed}{more}."
    more = f"等 {total} 份文件" if total > len(titles) else ""
    return f"{NOT_FOUND}目前收录:{listed}{more}。"


def asked_in_english(a: Analysis) -> bool:
    """No Chinese in the question, and a word in it that is not pinyin (geren suodeshui is
    a Chinese asker typing pinyin; "which department" is English)."""
    if any(is_cjk(ch) for ch in a.question):
        return False
    return any(not is_pinyin(w) for w in re.findall(r"[A-Za-z]{2,}", a.question))


def matched_terms(a: Analysis) -> tuple[str, ...]:
    """The question's words the index knows, for highlighting the quotes."""
    return tuple(dict.fromkeys(x for u in a.units if u.known for x in u.alts))


__all__ = [
    "EMPTY",
    "NOT_FOUND",
    "NOT_FOUND_EN",
    "asked_in_english",
    "assemble",
    "distinct",
    "expand_headings",
    "followed_up",
    "matched_terms",
    "not_found_message",
    "related",
    "surroundings",
    "with_context",
]
