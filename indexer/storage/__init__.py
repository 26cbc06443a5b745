"""One storage interface for the index, with an implementation per database.

A :class:`Storage` is where one index lives together with what the serving
processes share: the question log (feedback, and the questions buttons
re-answer) and, where several processes serve one store, per-user limits.
It hands out the two sides of the index apart, as whoosh and tantivy do: a
searcher (read-only, :class:`indexer.search.Searcher`) and, for the writer
(:class:`indexer.writer.IndexWriter`), one :class:`IndexTxn` per write
transaction.  The writer's logic — what changed, reading, segmenting — is the
same for every store; only the statements differ.

* :class:`indexer.storage.sqlite.SqliteStorage` — a file (the default): FTS5 with
  its own BM25, the question log in a file of its own beside the index;
* :class:`indexer.storage.postgres.PostgresStorage` — a SQLAlchemy URL
  (``postgresql+psycopg://…``): a ``tsvector`` of the same tokens with a GIN index,
  BM25 from statistics kept in tables so that it ranks as SQLite does, and
  everything serving processes share in the same database.

``CASEBOT_DB``/``--db`` name a store: :func:`is_url` tells which kind.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine

if TYPE_CHECKING:
    from indexer.qlog import QuestionLog
    from indexer.search import Searcher
    from indexer.storage.limits import LimitStore

Target = Path | str  # a file path, or a SQLAlchemy URL

URL_SCHEMES = ("postgresql", "postgres")


def is_url(target: object) -> bool:
    """Whether ``target`` (CASEBOT_DB, --db) is a database URL rather than a file path."""
    text = str(target)
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme.split("+", 1)[0].lower() in URL_SCHEMES


def looks_like_url(target: object) -> bool:
    """``scheme://…`` of any kind (a URL this casebot cannot use is an error, not a path)."""
    scheme, sep, _ = str(target).partition("://")
    return bool(sep) and scheme.replace("+", "").replace("-", "").isalnum()


def db_target(value: Path | str) -> Path | str:
    """CASEBOT_DB or --db as given: a database URL stays text, anything else is a path."""
    if isinstance(value, str) and looks_like_url(value):
        return value
    return Path(value)


def display_target(target: object) -> str:
    """A store as shown to people and logs: a URL without its password."""
    if looks_like_url(target):
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            return make_url(str(target)).render_as_string(hide_password=True)
        except ArgumentError:
            return str(target).split("://", 1)[0] + "://…"
    return str(target)


class IndexTxn(ABC):
    """The statements of one write transaction of the index (the writer's side).

    The writer calls these in order: :meth:`begin`, :meth:`known`,
    :meth:`staying_terms`, :meth:`delete_documents`, :meth:`next_ids`,
    :meth:`prepare_inserts`, then per document :meth:`insert` and
    :meth:`insert_fts`, and :meth:`finish` before the commit.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def begin(self) -> None:  # noqa: B027 (optional: most stores need nothing here)
        """First statement of the transaction (a writer lock where the store needs one)."""

    def known(self) -> dict[str, str]:
        """``{source: sha256}`` of the indexed documents, as this transaction sees them."""
        return {str(k): str(v) for k, v in
                self.conn.exec_driver_sql("SELECT source, sha256 FROM documents")}

    def staying_terms(self, stale: set[str]) -> set[str]:
        """The domain terms of every document not in ``stale`` (sources)."""
        return {str(t) for t, source in self.conn.exec_driver_sql(
            "SELECT t.term, d.source FROM domain_terms t JOIN documents d "
            "ON d.id = t.document_id") if source not in stale}

    def next_ids(self) -> dict[str, int]:
        return {table: int(self.conn.exec_driver_sql(
                    f"SELECT coalesce(max(id), 0) + 1 FROM {table}").scalar() or 1)
                for table in ("documents", "cases", "sections", "passages")}

    def prepare_inserts(self) -> None:  # noqa: B027 (optional, as begin)
        """Called once before the first insert."""

    @abstractmethod
    def delete_documents(self, keys: Sequence[str]) -> None:
        """Drop the documents with these sources, their rows and their postings."""

    @abstractmethod
    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert ``rows`` (never empty) into ``table``."""

    @abstractmethod
    def insert_fts(self, rows: Sequence[tuple[int, str]]) -> None:
        """Index ``(passage id, words)``: ``words`` are the passage's tokens, space separated."""

    @abstractmethod
    def finish(self, changed: bool) -> None:
        """Statistics and generation, just before the commit (``changed``: rows changed)."""

    def passage_count(self) -> int:
        return int(self.conn.exec_driver_sql("SELECT count(*) FROM passages").scalar() or 0)


class Storage(ABC):
    """One index store: its engine, searcher, writer transactions and shared state."""

    #: Several processes may serve this store at once (limits and log must be shared).
    shared: bool = False

    def __init__(self, engine: Engine, target: Target) -> None:
        self.engine = engine
        self.target = target

    @property
    def display(self) -> str:
        """The store as shown to users (a URL without its password)."""
        return display_target(self.target)

    @abstractmethod
    def create_schema(self) -> None:
        """Create every table (idempotent); an index of another schema version is emptied."""

    @abstractmethod
    def check(self) -> None:
        """Raise a named error (:mod:`indexer.errors`) unless the store holds a readable index."""

    @abstractmethod
    def searcher(self) -> Searcher: ...

    @abstractmethod
    def txn(self, conn: Connection) -> IndexTxn: ...

    @abstractmethod
    def question_log(self) -> QuestionLog: ...

    def limit_store(self) -> LimitStore | None:
        """Where per-user limits are kept when processes share them (None: in memory)."""
        return None

    def exists(self) -> bool:
        """Whether the store is there at all (a file; a server is assumed to be)."""
        return True

    def dispose(self) -> None:
        self.engine.dispose()


def open_storage(target: Target) -> Storage:
    """The store ``target`` names: a SQLAlchemy URL (PostgreSQL) or a file path (SQLite)."""
    if is_url(target):
        from indexer.storage.postgres import PostgresStorage

        return PostgresStorage.connect(str(target))
    if looks_like_url(target):
        from indexer.errors import UnsupportedStore

        raise UnsupportedStore(str(target))
    from indexer.storage.sqlite import SqliteStorage

    return SqliteStorage.open(Path(target))


def storage_for(engine: Engine, target: Target | None = None) -> Storage:
    """The store behind an engine someone already made (tests, the CLI's ``--rebuild``)."""
    if engine.dialect.name == "postgresql":
        from indexer.storage.postgres import PostgresStorage

        return PostgresStorage(engine, str(target or engine.url.render_as_string(
            hide_password=False)))
    from indexer.storage.sqlite import SqliteStorage

    return SqliteStorage(engine, target if target is not None else (engine.url.database
                                                                    or ":memory:"))


__all__ = ["IndexTxn", "Storage", "Target", "db_target", "display_target", "is_url", "looks_like_url",
           "open_storage", "storage_for"]
