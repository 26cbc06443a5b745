"""Memory: peak RSS of a fresh process that opens an index and answers the dev questions.

That process is a proxy for the bot's steady state (the bot holds one open
index and answers questions).  Run as ``python -m bench.memory DB
QUESTIONS.jsonl`` it *is* that child: it answers every question and prints one
JSON line with its own ``getrusage(RUSAGE_SELF).ru_maxrss`` (after opening,
and at the end) and ``VmHWM`` from ``/proc/self/status`` as a cross-check.

Why the child is started through ``/bin/sh`` and reports on itself: Linux
carries ``ru_maxrss`` over ``fork``/``vfork`` + ``exec``, so a child spawned
straight from the benchmark process (hundreds of MB by then) would report the
*parent's* peak.  A process forked by a small shell starts from the shell's
few MB, so its figure is its own.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.measure import proc_kib_field

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Memory:
    peak_rss_bytes: int  # the child's ru_maxrss at the end
    after_open_bytes: int  # its ru_maxrss once the index was open and one question answered
    hwm_bytes: int | None  # VmHWM (Linux), should agree with peak_rss_bytes
    questions: int


def _maxrss_bytes() -> int:
    ru = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return ru if sys.platform == "darwin" else ru * 1024  # Linux reports kilobytes


def _vm_hwm_bytes() -> int | None:
    return proc_kib_field("/proc/self/status", "VmHWM")


def measure(db: Path, questions: Path) -> Memory:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    # `"$@"; exit $?` (not a bare "$@") so the shell forks instead of exec-ing.
    cmd = ["/bin/sh", "-c", '"$@"; exit $?', "sh",
           sys.executable, "-m", "bench.memory", str(db), str(questions)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False,
                          timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"memory child failed ({proc.returncode}): {proc.stderr[-500:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return Memory(int(report["peak_bytes"]), int(report["after_open_bytes"]),
                  report.get("hwm_bytes"), int(report["questions"]))


def _child(db: Path, questions: Path) -> None:
    from bot.evaluate import load_questions
    from bot.service import Casebot

    qs = [str(q["q"]) for q in load_questions(questions)]
    bot = Casebot.open(db, build=False)
    bot.answer(qs[0])
    after_open = _maxrss_bytes()
    for q in qs:
        bot.answer(q)
    bot.close()
    print(json.dumps({"after_open_bytes": after_open, "peak_bytes": _maxrss_bytes(),
                      "hwm_bytes": _vm_hwm_bytes(), "questions": len(qs)}))


if __name__ == "__main__":
    _child(Path(sys.argv[1]), Path(sys.argv[2]))
