"""Re-indexing while questions are being answered: readers never fail, never see half an index.

The writer replaces everything in one transaction (WAL), so each reader must
see either the old index or the new one.  Exercised twice: as separate
``casebot`` processes (the CLI), and as threads in one process (the bot).

"While" is made true, not hoped for: each test holds a re-index inside its write
transaction (:class:`tests.index_gate.IndexGate`) until the readers have asked
what they must, so the proof holds on a machine of any speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bot.service import Casebot
from corpus.loader import BUNDLED_DIR
from tests.index_gate import IndexGate

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "哪个部门修订了畜禽屠宰管理条例?"
EXPECTED = "修訂《新疆維吾爾自治區畜禽屠宰管理條例》"
IN_PROCESS_REBUILDS = 4  # the first held open; the rest run free beside the readers
ASKS_WHILE_HELD = 3  # per reader, while the write transaction is open
CLI_REBUILDS = 2
READERS = 2


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASEBOT_", "TELEGRAM_"))}
    env.update(HOME=str(tmp), XDG_DATA_HOME=str(tmp / "data"), PYTHONUTF8="1")
    return env


def _casebot(args: list[str], env: dict[str, str], cwd: Path,
             timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, check=False)


def _check_ask(proc: subprocess.CompletedProcess[str]) -> str | None:
    """None if the answer is right, else what was wrong."""
    if proc.returncode != 0:
        return f"exit {proc.returncode}: {proc.stderr.strip()[-500:]}"
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return f"invalid JSON ({exc}): {proc.stdout[:300]!r}"
    if not data.get("found"):
        return f"not found: {proc.stdout[:300]}"
    if not data["passages"] or EXPECTED not in data["passages"][0]["text"]:
        return f"wrong passage: {data['passages'][:1]}"
    return None


def _held_cli_rebuild(db: Path, env: dict[str, str], cwd: Path, gate: IndexGate,
                      ) -> tuple[subprocess.CompletedProcess[str], list[str | None]]:
    """One ``casebot index --rebuild`` held in its transaction while CLI readers ask."""
    cmd = [sys.executable, "-m", "bot.cli", "index", "--db", str(db), "--rebuild", "-q"]
    proc = subprocess.Popen(cmd, env={**env, **gate.env()}, cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        gate.wait_entered()
        problems: list[str | None] = []

        def reader() -> None:
            for _ in range(2):
                problems.append(_check_ask(_casebot(
                    ["ask", "--db", str(db), "--json", QUESTION], env, cwd)))

        readers = [threading.Thread(target=reader) for _ in range(READERS)]
        for t in readers:
            t.start()
        for t in readers:
            t.join(timeout=120)
        assert proc.poll() is None, "the re-index ended before it was released"
    finally:
        gate.release()
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), problems


def test_cli_asks_during_cli_rebuilds(tmp_path: Path) -> None:
    env = _env(tmp_path)
    db = tmp_path / "index.db"
    cwd = tmp_path  # no stray .env from the repo; the package is importable from ROOT
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    built = _casebot(["index", "--db", str(db), "-q"], env, cwd)
    assert built.returncode == 0, built.stderr

    for i in range(CLI_REBUILDS):
        rebuilt, problems = _held_cli_rebuild(db, env, cwd, IndexGate(tmp_path / f"gate{i}"))
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert "Re-indexed" in rebuilt.stdout
        assert len(problems) == READERS * 2
        failures = [p for p in problems if p]
        assert not failures, f"{len(failures)}/{len(problems)} asks failed: {failures[:3]}"
        # and after it, the new index answers as well
        assert _check_ask(_casebot(["ask", "--db", str(db), "--json", QUESTION], env, cwd)) \
            is None


def test_threads_answer_during_in_process_rebuilds(tmp_path: Path) -> None:
    db = tmp_path / "index.db"
    writer_service = Casebot.open(db)
    readers = [Casebot.open(db) for _ in range(READERS)]
    gate = IndexGate(tmp_path / "gate")
    stop = threading.Event()
    errors: list[BaseException] = []
    wrong: list[str] = []
    counts = [0] * READERS
    while_held = [0] * READERS
    summaries = []

    def writer() -> None:
        try:
            summaries.append(writer_service.index([BUNDLED_DIR], rebuild=True,
                                                  progress=gate.progress))
            for _ in range(IN_PROCESS_REBUILDS - 1):
                summaries.append(writer_service.index([BUNDLED_DIR], rebuild=True))
        except BaseException as exc:
            errors.append(exc)
        finally:
            stop.set()

    def reader(i: int) -> None:
        try:
            while not stop.is_set():
                held = gate.entered.exists() and not gate.released.exists()
                answer = readers[i].answer(QUESTION)
                counts[i] += 1
                if held and not gate.released.exists():
                    while_held[i] += 1
                    if min(while_held) >= ASKS_WHILE_HELD:
                        gate.release()
                if not answer.found or EXPECTED not in answer.passages[0].text:
                    wrong.append(f"found={answer.found} "
                                 f"{answer.passages[0].text[:40] if answer.passages else None}")
                time.sleep(0.002)  # let the writer thread have the GIL
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
    finally:
        gate.release()
        stop.set()
        for s in [writer_service, *readers]:
            s.close()
    assert not any(t.is_alive() for t in threads)
    assert not errors, repr(errors[0])
    print(f"\n{len(summaries)} in-process rebuilds, {sum(counts)} answers during them")
    assert len(summaries) == IN_PROCESS_REBUILDS
    assert {s.total_passages for s in summaries} == {summaries[0].total_passages}
    assert min(while_held) >= ASKS_WHILE_HELD, while_held
    assert not wrong, f"{len(wrong)}/{sum(counts)} answers wrong: {wrong[:3]}"


def test_questions_are_logged_while_a_reindex_holds_the_index(tmp_path: Path) -> None:
    """The question log is written while serving: a long re-index must not block it
    (SQLite locks a file for writing; the log has a file of its own)."""
    db = tmp_path / "index.db"
    writer_service, reader = Casebot.open(db), Casebot.open(db)
    gate = IndexGate(tmp_path / "gate")
    done: list[object] = []
    writer = threading.Thread(target=lambda: done.append(
        writer_service.index([BUNDLED_DIR], rebuild=True, progress=gate.progress)))
    try:
        writer.start()
        gate.wait_entered()
        answer = reader.answer(QUESTION)
        qid = reader.log.record("u1", answer.question, answer.found, answer.passages[0].id)
        assert reader.log.feedback(qid, 1)
        assert reader.log.get(qid) is not None
        assert not done  # still held: the log did not wait for it
    finally:
        gate.release()
        writer.join(timeout=120)
        writer_service.close()
        reader.close()
    assert done


def test_questions_in_an_old_index_file_move_to_the_log_file(tmp_path: Path) -> None:
    from indexer.models import QuestionRow
    from indexer.qlog import QuestionLog, log_path

    db = tmp_path / "index.db"
    Casebot.open(db).close()
    old = Casebot.open(db, build=False)
    try:
        QuestionRow.__table__.create(old.sa_engine, checkfirst=True)
        QuestionLog(old.sa_engine).record("u1", "从前问过的问题", False, None)
    finally:
        old.close()
    assert not log_path(db).exists()  # type: ignore[union-attr]
    service = Casebot.open(db, build=False)
    try:
        assert service.log.stats().top_unanswered == [("从前问过的问题", 1)]
    finally:
        service.close()
    assert log_path(db).exists()  # type: ignore[union-attr]
