"""Reading passages and facts: BM25 candidates, passages by id and by range, the facts the
answer core's extractors read."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from indexer.search.base import (
    CHUNK,
    GENERATION_SQL,
    SearcherBase,
)
from indexer.search.hits import FactHit, PassageHit, fact_hits, fts_query, passage_hit

PASSAGE_SELECT = """
SELECT p.id, p.text, p.role, p.seq, p.paragraph, d.id, d.title, d.source,
       c.id, c.number, c.title, s.id, s.marker, s.heading, c.marker
FROM passages p
JOIN documents d ON d.id = p.document_id
LEFT JOIN cases c ON c.id = p.case_id
LEFT JOIN sections s ON s.id = p.section_id
"""


class PassageReads(SearcherBase):
    """Passages to quote and the facts to answer from."""

    # -- passages -----------------------------------------------------------
    def search_passages(self, terms: Sequence[str],
                        limit: int = 200) -> list[tuple[PassageHit, float]]:
        """:meth:`search` and :meth:`passages` in one round trip, best BM25 first."""
        query = fts_query(terms)
        if query is None:
            return []
        key = (query, limit)
        current = self._current()
        cached = self._cached_search(key)
        if cached is not None:
            return cached
        with self._snapshot() as conn:
            generation = conn.execute(GENERATION_SQL).fetchall()
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
            for i in range(0, len(missing), CHUNK):
                chunk = missing[i:i + CHUNK]
                for row in conn.execute(PASSAGE_SELECT + " WHERE p.id IN ("
                                        + ", ".join("?" * len(chunk)) + ")", chunk):
                    found[row[0]] = passage_hit(row)
        # As a join would: a rank without its passage row is no hit.
        hits = [(hit, -float(score)) for pid, score in ranked
                if (hit := known.get(pid) or found.get(pid)) is not None]
        if fresh:
            self._file_search(key, generation, hits, found)
        return list(hits)

    def passages(self, ids: Sequence[int]) -> dict[int, PassageHit]:
        rows = self._select_in(PASSAGE_SELECT + " WHERE p.id IN ({marks})", ids)
        return {hit.id: hit for hit in (passage_hit(row) for row in rows)}

    def passages_where(self, where: str, params: dict[str, object]) -> list[PassageHit]:
        """Passages in document order (``where`` is ours, never user text)."""
        rows = self._rows(PASSAGE_SELECT + f" WHERE {where} ORDER BY p.id", params)
        return [passage_hit(row) for row in rows]

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

    def document_openings(self, doc_ids: Collection[int],
                          limit: int) -> dict[int, list[PassageHit]]:
        """The first ``limit`` passages of each of ``doc_ids``, in order, in one query (the
        head of each document's range of ids)."""
        ids = list(dict.fromkeys(doc_ids))[:CHUNK]
        out: dict[int, list[PassageHit]] = {d: [] for d in ids}
        if not ids:
            return out
        params: dict[str, object] = {f"d{i}": d for i, d in enumerate(ids)}
        params["n"] = limit
        where = ("d.id IN (" + ", ".join(f":d{i}" for i in range(len(ids))) + ") "
                 "AND p.id BETWEEN d.first_passage AND d.first_passage + :n - 1")
        for hit in self.passages_where(where, params):
            out[hit.doc_id].append(hit)
        return out

    # -- facts ----------------------------------------------------------------
    def facts(self, kinds: Collection[str],
              passage_ids: Collection[int] | None = None) -> list[FactHit]:
        """Facts of ``kinds``, optionally only those of the given passages."""
        params: dict[str, object] = {f"k{i}": k for i, k in enumerate(kinds)}
        where = "kind IN (" + ", ".join(f":k{i}" for i in range(len(params))) + ")"
        if passage_ids is not None:
            ids = list(passage_ids)[:CHUNK]
            params.update({f"p{i}": v for i, v in enumerate(ids)})
            where += " AND passage_id IN (" + ", ".join(f":p{i}" for i in range(len(ids))) + ")"
        sql = ("SELECT passage_id, kind, subject, action, object FROM facts "
               f"WHERE {where} ORDER BY passage_id, ordinal")
        if passage_ids is not None:
            return fact_hits(self._rows(sql, params))
        # Every fact of a kind (the aliases a question may name) is a scan of
        # the whole table: read once per generation of the index.
        key = tuple(kinds)
        current = self._current()
        cached = self._all_facts.get(key)
        if cached is None:
            generation, rows = self._query([(self.generation_sql, ()), (sql, params)])
            cached = fact_hits(rows)
            with self._lock:
                if generation == current and self._remember(generation):
                    self._all_facts[key] = cached
        return list(cached)


__all__ = ["PASSAGE_SELECT", "PassageReads"]
