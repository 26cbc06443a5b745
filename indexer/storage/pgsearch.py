"""The searcher on PostgreSQL: :class:`indexer.search.Searcher`'s questions, and FTS5's BM25.

The base class writes its SQL for SQLite (``?`` and ``:name`` parameters); here
it is translated once per statement to psycopg's style, and every statement
of one question reads one REPEATABLE READ snapshot.  Full-text search ranks
exactly as FTS5's ``bm25()`` does (see :meth:`PgSearcher.search_passages`).
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from corpus import regex
from indexer.search import _CHUNK, _PASSAGE_SELECT, PassageHit, Searcher, fts_query, passage_hit
from indexer.storage.postgres import lexeme_key, quote_lexeme
from indexer.storage.tokens import phrase_tokens

# FTS5's bm25() constants (fts5_aux.c), and its floor for the IDF of common terms.
K1 = 1.2
B = 0.75
K1_PLUS_1 = K1 + 1.0  # computed as C computes ``k1 + 1.0``
ONE_MINUS_B = 1 - B
IDF_FLOOR = 1e-6

T = TypeVar("T")
_EMPTY_NOT_IN = regex.compile(r"[\w.]+\s+NOT\s+IN\s*\(\s*\)", re.I)
_EMPTY_IN = regex.compile(r"[\w.]+\s+IN\s*\(\s*\)", re.I)
_NAMED = regex.compile(r"(?<![:\w]):([A-Za-z_]\w*)")

# One row per passage that matches: the sum over the query's terms, in query order
# (ORDER BY inside the aggregate), of FTS5's per-phrase term with the same operations
# in the same order.  Each term finds its passages through the GIN index; its frequency
# in a passage is ``tf`` at the lexeme's place in the tsvector (lexemes are stored in
# order, and ``tf`` beside them).
_SCORE_SQL = """
WITH hits AS MATERIALIZED (
  SELECT f.passage_id, f.ntok, q.i, q.idf,
         f.tf[array_position(tsvector_to_array(f.tsv), q.term)]::float8 AS tf
  FROM unnest(%(terms)s::text[], %(tsq)s::tsquery[], %(idx)s::int[], %(idf)s::float8[])
       AS q(term, tsq, i, idf)
  JOIN passage_fts f ON f.tsv @@ q.tsq)
SELECT passage_id,
       sum(idf * ((tf * %(k1p1)s) / (tf + %(k1)s * (%(omb)s + %(b)s * ntok / %(avgdl)s)))
           ORDER BY i) AS score
FROM hits
GROUP BY passage_id
ORDER BY score DESC, passage_id
LIMIT %(limit)s
"""

# For queries with a phrase (a term unicode61 splits): the positions, scored in Python.
_POSITIONS_SQL = """
SELECT f.passage_id, f.ntok, u.lexeme, u.positions, f.tf[u.k]
FROM passage_fts f
CROSS JOIN LATERAL unnest(f.tsv) WITH ORDINALITY AS u(lexeme, positions, weights, k)
WHERE f.tsv @@ %(query)s::tsquery AND u.lexeme = ANY(%(lexemes)s)
"""

# The ranking and, in the same statement, the passages it names (a rank without its
# passage row is no hit, as with SQLite's join).
_RANKED_PASSAGES_SQL = "WITH ranked AS (" + _SCORE_SQL + ")" + _PASSAGE_SELECT.replace(
    "SELECT p.id", "SELECT r.score, p.id", 1).replace(
    "FROM passages p", "FROM ranked r JOIN passages p ON p.id = r.passage_id", 1) + (
    " ORDER BY r.score DESC, r.passage_id")

_STATS_SQL = ("SELECT key, value FROM meta WHERE key IN ('generation', 'fts_rows', "
              "'fts_tokens')")


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """SQLite-style parameters (``?``, ``:name``) as psycopg's (``%s``, ``%(name)s``)."""
    sql = sql.replace("%", "%%").replace("?", "%s")
    # SQLite takes an empty list (nothing is IN it); PostgreSQL refuses one.
    sql = _EMPTY_IN.sub("false", _EMPTY_NOT_IN.sub("true", sql))
    return _NAMED.sub(r"%(\1)s", sql)


def _clean(params: Sequence[object] | dict[str, object]) -> Any:
    # PostgreSQL text cannot hold NUL; SQLite's FTS5 ignores it in queries too.
    def fix(v: object) -> object:
        return v.replace("\x00", "") if isinstance(v, str) else v

    if isinstance(params, dict):
        return {k: fix(v) for k, v in params.items()}
    return [fix(v) for v in params]


def phrase_query(tokens: Sequence[str]) -> str:
    inner = " <-> ".join(quote_lexeme(lexeme_key(t)) for t in tokens)
    return f"({inner})" if len(tokens) > 1 else inner


