"""Writing web questions to the question log off the request path.

A request hands its question to :class:`Recorder` and returns at once; one thread writes
the log in arrival order.  Why: every write is a transaction on the log's SQLite file,
and twenty requests committing at once wait on each other's file lock — measured, the
log written in the request cost ~20 % of ``/api/ask``'s throughput under 20 clients and
put ~0.9 s outliers in its tail.  The web needs no row id back (Telegram's buttons do;
the bot still writes through :meth:`~indexer.qlog.QuestionLog.record` itself).

The writer wakes for a question, lingers (:data:`LINGER`), and writes everything queued by
then in one transaction (:meth:`~indexer.qlog.QuestionLog.record_many`).  Why: a writer
that woke and committed for every question took the GIL from the answering thread each
time — under 20 clients a process answered 105–123 requests/s with the log on and
145–168 with it off; batched, 142–166 (``bench/web.py``, one worker, the news index).
A question thus reaches the log (and the admin charts) up to :data:`LINGER` late, and
shutdown (:meth:`Recorder.flush`) writes at once.  When a batch fails, its entries are
tried one by one, so a bad entry loses only itself.

The queue is bounded: when the log cannot keep up, questions are dropped from the log
(with one warning per burst), never from being answered.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence

from indexer.qlog import Entry

log = logging.getLogger(__name__)

MAX_QUEUED = 10_000
MAX_BATCH = 200  # entries written in one transaction at most
LINGER = 0.25  # seconds the writer waits for more entries after the first of a batch

WriteMany = Callable[[Sequence[Entry]], object]


class Recorder:
    """Queues entries for ``write_many`` (``QuestionLog.record_many``) and writes them on
    one thread, as many at once as have queued up."""

    def __init__(self, write_many: WriteMany, max_queued: int = MAX_QUEUED,
                 max_batch: int = MAX_BATCH, linger: float = LINGER) -> None:
        self._write_many = write_many
        self._queue: queue.Queue[Entry | None] = queue.Queue(max_queued)
        self._max_batch = max_batch
        self._linger = linger
        self._stopping = threading.Event()  # ends a linger early: flush() writes at once
        self._thread: threading.Thread | None = None
        self._dropping = False

    def start(self) -> None:
        if self._thread is None:
            self._stopping.clear()
            self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
            self._thread.start()

    def add(self, entry: Entry) -> None:
        if self._thread is None:  # not started (a test client without its lifespan)
            self._store([entry])
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
            self._stopping.set()
            self._queue.put(None)
            thread.join(timeout)

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batch: list[Entry] = []
            entry = self._queue.get()
            if entry is not None and self._queue.qsize() < self._max_batch - 1:
                # Wait on the event, not the queue: a writer waiting on the queue would wake
                # for every entry put, taking the GIL from the answering thread each time.
                # (A full batch already queued is written at once: no wait caps the rate.)
                self._stopping.wait(self._linger)
            while entry is not None:
                batch.append(entry)
                if len(batch) >= self._max_batch:
                    break
                try:
                    entry = self._queue.get_nowait()
                except queue.Empty:
                    break
            stopping = entry is None
            self._store(batch)

    def _store(self, batch: list[Entry]) -> None:
        if not batch:
            return
        try:
            self._write_many(batch)
            return
        except Exception:  # a failing log never costs an answer, nor stops the writer
            if len(batch) == 1:
                log.warning("the question log could not be written", exc_info=True)
                return
        for entry in batch:  # which entry failed: try each alone
            self._store([entry])


__all__ = ["Entry", "Recorder"]
