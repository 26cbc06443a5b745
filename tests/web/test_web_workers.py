"""``casebot web --workers 2``: two answering processes behind one port, both serving the
same answers, every question logged, all of them gone when the server stops; a port that
cannot be listened on (the web's, the webhook bot's) is said, with the fix, before anything
starts."""

from __future__ import annotations

import http.client
import json
import os
import socket
import sqlite3
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.cli.common import port_problem
from bot.service import Casebot
from bot.web.serve import READY
from tests.conftest import copy_index
from tests.web.conftest import QUESTION, start_server, stop_server

REQUESTS = 12


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        # pid (comm) state ppid …: comm may hold spaces, so split after its ')'.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            out.append(int(entry.name))
    return out


def is_worker(pid: int) -> bool:
    try:
        return b"multiprocessing.spawn" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in (
        Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_two_workers_answer_alike_log_everything_and_stop(
        built_db_path: Path, tmp_path: Path) -> None:
    db = copy_index(built_db_path, tmp_path / "casebot.db")
    service = Casebot.open(db, build=False)
    try:
        expected = service.answer(QUESTION, 3).to_json()
    finally:
        service.close()
    server = start_server(db, tmp_path / "home", {"CASEBOT_WEB_RATE_LIMIT": "0"},
                          args=("--workers", "2"))
    try:
        workers = [pid for pid in children(server.process.pid) if is_worker(pid)]
        assert len(workers) == 2
        # Each says when it can answer (what a load test or a deployment check waits for).
        log = tmp_path / "home" / "server.log"
        deadline = time.monotonic() + 120  # bounds a hang only
        while log.read_text("utf-8").count(READY) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert {f"{READY} (pid {pid})" for pid in workers} <= set(
            log.read_text("utf-8").splitlines())

        def ask(_: int) -> tuple[int, object]:
            # A connection per request: the kernel hands them to either worker.
            url = f"{server.url}/api/ask?q={urllib.parse.quote(QUESTION)}"
            with urllib.request.urlopen(url, timeout=60) as r:
                return r.status, json.loads(r.read())

        with ThreadPoolExecutor(4) as pool:
            replies = list(pool.map(ask, range(REQUESTS)))
        assert replies == [(200, expected)] * REQUESTS
        # A keep-alive connection is handed back after CASEBOT_WEB_KEEPALIVE_REQUESTS (5,
        # the default) requests: that response says Connection: close, and the client
        # connects again — to whichever worker accepts it (bot.web.keepalive).
        parts = urllib.parse.urlsplit(server.url)
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
        said = []
        for _ in range(11):
            conn.request("GET", "/healthz")
            response = conn.getresponse()
            response.read()
            said.append(response.status == 200 and response.getheader("connection") == "close")
        conn.close()
        assert said == ([False] * 4 + [True]) * 2 + [False]
    finally:
        stop_server(server.process)
    assert server.process.returncode is not None
    assert not [pid for pid in workers if alive(pid)]
    # Each worker wrote its queued questions before it ended: none is lost.
    with sqlite3.connect(tmp_path / "casebot-questions.db") as log:
        assert log.execute("SELECT count(*) FROM questions").fetchone() == (REQUESTS,)


@pytest.mark.parametrize("value", ["0", "65"])
def test_workers_out_of_range_say_so(value: str) -> None:
    result = CliRunner().invoke(main, ["web", "--workers", value])
    assert result.exit_code == 2
    assert "--workers" in result.output and "1<=x<=64" in result.output


def test_a_port_in_use_is_said_before_anything_starts(tmp_path: Path) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        result = CliRunner().invoke(main, ["web", "--db", str(tmp_path / "none.db"),
                                           "--port", str(port), "--workers", "2"])
    assert result.exit_code == 1
    assert f"Port {port} on 127.0.0.1 is in use" in result.output
    assert "--port" in result.output and "Traceback" not in result.output


def test_an_address_that_cannot_be_listened_on_is_said_with_the_fix() -> None:
    host = "192.0.2.1"  # TEST-NET-1: no interface of this machine has it
    problem = port_problem(host, 8080)
    assert problem is not None and problem.startswith(f"Cannot listen on {host}:8080")
    assert "--host" in problem


def test_a_free_port_is_no_problem() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert port_problem("127.0.0.1", port) is None


def test_the_webhook_port_in_use_names_its_setting(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        monkeypatch.chdir(tmp_path)  # no .env of the checkout
        for key, value in {"TELEGRAM_BOT_TOKEN": "123:abc",
                           "TELEGRAM_WEBHOOK_URL": "https://example.org/hook",
                           "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
                           "TELEGRAM_WEBHOOK_PORT": str(port)}.items():
            monkeypatch.setenv(key, value)
        result = CliRunner().invoke(main, ["bot", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert f"Port {port} on 127.0.0.1 is in use" in result.output
    assert "TELEGRAM_WEBHOOK_PORT" in result.output
