"""The searcher: read-only questions to the index.

Kept apart from the writer (as in whoosh/tantivy): it never changes the
index.  Every user string reaches SQL as a bound parameter and FTS5 only as
quoted tokens built by :func:`fts_query`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Engine, text

from indexer.normalize import normalize_many
from indexer.schema import SCHEMA_VERSION

_CHUNK = 500  # bound parameters per IN (...) — well under SQLite's limit


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
       c.id, c.number, c.title, s.id, s.marker, s.heading
FROM passages p
JOIN documents d ON d.id = p.document_id
LEFT JOIN cases c ON c.id = p.case_id
LEFT JOIN sections s ON s.id = p.section_id
"""


class Searcher:
    """Read access to one index."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._vocab_cache: list[tuple[str, int]] | None = None
        self._by_length: dict[int, list[str]] | None = None
        self._by_pinyin: dict[str, list[tuple[str, int]]] | None = None
        self._facts_of_kinds: dict[tuple[str, ...], list[FactHit]] = {}
        self._generation: str | None = None  # of the index the caches were read from

    @cached_property
    def passage_count(self) -> int:
        with self.engine.connect() as c:
            return int(c.execute(text("SELECT count(*) FROM passages")).scalar() or 0)

    def refresh(self) -> bool:
        """Forget cached statistics if the index changed since they were read (a query of
        the generation the writer stamps on every change); True if it had."""
        with self.engine.connect() as c:
            generation = c.exec_driver_sql(
                "SELECT value FROM meta WHERE key = 'generation'").scalar()
        if generation == self._generation:
            return False
        self.reset()
        self._generation = generation
        return True

    def reset(self) -> None:
        """Forget cached statistics (after the index changed)."""
        self.__dict__.pop("passage_count", None)
        self._vocab_cache = None
        self._by_length = None
        self._by_pinyin = None
        self._facts_of_kinds = {}

    # -- vocabulary ---------------------------------------------------------
    def _select_in(self, sql: str, values: Collection[object]) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` (ending in ``IN ({marks})``) for ``values``, in chunks.

        Bound parameters at the driver level: a question's few hundred
        substrings would otherwise spend more time in statement caching than
        in SQLite.
        """
        items = list(dict.fromkeys(values))
        rows: list[tuple[Any, ...]] = []
        with self.engine.connect() as c:
            for i in range(0, len(items), _CHUNK):
                chunk = tuple(items[i:i + _CHUNK])
                marks = ", ".join("?" * len(chunk))
                rows.extend(tuple(r) for r in c.exec_driver_sql(sql.format(marks=marks), chunk))
        return rows

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        """``{term: passages containing it}`` for those of ``terms`` that are indexed words."""
        rows = self._select_in("SELECT term, df FROM vocab WHERE term IN ({marks})", terms)
        return {str(t): int(df) for t, df in rows}

    def terms_by_pinyin(self, keys: Collection[str]) -> dict[str, list[tuple[str, int]]]:
        """Indexed words whose toneless pinyin equals one of ``keys``, most frequent first.

        The keys are computed here, once per index generation, from the cached
        vocabulary (a dictionary look-up per character, ~0.1 s for a large
        index) rather than stored: on disk they cost more than the FTS index.
        """
        if self._by_pinyin is None:
            from indexer.pinyin import pinyin_key

            by_pinyin: dict[str, list[tuple[str, int]]] = {}
            for term, df in sorted(self.vocabulary(), key=lambda item: -item[1]):
                key = pinyin_key(term)
                if key:
                    by_pinyin.setdefault(key, []).append((term, df))
            self._by_pinyin = by_pinyin
        return {k: self._by_pinyin[k] for k in keys if k in self._by_pinyin}

    def vocabulary(self) -> list[tuple[str, int]]:
        """Every indexed word of two or more characters (cached; for fuzzy matching)."""
        if self._vocab_cache is None:
            with self.engine.connect() as c:
                rows = c.exec_driver_sql(
                    "SELECT term, df FROM vocab WHERE length(term) >= 2").fetchall()
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
        with self.engine.connect() as c:
            return [str(t) for (t,) in c.execute(text("SELECT DISTINCT term FROM domain_terms"))]

    # -- passages -----------------------------------------------------------
    def search_passages(self, terms: Sequence[str],
                        limit: int = 200) -> list[tuple[PassageHit, float]]:
        """:meth:`search` and :meth:`passages` in one round trip, best BM25 first."""
        query = fts_query(terms)
        if query is None:
            return []
        sql = ("WITH hits AS (SELECT rowid AS id, rank FROM passage_fts "
               "WHERE passage_fts MATCH ? ORDER BY rank LIMIT ?) "
               + _PASSAGE_SELECT.replace("FROM passages p", "FROM hits h JOIN passages p "
                                         "ON p.id = h.id").replace("SELECT ", "SELECT h.rank, ", 1)
               + " ORDER BY h.rank")
        with self.engine.connect() as c:
            rows = c.exec_driver_sql(sql, (query, limit)).fetchall()
        return [(PassageHit(*row[1:]), -float(row[0])) for row in rows]

    def passages(self, ids: Sequence[int]) -> dict[int, PassageHit]:
        rows = self._select_in(_PASSAGE_SELECT + " WHERE p.id IN ({marks})", ids)
        return {hit.id: hit for hit in (PassageHit(*row) for row in rows)}

    def passages_where(self, where: str, params: dict[str, object]) -> list[PassageHit]:
        """Passages in document order (``where`` is ours, never user text)."""
        with self.engine.connect() as c:
            rows = c.execute(text(_PASSAGE_SELECT + f" WHERE {where} ORDER BY p.id"), params)
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

    def document_passages(self, doc_id: int) -> list[PassageHit]:
        return self._range("documents", doc_id, None)

    # -- facts ----------------------------------------------------------------
    def facts(self, kinds: Collection[str],
              passage_ids: Collection[int] | None = None) -> list[FactHit]:
        """Facts of ``kinds``, optionally only those of the given passages.

        Facts are stored by passage; all facts of a kind (aliases, for every
        question that names a document) take a table scan, so they are kept.
        """
        if passage_ids is None:
            key = tuple(sorted(set(kinds)))
            if key not in self._facts_of_kinds:
                self._facts_of_kinds[key] = self._facts(kinds, None)
            return list(self._facts_of_kinds[key])
        return self._facts(kinds, passage_ids)

    def _facts(self, kinds: Collection[str],
               passage_ids: Collection[int] | None) -> list[FactHit]:
        params: dict[str, object] = {f"k{i}": k for i, k in enumerate(kinds)}
        where = "kind IN (" + ", ".join(f":k{i}" for i in range(len(params))) + ")"
        if passage_ids is not None:
            ids = list(passage_ids)[:_CHUNK]
            params.update({f"p{i}": v for i, v in enumerate(ids)})
            where += " AND passage_id IN (" + ", ".join(f":p{i}" for i in range(len(ids))) + ")"
        with self.engine.connect() as c:
            rows = c.execute(text(
                "SELECT passage_id, kind, subject, action, object FROM facts "
                f"WHERE {where} ORDER BY passage_id, ordinal"), params).all()
        # The matching key is not stored: it is the normalised document title of
        # an issuance, else of the subject (normalisation keeps offsets, so the two agree).
        keys = normalize_many([(r[4] if r[1] == "issuance" else r[2]) or "" for r in rows])
        return [FactHit(r[0], r[1], r[2], r[3], r[4], key) for r, key in zip(rows, keys, strict=True)]

    # -- browsing -------------------------------------------------------------
    def documents(self) -> list[dict[str, object]]:
        with self.engine.connect() as c:
            rows = c.execute(text(
                "SELECT d.id, d.title, d.source, d.issuer, d.published, d.batch, d.script, "
                "d.format, d.indexed_at, (SELECT count(*) FROM cases WHERE document_id=d.id), "
                "d.last_passage - d.first_passage + 1 FROM documents d "
                "ORDER BY d.id"))
            keys = ("id", "title", "source", "issuer", "published", "batch", "script", "format",
                    "indexed_at", "cases", "passages")
            return [dict(zip(keys, r, strict=True)) for r in rows]

    def document_titles(self, limit: int) -> tuple[list[str], int]:
        """The first ``limit`` document titles and how many documents there are (cheap)."""
        with self.engine.connect() as c:
            titles = [str(t) for (t,) in c.exec_driver_sql(
                "SELECT title FROM documents ORDER BY id LIMIT ?", (limit,))]
            total = int(c.exec_driver_sql("SELECT count(*) FROM documents").scalar() or 0)
        return titles, total

    def cases(self) -> list[dict[str, object]]:
        with self.engine.connect() as c:
            rows = c.execute(text(
                "SELECT c.id, c.number, c.title, d.id, d.title FROM cases c "
                "JOIN documents d ON d.id = c.document_id ORDER BY d.id, c.number"))
            keys = ("id", "number", "title", "doc_id", "doc_title")
            return [dict(zip(keys, r, strict=True)) for r in rows]


__all__ = ["SCHEMA_VERSION", "FactHit", "PassageHit", "Searcher", "fts_query", "fts_quote"]