def _score_params(phrases: list[tuple[str, ...]], df: dict[str, int], rows: int, tokens: int,
                  limit: int) -> dict[str, object]:
    """The parameters of _SCORE_SQL: FTS5's constants as C computes them, the IDFs."""
    terms = [lexeme_key(p[0]) for p in phrases]
    return {"k1p1": K1_PLUS_1, "k1": K1, "omb": ONE_MINUS_B, "b": B, "avgdl": tokens / rows,
            "terms": terms, "tsq": [quote_lexeme(t) for t in terms],
            "idx": list(range(len(terms))), "idf": [idf_of(rows, df.get(t, 0)) for t in terms],
            "limit": limit}


def bm25_term(idf: float, freq: float, size: float, avgdl: float) -> float:
    """One phrase's share of FTS5's score, as fts5Bm25Function computes it."""
    return idf * ((freq * K1_PLUS_1) / (freq + K1 * (ONE_MINUS_B + B * size / avgdl)))


def idf_of(rows: int, hits: int) -> float:
    idf = math.log((rows - hits + 0.5) / (hits + 0.5))
    return IDF_FLOOR if idf <= 0.0 else idf


def phrase_count(positions: Sequence[Sequence[int]]) -> int:
    """Occurrences of a phrase: positions p with token j at p + j for every j."""
    if not positions or any(not p for p in positions):
        return 0
    later = [set(p) for p in positions[1:]]
    return sum(1 for p in positions[0]
               if all(p + j in s for j, s in enumerate(later, 1)))


