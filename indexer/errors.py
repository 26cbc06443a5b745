"""The indexer's named errors; each message says how to fix the problem."""

from __future__ import annotations

from pathlib import Path


class IndexError_(Exception):
    """Base class for index problems."""


class IndexMissing(IndexError_):
    def __init__(self, path: Path) -> None:
        super().__init__(f"No index at {path}. Build it with: casebot index")
        self.path = path


class IndexOutdated(IndexMissing):
    """The index was built by another version of casebot; it is rebuilt from its documents."""

    def __init__(self, path: Path, found: str | None) -> None:
        IndexError_.__init__(
            self, f"The index {path} has schema version {found}, this casebot needs another. "
                  f"Rebuild it with: casebot index --rebuild --db {path}")
        self.path = path


class CorruptIndex(IndexError_):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"The index {path} is damaged or not a casebot index ({detail}). "
            f"Rebuild it with: casebot index --rebuild --db {path}"
        )
        self.path = path


class IndexBusy(IndexError_):
    def __init__(self, path: Path) -> None:
        super().__init__(f"The index {path} is locked by another writer; try again shortly.")
        self.path = path
