"""Fixtures of the web tests: a private index per module, the application over it, and a
real ``casebot web`` process on a free loopback port.

Each module gets its own copy of the session's built index, because the web application
writes the question log beside the index it serves.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.service import Casebot
from bot.web.app import WebConfig, create_app
from tests.conftest import copy_index

ROOT = Path(__file__).resolve().parents[2]
CASEBOT = ROOT / ".venv" / "bin" / "casebot"
QUESTION = "哪个部门修订了畜禽屠宰管理条例?"
TOKEN = "test-admin-token-0123456789"


@pytest.fixture(scope="module")
def web_db(built_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_index(built_db_path, tmp_path_factory.mktemp("web") / "casebot.db")


@pytest.fixture(scope="module")
def web_service(web_db: Path) -> Iterator[Casebot]:
    service = Casebot.open(web_db, build=False)
    yield service
    service.close()


MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_client(web_service: Casebot) -> MakeClient:
    """``make_client(**WebConfig fields)``: a test client over the module's service
    (the request limit is off unless given)."""

    def make(**config: object) -> TestClient:
        settings = {"rate_limit": 0, "admin_token": TOKEN, **config}
        return TestClient(create_app(web_service, WebConfig(**settings)))  # type: ignore[arg-type]

    return make


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    db: Path


def clean_env(home: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a ``casebot`` subprocess: no user dirs, no casebot settings."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CASEBOT_", "TELEGRAM_", "XDG_"))}
    env.update({"HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
                "XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config"),
                "PYTHONIOENCODING": "utf-8", **(extra or {})})
    return env


def start_server(db: Path, home: Path, extra_env: Mapping[str, str] | None = None,
                 startup: float = 120.0, args: Sequence[str] = ()) -> Server:
    """``casebot web --db DB [ARGS]`` on a free loopback port, once ``/healthz`` answers.

    ``startup`` only bounds a hang (a slow machine still passes); the process's output goes
    to a file under ``home`` so a failure can show it.
    """
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    cmd = [str(CASEBOT)] if CASEBOT.exists() else [sys.executable, "-m", "bot.cli"]
    out = (home / "server.log").open("wb")
    proc = subprocess.Popen([*cmd, "web", "--db", str(db), "--host", "127.0.0.1", "--port",
                             str(port), *args], cwd=home, env=clean_env(home, extra_env),
                            stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + startup
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as r:
                if r.status == 200:
                    return Server(url, proc, db)
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_server(proc)
            log = (home / "server.log").read_text("utf-8", "replace")
            raise AssertionError(f"casebot web did not start:\n{log[-3000:]}")
        time.sleep(0.1)


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


@pytest.fixture(scope="module")
def web_server(built_db_path: Path, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[Server]:
    """A real ``casebot web`` process over a private copy of the built index."""
    tmp = tmp_path_factory.mktemp("server")
    db = copy_index(built_db_path, tmp / "casebot.db")
    server = start_server(db, tmp / "home", {"CASEBOT_ADMIN_TOKEN": TOKEN,
                                              "CASEBOT_WEB_RATE_LIMIT": "1000"})
    yield server
    stop_server(server.process)
