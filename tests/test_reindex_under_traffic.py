"""Re-indexing while questions are being answered: readers never fail, never see half an index.

The writer replaces everything in one transaction (WAL), so each reader must
see either the old index or the new one.  Exercised twice: as separate
``casebot`` processes (the CLI), and as threads in one process (the bot).
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

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "哪个部门修订了畜禽屠宰管理条例?"
EXPECTED = "修訂《新疆維吾爾自治區畜禽屠宰管理條例》"
IN_PROCESS_SECONDS = 3.0  # rebuild for this long (each takes ~0.1-0.5 s in-process)
IN_PROCESS_MIN_REBUILDS = 3
CLI_REBUILDS = 2  # each ~3-5 s on a loaded two-core machine
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


def test_cli_asks_during_cli_rebuilds(tmp_path: Path) -> None:
    env = _env(tmp_path)
    db = tmp_path / "index.db"
    cwd = tmp_path  # no stray .env from the repo; the package is importable from ROOT
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    built = _casebot(["index", "--db", str(db), "-q"], env, cwd)
    assert built.returncode == 0, built.stderr

    writer_done = threading.Event()
    rebuilds: list[subprocess.CompletedProcess[str]] = []
    asks: list[tuple[float, str | None]] = []
    lock = threading.Lock()

    def writer() -> None:
        try:
            for _ in range(CLI_REBUILDS):
                rebuilds.append(_casebot(["index", "--db", str(db), "--rebuild", "-q"], env, cwd))
        finally:
            writer_done.set()

    def reader() -> None:
        while not writer_done.is_set():
            started = time.monotonic()
            problem = _check_ask(_casebot(["ask", "--db", str(db), "--json", QUESTION], env, cwd))
            with lock:
                asks.append((started, problem))

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=reader) for _ in range(READERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)

    assert [r.returncode for r in rebuilds] == [0] * CLI_REBUILDS, [r.stderr for r in rebuilds]
    assert all("Re-indexed" in r.stdout for r in rebuilds)
    assert len(asks) >= READERS * 2, f"only {len(asks)} questions overlapped the rebuilds"
    print(f"\n{len(rebuilds)} CLI rebuilds, {len(asks)} CLI asks during them")
    failures = [problem for _, problem in asks if problem]
    assert not failures, f"{len(failures)}/{len(asks)} asks failed: {failures[:3]}"


def test_threads_answer_during_in_process_rebuilds(tmp_path: Path) -> None:
    db = tmp_path / "index.db"
    writer_service = Casebot.open(db)
    readers = [Casebot.open(db) for _ in range(READERS)]
    stop = threading.Event()
    errors: list[BaseException] = []
    wrong: list[str] = []
    counts = [0] * READERS
    summaries = []

    def writer() -> None:
        try:
            deadline = time.monotonic() + IN_PROCESS_SECONDS
            while time.monotonic() < deadline or len(summaries) < IN_PROCESS_MIN_REBUILDS:
                summaries.append(writer_service.index([BUNDLED_DIR], rebuild=True))
        except BaseException as exc:
            errors.append(exc)
        finally:
            stop.set()

    def reader(i: int) -> None:
        try:
            while not stop.is_set():
                answer = readers[i].answer(QUESTION)
                counts[i] += 1
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
            t.join(timeout=120)
    finally:
        stop.set()
        for s in [writer_service, *readers]:
            s.close()
    assert not any(t.is_alive() for t in threads)
    assert not errors, repr(errors[0])
    print(f"\n{len(summaries)} in-process rebuilds, {sum(counts)} answers during them")
    assert len(summaries) >= IN_PROCESS_MIN_REBUILDS
    assert {s.total_passages for s in summaries} == {summaries[0].total_passages}
    assert all(counts), counts
    assert sum(counts) >= 10, counts
    assert not wrong, f"{len(wrong)}/{sum(counts)} answers wrong: {wrong[:3]}"
