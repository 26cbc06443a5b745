"""Web questions reach the question log off the request path, in order, and a failing or
slow log never costs an answer."""

from __future__ import annotations

import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from bot.web.recorder import Entry, Recorder
from indexer.db import make_engine
from indexer.qlog import open_question_log
from tests.web.conftest import QUESTION, Server


def entry(i: int) -> Entry:
    return Entry("h", f"q{i}", i % 2 == 0, None)


def test_entries_are_written_in_order_and_flush_writes_them_all() -> None:
    written: list[str] = []
    recorder = Recorder(lambda batch: written.extend(e.question for e in batch), linger=0)
    recorder.start()
    for i in range(200):
        recorder.add(entry(i))
    recorder.flush()
    assert written == [f"q{i}" for i in range(200)]


def test_what_queues_up_behind_a_write_is_written_in_batches_of_at_most_max_batch() -> None:
    gate = threading.Event()
    batches: list[list[str]] = []

    def write(batch: Sequence[Entry]) -> None:
        gate.wait(30)  # the first write waits until all are queued
        batches.append([e.question for e in batch])

    recorder = Recorder(write, max_batch=4, linger=0)
    recorder.start()
    for i in range(11):
        recorder.add(entry(i))
    gate.set()
    recorder.flush()
    assert [q for b in batches for q in b] == [f"q{i}" for i in range(11)]
    # The first write holds what had queued when it began; the rest queue behind it.
    assert max(map(len, batches)) == 4 and len(batches) <= 1 + -(-10 // 4)


def test_the_writer_lingers_for_more_and_flush_ends_the_linger() -> None:
    batches: list[list[str]] = []
    recorder = Recorder(lambda batch: batches.append([e.question for e in batch]),
                        linger=3600)
    recorder.start()
    for i in range(5):
        recorder.add(entry(i))
    recorder.flush(timeout=60)  # would not return before the linger ended, were it not cut
    assert batches == [[f"q{i}" for i in range(5)]]


def test_a_full_batch_queued_is_written_without_lingering() -> None:
    batches: list[int] = []
    recorder = Recorder(lambda batch: batches.append(len(batch)), max_batch=5, linger=3600)
    for i in range(16):  # queued before the writer starts: it finds three full batches
        recorder._queue.put_nowait(entry(i))
    recorder.start()
    # Were the writer to linger before each full batch, this would wait an hour a batch.
    deadline = time.monotonic() + 60
    while sum(batches) < 15 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert batches[:3] == [5, 5, 5], batches
    recorder.flush(timeout=60)  # the last entry lingers until the flush cuts it short
    assert batches == [5, 5, 5, 1]


def test_a_failing_entry_loses_only_itself_and_does_not_stop_the_writer() -> None:
    written: list[str] = []
    gate = threading.Event()

    def write(batch: Sequence[Entry]) -> None:
        gate.wait(30)
        if any(e.question == "q1" for e in batch):
            raise OSError("disk full")
        written.extend(e.question for e in batch)

    recorder = Recorder(write, linger=0)
    recorder.start()
    for i in range(4):
        recorder.add(entry(i))
    gate.set()
    recorder.flush()
    assert written == ["q0", "q2", "q3"]


def test_a_full_queue_drops_log_entries_without_blocking() -> None:
    gate = threading.Event()
    written: list[str] = []

    def slow(batch: Sequence[Entry]) -> None:
        gate.wait(30)
        written.extend(e.question for e in batch)

    recorder = Recorder(slow, max_queued=5, max_batch=5, linger=0)
    recorder.start()
    for i in range(50):  # must return at once although nothing is written yet
        recorder.add(entry(i))
    gate.set()
    recorder.flush()
    # What the writer held when the gate opened (at most a batch) and what the queue held.
    assert 5 <= len(written) <= 5 + 5 + 1 and written[0] == "q0"
    assert written == sorted(written, key=lambda q: int(q[1:]))


def test_record_many_writes_each_entry_with_the_time_it_was_asked(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    index = make_engine(db)
    log = open_question_log(index, db)
    first, second = Entry("a", "甲?", True, 3), Entry(None, "乙?", False, None)
    log.record_many([first, second])
    log.record_many([])
    stats = log.stats()
    assert (stats.questions, stats.answered, stats.users) == (2, 1, 1)
    assert stats.top_unanswered == [("乙?", 1)]
    assert [d.questions for d in log.per_day(first.asked_at.date())] == [2]
    log.engine.dispose()
    index.dispose()


def test_the_running_server_logs_its_questions(web_server: Server) -> None:
    index = make_engine(web_server.db)
    log = open_question_log(index, web_server.db)
    before = log.stats().questions
    for q in (QUESTION, "个人所得税怎么申报?"):
        url = f"{web_server.url}/api/ask?q={urllib.parse.quote(q)}"
        with urllib.request.urlopen(url, timeout=60) as r:
            assert r.status == 200
    deadline = time.monotonic() + 60  # the writer thread is quick; this only bounds a hang
    while log.stats().questions < before + 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    stats = log.stats()
    assert stats.questions == before + 2
    assert "个人所得税怎么申报?" in dict(stats.top_unanswered)
    log.engine.dispose()
    index.dispose()