class PgSearcher(Searcher):
    """Read access to an index in PostgreSQL (through an AUTOCOMMIT engine)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._pinned = threading.local()  # the generation of this thread's question

    generation_sql = "SELECT value FROM meta WHERE key = 'generation'"
    vocabulary_sql = ('SELECT term, df FROM vocab WHERE length(term) >= 2 AND term NOT LIKE '
                      "'#~%' ORDER BY term COLLATE \"C\"")

    # -- SQL ------------------------------------------------------------------------------
    def _run(self, work: Callable[[Any], T]) -> T:
        """``work(conn)`` on a pooled psycopg connection.  A connection PostgreSQL dropped
        (a restart) is discarded and the work runs once more on a fresh one; other errors
        are raised as SQLAlchemy's, as callers expect."""
        import psycopg

        for attempt in (1, 2):
            raw = self.engine.raw_connection()
            conn: Any = raw.driver_connection
            try:
                return work(conn)
            except psycopg.Error as exc:
                if attempt == 1 and (conn.closed or conn.broken):
                    raw.invalidate()
                    continue
                raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc
            finally:
                raw.close()
        raise AssertionError("unreachable")

    @staticmethod
    @contextmanager
    def _in_snapshot(conn: Any) -> Iterator[Any]:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def _query(self, statements: Sequence[tuple[str, Sequence[object] | dict[str, object]]],
               ) -> list[list[tuple[Any, ...]]]:
        def work(conn: Any) -> list[list[tuple[Any, ...]]]:
            if len(statements) == 1:
                sql, params = statements[0]
                return [conn.execute(translate(sql), _clean(params)).fetchall()]
            # One snapshot, sent in one go (pipeline mode: no wait per statement).
            with conn.pipeline():
                conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                cursors = [conn.execute(translate(sql), _clean(params))
                           for sql, params in statements]
                conn.execute("COMMIT")
            return [cur.fetchall() for cur in cursors]

        return self._run(work)

    # -- the generation, once per question -------------------------------------------------
    @contextmanager
    def question(self) -> Iterator[None]:
        """Within one question the generation read by :meth:`refresh` stands: each read
        of it is a round trip here, and a question makes half a dozen.  Statements still
        read the generation in their own snapshot, and a result read under another one
        is not cached, so a re-index committed meanwhile is never mixed into the caches;
        the next question sees it."""
        self._pinned.value = self._generation
        try:
            yield
        finally:
            self._pinned.value = None

    def _current(self) -> object:
        pinned = getattr(self._pinned, "value", None)
        if pinned is not None and pinned == self._generation:
            return pinned
        return super()._current()

    # -- what differs from SQLite -----------------------------------------------------------
    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        keys = {t: lexeme_key(t) for t in dict.fromkeys(terms)}
        if all(k == t for t, k in keys.items()):
            return super().document_frequencies(keys)
        found = super().document_frequencies(set(keys.values()))
        return {t: found[k] for t, k in keys.items() if k in found}

    def contains_text(self, text: str) -> bool:
        return bool(self._rows("SELECT 1 FROM passages WHERE strpos(text, ?) > 0 LIMIT 1",
                               (text,)))

    def documents(self) -> list[dict[str, object]]:
        rows = super().documents()
        for row in rows:  # as SQLite stores it: the text the writer gave
            if row["indexed_at"] is not None and not isinstance(row["indexed_at"], str):
                row["indexed_at"] = str(row["indexed_at"])
        return rows

    def search_passages(self, terms: Sequence[str],
                        limit: int = 200) -> list[tuple[PassageHit, float]]:
        """The passages FTS5 would return for ``terms`` (an OR of quoted terms), best first,
        with the scores its ``bm25()`` gives them."""
        query = fts_query(terms)
        if query is None:
            return []
        key = (query, limit)
        current = self._current()
        cached = self._cached_search(key)
        if cached is not None:
            return cached
        # As FTS5 parses the query: each distinct term is a phrase of its tokens; a
        # phrase without any (punctuation alone) matches nothing and adds nothing.
        phrases = [phrase_tokens(t.replace("\x00", "")) for t in dict.fromkeys(terms)
                   if t.strip()]
        phrases = [p for p in phrases if p]
        if not phrases:
            return []
        tsquery = " | ".join(phrase_query(p) for p in phrases)
        lexemes = sorted({lexeme_key(t) for p in phrases for t in p})
        single = all(len(p) == 1 for p in phrases)

        def work(conn: Any) -> tuple[object, list[tuple[int, float]], dict[int, PassageHit]]:
            # Two round trips in one snapshot: the statistics, then the ranking with its
            # passages (pipeline mode sends each group without waiting per statement).
            with conn.pipeline():
                conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                stats_cur = conn.execute(_STATS_SQL)
                df_cur = conn.execute("SELECT term, df FROM vocab WHERE term = ANY(%s)",
                                      (lexemes,))
            try:
                stats = dict(stats_cur.fetchall())
                df = dict(df_cur.fetchall())
                rows = int(stats.get("fts_rows") or 0)
                tokens = int(stats.get("fts_tokens") or 0)
                found: dict[int, PassageHit] = {}
                if rows == 0:
                    ranked: list[tuple[int, float]] = []
                elif single:
                    ranked = []
                    for row in conn.execute(_RANKED_PASSAGES_SQL, _score_params(
                            phrases, df, rows, tokens, limit)):
                        ranked.append((int(row[1]), float(row[0])))
                        found[int(row[1])] = passage_hit(row[1:])
                else:
                    ranked = self._ranked_python(conn, phrases, df, rows, tokens, tsquery,
                                                 limit)
                    ids = [pid for pid, _ in ranked]
                    for i in range(0, len(ids), _CHUNK):
                        for row in conn.execute(_PASSAGE_SELECT + " WHERE p.id = ANY(%s)",
                                                (ids[i:i + _CHUNK],)):
                            found[row[0]] = passage_hit(row)
            finally:
                conn.execute("COMMIT")
            return [(stats.get("generation"),)], ranked, found

        generation, ranked, found = self._run(work)
        fresh = generation == current and self._remember(generation)
        known: dict[int, PassageHit] = {}
        hits = [(hit, score) for pid, score in ranked
                if (hit := known.get(pid) or found.get(pid)) is not None]
        if fresh:
            self._file_search(key, generation, hits, found)
        return list(hits)

    @staticmethod
    def _ranked_python(conn: Any, phrases: list[tuple[str, ...]], df: dict[str, int],
                       rows: int, tokens: int, tsquery: str,
                       limit: int) -> list[tuple[int, float]]:
        lexemes = sorted({lexeme_key(t) for p in phrases for t in p})
        per_row: dict[int, tuple[int, dict[str, tuple[list[int], int]]]] = {}
        for pid, ntok, lexeme, positions, tf in conn.execute(
                _POSITIONS_SQL, {"query": tsquery, "lexemes": lexemes}):
            per_row.setdefault(int(pid), (int(ntok), {}))[1][str(lexeme)] = (
                sorted(int(str(p).rstrip("ABCD")) for p in positions or ()), int(tf))

        def freq(found: dict[str, tuple[list[int], int]], phrase: tuple[str, ...]) -> int:
            if len(phrase) == 1:
                return found.get(lexeme_key(phrase[0]), ([], 0))[1]
            return phrase_count([found.get(lexeme_key(t), ([], 0))[0] for t in phrase])

        freqs = {pid: [freq(found, p) for p in phrases] for pid, (_, found) in per_row.items()}
        hits = [sum(1 for f in freqs.values() if f[i]) if len(p) > 1
                else df.get(lexeme_key(p[0]), 0) for i, p in enumerate(phrases)]
        idfs = [idf_of(rows, h) for h in hits]
        avgdl = tokens / rows
        scored = []
        for pid, fs in freqs.items():
            if not any(fs):
                continue
            score = 0.0
            for idf, f in zip(idfs, fs, strict=True):
                score += bm25_term(idf, float(f), float(per_row[pid][0]), avgdl)
            scored.append((pid, score))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:limit]


__all__ = ["PgSearcher", "bm25_term", "idf_of", "phrase_count", "translate"]
