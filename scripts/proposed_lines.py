"""Every question's proposed answer line, gate off — to see what a rule changed, line by line.

    .venv/bin/python scripts/proposed_lines.py dump NEW.jsonl --workdir W     # the development sets
    .venv/bin/python scripts/proposed_lines.py dump OLD.jsonl --tree /tmp/old --workdir W2
    .venv/bin/python scripts/proposed_lines.py compare OLD.jsonl NEW.jsonl

`dump` answers every question of the named sets (default: the development sets, the ones
the rules are written on — never a calibration or held-out set) with the confidence gate
off and writes one JSON line per question: the proposed line, the line the gate lets
through, whether the line is right, and where the expected passage stands among the three
quoted.  `--tree` answers with another checkout's code (`git worktree add /tmp/old REV`) over
this checkout's question sets, so two revisions are compared on the same questions; give
each its own `--workdir`, since the index is built by the code that reads it.  `compare`
prints both dumps' totals and every question whose line, found flag or rank changed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def development_sets() -> list[str]:
    """The sets the rules are written on — the training sets less the calibration sets —
    and the development questions over the news index."""
    from bench.sets import CALIBRATION, TRAINING

    return [*(n for n in TRAINING if n not in CALIBRATION), "dev-news"]


def dump(names: Sequence[str], work: Path, out: Path) -> None:
    """Answer every question of ``names`` with the gate off (and on) into ``out``."""
    from bench import sets
    from bot.evaluate import answers, load_questions
    from indexer.normalize import normalize

    refused = [n for n in names if n in sets.CALIBRATION or n in sets.HELD_OUT]
    if refused:
        raise SystemExit(f"{', '.join(refused)}: calibration and held-out sets are not read "
                         "question by question (tests/data/README.md)")
    work.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    for name in names:
        service = sets.open_index(name, work)
        engine, gate = service.engine, service.engine.calibration
        try:
            for q in load_questions(sets.questions_file(name)):
                engine.calibration = None
                proposed = engine.answer(str(q["q"]))
                engine.calibration = gate
                shown = engine.answer(str(q["q"]))
                want, expect = q.get("answer"), q.get("expect")
                quoted = [p.norm for p in proposed.passages[:3]]
                rank = (next((i for i, x in enumerate(quoted) if normalize(str(expect)) in x),
                             None) if expect else None)
                line = proposed.answer if proposed.found else None
                verdict = ("" if not line else
                           "right" if want and answers(str(want), line) else "wrong")
                rows.append({"set": name, "id": q.get("id"), "kind": q.get("kind"),
                             "q": q["q"], "want": want, "expect": expect,
                             "found": proposed.found, "answer": line,
                             "shown": shown.answer if shown.found else None,
                             "verdict": verdict, "rank": rank})
        finally:
            engine.calibration = gate
            service.close()
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                   encoding="utf-8")
    print(f"wrote {out} ({len(rows)} questions)")


def _load(path: Path) -> Dump:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {(str(r["set"]), str(r["q"])): r for r in rows}


def outcome(row: dict[str, object]) -> str:
    """A question's proposed line as right, wrong, none, or n/a (no short answer asked)."""
    if row["expect"] is not None and not row["want"]:
        return "n/a"
    return str(row["verdict"]) or "none"


def totals(rows: Iterable[dict[str, object]]) -> dict[str, int]:
    """hit@1, hit@3, right and wrong lines, near misses rejected, over a dump."""
    t: Counter[str] = Counter()
    for r in rows:
        if r["expect"] is None:
            t["out of scope"] += 1
            t["rejected"] += int(not r["found"])
            t["wrong"] += int(bool(r["found"] and r["answer"]))
            continue
        t["answerable"] += 1
        t["hit@1"] += int(r["rank"] == 0)
        t["hit@3"] += int(r["rank"] is not None)
        t[outcome(r)] += int(outcome(r) in ("right", "wrong"))
    return {k: t[k] for k in ("answerable", "hit@1", "hit@3", "right", "wrong",
                              "out of scope", "rejected")}


Dump = dict[tuple[str, str], dict[str, object]]


def _changed(old: Dump, new: Dump) -> list[tuple[str, str]]:
    """The (set, question) keys of both dumps whose line, found flag or rank changed."""
    return sorted(k for k in old.keys() & new.keys()
                  if [old[k][f] for f in ("answer", "found", "rank")]
                  != [new[k][f] for f in ("answer", "found", "rank")])


def changes(old: Dump, new: Dump) -> list[tuple[str, str, str]]:
    """The questions of both dumps whose line, found flag or rank changed, as (question,
    old outcome, new outcome)."""
    return sorted((f"{k[0]}|{old[k]['kind']}|{k[1]}", outcome(old[k]), outcome(new[k]))
                  for k in _changed(old, new))


def compare(old_path: Path, new_path: Path) -> None:
    old, new = _load(old_path), _load(new_path)
    common = old.keys() & new.keys()
    for label, rows in ((old_path.name, old), (new_path.name, new)):
        t = totals(rows[k] for k in common)
        print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in t.items()))
    changed = _changed(old, new)
    moves = Counter((outcome(old[k]), outcome(new[k])) for k in changed)
    print(f"{len(changed)} questions changed: "
          + ", ".join(f"{a} → {b} {n}" for (a, b), n in sorted(moves.items())))
    for k in changed:
        a, b = old[k], new[k]
        print(f"{k[0]}|{a['kind']}|{k[1]}  want={a['want']}\n"
              f"    {outcome(a)}: {a['answer']} r{a['rank']}"
              f"  →  {outcome(b)}: {b['answer']} r{b['rank']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="answer the sets' questions, gate off, into a JSON lines file")
    d.add_argument("out", type=Path)
    d.add_argument("sets", nargs="*", help="set names (default: the development sets)")
    d.add_argument("--workdir", type=Path, required=True, help="where the indexes are kept")
    d.add_argument("--tree", type=Path, help="answer with this checkout's code")
    c = sub.add_parser("compare", help="totals of two dumps and the questions that changed")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "compare":
        compare(args.old, args.new)
        return 0
    data = os.environ.get("CASEBOT_PROPOSED_DATA")
    if not data:
        sys.path.insert(0, str(ROOT))
    # This checkout's list, whichever code answers: both dumps hold the same questions.
    names = args.sets or development_sets()
    if args.tree is not None:
        # The other checkout's code, this checkout's question sets (bench.sets reads them
        # from its DATA, set below) and news corpus.
        env = {**os.environ, "CASEBOT_PROPOSED_DATA": str(ROOT)}
        code = ("import runpy, sys; sys.path.insert(0, sys.argv[1]); "
                "sys.argv = sys.argv[2:]; runpy.run_path(sys.argv[0], run_name='__main__')")
        command = [sys.executable, "-c", code, str(args.tree.resolve()), __file__, "dump",
                   str(args.out.resolve()), *names, "--workdir", str(args.workdir.resolve())]
        return subprocess.run(command, env=env, cwd=args.tree, check=False).returncode
    if data:
        from bench import sets

        sets.DATA = Path(data) / "tests" / "data"
        sets.NEWS = Path(data) / "bench" / ".cache" / "news-v1" / "pct-100"
    dump(names, args.workdir, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
