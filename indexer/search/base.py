"""The searcher's base: the index's generation, caches valid for one generation, and the
driver-level SQL every read goes through (one snapshot per question's reads)."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from indexer.search.hits import FactHit, PassageHit

CHUNK = 500  # bound parameters per IN (...) — well under SQLite's limit
CACHED_SEARCHES = 256  # BM25 result lists kept (a hundred passages each, shared)
CACHED_PASSAGES = 10_000  # candidate passages kept (~1 kB each)
CACHED_TERMS = 50_000  # document frequencies of question substrings (~150 B each)
# FTS5's structure record (rowid 10) and averages record (rowid 1): any write
# to the full-text index changes them.  See SearcherBase._current.
GENERATION_SQL = "SELECT id, block FROM passage_fts_data WHERE id IN (1, 10) ORDER BY id"


class SearcherBase:
    """The index's state as a reader sees it: its generation, the caches valid for it, and
    the SQL round trips every read goes through."""

    # How the index's generation is read (see :meth:`_current`).
    generation_sql = GENERATION_SQL
    # In the order of the vocabulary's primary key (code points): callers sort it stably.
    vocabulary_sql = "SELECT term, df FROM vocab WHERE length(term) >= 2"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._vocab_cache: list[tuple[str, int]] | None = None
        self._by_length: dict[int, list[str]] | None = None
        self._by_pinyin: dict[str, list[tuple[str, int]]] | None = None
        # Answers to repeated questions, valid for one state of the index
        # (``_generation``): a question asked again — and every 更多结果 / 返回 /
        # 原文 button, which re-answers the logged question — skips BM25.
        self._generation: object = None
        self._lock = threading.Lock()  # the bot answers in worker threads
        self._hits: OrderedDict[tuple[str, int], list[tuple[PassageHit, float]]] = OrderedDict()
        self._all_facts: dict[tuple[str, ...], list[FactHit]] = {}
        self._titles: dict[int, tuple[list[str], int]] = {}
        self._passage_hits: dict[int, PassageHit] = {}
        self._df: dict[str, int | None] = {}  # None: not an indexed word

    @cached_property
    def passage_count(self) -> int:
        return int(self._rows("SELECT count(*) FROM passages")[0][0] or 0)

    def reset(self) -> None:
        """Forget cached statistics and results (after the index changed)."""
        with self._lock:
            self._forget()
            self._generation = None

    def _forget(self) -> None:
        # Callers hold the lock: a result being filed cannot land in the new,
        # empty caches after the generation it was read in has been checked.
        self.__dict__.pop("passage_count", None)
        self._vocab_cache = None
        self._by_length = None
        self._by_pinyin = None
        self._hits = OrderedDict()
        self._all_facts = {}
        self._titles = {}
        self._passage_hits = {}
        self._df = {}

    # -- the state of the index ---------------------------------------------------
    def _current(self) -> object:
        """The index's generation now; cached results of an earlier one are dropped.

        Whoever changed the index — this process through :meth:`reset`, or
        another ``casebot index`` on the same file — the FTS5 index changed
        with it, and its structure record (segments and a write counter that
        only grows) and averages record (rows, tokens) with it.  Reading both is
        one primary-key lookup, a few microseconds.
        """
        generation = self._rows(self.generation_sql)
        if generation != self._generation:
            with self._lock:
                if generation != self._generation:
                    if self._generation is not None:
                        self._forget()
                    self._generation = generation
        return generation

    def refresh(self) -> bool:
        """Check the index's generation now; True if it changed since the caches were read
        (then they are dropped — for callers with caches of their own, the analyzer's)."""
        before = self._generation
        return self._current() != before

    @contextmanager
    def question(self) -> Iterator[None]:
        """One question's reads (the answer core's, between two :meth:`refresh` calls).
        Nothing to do here: reading the generation costs SQLite microseconds."""
        yield

    def _remember(self, generation: object) -> bool:
        """Whether a result read at ``generation`` may be cached (it is still current;
        call with the lock held)."""
        return generation == self._generation

    # -- the search cache (both stores) ---------------------------------------------
    def _cached_search(self, key: tuple[str, int]) -> list[tuple[PassageHit, float]] | None:
        """A copy of the hits filed for ``key``, or None."""
        with self._lock:
            cached = self._hits.get(key)
            if cached is None:
                return None
            self._hits.move_to_end(key)
            return list(cached)

    def _file_search(self, key: tuple[str, int], generation: object,
                     hits: list[tuple[PassageHit, float]], found: dict[int, PassageHit]) -> None:
        """Keep ``hits`` for ``key`` and the passages read for them, if the index is still at
        the ``generation`` they were read at; the oldest go first."""
        with self._lock:
            if not self._remember(generation):
                return
            if len(self._passage_hits) + len(found) > CACHED_PASSAGES:
                self._passage_hits = {}
            self._passage_hits.update(found)
            self._hits[key] = hits
            while len(self._hits) > CACHED_SEARCHES:
                self._hits.popitem(last=False)

    # -- SQL ------------------------------------------------------------------
    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """A pooled connection at the driver level, in one read transaction.

        A question makes five to ten small queries; through SQLAlchemy's result
        machinery each cost more Python time than SQLite spends answering it.
        The connection still comes from the engine's pool (so ``:memory:``
        tests and the pragmas hold), and SQLite errors are raised as
        SQLAlchemy's, as callers expect (the CLI's friendly errors read ``.orig``).
        Statements inside read one snapshot (WAL), so a result cached under a
        generation was read in that generation.
        """
        raw = self.engine.raw_connection()
        try:
            conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
            began = not conn.in_transaction
            if began:
                conn.execute("BEGIN")
            yield conn
            if began:
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise DBAPIError.instance(None, None, exc, sqlite3.Error) from exc
        finally:
            raw.close()  # back to the pool, which rolls back whatever is left open

    def _query(self, statements: Sequence[tuple[str, Sequence[object] | dict[str, object]]],
               ) -> list[list[tuple[Any, ...]]]:
        """The rows of each ``(sql, parameters)``, read in one snapshot."""
        if len(statements) == 1:  # autocommit: no BEGIN/COMMIT round trips
            raw = self.engine.raw_connection()
            sql, params = statements[0]
            try:
                conn: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
                return [conn.execute(sql, params).fetchall()]
            except sqlite3.Error as exc:
                raise DBAPIError.instance(sql, params, exc, sqlite3.Error) from exc
            finally:
                raw.close()
        with self._snapshot() as conn:
            return [conn.execute(sql, params).fetchall() for sql, params in statements]

    def _rows(self, sql: str, params: Sequence[object] | dict[str, object] = ()
              ) -> list[tuple[Any, ...]]:
        return self._query([(sql, params)])[0]

    # -- vocabulary ---------------------------------------------------------
    def _select_in(self, sql: str, values: Collection[object]) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` (ending in ``IN ({marks})``) for ``values``, in chunks.

        Bound parameters: a question's few hundred substrings, as ``?`` marks.
        """
        items = list(dict.fromkeys(values))
        if not items:
            return []
        statements = []
        for i in range(0, len(items), CHUNK):
            chunk = tuple(items[i:i + CHUNK])
            statements.append((sql.format(marks=", ".join("?" * len(chunk))), chunk))
        return [row for rows in self._query(statements) for row in rows]


__all__ = ["CACHED_PASSAGES", "CACHED_SEARCHES", "CACHED_TERMS", "CHUNK", "GENERATION_SQL",
           "SearcherBase"]
