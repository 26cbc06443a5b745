"""The searcher: read-only questions to the index.

Kept apart from the writer (as in whoosh/tantivy): it never changes the
index.  Every user string reaches SQL as a bound parameter and FTS5 only as
quoted tokens built by :func:`fts_query`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from indexer.normalize import normalize_many
from indexer.schema import SCHEMA_VERSION

_CHUNK = 500  # bound parameters per IN (...) — well under SQLite's limit
_CACHED_SEARCHES = 256  # BM25 result lists kept (a hundred passages each, shared)
_CACHED_PASSAGES = 10_000  # candidate passages kept (~1 kB each)
_CACHED_TERMS = 50_000  # document frequencies of question substrings (~150 B each)
# FTS5's structure record (rowid 10) and averages record (rowid 1): any write
# to the full-text index changes them.  See Searcher._current.
_GENERATION_SQL = "SELECT id, block FROM passage_fts_data WHERE id IN (1, 10) ORDER BY id"


def fts_quote(token: str) -> str:
    """One FTS5 string token: double quotes doubled, wrapped in quotes.

    Whatever ``token`` holds (AND, NEAR, *, ^, :, parentheses, column names)
    it is matched as text, never parsed as query syntax.
    """
    # NUL would end the string inside SQLite's FTS5 parser; it carries no meaning.
    return '"' + token.replace("\x00", "").replace('"', '""') + '"'


def fts_query(terms: Iterable[str]) -> str | None:
    """An OR of quoted terms, or None when there is nothing to search for."""
    quoted = [fts_quote(t) for t in dict.fromkeys(terms) if t.strip()]
    return " OR ".join(quoted) if quoted else None


@dataclass(frozen=True)
class PassageHit:
    """A passage with everything needed to cite it."""

    id: int
    text: str
    role: str
    seq: int
    paragraph: int
    doc_id: int
    doc_title: str
    doc_source: str
    case_id: int | None
    case_number: int | None
    case_title: str | None
    section_id: int | None
    section_marker: str | None
    section_heading: str | None
    case_marker: str | None = None  # as the document writes it: 案例1、, 一、, （一）…

    @property
    def case_label(self) -> str | None:
        """How the document itself names the case: 案例N, or its own marker and title
        (一、甲州做法) — never a 案例N the document does not have."""
        return case_label(self.case_number, self.case_marker, self.case_title)


def case_label(number: int | None, marker: str | None, title: str | None) -> str | None:
    if not number:
        return None
    if not marker or "案例" in marker:
        return f"案例{number}"
    return f"{marker}{title or ''}".strip()


@dataclass(frozen=True)
class FactHit:
    passage_id: int
    kind: str
    subject: str | None
    action: str | None
    object: str | None
    norm: str


_PASSAGE_SELECT = """
SELECT p.id, p.text, p.role, p.seq, p.paragraph, d.id, d.title, d.source,
       c.id, c.number, c.title, s.id, s.marker, s.heading, c.marker
