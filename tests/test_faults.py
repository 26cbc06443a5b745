"""CLI fault handling: damaged indexes, missing and unreadable inputs, other encodings.

Every ``casebot`` run is a subprocess with HOME/XDG_DATA_HOME in tmp, so the
user's real index is never touched.  The rule under test: a fault ends with a
one-line message naming the file and the fix, never a traceback, and never
loses or modifies the user's documents.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.service import Casebot
from corpus.loader import BUNDLED_DIR

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "哪个部门修订了畜禽屠宰管理条例?"
EXPECTED = "修訂《新疆維吾爾自治區畜禽屠宰管理條例》"
BUNDLED_DOC = next(BUNDLED_DIR.glob("*.txt"))
FIX = "casebot index --rebuild"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): _sha(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASEBOT_", "TELEGRAM_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), PYTHONUTF8="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])))
    return env


@pytest.fixture(scope="module", autouse=True)
def bundled_untouched() -> Iterator[None]:
    before = _tree_hashes(BUNDLED_DIR)
    yield
    assert _tree_hashes(BUNDLED_DIR) == before, "the bundled corpus was modified"


@pytest.fixture(scope="module")
def good_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real, complete index file (checkpointed: no -wal beside it)."""
    db = tmp_path_factory.mktemp("good") / "good.db"
    service = Casebot.open(db)
    with service.sa_engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    service.close()
    return db


def casebot(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], env=env,
                          cwd=env["HOME"], capture_output=True, text=True, timeout=timeout,
                          check=False)


def _assert_one_line_fix(proc: subprocess.CompletedProcess[str], db: Path) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert str(db) in lines[0]
    assert FIX in lines[0]


# --- damaged indexes ----------------------------------------------------------------

@pytest.fixture
def corrupt_db(tmp_path: Path) -> Path:
    db = tmp_path / "corrupt.db"
    db.write_bytes(random.Random(0).randbytes(16_384))
    return db


