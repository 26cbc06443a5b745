"""Writing web questions to the question log off the request path.

A request hands its question to :class:`Recorder` and returns at once; one thread writes
the log in arrival order.  Why: every write is a transaction on the log's SQLite file,
and twenty requests committing at once wait on each other's file lock — measured, the
log written in the request cost ~20 % of ``/api/ask``'s throughput under 20 clients and
put ~0.9 s outliers in its tail.  The web needs no row id back (Telegram's buttons do;
the bot still writes through :meth:`~indexer.qlog.QuestionLog.record` itself).

The queue is bounded: when the log cannot keep up, questions are dropped from the log
(with one warning per burst), never from being answered.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

MAX_QUEUED = 10_000


@dataclass(frozen=True)
class Entry:
    user_hash: str | None
    question: str
    found: bool
    top_passage_id: int | None


Write = Callable[[str | None, str, bool, int | None], object]


class Recorder:
    """Queues entries for ``write`` (``QuestionLog.record``) and writes them on one thread."""

    def __init__(self, write: Write, max_queued: int = MAX_QUEUED) -> None:
        self._write = write
        self._queue: queue.Queue[Entry | None] = queue.Queue(max_queued)
        self._thread: threading.Thread | None = None
        self._dropping = False

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
            self._thread.start()

    def add(self, entry: Entry) -> None:
        if self._thread is None:  # not started (a test client without its lifespan)
            self._store(entry)
            return
        try:
            self._queue.put_nowait(entry)
            self._dropping = False
        except queue.Full:
            if not self._dropping:
                log.warning("question log is behind; questions are answered but not logged")
            self._dropping = True

    def flush(self, timeout: float = 30.0) -> None:
        """Write what is queued and stop the thread (the application's shutdown)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout)

    def _run(self) -> None:
        while (entry := self._queue.get()) is not None:
            self._store(entry)

    def _store(self, entry: Entry) -> None:
        try:
            self._write(entry.user_hash, entry.question, entry.found, entry.top_passage_id)
        except Exception:  # a failing log never costs an answer, nor stops the writer
            log.warning("the question log could not be written", exc_info=True)


__all__ = ["Entry", "Recorder"]
