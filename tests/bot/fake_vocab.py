"""A tiny in-memory :class:`bot.analysis.Vocabulary` for testing the understanding stage's
components without building an index: words with their document frequencies, pinyin keys
computed as :meth:`indexer.search.Searcher.terms_by_pinyin` computes them."""

from __future__ import annotations

from collections.abc import Collection

from indexer.pinyin import pinyin_key


class FakeVocabulary:
    def __init__(self, df: dict[str, int], passages: int = 1000) -> None:
        self.df = dict(df)
        self.passages = passages

    @property
    def passage_count(self) -> int:
        return self.passages

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        return {t: self.df[t] for t in terms if t in self.df}

    def terms_by_pinyin(self, keys: Collection[str]) -> dict[str, list[tuple[str, int]]]:
        by_pinyin: dict[str, list[tuple[str, int]]] = {}
        for term, freq in sorted(self.vocabulary(), key=lambda item: -item[1]):
            key = pinyin_key(term)
            if key:
                by_pinyin.setdefault(key, []).append((term, freq))
        return {k: by_pinyin[k] for k in keys if k in by_pinyin}

    def vocabulary(self) -> list[tuple[str, int]]:
        return [(t, f) for t, f in self.df.items() if len(t) >= 2]

    def vocabulary_of_length(self, size: int) -> list[str]:
        return [t for t in self.df if len(t) == size]
