"""The searcher: read-only questions to the index.

Kept apart from the writer (as in whoosh/tantivy): it never changes the index.  Every user
string reaches SQL as a bound parameter and FTS5 only as quoted tokens built by
:func:`fts_query`.  :class:`Searcher` is its reads put together: the state of the index
(:mod:`indexer.search.base`), its vocabulary, its passages and facts, its listings.
"""

from __future__ import annotations

from indexer.schema import SCHEMA_VERSION
from indexer.search.base import CHUNK as _CHUNK
from indexer.search.base import GENERATION_SQL as _GENERATION_SQL
from indexer.search.hits import FactHit, PassageHit, case_label, fts_query, fts_quote, passage_hit
from indexer.search.listings import Listings
from indexer.search.passages import PASSAGE_SELECT as _PASSAGE_SELECT
from indexer.search.passages import PassageReads
from indexer.search.vocabulary import VocabularyReads


class Searcher(VocabularyReads, PassageReads, Listings):
    """Read access to one index (SQLite; :class:`indexer.storage.pgsearch.PgSearcher`
    reads PostgreSQL through the same methods)."""


__all__ = [
    "SCHEMA_VERSION",
    "_CHUNK",
    "_GENERATION_SQL",
    "_PASSAGE_SELECT",
    "FactHit",
    "PassageHit",
    "Searcher",
    "case_label",
    "fts_query",
    "fts_quote",
    "passage_hit",
]
