"""Extractor *who*, for people: the name a post or a role stands right before.

"青山市长是谁?", "哪位副厅长讲的?" ask who holds a post; "谁说…?" in news asks for the
person a role names (领队张雄说…).  Names end where the index's words say (see
:mod:`indexer.people`), so the question side needs no tagger.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from bot.analysis import Analysis
from bot.extract.clauses import best_clause
from bot.extract.direct import NONE, Direct
from bot.lookup import Lookup
from bot.rank import heading_context
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.facts import clause_spans
from indexer.normalize import normalize
from indexer.people import (
    Person,
    asked_post_countries,
    holds_post,
    people,
    post_countries,
)
from indexer.terms import organisations


def is_a_body(found: Direct) -> bool:
    """Whether an answer line names a body (市场监管局), not a place, a post or nobody."""
    return bool(found.answer and organisations(normalize(found.answer)))


def named_person(a: Analysis, ranked: list[Passage], searcher: Lookup,
                 near: tuple[int, ...] = (0, -1, 1)) -> Direct | None:
    """The person the answering clause of the best passage names by a role or post, or the
    clause next to it does (领队张雄说,队员们…; ``near`` are the clauses looked at, relative
    to the answering one), not one the question names itself; None when they name nobody."""
    p = ranked[0]
    clause = best_clause(p, a)
    if not clause:
        return None
    spans = clause_spans(p.norm)
    at = p.norm.find(normalize(clause))
    i = next((k for k, (s, e) in enumerate(spans) if s <= at < e), None)
    if i is None:
        return None
    asked = {x for u in a.units for x in u.alts}
    found = people(p.norm, _vocabulary(searcher))
    # The answering clause first, then the one before it (the speaker of 张雄说,队员们…)
    # and the one after it.
    for k in (i + d for d in near):
        if not 0 <= k < len(spans):
            continue
        s, e = spans[k]
        for person in found:
            if s <= person.start < e and not any(person.name in x or x in person.name
                                                  for x in asked if x) and not (
                    byline(person) and "记者" not in a.norm):
                return Direct(p.text[person.start:person.end], p)
    return None


# A sentence whose subject is 他 or 她 (他要求,各乡镇…), maybe after a time (随后,她…).
_PRONOUN_SUBJECT = regex.compile(r"^(?:[^,，。;；]{0,8}[,，])?[他她](?![们人国乡])")


def referred_to(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct | None:
    """"谁要求各乡镇排查…?" — 他要求,各乡镇要立即…排查: the person 他 or 她 stands for, the
    last the sentence before names by a post (县应急管理局局长张海涛在点评时说); None when
    the best passage opens with no such pronoun or the one before names nobody."""
    if not ranked or not _PRONOUN_SUBJECT.match(ranked[0].norm):
        return None
    best = ranked[0]
    before = searcher.passages([best.id - 1]).get(best.id - 1)
    if before is None or before.doc_id != best.doc_id:
        return None
    norm = normalize(before.text)
    asked = {x for u in a.units for x in u.alts if len(x) >= 2}
    named = [x for x in people(norm, _vocabulary(searcher))
             if not byline(x) and not any(x.name in w or w in x.name for w in asked)]
    if not named:
        return None
    last = named[-1]
    told = passage_of(before, best.score, [])
    return Direct(before.text[last.start:last.end], best, (told,))


def byline(person: Person) -> bool:
    """A reporter named in a dateline (本报东京1月23日电记者张国成报道) wrote the story; they
    are not who did what it tells — unless the question asks about a reporter."""
    return person.post.endswith("记者")


_BREAK = regex.compile(r"[,，;；。:：!！?？]")


def with_officer(found: Direct, searcher: Lookup) -> Direct | None:
    """The body of an answer line with the officer the text names right after it, when it
    does (新闻出版署署长于友先, 中央政法委书记、中国法学会会长任建新): a person who asks
    "是谁…?" is answered by both; None when no post and name follow the body."""
    p, line = found.evidence, found.answer
    if p is None or not line:
        return None
    at = p.norm.find(normalize(line))
    if at < 0:
        return None
    end = at + len(normalize(line))
    for person in people(p.norm, _vocabulary(searcher)):
        gap = p.norm[end:person.start]
        # The gap is the post (署长), which the post read before the name may run into
        # the body's own name (新闻出版署署长): either ends the other.
        if 0 < len(gap) <= W.officer_gap and not _BREAK.search(gap) and (
                gap.endswith(person.post) or person.post.endswith(gap)):
            return Direct(p.text[at:person.end], p)
    return None


def _vocabulary(searcher: Lookup) -> Callable[[Collection[str]], Collection[str]]:
    """The index's words among some strings (where a name ends: see indexer.people)."""
    return lambda strings: searcher.document_frequencies(strings).keys()


def holder(a: Analysis, ranked: list[Passage], post: str, searcher: Lookup) -> Direct:
    """"青山市长是谁?", "哪位副厅长讲的?": the name written right after the asked post
    (市长张建国), in the clause richest in the question's words; no line when the best
    passages name nobody in that post — a body or a place never answers such a question."""
    best_score = ranked[0].score
    best: tuple[float, float, str, Passage] | None = None
    # "驻法国大使是哪位?" is not answered by 中国驻日本大使徐敦信: a post placed by a country
    # is held only by who is named with it in that country.
    countries = asked_post_countries(a.norm)
    for p in ranked[:W.answer_pool_size]:
        if p.score < best_score - W.actor_pool or not (
                _says_more_than(a, p, post) or _told_with(p, ranked[0])):
            continue
        for person in people(p.norm, _vocabulary(searcher)):
            if not holds_post(person.post, post) or (byline(person) and "记者" not in a.norm):
                continue  # "哪位领导人到场?" is not answered by the reporter
            theirs = post_countries(person.post)
            if countries and theirs and not countries & theirs:
                continue
            start, end = next(((s, e) for s, e in clause_spans(p.norm)
                               if s <= person.start < e), (0, len(p.norm)))
            clause = p.norm[start:end]
            said = sum(u.weight for u in a.units if any(x and x in clause for x in u.alts))
            candidate = (said, p.score, p.text[person.start:person.end], p)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return NONE if best is None else Direct(best[2], best[3])


def _told_with(p: Passage, best: Passage) -> bool:
    """Whether ``p`` tells the same story as the best passage: its document and case."""
    return p.doc_id == best.doc_id and p.case_id == best.case_id


def _says_more_than(a: Analysis, p: Passage, post: str) -> bool:
    """Whether ``p``, with its headings, says something the question asks besides the post —
    or the question asks nothing besides.  Unless it tells the best passage's story (青山市…;
    市长张建国出席…), a sentence saying the post alone names another's holder (双拥晚会总导演
    是谁? is not answered by a report on 春节晚会的总导演孟欣)."""
    rest = [u for u in a.units if len(u.text) >= 2 and u.text not in post and post not in u.text]
    where = p.norm + " " + heading_context(p.doc, p.case_title, p.section) + " " + p.carried
    return not rest or any(x and x in where for u in rest for x in u.alts)


__all__ = ["holder", "is_a_body", "named_person", "with_officer"]
