"""Web questions reach the question log off the request path, in order, and a failing or
slow log never costs an answer."""

from __future__ import annotations

import threading
import time
import urllib.parse
import urllib.request

from bot.web.recorder import Entry, Recorder
from indexer.db import make_engine
from indexer.qlog import open_question_log
from tests.web.conftest import QUESTION, Server


def entry(i: int) -> Entry:
    return Entry("h", f"q{i}", i % 2 == 0, None)


def test_entries_are_written_in_order_and_flush_writes_them_all() -> None:
    written: list[str] = []
    recorder = Recorder(lambda _h, q, _f, _t: written.append(q))
    recorder.start()
    for i in range(200):
        recorder.add(entry(i))
    recorder.flush()
    assert written == [f"q{i}" for i in range(200)]


def test_a_failing_write_does_not_stop_the_writer() -> None:
    written: list[str] = []

    def write(_h: str | None, q: str, _f: bool, _t: int | None) -> None:
        if q == "q1":
            raise OSError("disk full")
        written.append(q)

    recorder = Recorder(write)
    recorder.start()
    for i in range(3):
        recorder.add(entry(i))
    recorder.flush()
    assert written == ["q0", "q2"]


def test_a_full_queue_drops_log_entries_without_blocking() -> None:
    gate = threading.Event()
    written: list[str] = []

    def slow(_h: str | None, q: str, _f: bool, _t: int | None) -> None:
        gate.wait(30)
        written.append(q)

    recorder = Recorder(slow, max_queued=5)
    recorder.start()
    for i in range(50):  # must return at once although nothing is written yet
        recorder.add(entry(i))
    gate.set()
    recorder.flush()
    assert 5 <= len(written) <= 7 and written[0] == "q0"


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
