"""What the answer stages read from the index: :class:`Lookup`, a protocol.

:class:`indexer.search.Searcher` implements it over SQLite or PostgreSQL; the stage tests
implement it over a few rows in memory (tests/bot/stages/kit.py), so each stage is tested
alone, without building an index.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from indexer.search import FactHit, PassageHit


class Lookup(Protocol):
    """Passages and facts by id, by case, section and document; BM25 candidates."""

    def search_passages(self, terms: Sequence[str],
                        limit: int = 200) -> list[tuple[PassageHit, float]]: ...

    def passages(self, ids: Sequence[int]) -> dict[int, PassageHit]: ...

    def section_passages(self, section_id: int) -> list[PassageHit]: ...

    def case_passages(self, case_id: int,
                      roles: Collection[str] | None = None) -> list[PassageHit]: ...

    def document_passages(self, doc_id: int,
                          roles: Collection[str] | None = None) -> list[PassageHit]: ...

    def document_openings(self, doc_ids: Collection[int],
                          limit: int) -> dict[int, list[PassageHit]]: ...

    def only_document(self) -> int | None: ...

    def facts(self, kinds: Collection[str],
              passage_ids: Collection[int] | None = None) -> list[FactHit]: ...

    def document_titles(self, limit: int) -> tuple[list[str], int]: ...

    def document_labels(self, doc_id: int) -> tuple[str | None, str | None]: ...

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]: ...


__all__ = ["Lookup"]
