"""The casebot service: one index, one answer engine, one question log.

Built once by an entry point (CLI command or bot ``post_init``) and passed
around — the Telegram application keeps it in ``bot_data``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine as SAEngine

from bot.answer import Answer, Engine
from corpus.loader import BUNDLED_DIR, DATA_DIR
from indexer.db import check_index, make_engine
from indexer.errors import IndexMissing
from indexer.qlog import QuestionLog
from indexer.search import Searcher
from indexer.writer import IndexSummary, IndexWriter, Progress


class Casebot:
    """Everything the channels need, over the index at ``db_path``."""

    def __init__(self, db_path: Path | str, sa_engine: SAEngine) -> None:
        self.db_path = db_path
        self.sa_engine = sa_engine
        self.searcher = Searcher(sa_engine)
        self.engine = Engine.create(self.searcher, DATA_DIR)
        self.log = QuestionLog(sa_engine)

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
        except IndexMissing:
            if not build:
                raise
            IndexWriter(sa_engine, progress).index_paths([BUNDLED_DIR])
            check_index(sa_engine, db_path)
        return cls(db_path, sa_engine)

    def warm_up(self) -> None:
        """Load lazy caches now (for long-running processes)."""
        self.engine.analyzer.warm_up()

    def answer(self, question: str, top: int = 3) -> Answer:
        return self.engine.answer(question, top=top)

    def index(self, paths: Sequence[Path], rebuild: bool = False,
              progress: Progress | None = None) -> IndexSummary:
        summary = IndexWriter(self.sa_engine, progress).index_paths(paths, rebuild=rebuild)
        self.searcher.reset()
        return summary

    def close(self) -> None:
        self.sa_engine.dispose()


__all__ = ["BUNDLED_DIR", "Casebot"]
