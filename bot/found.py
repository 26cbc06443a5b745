"""Stage *found*: whether the best passage answers the question at all.

Found needs the best passage to cover enough of the question (its score reaches
:attr:`~bot.weights.Weights.found_threshold`) and not to meet it only in ways that
answer nothing: a part of a term left unexplained (2+N里的N), things asked by name
given only as a count (3家民营医院), a question's places without its topic.
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.rank import names_place
from bot.reply import Passage
from bot.weights import WEIGHTS as W
from indexer.normalize import normalize

_COUNTED_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两几多数]+)(?:余|多)?[家个所名位批座]$")


def is_found(a: Analysis, ranked: list[Passage]) -> bool:
    """Whether ``ranked[0]`` answers the question (else the reply is "not found")."""
    if not ranked or ranked[0].score < W.found_threshold:
        return False
    best = ranked[0]
    return not (names_part_only(a, best.norm) or counted_only(a, best.norm)
                or places_only(a, best))


def places_only(a: Analysis, best: Passage) -> bool:
    """"成都到绵阳高铁票多少钱?" matched by a sentence of the 绵阳 case on its places
    alone: the places scope a question, its topic must be met as well."""
    body = best.norm
    where = body + " " + normalize(" ".join(filter(None, (best.doc, best.case_title,
                                                          best.section))))
    topic = [u for u in a.units
             if not any(x in where and names_place(x, where) for x in u.alts)]
    if len(topic) == len(a.units) or not topic:
        return False  # no place in the question, or nothing but places
    # Its words, not lone characters (到, 高 match anything), said here or by the
    # case the sentence stands under.
    return not any(len(u.text) >= 2 and any(x in where for x in u.alts) for u in topic)


def names_part_only(a: Analysis, body: str) -> bool:
    """"2+N监管模式里的N是哪些部门?": the passage has N only inside 2+N监管模式.

    A question about a part of a term is not answered by a sentence that
    names the term without spelling out the part: "not found" is honest.
    """
    if a.intent.part_of is None:
        return False
    whole, part = a.intent.part_of
    if whole not in body or part not in whole:
        return False
    return part not in body.replace(whole, " ")


def counted_only(a: Analysis, body: str) -> bool:
    """"被解除协议的民营医院叫什么名字?": the passage only counts them (3家民营医院).

    A question asking for names is not answered by a sentence that gives the
    things it asks about only as a number: "not found" is honest.
    """
    before = a.intent.names_asked_of
    if before is None:
        return False
    thing = next((before[-n:] for n in range(min(W.asked_thing_chars, len(before)), 1, -1)
                  if before[-n:] in body), None)
    if thing is None:
        return False
    starts = [i for i in range(len(body)) if body.startswith(thing, i)]
    return all(_COUNTED_BEFORE.search(body[max(0, i - W.counted_before_chars):i]) for i in starts)


__all__ = ["counted_only", "is_found", "names_part_only", "places_only"]
