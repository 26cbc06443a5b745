"""Shared fixtures: the bundled document, a session-wide built index, and a CLI runner.

Fixture names carry a prefix (``corpus_``, ``built_``, ``cli_``) so that other
test packages can add their own without clashes; ``run_cli`` is the one
exception, named for what it does.

Nothing here touches the real user's data: every index lives under pytest's
tmp directories, and CLI subprocesses run with a temporary HOME / XDG_* and
a temporary working directory (so no ``.env`` is read).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.service import Casebot
    from corpus.model import Document
    from deploy.pgcluster import PgCluster

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_NAME = "xinjiang-food-safety-typical-cases-batch-1.txt"
BUNDLED_PATH = ROOT / "corpus" / "documents" / BUNDLED_NAME
SECOND_PATH = ROOT / "tests" / "data" / "second" / "announcement.txt"
QA_DEV_PATH = ROOT / "tests" / "data" / "qa_dev.jsonl"
CASEBOT_SCRIPT = ROOT / ".venv" / "bin" / "casebot"


# --- the documents -----------------------------------------------------------

@pytest.fixture(scope="session")
def corpus_bundled_path() -> Path:
    """The bundled announcement (traditional script, 案例N、 + 一是/二是…)."""
    return BUNDLED_PATH


@pytest.fixture(scope="session")
def corpus_bundled_text() -> str:
    """The bundled announcement's file content, exactly as stored."""
    return BUNDLED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_bundled_doc() -> Document:
    """The bundled announcement, read and parsed."""
    from corpus.loader import load_document

    return load_document(BUNDLED_PATH)


@pytest.fixture(scope="session")
def corpus_second_path() -> Path:
    """The synthetic second announcement (simplified script, 一、 + (一))."""
    return SECOND_PATH


@pytest.fixture(scope="session")
def corpus_qa_dev_path() -> Path:
    return QA_DEV_PATH


# --- a built index -------------------------------------------------------------

@pytest.fixture(scope="session")
def built_db_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An index of the bundled corpus, built once per session (read-only for tests!)."""
    from bot.service import Casebot

    path = tmp_path_factory.mktemp("built") / "casebot.db"
    service = Casebot.open(path)
    service.close()
    yield path


@pytest.fixture(scope="session")
def built_casebot(built_db_path: Path) -> Iterator[Casebot]:
    """The casebot service over :func:`built_db_path` (do not index through it)."""
    from bot.service import Casebot

    service = Casebot.open(built_db_path, build=False)
    yield service
    service.close()


# --- the stores: every answer test runs on SQLite and on PostgreSQL -------------------

STORES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throw-away PostgreSQL server for the session (the machine's own binaries,
    a temp directory, a free port on 127.0.0.1).  Missing binaries fail the tests that
    need it with the fix: deploy/ensure-system-packages.sh."""
    from deploy.pgcluster import PgCluster

    cluster = PgCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_database(pg_cluster: PgCluster) -> Callable[[str], str]:
    """``pg_database(hint)``: the URL of a new, empty database on the session's server."""
    import itertools
    import re

    counter = itertools.count(1)

    def make(hint: str = "db") -> str:
        name = re.sub(r"[^a-z0-9_]", "_", hint.lower())[:40]
        return pg_cluster.create_database(f"t{next(counter)}_{name}")

    return make


@pytest.fixture(params=STORES)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], Path | str]:
    """``store_target(name)``: where a new index goes — a file under tmp (SQLite) or a
    new database (PostgreSQL); the test runs once for each."""
    if request.param == "sqlite":
        return lambda name: tmp_path / f"{name}.db"
    make = request.getfixturevalue("pg_database")
    return lambda name: make(name)


@pytest.fixture(scope="session")
def built_pg_casebot(pg_database: Callable[[str], str]) -> Iterator[Casebot]:
    """The bundled corpus indexed in PostgreSQL, once per session (read-only for tests!)."""
    from bot.service import Casebot

    service = Casebot.open(pg_database("built"))
    yield service
    service.close()


@pytest.fixture(scope="session", params=STORES)
def built_any_casebot(request: pytest.FixtureRequest) -> Casebot:
    """The built bundled index, on SQLite and on PostgreSQL (tests run once for each)."""
    name = "built_casebot" if request.param == "sqlite" else "built_pg_casebot"
    service: Casebot = request.getfixturevalue(name)
    return service


@pytest.fixture
def built_db_copy(built_db_path: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the built index (consistent even under WAL)."""
    return copy_index(built_db_path, tmp_path / "copy" / "casebot.db")


def copy_index(source: Path, target: Path) -> Path:
    """A consistent copy of an SQLite index (the backup API, safe under WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


# --- the command line --------------------------------------------------------------

@pytest.fixture
def cli_home(tmp_path: Path) -> Path:
    """A throw-away HOME (and working directory) for CLI subprocesses."""
    home = tmp_path / "cli-home"
    home.mkdir()
    return home


@pytest.fixture
def cli_env(cli_home: Path) -> dict[str, str]:
    """The environment CLI subprocesses run with: no real user dirs, no casebot settings."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CASEBOT_", "TELEGRAM_", "XDG_"))}
    env.update({
        "HOME": str(cli_home),
        "XDG_DATA_HOME": str(cli_home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(cli_home / ".config"),
        "XDG_CACHE_HOME": str(cli_home / ".cache"),
        "PYTHONIOENCODING": "utf-8",
        "NO_COLOR": "1",
    })
    return env


CliRunner = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def run_cli(cli_home: Path, cli_env: dict[str, str]) -> CliRunner:
    """Run the real console script as a subprocess.

    ``run_cli(*args, input=None, env=None, cwd=None, timeout=120)`` returns the
    ``CompletedProcess`` (text, UTF-8).  ``env`` entries are added to
    :func:`cli_env`; the working directory defaults to :func:`cli_home`.
    Always pass ``--db`` with a path under tmp.
    """

    def run(*args: str | os.PathLike[str], input: str | None = None,
            env: Mapping[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
        if CASEBOT_SCRIPT.exists():
            cmd = [str(CASEBOT_SCRIPT)]
        else:  # pragma: no cover - e.g. an installed package without the venv
            cmd = [sys.executable, "-m", "bot.cli"]
        return subprocess.run(
            [*cmd, *map(str, args)], input=input, capture_output=True, text=True,
            encoding="utf-8", env={**cli_env, **(env or {})}, cwd=cwd or cli_home,
            timeout=timeout, check=False,
        )

    return run


# --- running order ------------------------------------------------------------
# `make test` runs the suite in random order (pytest-randomly; the seed is printed, and
# `-p randomly -p "randomly_seed=N"` repeats one) and then the re-index files again in
# reverse order, so a test that leans on another's leftovers fails at once.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--reverse", action="store_true",
                     help="run the collected tests in reverse order")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--reverse"):
        items.reverse()
