"""Index builds: a fresh index per corpus size, timed, and the plain-jieba yardstick.

The writer's time is wall time of ``IndexWriter.index_paths`` on an empty
database (it reads, parses, segments over several processes, and writes in
one transaction).  The yardstick is ``jieba.lcut_for_search`` of the very
sentences the index holds, normalised beforehand, in this one process after
``jieba.initialize()`` — the least any jieba-based indexer has to do.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus.loader import discover
from indexer.db import make_engine
from indexer.normalize import normalize
from indexer.writer import IndexWriter


@dataclass
class Build:
    """One fresh index build."""

    db: Path
    seconds: float
    stages: dict[str, float] = field(default_factory=dict)  # stage → seconds spent in it
    documents: int = 0
    passages: int = 0
    errors: int = 0


def db_bytes(db: Path) -> int:
    """The index on disk: the database file plus any WAL/shared-memory files beside it."""
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"))
               if p.exists())


def raw_bytes(paths: list[Path]) -> int:
    """UTF-8 bytes of every document file under ``paths`` (what gets indexed)."""
    return sum(p.stat().st_size for p in discover(paths))


def build_index(paths: list[Path], db: Path) -> Build:
    """Index ``paths`` into a new database at ``db``; time the whole and each stage."""
    if db.exists():
        raise FileExistsError(db)
    engine = make_engine(db)
    marks: dict[str, float] = {}
    start = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        # The writer reports (stage, total, total) when a stage ends.
        if done == total:
            marks[stage] = time.perf_counter() - start

    try:
        writer = IndexWriter(engine, progress)
        summary = writer.index_paths(paths)
        seconds = time.perf_counter() - start
    finally:
        # Closing the last connection checkpoints the WAL into the main file,
        # so the size on disk is the index itself.
        engine.dispose()
    read_end = marks.get("read", 0.0)
    seg_end = marks.get("segment", read_end)
    stages = {"read+parse": read_end, "segment": seg_end - read_end, "write": seconds - seg_end}
    return Build(db, seconds, stages, len(summary.added), summary.total_passages,
                 len(summary.errors))


def indexed_texts(db: Path) -> list[str]:
    """The text of every indexed sentence (what both sides of the comparison segment)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [str(t) for (t,) in con.execute("SELECT text FROM passages ORDER BY id")]
    finally:
        con.close()


def plain_jieba(normalised: list[str]) -> tuple[float, list[list[str]]]:
    """Seconds for ``jieba.lcut_for_search`` over ``normalised`` (one process), and the tokens."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()  # dictionary loading is not what is measured
    start = time.perf_counter()
    tokens = [jieba.lcut_for_search(t) for t in normalised]
    return time.perf_counter() - start, tokens


def normalise_all(texts: list[str]) -> list[str]:
    return [normalize(t) for t in texts]


def space_by_table(db: Path) -> dict[str, int]:
    """Bytes per table, its indexes counted with it (empty when SQLite lacks ``dbstat``)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        owner = {str(n): str(t) for n, t in con.execute("SELECT name, tbl_name FROM sqlite_master")}
        rows = con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.OperationalError:  # no dbstat compiled in
        return {}
    finally:
        con.close()
    out: dict[str, int] = {}
    for name, size in rows:
        table = owner.get(str(name), str(name))
        out[table] = out.get(table, 0) + int(size)
    return out
