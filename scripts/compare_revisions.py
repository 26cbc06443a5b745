"""Time this tree's answer core against another revision's, interleaved in one run.

    .venv/bin/python scripts/compare_revisions.py REV --db INDEX.db

A change that may cost speed is measured against its peer, not against a number from
another day: the revision is checked out into a temporary git worktree, and the two trees
take turns — a cold ``casebot ask`` (a new process each) and the dev questions answered
in-process over INDEX.db (two passes after ten warm-up questions, p50 and p99) — so the
machine's load falls on both alike.  Both trees must read the index's schema.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "哪个部门修订了畜禽屠宰管理条例?"
_IN_PROCESS = """
import json, sys, time
from bot.service import Casebot
service = Casebot.open(sys.argv[1], build=False)
service.warm_up()  # as a server starts (both trees have it)
questions = [json.loads(line)["q"] for line in open(sys.argv[2], encoding="utf-8")]
for q in questions[:10]:
    service.answer(q)
times = []
for _ in range(2):
    for q in questions:
        start = time.perf_counter()
        service.answer(q)
        times.append((time.perf_counter() - start) * 1000)
print(json.dumps(times))
"""


def _run(tree: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=tree, capture_output=True, text=True,
                          check=True, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})


def cold_ask(tree: Path, db: Path) -> float:
    start = time.perf_counter()
    _run(tree, ["-m", "bot.cli", "ask", QUESTION, "--db", str(db)])
    return time.perf_counter() - start


def in_process(tree: Path, db: Path) -> list[float]:
    questions = ROOT / "tests" / "data" / "qa_dev.jsonl"
    return list(json.loads(_run(tree, ["-c", _IN_PROCESS, str(db), str(questions)]).stdout))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the git revision to compare with (e.g. HEAD~5)")
    parser.add_argument("--db", type=Path, required=True, help="an index both trees can read")
    parser.add_argument("--runs", type=int, default=9, help="cold asks per tree")
    parser.add_argument("--passes", type=int, default=2, help="in-process runs per tree")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="casebot-rev-") as tmp:
        other = Path(tmp) / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(other), args.revision],
                       cwd=ROOT, check=True)
        try:
            trees = {"this tree": ROOT, args.revision: other}
            for tree in trees.values():
                cold_ask(tree, args.db)  # warm .pyc files and the page cache
            cold: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(args.runs):
                for name, tree in trees.items():
                    cold[name].append(cold_ask(tree, args.db))
            answer: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(args.passes):
                for name, tree in trees.items():
                    answer[name] += in_process(tree, args.db)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT,
                           check=False)
    print("| tree | cold ask median s | answer p50 ms | answer p99 ms |")
    print("|---|---|---|---|")
    for name in trees:
        print(f"| {name} | {statistics.median(cold[name]):.3f} | "
              f"{statistics.median(answer[name]):.2f} | {percentile(answer[name], 0.99):.2f} |")
    first, second = (statistics.median(cold[name]) for name in trees)
    print(f"cold ask, this tree / {args.revision}: {first / second:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
