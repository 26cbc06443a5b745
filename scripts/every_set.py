"""Score question sets end to end and print the README's "Every set" rows.

    .venv/bin/python scripts/every_set.py --training          # the training sets
    .venv/bin/python scripts/every_set.py --held-out          # the held-out sets: once per
                                                              # behaviour change, overall rows
    .venv/bin/python scripts/every_set.py dev fifth           # named sets

Each set's documents are indexed alone (bench/sets.py), as `casebot eval` scores them;
--workdir keeps the indexes between runs.  Only the overall row of each set is printed —
per-kind rows of a held-out set must not be looked at (see tests/data/README.md).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import sets  # noqa: E402
from bench.sets import CALIBRATION, HELD_OUT, documents, open_index, questions_file  # noqa: E402
from bot.evaluate import evaluate, load_questions  # noqa: E402

TRAINING = (*sets.TRAINING, "dev-news")  # and the development questions over the news index
COLUMNS = ("questions", "hit@1", "hit@3", "mrr", "direct", "wrong", "oos_rejected")


def row(name: str, work: Path) -> str | None:
    """The set's overall figures as a table row, or None when its documents are absent."""
    if not documents(name):
        return None
    service = open_index(name, work)
    try:
        f = evaluate(load_questions(questions_file(name)), service.engine.answer).overall
    finally:
        service.close()
    figures = f.figures()
    role = ("held out" if name in HELD_OUT else
            "training (calibration)" if name in CALIBRATION else "training")
    return f"| {name} | {role} | " + " | ".join(str(figures[c]) for c in COLUMNS) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", help="set names (tests/data/<name>, dev, news)")
    parser.add_argument("--training", action="store_true", help="every training set")
    parser.add_argument("--held-out", action="store_true", help="every held-out set")
    parser.add_argument("--workdir", type=Path, help="keep the indexes here between runs")
    args = parser.parse_args(argv)
    names = [*args.sets, *(TRAINING if args.training else ()),
             *(HELD_OUT if args.held_out else ())]
    if not names:
        parser.error("name sets, or give --training / --held-out")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="casebot-sets-"))
    work.mkdir(parents=True, exist_ok=True)
    print("| set | role | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 2) + "|")
    for name in names:
        line = row(name, work)
        print(line if line else f"| {name} | (no documents here; `make bench-quick` fetches "
                                 "the news corpus) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
