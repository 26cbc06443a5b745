"""Reading the index's vocabulary: document frequencies, words by pinyin and by length."""

from __future__ import annotations

from collections.abc import Collection

from indexer.search.base import CACHED_TERMS, CHUNK, SearcherBase


class VocabularyReads(SearcherBase):
    """The words the index holds (what a question's substrings are looked up in)."""

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        """``{term: passages containing it}`` for those of ``terms`` that are indexed words.

        In the order SQLite gives them for ``term IN (...)``: by term, per chunk
        of the distinct terms (callers break ties between equal frequencies by it).
        A question's substrings recur question after question, so each term's
        frequency — or that it is no word — is remembered for the generation.
        """
        items = list(dict.fromkeys(terms))
        if not items:
            return {}
        current = self._current()
        known = self._df
        missing = [t for t in items if t not in known]
        found: dict[str, int] = {}
        if missing:
            generation, *chunks = self._query([(self.generation_sql, ()), *(
                ("SELECT term, df FROM vocab WHERE term IN ("
                 + ", ".join("?" * len(missing[i:i + CHUNK])) + ")", missing[i:i + CHUNK])
                for i in range(0, len(missing), CHUNK))])
            found = {str(t): int(df) for rows in chunks for t, df in rows}
            with self._lock:
                if generation == current and self._remember(generation):
                    if len(self._df) + len(missing) > CACHED_TERMS:
                        self._df = {}
                    self._df.update((t, found.get(t)) for t in missing)
        out: dict[str, int] = {}
        for i in range(0, len(items), CHUNK):
            # SQLite's BINARY order of UTF-8 text is Python's code-point order.
            for t in sorted(items[i:i + CHUNK]):
                df = found[t] if t in found else known.get(t)
                if df is not None:
                    out[t] = df
        return out

    def terms_by_pinyin(self, keys: Collection[str]) -> dict[str, list[tuple[str, int]]]:
        """Indexed words whose toneless pinyin equals one of ``keys``, most frequent first.

        The keys are computed here, once per generation of the index, from the
        cached vocabulary (a dictionary look-up per character, ~0.1 s for a
        large index) rather than stored: on disk they cost more than the FTS index.
        """
        if not keys:  # a question without Latin words: the readings need not even load
            return {}
        by_pinyin = self._by_pinyin
        if by_pinyin is None:
            from indexer.pinyin import pinyin_key

            by_pinyin = {}
            for term, df in sorted(self.vocabulary(), key=lambda item: -item[1]):
                key = pinyin_key(term)
                if key:
                    by_pinyin.setdefault(key, []).append((term, df))
            self._by_pinyin = by_pinyin
        return {k: by_pinyin[k] for k in keys if k in by_pinyin}

    def vocabulary(self) -> list[tuple[str, int]]:
        """Every indexed word of two or more characters (cached; for fuzzy matching)."""
        if self._vocab_cache is None:
            rows = self._rows(self.vocabulary_sql)
            self._vocab_cache = [(str(t), int(df)) for t, df in rows]
        return self._vocab_cache

    def vocabulary_of_length(self, size: int) -> list[str]:
        """Indexed words of exactly ``size`` characters (cached; typo candidates)."""
        if self._by_length is None:
            by_length: dict[int, list[str]] = {}
            for term, _ in self.vocabulary():
                by_length.setdefault(len(term), []).append(term)
            self._by_length = by_length
        return self._by_length.get(size, [])

    def domain_terms(self) -> list[str]:
        return [str(t) for (t,) in self._rows("SELECT DISTINCT term FROM domain_terms")]


__all__ = ["VocabularyReads"]
