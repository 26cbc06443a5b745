"""Fixtures for the Telegram bot's tests: an index built once, and the real bot process.

* ``index_db`` — a casebot index of the bundled corpus, built once per session
  (``Casebot.open`` builds it when missing, as ``casebot index`` would);
* ``casebot_service`` — an open service over a copy of it, for unit tests;
* ``bot_proc`` — the REAL bot (``casebot bot --db …``) as a subprocess, pointed at a
  :class:`FakeBotAPI` on 127.0.0.1, started once per test module.  Its stdout and
  stderr go to a file so tests can check that the token never appears in them.

Nothing here reaches the internet.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.service import Casebot

from .fake_bot_api import FakeBotAPI

REPO = Path(__file__).resolve().parents[2]
# Distinctive, so a leak anywhere in the output is unmistakable.
TOKEN = "987654321:AAH-sEcReT_tokenForLeakCheck42xyz"
BOT_USERNAME = "casebot_test_bot"
ADMIN_ID = 4242
RATE_LIMIT = 8  # per user per window: low, so the flood test stays short
STARTUP_TIMEOUT = 30.0
SHUTDOWN_LIMIT = 5.0


def _copy_db(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        extra = Path(str(src) + suffix)
        if extra.exists():
            shutil.copy(extra, str(dst) + suffix)
    return dst


@pytest.fixture(scope="session")
def index_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index") / "casebot.db"
    Casebot.open(path).close()
    return path


@pytest.fixture(scope="session")
def casebot_service(index_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Casebot]:
    db = _copy_db(index_db, tmp_path_factory.mktemp("service") / "casebot.db")
    service = Casebot.open(db, build=False)
    yield service
    service.close()


@dataclass
class BotProcess:
    """The bot under test and the fake Telegram it talks to."""

    fake: FakeBotAPI
    proc: subprocess.Popen[bytes]
    output_path: Path
    workdir: Path
    db: Path
    corpus_dir: Path
    token: str = TOKEN

    def output(self) -> str:
        return self.output_path.read_text("utf-8", errors="replace")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def terminate(self, limit: float = SHUTDOWN_LIMIT) -> float:
        """SIGTERM the bot; return how long it took to exit (fails past ``limit``)."""
        if not self.alive():
            return 0.0
        start = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(limit)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
            pytest.fail(f"the bot did not exit within {limit}s of SIGTERM:\n{self.output()[-3000:]}")
        return time.monotonic() - start


def bot_env(fake: FakeBotAPI, corpus_dir: Path, **extra: str) -> dict[str, str]:
    # Only what the bot needs from this environment: no stray TELEGRAM_*/CASEBOT_* settings.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TELEGRAM_", "CASEBOT_", "HTTP_PROXY", "HTTPS_PROXY",
                                "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"))}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=fake.base_url,
        TELEGRAM_BASE_FILE_URL=fake.base_file_url,
        TELEGRAM_ADMIN_IDS=str(ADMIN_ID),
        CASEBOT_CORPUS_DIR=str(corpus_dir),
        CASEBOT_RATE_LIMIT=str(RATE_LIMIT),
        CASEBOT_RATE_WINDOW="60",
        # DEBUG makes PTB log its API URLs (token inside): the scrubbing is really tested.
        CASEBOT_LOG_LEVEL="DEBUG",
        PYTHONPATH=str(REPO),  # the code under test, whatever the venv's editable install says
        PYTHONUNBUFFERED="1",
        NO_PROXY="127.0.0.1,localhost",
    )
    env.update(extra)
    return env


def bot_command(db: Path) -> list[str]:
    # What the ``casebot`` console script runs, with the interpreter running the tests.
    return [sys.executable, "-m", "bot.cli", "bot", "--db", str(db)]


def start_bot(fake: FakeBotAPI, workdir: Path, index_db: Path, **extra_env: str) -> BotProcess:
    db = _copy_db(index_db, workdir / "casebot.db")
    corpus_dir = workdir / "uploads"
    output_path = workdir / "bot-output.log"
    with output_path.open("wb") as out:
        proc = subprocess.Popen(bot_command(db), cwd=workdir,  # no stray .env is read
                                env=bot_env(fake, corpus_dir, **extra_env),
                                stdout=out, stderr=subprocess.STDOUT)
    return BotProcess(fake, proc, output_path, workdir, db, corpus_dir)


def wait_until_polling(bp: BotProcess, timeout: float = STARTUP_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bp.fake.calls_of("getUpdates"):
            return
        if not bp.alive():
            pytest.fail(f"the bot exited during startup:\n{bp.output()[-3000:]}")
        time.sleep(0.05)
    pytest.fail(f"the bot did not start polling within {timeout}s:\n{bp.output()[-3000:]}")


@contextmanager
def running_bot(index_db: Path, workdir: Path, *, known_chats: Iterable[int] = (),
                **extra_env: str) -> Iterator[BotProcess]:
    """A fake Telegram and the real bot polling it, until the block ends (SIGTERM, timed)."""
    fake = FakeBotAPI(token=TOKEN, bot_username=BOT_USERNAME).start()
    for chat in known_chats:
        fake.add_chat(chat)
    bp = start_bot(fake, workdir, index_db, **extra_env)
    try:
        wait_until_polling(bp)
        yield bp
    finally:
        try:
            bp.terminate()
        finally:
            fake.stop()


@pytest.fixture(scope="module")
def bot_proc(index_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    """The real bot, polling a fake Telegram; SIGTERMed (and timed) on teardown."""
    with running_bot(index_db, tmp_path_factory.mktemp("bot")) as bp:
        yield bp
