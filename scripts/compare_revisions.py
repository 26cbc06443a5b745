"""Time this tree's answer core against another revision's, interleaved in one run.

    .venv/bin/python scripts/compare_revisions.py REV --db INDEX.db

A change that may cost speed is measured against its peer, not against a number from
another day: the revision is checked out into a temporary git worktree, and the two trees
take turns — a cold ``casebot ask`` (a new process each) and the dev questions (or
``--questions FILE``, a question set's JSONL) answered in-process over INDEX.db (two passes
after ten warm-up questions, p50 and p99) — so the machine's load falls on both alike.
Both trees must read the index's schema.

A single timing's tail is mostly the machine's: the last lines compare each question's
best time over every pass, the sum of those (the whole set) and their p99 (the slowest
questions), as ratios of this tree to the revision.
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
passes = []
for _ in range(2):
    times = []
    for q in questions:
        start = time.perf_counter()
        service.answer(q)
        times.append((time.perf_counter() - start) * 1000)
    passes.append(times)
print(json.dumps(passes))
"""


def _run(tree: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=tree, capture_output=True, text=True,
                          check=True, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})


def cold_ask(tree: Path, db: Path) -> float:
    start = time.perf_counter()
    _run(tree, ["-m", "bot.cli", "ask", QUESTION, "--db", str(db)])
    return time.perf_counter() - start


def in_process(tree: Path, db: Path, questions: Path) -> list[list[float]]:
    """Two passes over ``questions``: each a list of times (ms), in the file's order."""
    return list(json.loads(_run(tree, ["-c", _IN_PROCESS, str(db), str(questions)]).stdout))


def best_of(passes: list[list[float]]) -> list[float]:
    """Each question's best time over the passes."""
    return [min(times) for times in zip(*passes, strict=True)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the git revision to compare with (e.g. HEAD~5)")
    parser.add_argument("--db", type=Path, required=True, help="an index both trees can read")
    parser.add_argument("--runs", type=int, default=9, help="cold asks per tree")
    parser.add_argument("--passes", type=int, default=2, help="in-process runs per tree")
    parser.add_argument("--questions", type=Path, default=ROOT / "tests" / "data" / "qa_dev.jsonl",
                        help="the questions answered in-process (a question set's JSONL)")
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
            passes: dict[str, list[list[float]]] = {name: [] for name in trees}
            for _ in range(args.passes):
                for name, tree in trees.items():
                    passes[name] += in_process(tree, args.db, args.questions.resolve())
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT,
                           check=False)
    answer = {name: [t for times in passes[name] for t in times] for name in trees}
    best = {name: best_of(passes[name]) for name in trees}
    print("| tree | cold ask median s | answer p50 ms | answer p99 ms | best p99 ms |")
    print("|---|---|---|---|---|")
    for name in trees:
        print(f"| {name} | {statistics.median(cold[name]):.3f} | "
              f"{statistics.median(answer[name]):.2f} | {percentile(answer[name], 0.99):.2f} | "
              f"{percentile(best[name], 0.99):.2f} |")
    mine, theirs = trees
    ratio = statistics.median(cold[mine]) / statistics.median(cold[theirs])
    print(f"cold ask, this tree / {args.revision}: {ratio:.2f}×")
    print(f"each question's best, summed, this tree / {args.revision}: "
          f"{sum(best[mine]) / sum(best[theirs]):.2f}×; their p99: "
          f"{percentile(best[mine], 0.99) / percentile(best[theirs], 0.99):.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
