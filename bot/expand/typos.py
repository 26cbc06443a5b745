"""Typo correction: a word the index never saw, fixed by one substituted character into an
index word around it, the same sound preferred.

Chinese typos are mostly homophones picked from the input method (管里/管理, 塑化济/塑化剂,
库而勒/库尔勒), so a short correction must sound the same.
"""

from __future__ import annotations

import math
from functools import lru_cache

from bot.analysis import Vocabulary
from bot.weights import WEIGHTS, Weights
from indexer.pinyin import first_reading


@lru_cache(maxsize=8192)
def sound(text: str) -> tuple[str, ...]:
    """The toneless first reading of each character of ``text``, a character without one
    standing for itself (cached: a typo is compared with up to 20 index words per window)."""
    return tuple(first_reading(ch) or ch for ch in text)


def same_sound(a: str, b: str) -> float:
    """1.0 when two strings sound alike (a homophone typo: 管里 / 管理), else 0 — character by
    character, by first readings.  pypinyin's phrase-aware reading answered every question
    set the same (tests/data/golden) but costs its whole package in memory (indexer/pinyin.py)."""
    return 1.0 if sound(a) == sound(b) else 0.0


class TypoCorrector:
    """Corrects typos against one index's vocabulary (indexed by first and last character)."""

    def __init__(self, vocab: Vocabulary, weights: Weights = WEIGHTS) -> None:
        self.vocab = vocab
        self.weights = weights
        self._by_edge: dict[tuple[int, int, str], list[str]] | None = None

    def reset(self) -> None:
        """Forget the vocabulary's words (after the index changed)."""
        self._by_edge = None

    def candidates(self, window: str) -> list[str]:
        """Index words of the window's length that share its first or its last character.

        One substituted character leaves at least one end in place, so these are
        all the candidates; scanning them instead of the whole vocabulary keeps a
        typo question as fast as the others on a large index.
        """
        if self._by_edge is None:
            by_edge: dict[tuple[int, int, str], list[str]] = {}
            for size in range(2, self.weights.typo_max_window + 1):
                for term in self.vocab.vocabulary_of_length(size):
                    by_edge.setdefault((size, 0, term[0]), []).append(term)
                    by_edge.setdefault((size, -1, term[-1]), []).append(term)
            self._by_edge = by_edge
        size = len(window)
        return [*self._by_edge.get((size, 0, window[0]), ()),
                *self._by_edge.get((size, -1, window[-1]), ())]

    def correct(self, word: str, run: str, df: dict[str, int],
                max_size: int | None = None) -> tuple[str, ...]:
        """Fix a typo: one substituted character in a word of the index around ``word``
        (in ``run``, the stretch of the question it stands in), of at most ``max_size``
        characters; ``df``: document frequencies known so far."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        wt = self.weights
        if max_size is None:
            max_size = wt.typo_max_window
        if len(word) > wt.typo_max_word_len:
            return ()
        pos = run.find(word)
        best: tuple[float, str] | None = None
        for size in range(min(len(run), max_size), 1, -1):
            for start in range(max(0, pos + len(word) - size), min(pos, len(run) - size) + 1):
                window = run[start:start + size]
                for term, _score, _ in process.extract(
                        window, self.candidates(window), scorer=Levenshtein.distance,
                        score_cutoff=wt.typo_max_edits, limit=wt.typo_candidates_per_window):
                    sound_alike = same_sound(window, term)
                    if term == window or (not sound_alike and size < wt.typo_any_sound_len):
                        continue
                    rank = size * wt.typo_window_weight + sound_alike + math.log(
                        1 + df.get(term, 1))
                    if best is None or rank > best[0]:
                        best = (rank, term)
            if best:
                break
        return (best[1],) if best else ()
