"""Starting the bot when the Bot API cannot be reached, is misnamed, or never answers.

The table tests read :func:`bot.telegram.connect.classify` alone; the process tests start
the real ``casebot bot`` against loopback servers that refuse, hang, answer 404, or come
up late, and read what an operator would read.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from bot.settings import Settings
from bot.telegram.connect import Outcome, classify, delays

from .conftest import BOT_USERNAME, TOKEN, bot_env
from .fake_bot_api import FakeBotAPI

REPO = Path(__file__).resolve().parents[2]


def settings(**kw: object) -> Settings:
    return Settings(_env_file=None, telegram_bot_token=TOKEN, **kw)  # type: ignore[call-arg, arg-type]


@pytest.mark.parametrize(("status", "body", "error", "outcome", "words", "not_words"), [
    (200, b'{"ok": true}', None, Outcome.OK, [], []),
    (401, b'{"ok": false, "error_code": 401}', None, Outcome.FATAL, ["rejected", "@BotFather"],
     []),
    (404, b"<html>Not Found</html>", None, Outcome.FATAL, ["TELEGRAM_BASE_URL", "/bot"],
     ["rejected TELEGRAM"]),
    (404, b'{"ok": false, "error_code": 404, "description": "Not Found"}', None,
     Outcome.FATAL, ["TELEGRAM_BASE_URL", "not a rejected token"], ["rejected TELEGRAM"]),
    (502, b"bad gateway", None, Outcome.RETRY, ["502"], []),
    (429, b"", None, Outcome.RETRY, ["429"], []),
    (None, b"", httpx.ConnectError("[Errno 111] Connection refused"), Outcome.RETRY,
     ["Cannot reach", "TELEGRAM_PROXY", "<TOKEN>/getMe"], [TOKEN]),
    (None, b"", httpx.ReadTimeout("timed out"), Outcome.RETRY,
     ["never answered", "TELEGRAM_PROXY"], ["Cannot reach"]),
    (None, b"", httpx.ConnectTimeout("timed out"), Outcome.RETRY, ["Cannot reach"], []),
])
def test_what_an_answer_means(status: int | None, body: bytes, error: Exception | None,
                              outcome: Outcome, words: list[str], not_words: list[str]) -> None:
    verdict = classify(settings(), status, body, error)
    assert verdict.outcome is outcome
    for word in words:
        assert word in verdict.message
    for word in not_words:
        assert word not in verdict.message


def test_with_a_proxy_the_hint_names_it() -> None:
    verdict = classify(settings(telegram_proxy="socks5://127.0.0.1:1080"),
                       error=httpx.ConnectError("refused"))
    assert "socks5://127.0.0.1:1080" in verdict.message


def test_delays_double_up_to_the_cap() -> None:
    assert delays(6, 10.0) == [1, 2, 4, 8, 10, 10]
    assert delays(0, 10.0) == []


# -- the real process --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(tmp_path: Path, db: Path, base_url: str, **extra: str) -> subprocess.Popen[str]:
    fake_for_env = FakeBotAPI(token=TOKEN)  # never started: bot_env only reads its URLs
    env = bot_env(fake_for_env, tmp_path / "uploads", **{
        "TELEGRAM_BASE_URL": base_url, "CASEBOT_LOG_LEVEL": "INFO",
        "TELEGRAM_RETRY_MAX_DELAY": "0.2", **extra})
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "bot", "--db", str(db)],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def finish(proc: subprocess.Popen[str], timeout: float = 60) -> str:
    out, _ = proc.communicate(timeout=timeout)
    return out


def test_unreachable_is_one_clear_line_per_attempt_then_exit_1(tmp_path: Path,
                                                               index_db: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/bot"  # nothing listens there
    out = finish(start(tmp_path, index_db, url, TELEGRAM_CONNECT_RETRIES="2"))
    assert "Traceback" not in out and TOKEN not in out
    assert out.count("Cannot reach the Bot API at " + url + "<TOKEN>/getMe") == 3
    assert "TELEGRAM_PROXY" in out and "Gave up after 3 attempts" in out


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/bot"
    stop.set()
    thread.join(5)
    for conn in held:
        conn.close()
    server.close()


def test_a_server_that_never_answers_is_named_as_such(tmp_path: Path, index_db: Path,
                                                      silent_server: str) -> None:
    out = finish(start(tmp_path, index_db, silent_server, TELEGRAM_CONNECT_RETRIES="1",
                       TELEGRAM_CONNECT_TIMEOUT="0.5"))
    assert "accepted the connection but never answered" in out
    assert "Traceback" not in out


@pytest.fixture
def not_a_bot_api() -> Iterator[str]:
    """An ordinary web server: 404 for every path."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>404 Not Found</body></html>")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/wrong/"
    server.shutdown()
    server.server_close()


