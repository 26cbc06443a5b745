"""Opening the SQLite database: pragmas, schema, and turning SQLite failures into named errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from indexer.errors import CorruptIndex, IndexBusy, IndexMissing, IndexOutdated
from indexer.schema import SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def make_engine(path: Path | str) -> Engine:
    """An engine on ``path`` (``":memory:"`` for tests) with our pragmas on every connection."""
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
    kwargs: dict[str, Any] = {}
    if str(path) == ":memory:":
        from sqlalchemy.pool import StaticPool

        # One shared connection, or each checkout would see an empty database.
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    else:
        kwargs = {"connect_args": {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}}
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def create_schema(engine: Engine) -> None:
    """Create every table (idempotent) and switch the file to WAL.

    An index of another schema version is emptied first (everything but the
    question log): it is derived from the documents, and re-indexing fills it.
    """
    from indexer.models import FTS_DDL, Base  # the ORM: only when writing
    with engine.begin() as conn:
        if engine.url.database:
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" in tables:
            found = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'schema'").scalar()
            if found != SCHEMA_VERSION:
                for name in ("passage_fts_instance", "passage_fts_vocab", "passage_fts"):
                    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
                keep = {"questions"}
                Base.metadata.drop_all(conn, tables=[t for t in Base.metadata.sorted_tables
                                                     if t.name not in keep])
        Base.metadata.create_all(conn)
        for ddl in FTS_DDL:
            conn.execute(ddl)
        conn.execute(
            text("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', :v)"),
            {"v": SCHEMA_VERSION},
        )


def check_index(engine: Engine, path: Path | str) -> None:
    """Raise a named error unless ``engine`` holds a readable casebot index."""
    if str(path) != ":memory:" and not Path(path).exists():
        raise IndexMissing(Path(path))
    try:
        with engine.connect() as conn:
            version = conn.execute(
                text("SELECT value FROM meta WHERE key = 'schema'")
            ).scalar_one_or_none()
            conn.execute(text("SELECT count(*) FROM passage_fts WHERE rowid = 0")).scalar()
    except OperationalError as exc:
        if "locked" in str(exc):
            raise IndexBusy(Path(path)) from exc
        if "no such table" in str(exc) and _is_empty(engine):
            raise IndexMissing(Path(path)) from exc
        raise CorruptIndex(Path(path), _short(exc)) from exc
    except DatabaseError as exc:
        raise CorruptIndex(Path(path), _short(exc)) from exc
    if version != SCHEMA_VERSION:
        raise IndexOutdated(Path(path), version)


def _is_empty(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            return not conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
    except DatabaseError:
        return False


def _short(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]


__all__ = ["check_index", "create_schema", "make_engine"]
