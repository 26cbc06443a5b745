"""The casebot service: one index, one answer engine, one question log.

Built once by an entry point (CLI command or bot ``post_init``) and passed
around — the Telegram application keeps it in ``bot_data``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answer import Answer, Engine
from corpus.loader import BUNDLED_DIR, DATA_DIR
from indexer.db import check_index, make_engine
from indexer.errors import IndexMissing, IndexOutdated
from indexer.search import Searcher

if TYPE_CHECKING:
    from sqlalchemy import Engine as SAEngine

    from indexer.qlog import QuestionLog
    from indexer.writer import IndexSummary, Progress

# The writer and the question log use the ORM; they are imported when first
# used so that a one-shot `casebot ask` does not pay for importing it.


class Casebot:
    """Everything the channels need, over the index at ``db_path``."""

    def __init__(self, db_path: Path | str, sa_engine: SAEngine) -> None:
        self.db_path = db_path
        self.sa_engine = sa_engine
        self.searcher = Searcher(sa_engine)
        self.engine = Engine.create(self.searcher, DATA_DIR)

    @cached_property
    def log(self) -> QuestionLog:
        from indexer.qlog import open_question_log

        return open_question_log(self.sa_engine, self.db_path)

    @classmethod
    def open(cls, db_path: Path | str, build: bool = True,
             progress: Progress | None = None) -> Casebot:
        """Open the index; build it from the bundled corpus first if it is missing.

        Raises ``IndexMissing``/``CorruptIndex`` (with the fix in the message).
        """
        if str(db_path) != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        sa_engine = make_engine(db_path)
        try:
            check_index(sa_engine, db_path)
        except IndexMissing as missing:
            if not build:
                raise
            from indexer.writer import IndexWriter

            # An index from another casebot version is rebuilt from the documents
            # it held (those still on disk), not just from the bundled corpus.
            earlier = _indexed_sources(sa_engine) if isinstance(missing, IndexOutdated) else []
            IndexWriter(sa_engine, progress).index_paths([BUNDLED_DIR, *earlier])
            check_index(sa_engine, db_path)
        return cls(db_path, sa_engine)

    def warm_up(self) -> None:
        """Load lazy caches now (for long-running processes)."""
        self._refresh()  # notes the index generation, so the first question keeps the caches
        self.engine.analyzer.warm_up()

    def answer(self, question: str, top: int = 3) -> Answer:
        self._refresh()
        return self.engine.answer(question, top=top)

    def _refresh(self) -> None:
        """Drop vocabulary-derived caches if another process re-indexed meanwhile
        (``casebot index`` beside a running bot): new documents' words must count."""
        if self.searcher.refresh():
            self.engine.analyzer.reset()

    def index(self, paths: Sequence[Path], rebuild: bool = False,
              progress: Progress | None = None) -> IndexSummary:
        from indexer.writer import IndexWriter

        summary = IndexWriter(self.sa_engine, progress).index_paths(paths, rebuild=rebuild)
        self._refresh()  # vocabulary-derived caches (statistics, typo candidates) are stale now
        return summary

    def close(self) -> None:
        if "log" in self.__dict__:
            self.log.engine.dispose()
        self.sa_engine.dispose()


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