def test_a_404_names_the_base_url_not_the_token(tmp_path: Path, index_db: Path,
                                                not_a_bot_api: str) -> None:
    proc = start(tmp_path, index_db, not_a_bot_api)
    out = finish(proc)
    assert proc.returncode == 1
    assert "TELEGRAM_BASE_URL" in out and "not a rejected token" in out
    assert "rejected TELEGRAM_BOT_TOKEN" not in out and "Traceback" not in out


def test_sigterm_while_waiting_stops_at_once(tmp_path: Path, index_db: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/bot"
    # Retries that would go on for many minutes: a process that ignored the signal (or
    # finished its wait first) could not have stopped within the generous bound below, on
    # however loaded a machine.
    proc = start(tmp_path, index_db, url, TELEGRAM_CONNECT_RETRIES="50",
                 TELEGRAM_RETRY_MAX_DELAY="600")
    assert proc.stdout is not None
    for line in proc.stdout:  # the first failed attempt: now it waits
        if "Cannot reach" in line:
            break
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(120)
    assert time.monotonic() - started < 120
    assert proc.returncode == 0


def test_a_signal_inside_a_log_call_still_stops_the_wait() -> None:
    """SIGTERM may land while the retry warning is being written; logging's handlers
    swallow an Exception raised there, so the stop must be a BaseException."""
    import logging
    import os

    from bot.telegram import connect

    class SignalOnWarning(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            try:
                if record.levelno == logging.WARNING:
                    os.kill(os.getpid(), signal.SIGTERM)  # handled inside this call
            except Exception:  # what logging.Handler.handleError stands for
                pass

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    handler = SignalOnWarning()
    connect.log.addHandler(handler)
    try:
        with pytest.raises(SystemExit) as stopped:
            connect.wait_for_bot_api(settings(telegram_connect_retries=3),
                                     sleep=lambda _: None,
                                     client=httpx.Client(transport=httpx.MockTransport(refuse)))
    finally:
        connect.log.removeHandler(handler)
    assert stopped.value.code == 0  # stopped by the signal, not given up after 4 attempts


class Relay:
    """A TCP relay on ``port`` to ``target``: the network that comes up late."""

    def __init__(self, port: int, target: int) -> None:
        self.server = socket.create_server(("127.0.0.1", port))
        self.target = target
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.server.close()


def test_a_network_that_comes_up_late_is_waited_for(tmp_path: Path, index_db: Path) -> None:
    fake = FakeBotAPI(token=TOKEN, bot_username=BOT_USERNAME).start()
    port = free_port()
    url = fake.base_url.replace(f":{fake.port}/", f":{port}/")
    proc = start(tmp_path, index_db, url, TELEGRAM_CONNECT_RETRIES="100",
                 TELEGRAM_BASE_FILE_URL=fake.base_file_url.replace(f":{fake.port}/", f":{port}/"))
    relay = None
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "Cannot reach" in line:
                break
        relay = Relay(port, fake.port)  # the network is up now
        fake.wait_for("getUpdates", timeout=60)  # polling: the bot started
        proc.send_signal(signal.SIGTERM)
        out = proc.communicate(timeout=30)[0]
        assert proc.returncode == 0
        assert "The Bot API answers now" in out and "Traceback" not in out
    finally:
        if proc.poll() is None:
            proc.kill()
        if relay is not None:
            relay.close()
        fake.stop()
