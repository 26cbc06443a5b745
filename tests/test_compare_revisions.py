"""scripts/compare_revisions.py times this tree against a revision in one run: it prints a
row per tree and the cold-ask ratio, and leaves no worktree behind."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.service import Casebot
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[1]


def _worktrees() -> int:
    out = subprocess.run(["git", "worktree", "list"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return len(out.splitlines())


def test_this_tree_against_head(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    db = tmp_path / "bundled.db"
    Casebot.open(db).close()  # the bundled announcement, indexed
    script = load_script("compare_revisions", needs="sqlalchemy")
    before = _worktrees()
    assert script.main(["HEAD", "--db", str(db), "--runs", "1", "--passes", "1"]) == 0
    out = capsys.readouterr().out
    assert "| this tree |" in out and "| HEAD |" in out
    assert "cold ask, this tree / HEAD:" in out
    assert "each question's best, summed, this tree / HEAD:" in out
    assert _worktrees() == before


def test_percentile() -> None:
    script = load_script("compare_revisions", needs="sqlalchemy")
    assert script.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0
    assert script.percentile([5.0, 1.0, 3.0], 0.99) == 5.0


def test_best_of_takes_each_questions_fastest_pass() -> None:
    script = load_script("compare_revisions", needs="sqlalchemy")
    assert script.best_of([[3.0, 1.0, 9.0], [2.0, 4.0, 8.0]]) == [2.0, 1.0, 8.0]