FROM passages p
JOIN documents d ON d.id = p.document_id
LEFT JOIN cases c ON c.id = p.case_id
LEFT JOIN sections s ON s.id = p.section_id
"""


def _fact_hits(rows: Sequence[tuple[Any, ...]]) -> list[FactHit]:
    # The matching key is not stored: it is the normalised document title of an
    # issuance, else of the subject (normalisation keeps offsets, so the two agree).
    keys = normalize_many([(r[4] if r[1] == "issuance" else r[2]) or "" for r in rows])
    return [FactHit(r[0], r[1], r[2], r[3], r[4], key) for r, key in zip(rows, keys, strict=True)]


class Searcher:
    """Read access to one index (SQLite; :class:`indexer.storage.postgres.PgSearcher`
    reads PostgreSQL through the same methods)."""

    # How the index's generation is read (see :meth:`_current`).
    generation_sql = _GENERATION_SQL
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
        for i in range(0, len(items), _CHUNK):
            chunk = tuple(items[i:i + _CHUNK])
            statements.append((sql.format(marks=", ".join("?" * len(chunk))), chunk))
        return [row for rows in self._query(statements) for row in rows]

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
                 + ", ".join("?" * len(missing[i:i + _CHUNK])) + ")", missing[i:i + _CHUNK])
                for i in range(0, len(missing), _CHUNK))])
            found = {str(t): int(df) for rows in chunks for t, df in rows}
            with self._lock:
                if generation == current and self._remember(generation):
                    if len(self._df) + len(missing) > _CACHED_TERMS:
                        self._df = {}
                    self._df.update((t, found.get(t)) for t in missing)
        out: dict[str, int] = {}
        for i in range(0, len(items), _CHUNK):
            # SQLite's BINARY order of UTF-8 text is Python's code-point order.
            for t in sorted(items[i:i + _CHUNK]):
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
        if not keys:  # a question without Latin words: pypinyin need not even load
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

    # -- passages -----------------------------------------------------------
    def search_passages(self, terms: Sequence[str],
                        limit: int = 200) -> list[tuple[PassageHit, float]]:
        """:meth:`search` and :meth:`passages` in one round trip, best BM25 first."""
        query = fts_query(terms)
        if query is None:
            return []
        key = (query, limit)
        current = self._current()
        with self._lock:
            cached = self._hits.get(key)
            if cached is not None:
                self._hits.move_to_end(key)
                return list(cached)
        with self._snapshot() as conn:
            generation = conn.execute(_GENERATION_SQL).fetchall()
            # bm25() sorted by SQLite rather than FTS5's own ORDER BY rank: the
            # same rows in the same order (checked on thousands of queries), a
            # fifth less time.
            ranked = conn.execute(
                "SELECT rowid, bm25(passage_fts) FROM passage_fts WHERE passage_fts MATCH ? "
                "ORDER BY bm25(passage_fts) LIMIT ?", key).fetchall()
            fresh = generation == current and self._remember(generation)
            # Half the candidates of a question were candidates of an earlier
            # one: only the others are read (and remembered).
            known = self._passage_hits if fresh else {}
            missing = [pid for pid, _ in ranked if pid not in known]
            found = {}
            for i in range(0, len(missing), _CHUNK):
                chunk = missing[i:i + _CHUNK]
                for row in conn.execute(_PASSAGE_SELECT + " WHERE p.id IN ("
                                        + ", ".join("?" * len(chunk)) + ")", chunk):
                    found[row[0]] = PassageHit(*row)
        # As a join would: a rank without its passage row is no hit.
        hits = [(hit, -float(score)) for pid, score in ranked
                if (hit := known.get(pid) or found.get(pid)) is not None]
        with self._lock:
            if fresh and self._remember(generation):
                if len(self._passage_hits) + len(found) > _CACHED_PASSAGES:
                    self._passage_hits = {}
                self._passage_hits.update(found)
                self._hits[key] = hits
                while len(self._hits) > _CACHED_SEARCHES:
                    self._hits.popitem(last=False)
        return list(hits)

    def passages(self, ids: Sequence[int]) -> dict[int, PassageHit]:
        rows = self._select_in(_PASSAGE_SELECT + " WHERE p.id IN ({marks})", ids)
        return {hit.id: hit for hit in (PassageHit(*row) for row in rows)}

    def passages_where(self, where: str, params: dict[str, object]) -> list[PassageHit]:
        """Passages in document order (``where`` is ours, never user text)."""
        rows = self._rows(_PASSAGE_SELECT + f" WHERE {where} ORDER BY p.id", params)
        return [PassageHit(*row) for row in rows]

    def _range(self, table: str, row_id: int, roles: Collection[str] | None) -> list[PassageHit]:
        # The passages of a document, case or section are a range of ids (see
        # indexer.writer): a rowid range scan instead of a scan of the table.
        where = (f"p.id BETWEEN (SELECT first_passage FROM {table} WHERE id = :i) "
                 f"AND (SELECT last_passage FROM {table} WHERE id = :i)")
        params: dict[str, object] = {"i": row_id}
        if roles:
            params.update({f"r{k}": role for k, role in enumerate(roles)})
            where += " AND p.role IN (" + ", ".join(f":r{k}" for k in range(len(roles))) + ")"
        return self.passages_where(where, params)

    def section_passages(self, section_id: int) -> list[PassageHit]:
        return self._range("sections", section_id, None)

    def case_passages(self, case_id: int,
                      roles: Collection[str] | None = None) -> list[PassageHit]:
        """A case's passages in order, optionally only those of some ``roles`` (lead, …)."""
        return self._range("cases", case_id, roles)

    def document_passages(self, doc_id: int,
                          roles: Collection[str] | None = None) -> list[PassageHit]:
        """A document's passages in order, optionally only those of some ``roles``."""
        return self._range("documents", doc_id, roles)

    def duplicate_documents(self) -> list[list[str]]:
        """Groups of documents (their sources) whose sentences are the same, in order."""
        import hashlib

        digests: dict[int, hashlib._Hash] = {}
        for doc_id, text in self._rows("SELECT document_id, text FROM passages ORDER BY id"):
            digests.setdefault(int(doc_id), hashlib.sha256()).update(f"{text}\n".encode())
        sources = dict(self._rows("SELECT id, source FROM documents"))
        groups: dict[str, list[str]] = {}
        for doc_id, digest in digests.items():
            groups.setdefault(digest.hexdigest(), []).append(str(sources[doc_id]))
        return [g for g in groups.values() if len(g) > 1]

    def contains_text(self, text: str) -> bool:
        """Whether some passage quotes ``text`` verbatim (a bound parameter, no pattern)."""
        return bool(self._rows("SELECT 1 FROM passages WHERE instr(text, ?) > 0 LIMIT 1",
                               (text,)))

    def only_document(self) -> int | None:
        """The document's id when the index holds exactly one, else None."""
        rows = self._rows("SELECT id FROM documents LIMIT 2")
        return int(rows[0][0]) if len(rows) == 1 else None

    # -- facts ----------------------------------------------------------------
    def facts(self, kinds: Collection[str],
              passage_ids: Collection[int] | None = None) -> list[FactHit]:
        """Facts of ``kinds``, optionally only those of the given passages."""
        params: dict[str, object] = {f"k{i}": k for i, k in enumerate(kinds)}
        where = "kind IN (" + ", ".join(f":k{i}" for i in range(len(params))) + ")"
        if passage_ids is not None:
            ids = list(passage_ids)[:_CHUNK]
            params.update({f"p{i}": v for i, v in enumerate(ids)})
            where += " AND passage_id IN (" + ", ".join(f":p{i}" for i in range(len(ids))) + ")"
        sql = ("SELECT passage_id, kind, subject, action, object FROM facts "
               f"WHERE {where} ORDER BY passage_id, ordinal")
        if passage_ids is not None:
            return _fact_hits(self._rows(sql, params))
        # Every fact of a kind (the aliases a question may name) is a scan of
        # the whole table: read once per generation of the index.
        key = tuple(kinds)
        current = self._current()
        cached = self._all_facts.get(key)
        if cached is None:
            generation, rows = self._query([(self.generation_sql, ()), (sql, params)])
            cached = _fact_hits(rows)
            with self._lock:
                if generation == current and self._remember(generation):
                    self._all_facts[key] = cached
        return list(cached)

    # -- browsing -------------------------------------------------------------
    def documents(self) -> list[dict[str, object]]:
        rows = self._rows(
            "SELECT d.id, d.title, d.source, d.issuer, d.published, d.batch, d.script, "
            "d.format, d.indexed_at, (SELECT count(*) FROM cases WHERE document_id=d.id), "
            "d.last_passage - d.first_passage + 1 FROM documents d "
            "ORDER BY d.id")
        keys = ("id", "title", "source", "issuer", "published", "batch", "script", "format",
                "indexed_at", "cases", "passages")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def document_titles(self, limit: int) -> tuple[list[str], int]:
        """The first ``limit`` distinct document titles and how many documents there are
        (copies of one document are listed once).  Every not-found reply lists them, and
        on a large index the grouping scans every document: read once per generation."""
        current = self._current()
        cached = self._titles.get(limit)
        if cached is None:
            generation, first, count = self._query([
                (self.generation_sql, ()),
                ("SELECT title FROM documents GROUP BY title ORDER BY min(id) LIMIT ?", (limit,)),
                ("SELECT count(DISTINCT title) FROM documents", ())])
            cached = [str(t) for (t,) in first], int(count[0][0] or 0)
            with self._lock:
                if generation == current and self._remember(generation):
                    self._titles[limit] = cached
        return list(cached[0]), cached[1]

    def cases(self) -> list[dict[str, object]]:
        rows = self._rows("SELECT c.id, c.number, c.title, d.id, d.title FROM cases c "
                          "JOIN documents d ON d.id = c.document_id ORDER BY d.id, c.number")
        keys = ("id", "number", "title", "doc_id", "doc_title")
        return [dict(zip(keys, r, strict=True)) for r in rows]


__all__ = ["SCHEMA_VERSION", "FactHit", "PassageHit", "Searcher", "fts_query", "fts_quote"]
