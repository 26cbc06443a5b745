"""Weighing a question's word as a :class:`~bot.analysis.Unit`: its rarity in the index,
log(1 + N / df), over the spellings that stand for it; and the index lookups every expansion
shares (is a phrase inside some index word, is it made of index words), cached per index.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from bot.analysis import Unit, Vocabulary
from bot.weights import WEIGHTS, Weights
from corpus import regex
from corpus.paths import DATA_DIR
from indexer.lexicon import lexicon
from indexer.normalize import is_cjk
from indexer.segment import substrings
from indexer.words import PLACE_TAILS

# A place name by its suffix (广东省, 克州): the documents not naming it matters.
_PLACE_RE = regex.compile(r"[\u4e00-\u9fff]{1,6}(?:省|市|县|州|自治区|地区)$")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Bare place names of general Chinese (宁波, 剑阁; scripts/make_place_names.py)."""
    lines = (DATA_DIR / "place_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x for x in lines if x and not x.startswith("#"))


def unindexed_places(run: str, pieces: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Spans of ``run`` naming a place the index does not hold as a word (常州市, split by
    the index's words into 常 and 州市): the place is asked about, and the documents not
    naming it is what an honest "not found" rests on.  Only where the split left one of
    its characters unknown — a place the index spells out stays its words."""
    unknown: set[int] = set()
    at = 0
    for word, known in pieces:
        if not known:
            unknown.update(range(at, at + len(word)))
        at += len(word)
    names = place_names()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(run):
        size = next((k for k in (4, 3, 2) if run[i:i + k] in names), 0)
        if size and unknown & set(range(i, i + size)):
            end = i + size + (1 if run[i + size:i + size + 1] in PLACE_TAILS else 0)
            out.append((i, end))
            i = end
        else:
            i += 1
    return out


def cover(phrase: str, df: dict[str, int]) -> tuple[str, ...]:
    """``phrase`` as two or more index words of two characters or more, else ()."""
    best: list[tuple[str, ...] | None] = [()] + [None] * len(phrase)
    for end in range(2, len(phrase) + 1):
        for start in range(0, end - 1):
            prev = best[start]
            if prev is not None and phrase[start:end] in df:
                cand = (*prev, phrase[start:end])
                cur = best[end]
                if cur is None or len(cand) < len(cur):
                    best[end] = cand
    words = best[len(phrase)]
    return words if words and len(words) >= 2 else ()


class UnitWeigher:
    """Makes weighted units against one index's vocabulary; caches what it derives from it."""

    def __init__(self, vocab: Vocabulary, weights: Weights = WEIGHTS) -> None:
        self.vocab = vocab
        self.weights = weights
        self._joined: str | None = None
        # Phrase → (estimated document frequency, its index words), or None.
        self._composed: dict[str, tuple[int, tuple[str, ...]] | None] = {}

    def reset(self) -> None:
        """Forget what was derived from the vocabulary (after the index changed)."""
        self._joined = None
        self._composed = {}

    def inside_word(self, piece: str) -> bool:
        """Whether ``piece`` stands inside some index word (用餐 in 用餐补贴)."""
        if self._joined is None:
            self._joined = "\x00".join(t for t, _ in self.vocab.vocabulary())
        return piece in self._joined

    def inside_words(self, pieces: Iterable[str]) -> set[str]:
        """The ``pieces`` that stand inside some index word.  Shortest first: a piece whose
        first or last character dropped stands in no word stands in none either, so a long
        question's many substrings cost a few scans of the vocabulary, not one each."""
        absent: set[str] = set()
        inside: set[str] = set()
        for p in sorted(set(pieces), key=len):
            if p[:-1] in absent or p[1:] in absent or not self.inside_word(p):
                absent.add(p)
            else:
                inside.add(p)
        return inside

    def compose(self, phrases: Iterable[str]) -> dict[str, tuple[int, tuple[str, ...]]]:
        """Phrases made wholly of index words (非法集资 = 非法 + 集资, 饮水困难 = 饮水 + 困难).

        Synonym and glossary targets are often such phrases: they match the
        text as written, and are retrieved by their words.  The phrase's
        frequency is estimated by its rarest word's.
        """
        phrases = list(phrases)
        todo = {p for p in phrases if len(p) >= 3 and is_cjk(p[0]) and p not in self._composed}
        if todo:
            df = self.vocab.document_frequencies(
                {x for p in todo for x in substrings(p) if len(x) >= 2})
            for p in todo:
                words = cover(p, df)
                self._composed[p] = (min(df[w] for w in words), words) if words else None
        out: dict[str, tuple[int, tuple[str, ...]]] = {}
        for p in phrases:
            hit = self._composed.get(p)
            if hit:
                out[p] = hit
        return out

    def composition(self, phrase: str) -> tuple[int, tuple[str, ...]] | None:
        """What :meth:`compose` found for ``phrase`` so far (nothing is looked up)."""
        return self._composed.get(phrase)

    def unit(self, text: str, alts: Iterable[str], n: int, source: str,
             df: dict[str, int] | None = None) -> Unit:
        """``text`` asked about, satisfied by any of ``alts``, weighed by their rarity
        among ``n`` passages (``df``: their known document frequencies, if at hand)."""
        wt = self.weights
        alts = tuple(dict.fromkeys(alts))
        freqs = df if df is not None else self.vocab.document_frequencies(alts)
        composed = self.compose(a for a in alts if a not in freqs)
        known_df = [freqs[a] for a in alts if a in freqs] + [f for f, _ in composed.values()]
        search: tuple[str, ...] = tuple(w for _, words in composed.values() for w in words)
        if not known_df and (source in ("english", "pinyin") or alts != (text,)):
            # A glossary or synonym phrase (典型案例) may be no single index word but
            # still be in the text.
            known_df = [1 for a in alts if len(a) >= 2 and self.inside_word(a)]
            if known_df:
                inner = self.vocab.document_frequencies(
                    {s for a in alts for s in substrings(a) if len(s) >= 2})
                search = tuple(inner)
        if known_df:
            idf = math.log(1 + n / max(known_df))
            known = True
        else:
            idf = math.log(1 + n / wt.unknown_df)
            known = False
        # Single characters say little on their own; an unknown one is mostly a
        # verb or particle of the question (由, 归, 建), not a missing topic.
        factor = 1.0
        if len(text) == 1 and is_cjk(text):
            factor = wt.lone_char_factor if known else wt.unknown_lone_char_factor
        elif not known and (_PLACE_RE.search(text) or text in place_names()):
            # A place the documents never name (广东省, 宁波) is a hard constraint.
            factor = wt.unknown_place_factor
        return Unit(text, alts, idf * factor, known, source, search)

    def unknown_weight(self, n: int) -> float:
        """The weight of a word the index lacks, among ``n`` passages."""
        return math.log(1 + n / self.weights.unknown_df)

    def general(self, unit: Unit) -> Unit:
        """An unknown lone character weighs by how much it says in general Chinese:
        着, 却, 用 nothing; 粪, 酸 something."""
        if unit.known or len(unit.text) != 1 or not is_cjk(unit.text):
            return unit
        w = self.weights
        # An unknown character as common as 的 or 着 (IDF ≤ common_char_idf in jieba's
        # dictionary) keeps min_char_factor of its weight; one as rare as 粪 all of it.
        rarity = (lexicon().char_idf(unit.text) - w.common_char_idf) / (
            w.rare_char_idf - w.common_char_idf)
        return replace(unit, weight=unit.weight * min(1.0, max(w.min_char_factor, rarity)))
