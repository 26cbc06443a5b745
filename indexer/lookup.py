"""Read-only word → text tables kept as small SQLite files in the per-user cache directory.

The dictionaries behind English and everyday-word questions (CC-CEDICT read
backwards, 同义词词林) have tens of thousands of entries; in Python dicts they
would add ~30 MB to every bot process, for a few look-ups per question.  Built
once per machine from the packages' data files, they live on disk instead and
are read a word at a time (a primary-key look-up, well under a millisecond).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path


class Lookup:
    """``word → text`` from one cache file; safe to share between threads."""

    def __init__(self, path: Path | None, fallback: dict[str, str] | None = None) -> None:
        self._lock = threading.Lock()
        self._conn = (sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                      if path is not None else None)
        self._fallback = fallback or {}

    def get(self, word: str) -> str | None:
        if self._conn is None:
            return self._fallback.get(word)
        with self._lock:
            row = self._conn.execute("SELECT value FROM t WHERE key = ?", (word,)).fetchone()
        return str(row[0]) if row else None


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("casebot", appauthor=False))


def open_lookup(name: str, build: Callable[[], Iterable[tuple[str, str]]]) -> Lookup:
    """The cache file ``name`` (built with ``build`` when missing or unreadable).

    ``name`` should change whenever the source or the way it is read does;
    older files of the same stem are removed when a new one is written.
    """
    folder = cache_dir()
    path = folder / name
    try:
        lookup = Lookup(path)
        lookup.get("")  # fails here on a missing or damaged file
        return lookup
    except sqlite3.Error:
        pass
    rows = list(build())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        os.close(fd)
        with sqlite3.connect(tmp) as conn:
            conn.execute("CREATE TABLE t (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
            conn.executemany("INSERT OR REPLACE INTO t VALUES (?, ?)", rows)
        conn.close()
        os.replace(tmp, path)  # readers never see a half-written file
        stem = name.split("-", 1)[0]
        for old in folder.glob(f"{stem}-*"):
            if old != path:
                old.unlink(missing_ok=True)
        return Lookup(path)
    except (OSError, sqlite3.Error):
        # A read-only cache directory costs memory, not correctness.
        return Lookup(None, dict(rows))
