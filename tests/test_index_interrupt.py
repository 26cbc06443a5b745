"""Ctrl-C on a long `casebot index`: it stops at once and the previous index is intact.

The run is held while it reads documents in worker processes
(:class:`tests.index_gate.IndexGate`, stage "read"), so the interrupt lands mid-run on
a machine of any speed.  With stderr not a terminal, progress comes as log lines.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.index_gate import IndexGate

STOP_BOUND = 10.0  # seconds from SIGINT to exit: the pool is terminated, not drained
DOCUMENTS = 160  # ~3 kB each: past the size at which indexing uses worker processes


def _documents(folder: Path) -> Path:
    folder.mkdir()
    for i in range(DOCUMENTS):
        body = "".join(f"第{i}县第{k}项措施:市场监管局开展抽检,合格率达到百分之九十{k}。"
                       for k in range(40))
        (folder / f"doc{i:03}.txt").write_text(f"第{i}县监管典型案例\n{body}\n", "utf-8")
    return folder


def test_ctrl_c_stops_indexing_and_keeps_the_old_index(
        cli_env: dict[str, str], cli_home: Path, tmp_path: Path,
        corpus_bundled_path: Path) -> None:
    db = tmp_path / "index.db"
    first = subprocess.run([sys.executable, "-m", "bot.cli", "index", "--db", str(db), "-q",
                            str(corpus_bundled_path)], env=cli_env, cwd=cli_home,
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    gate = IndexGate(tmp_path / "gate", stage="read")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "index", "--db", str(db),
         str(_documents(tmp_path / "many"))],
        env={**cli_env, **gate.env()}, cwd=cli_home, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        gate.wait_entered()  # reading has begun, in worker processes
        interrupted = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        took = time.monotonic() - interrupted
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, (out, err)
    assert "Interrupted: nothing was written; the previous index is intact" in err
    assert "Traceback" not in err + out
    assert "indexing: read 0/160" in err  # progress as lines: stderr is no terminal
    assert took < STOP_BOUND, f"took {took:.1f}s to stop"

    docs = subprocess.run([sys.executable, "-m", "bot.cli", "docs", "--db", str(db)],
                          env=cli_env, cwd=cli_home, capture_output=True, text=True, timeout=120)
    assert docs.returncode == 0, docs.stderr
    assert "1 document in the index" in docs.stdout