@pytest.fixture
def truncated_db(tmp_path: Path, good_index: Path) -> Path:
    data = good_index.read_bytes()
    db = tmp_path / "truncated.db"
    db.write_bytes(data[:len(data) // 2])
    return db


@pytest.mark.parametrize("kind", ["corrupt_db", "truncated_db"])
def test_ask_on_damaged_index_says_how_to_fix(kind: str, request: pytest.FixtureRequest,
                                              env: dict[str, str]) -> None:
    db: Path = request.getfixturevalue(kind)
    before = _sha(db)
    proc = casebot(env, "ask", "--db", str(db), "x")
    _assert_one_line_fix(proc, db)
    assert proc.stdout == ""
    assert _sha(db) == before  # a failed ask never writes to the file


def test_rebuild_on_corrupt_index_recovers_or_explains(corrupt_db: Path,
                                                      env: dict[str, str]) -> None:
    proc = casebot(env, "index", "--db", str(corrupt_db), "--rebuild", "-q")
    assert "Traceback" not in proc.stderr, proc.stderr[-1500:]
    if proc.returncode == 0:
        # Recovered: the damaged file was moved aside and a working index built.
        ask = casebot(env, "ask", "--db", str(corrupt_db), "--json", QUESTION)
        assert ask.returncode == 0, ask.stderr
        assert json.loads(ask.stdout)["found"]
    else:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and str(corrupt_db) in lines[0], proc.stderr


# --- bad inputs ---------------------------------------------------------------------------

def test_index_missing_path(tmp_path: Path, env: dict[str, str]) -> None:
    missing = tmp_path / "no-such-folder"
    db = tmp_path / "x.db"
    proc = casebot(env, "index", str(missing), "--db", str(db), "-q")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert str(missing) in proc.stderr
    assert "no such file" in proc.stderr.lower()
    assert not db.exists()  # nothing half-created


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(BUNDLED_DOC, docs / "good.txt")
    (docs / "garbage.txt").write_bytes(random.Random(1).randbytes(4096))
    return docs


def test_folder_with_good_and_garbage_documents(mixed_folder: Path, tmp_path: Path,
                                               env: dict[str, str]) -> None:
    unreadable = mixed_folder / "locked.txt"
    if os.geteuid() != 0:
        shutil.copyfile(BUNDLED_DOC, unreadable)
        unreadable.chmod(0)
    before = _tree_hashes(mixed_folder) if os.geteuid() == 0 else None
    db = tmp_path / "x.db"
    try:
        proc = casebot(env, "index", str(mixed_folder), "--db", str(db), "-q")
    finally:
        if unreadable.exists():
            unreadable.chmod(0o644)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "Traceback" not in out
    assert "garbage.txt" in out
    if os.geteuid() != 0:
        assert "locked.txt" in out
    else:
        assert _tree_hashes(mixed_folder) == before
    assert "1 added" in proc.stdout

    service = Casebot.open(db, build=False)  # in-process: the CLI ask path is tested above
    try:
        assert [Path(d["source"]).name for d in service.searcher.documents()] == ["good.txt"]
        answer = service.answer(QUESTION)
        assert answer.found and EXPECTED in answer.passages[0].text
    finally:
        service.close()


def test_broken_symlink_in_folder_is_reported(tmp_path: Path, env: dict[str, str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(BUNDLED_DOC, docs / "good.txt")
    (docs / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    proc = casebot(env, "index", str(docs), "--db", str(tmp_path / "x.db"), "-q")
    assert "Traceback" not in proc.stderr
    assert "broken.txt" in proc.stdout + proc.stderr
    assert proc.returncode != 0


# --- encodings, sources, the question log --------------------------------------------------

def test_gb18030_copy_answers_like_the_utf8_original(tmp_path: Path,
                                                    good_index: Path) -> None:
    original = BUNDLED_DOC.read_text(encoding="utf-8")
    folder = tmp_path / "gb"
    folder.mkdir()
    gb = folder / "announcement-gb18030.txt"
    gb.write_bytes(original.encode("gb18030"))
    with pytest.raises(UnicodeDecodeError):
        gb.read_bytes().decode("utf-8")  # really not UTF-8
    sources = {"gb": _sha(gb), "bundled": _sha(BUNDLED_DOC)}

    reference = Casebot.open(good_index, build=False)
    service = Casebot.open(tmp_path / "gb.db")  # bundled first …
    try:
        summary = service.index([folder], rebuild=True)  # … then only the GB18030 copy
        assert not summary.errors, summary.errors
        assert len(summary.added) == 1
        docs = service.searcher.documents()
        assert [Path(d["source"]).name for d in docs] == [gb.name]
        got, want = service.answer(QUESTION), reference.answer(QUESTION)
        assert got.found and want.found
        assert got.answer == want.answer
        assert [p.text for p in got.passages] == [p.text for p in want.passages]
        assert [p.doc for p in got.passages] == [p.doc for p in want.passages]
    finally:
        service.close()
        reference.close()
    assert {"gb": _sha(gb), "bundled": _sha(BUNDLED_DOC)} == sources


def test_question_log_survives_reopening(tmp_path: Path, good_index: Path) -> None:
    db = tmp_path / "log.db"
    shutil.copyfile(good_index, db)
    first = Casebot.open(db, build=False)
    try:
        assert first.log.stats().questions == 0
        qid = first.log.record("u1", QUESTION, True, None)
        first.log.record("u2", "不相关的问题", False, None)
        assert first.log.feedback(qid, 1)
    finally:
        first.close()
    second = Casebot.open(db, build=False)
    try:
        stats = second.log.stats()
        assert stats.questions == 2
        assert stats.answered == 1
        assert stats.users == 2
        assert stats.thumbs_up == 1
        assert stats.top_unanswered == [("不相关的问题", 1)]
        # re-indexing never touches the log
        second.index([BUNDLED_DIR], rebuild=True)
        assert second.log.stats().questions == 2
    finally:
        second.close()
