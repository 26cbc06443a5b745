"""Score the training sets with one weight set to each of several values — how a hand-set
weight of the ranking or of the weight table is chosen, on the sets the fits may see.

    .venv/bin/python scripts/sweep.py focus_said 0,0.05,0.1,0.2     # a ranking weight
    .venv/bin/python scripts/sweep.py W.answering_slack 0.05,0.1     # a field of bot/weights.py
    .venv/bin/python scripts/sweep.py focus_said 0,0.1 dev third     # named sets only

A ranking weight is a field of :class:`bot.rank.Features` (the weights of ``RANKING``);
sweep it by that name — ``RANKING`` reads its weights from the table once, at import, so
``W.heading_only_credit`` and the like would change nothing.  ``W.<name>`` is any other
field of :data:`bot.weights.WEIGHTS`, set in place for the run (the answer core reads that
one table).  The confidence gate keeps its shipped model: a change
that moves many proposed lines wants `scripts/fit_confidence.py` afterwards.  Each value
prints the pooled figures and each set's overall counts (hit@1 / hit@3 / right lines /
wrong lines / out-of-scope rejected) — overall rows only, as the calibration sets allow.
Held-out sets are refused: nothing is chosen on them (bench/sets.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import sets  # noqa: E402
from bench.sets import HELD_OUT, documents, open_index, questions_file  # noqa: E402
from bot.evaluate import Tally, evaluate, load_questions  # noqa: E402
from bot.rank import RANKING, Features  # noqa: E402
from bot.weights import WEIGHTS  # noqa: E402

TRAINING = (*sets.TRAINING, "dev-news")


@contextmanager
def table_weight(name: str, value: float) -> Iterator[None]:
    """``WEIGHTS.<name>`` set to ``value`` (in its own type) for the block, then restored."""
    before = getattr(WEIGHTS, name)
    # The table is a frozen dataclass read by every stage: set in place, put back after.
    object.__setattr__(WEIGHTS, name, type(before)(value))
    try:
        yield
    finally:
        object.__setattr__(WEIGHTS, name, before)


def check(field: str, names: Sequence[str]) -> None:
    """Refuse a held-out set or an unknown weight, saying how to fix it."""
    held = [n for n in names if n in HELD_OUT]
    if held:
        raise SystemExit(f"{', '.join(held)}: held out — weights are chosen on training sets "
                         "only (bench/sets.py TRAINING).")
    if field.startswith("W."):
        if not hasattr(WEIGHTS, field[2:]):
            raise SystemExit(f"{field}: no such field in bot/weights.py")
    elif field not in Features._fields:
        raise SystemExit(f"{field}: not a ranking weight; one of {', '.join(Features._fields)}, "
                         "or W.<field of bot/weights.py>")


def sweep(field: str, values: Sequence[float], names: Sequence[str],
          work: Path) -> Iterator[str]:
    """One line per value: the pooled figures, then each set's overall counts."""
    services = {n: open_index(n, work) for n in names if documents(n)}
    questions = {n: load_questions(questions_file(n)) for n in services}
    try:
        for value in values:
            ranking = RANKING if field.startswith("W.") else RANKING._replace(**{field: value})
            with table_weight(field[2:], value) if field.startswith("W.") else nullcontext():
                pooled, rows = Tally(), []
                for name, service in services.items():
                    service.engine.ranking = ranking
                    t = evaluate(questions[name], service.engine.answer).overall
                    pooled.add(t)
                    rows.append(f"{name}:{t.hit1}/{t.hit3}/{t.direct_ok}/"
                                f"{t.direct_wrong + t.oos_direct}/{t.oos_ok}")
            yield f"{field} = {value:g}  {pooled.figures()}  {' '.join(rows)}"
    finally:
        for service in services.values():
            service.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("field", help="a ranking weight (focus_said …) or W.<weights field>")
    parser.add_argument("values", help="comma-separated values, e.g. 0,0.05,0.1")
    parser.add_argument("sets", nargs="*", help="set names (default: every training set)")
    parser.add_argument("--workdir", type=Path, help="keep the indexes here between runs")
    args = parser.parse_args(argv)
    names = args.sets or list(TRAINING)
    check(args.field, names)
    try:
        values = [float(v) for v in args.values.split(",")]
    except ValueError:
        parser.error(f"values must be numbers separated by commas, not {args.values!r}")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="casebot-sweep-"))
    work.mkdir(parents=True, exist_ok=True)
    for line in sweep(args.field, values, names, work):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
