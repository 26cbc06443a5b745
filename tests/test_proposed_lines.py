"""scripts/proposed_lines.py: the development sets' proposed lines, dumped and compared."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def lines() -> ModuleType:
    return load_script("proposed_lines", needs="jieba")


def _row(q: str, *, answer: str | None, want: str | None = "12家", expect: str | None = "x",
         found: bool = True, rank: int | None = 0, verdict: str = "") -> dict[str, object]:
    return {"set": "dev", "id": q, "kind": "number", "q": q, "want": want, "expect": expect,
            "found": found, "answer": answer, "shown": answer, "verdict": verdict, "rank": rank}


def test_calibration_and_held_out_sets_are_refused(lines: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="not read"):
        lines.dump(["dev", "second"], tmp_path, tmp_path / "out.jsonl")
    with pytest.raises(SystemExit, match="not read"):
        lines.dump(["news-w"], tmp_path, tmp_path / "out.jsonl")


def test_totals_and_changes(lines: ModuleType, tmp_path: Path) -> None:
    old = [_row("a", answer="共12家", verdict="right"),
           _row("b", answer="5家", verdict="wrong", rank=1),
           _row("c", answer=None, rank=None),
           _row("oos", answer="3家", want=None, expect=None, verdict="wrong")]
    new = [_row("a", answer="共12家", verdict="right"),
           _row("b", answer="共12家", verdict="right"),
           _row("c", answer=None, rank=2),
           _row("oos", answer=None, want=None, expect=None, found=False)]
    # A line for an out-of-scope question is a wrong line too, as `casebot eval` counts it.
    assert lines.totals(old) == {"answerable": 3, "hit@1": 1, "hit@3": 2, "right": 1,
                                 "wrong": 2, "out of scope": 1, "rejected": 0}
    assert lines.totals(new)["hit@3"] == 3 and lines.totals(new)["rejected"] == 1
    paths = []
    for name, rows in (("old", old), ("new", new)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
        paths.append(path)
    changed = lines.changes(lines._load(paths[0]), lines._load(paths[1]))
    assert changed == [("dev|number|b", "wrong", "right"), ("dev|number|c", "none", "none"),
                       ("dev|number|oos", "wrong", "none")]
