"""Toneless pinyin typed in a question: its syllables, the readings the index may have
stored it under (polyphones), and two index words typed as one.

The index keys each word by its characters' first readings in pypinyin's table
(:mod:`indexer.pinyin`, :meth:`indexer.search.Searcher.terms_by_pinyin`); these helpers
bridge what an asker types to those keys.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from bot.analysis import Vocabulary
from bot.weights import WEIGHTS
from indexer.lexicon import lexicon
from indexer.pinyin import char_table
from indexer.words import POLYPHONES


@lru_cache(maxsize=1)
def pinyin_tables() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """All toneless syllables, and: a syllable as typed → the first readings it may be stored as."""
    pinyin_dict = char_table()

    def bare(reading: str) -> str:
        decomposed = unicodedata.normalize("NFD", reading)
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    syllables = {bare(r) for value in pinyin_dict.values() for r in value.split(",")}
    stored: dict[str, set[str]] = {"lv": {"lu"}, "nv": {"nu"}, "lve": {"lue"}, "nve": {"nue"}}
    # Polyphones: the hand list, and every common character with a second reading
    # (佛 is stored as fu, typed fo in 佛山).
    common = {c for c, f in lexicon().char_freq.items() if f >= WEIGHTS.polyphone_min_char_freq}
    for ch in set(POLYPHONES) | {chr(code) for code in pinyin_dict if chr(code) in common}:
        readings = [bare(r) for r in pinyin_dict.get(ord(ch), "").split(",") if r][
            :WEIGHTS.max_char_readings]
        for other in readings[1:]:
            if other != readings[0]:
                stored.setdefault(other, set()).add(readings[0])
    syllables |= set(stored)
    return frozenset(syllables), {k: tuple(sorted(v)) for k, v in stored.items()}


def syllables(word: str, inventory: frozenset[str]) -> list[str] | None:
    """Toneless pinyin split into syllables, fewest first (xian stays xian)."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            prev = best[start]
            if prev is not None and word[start:end] in inventory:
                cur = best[end]
                if cur is None or len(prev) + 1 < len(cur):
                    best[end] = [*prev, word[start:end]]
    return best[len(word)]


def is_pinyin(word: str) -> bool:
    """Whether a Latin word reads as toneless pinyin (geren, suodeshui), not English."""
    return syllables(word.lower(), pinyin_tables()[0]) is not None


def changed_syllables(variant: str, word: str) -> int:
    """How many syllables of ``word`` ``variant`` reads otherwise."""
    inventory = pinyin_tables()[0]
    a, b = syllables(variant, inventory), syllables(word, inventory)
    if a is None or b is None or len(a) != len(b):
        return len(word)
    return sum(x != y for x, y in zip(a, b, strict=True))


def reading_variants(word: str) -> list[str]:
    """``word`` with each polyphone syllable replaced by the readings the index may store."""
    inventory, stored = pinyin_tables()
    parts = syllables(word, inventory)
    if not parts or not any(p in stored for p in parts):
        return []
    most = WEIGHTS.max_reading_variants
    variants = [""]
    for part in parts:
        variants = [v + alt for v in variants for alt in (part, *stored.get(part, ()))]
        variants = variants[:most * WEIGHTS.reading_variants_breadth]
    return [v for v in variants if v != word][:most]


def glued_pinyin(vocab: Vocabulary, word: str, max_alts: int = WEIGHTS.max_pinyin_alts,
                 min_len: int = WEIGHTS.glued_pinyin_min_len,
                 ) -> list[tuple[str, tuple[str, ...]]]:
    """Two indexed words typed as one ("cunweishengshi" → cun + weishengshi).

    The split with the longer known first part wins; none when a part is
    shorter than a syllable or the word is not pinyin-like.
    """
    if len(word) < min_len or not word.isalpha():
        return []
    cuts = range(len(word) - 2, 1, -1)
    keys = {word[:k] for k in cuts} | {word[k:] for k in cuts}
    hits = vocab.terms_by_pinyin(keys)
    inventory = pinyin_tables()[0]
    for k in cuts:
        head, tail = hits.get(word[:k]), hits.get(word[k:])
        if head and tail:
            return [(word[:k], tuple(t for t, _ in head[:max_alts])),
                    (word[k:], tuple(t for t, _ in tail[:max_alts]))]
        # One syllable the index holds no word for (cun of 村卫生室): keep the rest.
        if head and word[k:] in inventory:
            return [(word[:k], tuple(t for t, _ in head[:max_alts]))]
        if tail and word[:k] in inventory:
            return [(word[k:], tuple(t for t, _ in tail[:max_alts]))]
    return []
