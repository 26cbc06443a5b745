"""The full-text tokens of a text, exactly as SQLite's FTS5 index makes them.

The SQLite index matches ``words`` (jieba tokens joined by spaces) through
FTS5's ``unicode61`` tokenizer, which also splits at punctuation and folds
case by its own Unicode tables.  Any other store that must rank as SQLite does
(:mod:`indexer.storage.postgres`) has to count the very same tokens, so it asks
the same tokenizer: an in-memory FTS5 table, whose ``instance`` vocabulary
lists every token of every row with its position.  No re-implementation of
unicode61 can drift from it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from functools import lru_cache

_DDL = ("CREATE VIRTUAL TABLE t USING fts5(words, tokenize = 'unicode61 remove_diacritics 0')",
        "CREATE VIRTUAL TABLE t_instance USING fts5vocab(t, 'instance')")


class Tokenizer:
    """FTS5's unicode61 tokens of many texts at once (one in-memory table per instance)."""

    def __init__(self) -> None:
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        for ddl in _DDL:
            self._conn.execute(ddl)
        self._lock = threading.Lock()

    def tokens(self, texts: Sequence[str]) -> list[list[str]]:
        """The tokens of each text, in order (an empty list for a text without any)."""
        if not texts:
            return []
        with self._lock:
            conn = self._conn
            conn.executemany("INSERT INTO t(rowid, words) VALUES (?, ?)",
                             [(i + 1, t.replace("\x00", "")) for i, t in enumerate(texts)])
            found: list[list[tuple[int, str]]] = [[] for _ in texts]
            for doc, term, offset in conn.execute("SELECT doc, term, offset FROM t_instance"):
                found[doc - 1].append((offset, term))
            conn.execute("DELETE FROM t")
        out = []
        for pairs in found:
            pairs.sort()
            out.append([term for _, term in pairs])
        return out


_shared = threading.local()


def tokenizer() -> Tokenizer:
    """A tokenizer for this thread."""
    found: Tokenizer | None = getattr(_shared, "tokenizer", None)
    if found is None:
        found = _shared.tokenizer = Tokenizer()
    return found


@lru_cache(maxsize=50_000)
def phrase_tokens(term: str) -> tuple[str, ...]:
    """The tokens FTS5 makes of a quoted query term (``"…"``): usually one, none for
    punctuation alone, several for a term unicode61 splits (a phrase)."""
    return tuple(tokenizer().tokens([term])[0])


__all__ = ["Tokenizer", "phrase_tokens", "tokenizer"]
