"""The casebot service: one index, one answer engine, one question log.

Built once by an entry point (CLI command or bot ``post_init``) and passed
around — the Telegram application keeps it in ``bot_data``.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer import Answer, Engine
from corpus import regex
from corpus.paths import BUNDLED_DIR, DATA_DIR
from indexer.errors import IndexMissing, IndexOutdated
from indexer.storage import Storage, Target, is_url, open_storage, storage_for

if TYPE_CHECKING:
    from sqlalchemy import Engine as SAEngine

    from indexer.qlog import QuestionLog
    from indexer.writer import IndexSummary, Progress

# The writer and the question log use the ORM; they are imported when first
# used so that a one-shot `casebot ask` does not pay for importing it.


class Casebot:
    """Everything the channels need, over the index at ``db_path`` (a file or a URL)."""

    def __init__(self, db_path: Target, sa_engine: SAEngine,
                 storage: Storage | None = None) -> None:
        self.db_path = db_path
        self.sa_engine = sa_engine
        self.storage = storage or storage_for(sa_engine, db_path)
        self.searcher = self.storage.searcher()
        self.engine = Engine.create(self.searcher, DATA_DIR)

    @cached_property
    def log(self) -> QuestionLog:
        return self.storage.question_log()

    @property
    def shared(self) -> bool:
        """Several processes serve this index (limits and the log are in the database)."""
        return self.storage.shared

    @classmethod
    def open(cls, db_path: Target, build: bool = True,
             progress: Progress | None = None) -> Casebot:
        """Open the index; build it from the bundled corpus first if it is missing.

        Raises ``IndexMissing``/``CorruptIndex``/``StoreUnreachable`` (with the fix).
        """
        if not is_url(db_path) and str(db_path) != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        storage = open_storage(db_path)
        try:
            storage.check()
        except IndexMissing as missing:
            if not build:
                storage.dispose()
                raise
            from indexer.writer import IndexWriter

            # An index from another casebot version is rebuilt from the documents
            # it held (those still on disk), not just from the bundled corpus.
            earlier = (_indexed_sources(storage.engine) if isinstance(missing, IndexOutdated)
                       else [])
            IndexWriter(storage.engine, progress, storage=storage).index_paths(
                [BUNDLED_DIR, *earlier])
            storage.check()
        except BaseException:
            storage.dispose()
            raise
        return cls(db_path, storage.engine, storage)

    def warm_up(self) -> None:
        """Load lazy caches and compile the rules' patterns now (for long-running processes)."""
        regex.compile_all()
        self._refresh()  # notes the index generation, so the first question keeps the caches
        self.engine.analyzer.warm_up()
        # What was loaded stays for the process's life: leave it out of the cyclic garbage
        # collector's full passes, whose pauses land on the slowest percentile of questions
        # (scripts/compare_revisions.py against the tree before: p99 17-18 ms against 12-13
        # without the freeze, 11-13 against 11 with it).
        gc.collect()
        gc.freeze()

    def answer(self, question: str, top: int = 3) -> Answer:
        self._refresh()
        with self.searcher.question():
            return self.engine.answer(question, top=top)

    def _refresh(self) -> None:
        """Drop vocabulary-derived caches if another process re-indexed meanwhile
        (``casebot index`` beside a running bot): new documents' words must count."""
        if self.searcher.refresh():
            self.engine.analyzer.reset()

    def index(self, paths: Sequence[Path], rebuild: bool = False,
              progress: Progress | None = None) -> IndexSummary:
        from indexer.writer import IndexWriter

        summary = IndexWriter(self.sa_engine, progress, storage=self.storage).index_paths(
            paths, rebuild=rebuild)
        self._refresh()  # vocabulary-derived caches (statistics, typo candidates) are stale now
        return summary

    def close(self) -> None:
        if "log" in self.__dict__:
            self.log.engine.dispose()
        self.storage.dispose()


def _indexed_sources(sa_engine: SAEngine) -> list[Path]:
    """Files behind the documents of an existing (outdated) index that still exist."""
    from sqlalchemy.exc import DatabaseError

    from corpus.loader import source_path

    try:
        with sa_engine.connect() as c:
            keys = [str(k) for (k,) in c.exec_driver_sql("SELECT source FROM documents")]
    except DatabaseError:
        return []
    paths = [source_path(k) for k in keys]
    return [p for p in paths if p.exists() and not p.is_relative_to(BUNDLED_DIR)]


__all__ = ["BUNDLED_DIR", "Casebot"]
