"""Reading what the index holds as a whole: its documents and cases, copies, quotations."""

from __future__ import annotations

from indexer.search.base import SearcherBase


class Listings(SearcherBase):
    """The library's view of the index (casebot documents, /documents, not-found replies)."""

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

    def document_labels(self, doc_id: int) -> tuple[str | None, str | None]:
        """The issuer and the publication date (ISO) the reader found for a document — a web
        page's 来源/发布时间 bar, which is not among its passages, or its signature."""
        rows = self._rows("SELECT issuer, published FROM documents WHERE id = ?", (doc_id,))
        return (rows[0][0], rows[0][1]) if rows else (None, None)

    def cases(self) -> list[dict[str, object]]:
        rows = self._rows("SELECT c.id, c.number, c.title, d.id, d.title FROM cases c "
                          "JOIN documents d ON d.id = c.document_id ORDER BY d.id, c.number")
        keys = ("id", "number", "title", "doc_id", "doc_title")
        return [dict(zip(keys, r, strict=True)) for r in rows]


__all__ = ["Listings"]
