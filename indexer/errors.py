"""The indexer's named errors; each message says how to fix the problem."""

from __future__ import annotations

from pathlib import Path

Where = Path | str  # a file, or a database URL (shown without its password)


class IndexError_(Exception):
    """Base class for index problems."""


class IndexMissing(IndexError_):
    def __init__(self, path: Where) -> None:
        super().__init__(f"No index at {path}. Build it with: casebot index")
        self.path = path


class IndexOutdated(IndexMissing):
    """The index was built by another version of casebot; it is rebuilt from its documents."""

    def __init__(self, path: Where, found: str | None) -> None:
        IndexError_.__init__(
            self, f"The index {path} has schema version {found}, this casebot needs another. "
                  f"Rebuild it with: casebot index --rebuild --db {path}")
        self.path = path


class CorruptIndex(IndexError_):
    def __init__(self, path: Where, detail: str) -> None:
        super().__init__(
            f"The index {path} is damaged or not a casebot index ({detail}). "
            f"Rebuild it with: casebot index --rebuild --db {path}"
        )
        self.path = path


class IndexBusy(IndexError_):
    def __init__(self, path: Where) -> None:
        super().__init__(f"The index {path} is locked by another writer; try again shortly.")
        self.path = path


class StoreUnreachable(IndexError_):
    """The database server named by CASEBOT_DB/--db cannot be reached."""

    def __init__(self, path: Where, detail: str) -> None:
        super().__init__(
            f"Cannot reach the database {path} ({detail}). Check that PostgreSQL is running "
            "and that CASEBOT_DB (or --db) names the right host, port, database, user and "
            "password.")
        self.path = path


class UnsupportedStore(IndexError_):
    def __init__(self, path: Where) -> None:
        super().__init__(
            f"{path} is a URL casebot cannot use. Give a file path (SQLite) or a PostgreSQL "
            "URL such as postgresql+psycopg://user:password@host:5432/casebot.")
        self.path = path
