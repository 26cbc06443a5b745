"""The places a question names below a province: the ones an answer must be about.

A question about 江油 is not answered by a passage about 西充县 (bot/found.py, bot/refine.py).
A province is left out: its own documents call it 全省 or 自治区, not 四川 or 新疆; so is a
country, which news names by one character once it has named it (以色列 → 以法律), and a
region of the world (中东), which a report on it seldom repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.analysis import Analysis, Unit
from bot.expand.units import place_names
from bot.rank import heading_context
from bot.reply import Passage
from indexer.places import places
from indexer.words import COUNTRIES, GENERIC_PLACE_WORDS, PROVINCES, WORLD_REGIONS

_SUFFIX_AFTER = "[市县区州镇乡旗盟]"


@lru_cache(maxsize=8192)
def is_place(word: str) -> bool:
    """Whether a word of the question names a place by itself: by its suffix or a list."""
    return bool(places(word)) or word in place_names()


@lru_cache(maxsize=8192)
def place_head(word: str) -> str | None:
    """The place a body is named after (沈阳市地税局 → 沈阳市), None for other words."""
    return next((p for p in places(word) if word.startswith(p) and p != word), None)


def asked_places(a: Analysis, said: str = "") -> list[tuple[str, ...]]:
    """The question's words that name places below a province (江油, 西充县, 宁波), each
    with its spellings: by their suffix, the place lists, or a place suffix after them in
    ``said`` — normalised text of the reply's candidates (江油市)."""
    out: list[tuple[str, ...]] = []
    for u in a.units:
        if len(u.text) < 2 or u.text.removesuffix("省") in PROVINCES or u.text.endswith(
                "自治区") or u.text in COUNTRIES or u.text in WORLD_REGIONS or (
                u.text in GENERIC_PLACE_WORDS):
            continue
        # A body named after its place (沈阳市地税局): the place is what must be named —
        # as the text may, without its suffix (沈阳地税局).
        head = place_head(u.text)
        if head is not None:
            out.append((head, head[:-1]) if len(head) > 2 else (head,))
        elif (is_place(u.text) and not everyday_word(u)) or any(
                re.search(re.escape(x) + _SUFFIX_AFTER, said) for x in u.alts):
            out.append(u.alts)
    return out


def everyday_word(u: Unit) -> bool:
    """A word of the place lists that the synonym table reads as an everyday word for
    something else (山寨 → 侵权: a knockoff, not a village) — no place the question names."""
    return not places(u.text) and any(x != u.text and not is_place(x) for x in u.alts)


def said_by(passages: Iterable[Passage]) -> str:
    """What ``passages`` say, with the headings they stand under, normalised, as one text (where
    a bare name is seen with its suffix: 嘉兴市)."""
    return " ".join(p.norm + " " + heading_context(p.doc, p.case_title, p.section)
                    for p in passages)


# A whole named by its level, widest first: 0 the country, 1 a province (自治区: 全区), 2 a city
# or prefecture, 3 a county — the scope a figure is of (全市…共有).  A place named by its
# last character is placed on the same scale (东坪县: 3).
WHOLES = (("全国", 0), ("我国", 0), ("全省", 1), ("全区", 1), ("全市", 2), ("全州", 2),
          ("全县", 3))
PLACE_SCALE = {"省": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "镇": 4,
               "乡": 4, "村": 4}


def whole_levels(text: str) -> set[int]:
    """The levels of the wholes ``text`` (normalised) names."""
    return {level for word, level in WHOLES if word in text}


def none_named(asked: list[tuple[str, ...]], where: str) -> bool:
    """Places were asked and ``where`` names none of them (of two asked, one suffices)."""
    return bool(asked) and not any(x in where for alts in asked for x in alts)


__all__ = ["PLACE_SCALE", "WHOLES", "asked_places", "is_place", "none_named", "said_by",
           "whole_levels"]
