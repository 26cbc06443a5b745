"""Fit the found model of bot/found.py (does the best passage answer the question at all?).

    .venv/bin/python scripts/fit_found.py --dry-run   # fit and report only
    .venv/bin/python scripts/fit_found.py             # … and write FOUND in bot/fitted.py

Training folds: bench.sets.TRAINING, the development and calibration sets, each shipped with
its documents (so the fit is the same on any machine, without the benchmark's news
corpus).  Every question
is answered with the found decision open (found whenever the best passage can answer at
all); a question is labelled 1 when it has an expected passage and that passage is among
the three quoted, 0 otherwise (out of scope, or the wrong passages).  A logistic regression
over the chosen :class:`bot.found.Signals` (--signals)
turns the best passage's signals into a probability; the threshold is the one of least cost
over the pooled leave-one-set-out predictions (each fold scored by a model fitted on the
others), an answerable question whose right passage is not quoted costing 1 and an
out-of-scope question answered --false-found-cost (2: see FALSE_FOUND_COST).  With costs
from 2 to 3 the threshold is the same.  The held-out sets never enter the fit or the choice.
Needs scikit-learn.

Which signals: coverage alone.  `--dry-run --signals coverage,rare_missing,unknown,short`
shows that the others add nothing leave-one-set-out on the training folds.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sets import TRAINING, documents, open_index, questions_file  # noqa: E402
from bot.about import with_this_document  # noqa: E402
from bot.evaluate import load_questions  # noqa: E402
from bot.found import FoundModel, Signals, answering_first, signals  # noqa: E402
from bot.narrow import narrow  # noqa: E402
from indexer.normalize import normalize  # noqa: E402

FOLDS: dict[str, tuple[str, ...]] = {name: (name,) for name in TRAINING}
C = 1.0  # L2 strength of the regression (sklearn's C); fixed, not searched
SIGNALS = ("coverage",)
# An out-of-scope question answered costs this much, an answerable one not found 1: a found
# reply quotes passages as if they answered, while a not-found one still lists the best
# candidates as "possibly related" (bot.assemble.related).
FALSE_FOUND_COST = 2.0


@dataclass
class Row:
    signals: Signals
    right: bool  # the expected passage is among the three quoted


@dataclass
class Fold:
    name: str
    rows: list[Row] = field(default_factory=list)  # questions the best passage can answer
    out_of_scope: int = 0  # all of the fold's out-of-scope questions
    out_rows: list[Row] = field(default_factory=list)  # … those among ``rows``
    answerable: int = 0  # all questions with an expected passage


def collect(fold: str, work: Path) -> Fold:
    out = Fold(fold)
    for name in FOLDS[fold]:
        if not documents(name):
            continue
        service = open_index(name, work)
        engine = service.engine
        engine.found = None
        try:
            for q in load_questions(questions_file(name)):
                expect = q.get("expect")
                out.out_of_scope += int(expect is None)
                out.answerable += int(expect is not None)
                a = engine.understand(str(q["q"]))
                answer = engine.answer(str(q["q"]))
                if not answer.found:
                    continue
                ranked = engine.ranked(a)
                if a.intent.about_notice:
                    ranked = with_this_document(a, ranked, engine.searcher)
                ranked = answering_first(a, narrow(a, ranked, engine.searcher))
                if not ranked:
                    continue  # answered about the notice from its metadata
                want = normalize(str(expect)) if expect else None
                right = want is not None and any(want in p.norm for p in answer.passages[:3])
                row = Row(signals(a, ranked[0]), right)
                out.rows.append(row)
                if expect is None:
                    out.out_rows.append(row)
        finally:
            service.close()
    return out


def fit(rows: Sequence[Row], names: Sequence[str] = SIGNALS) -> FoundModel:
    from sklearn.linear_model import LogisticRegression

    x = [[float(asdict(r.signals)[n]) for n in names] for r in rows]
    means = [sum(col) / len(col) for col in zip(*x, strict=True)]
    scales = [math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0
              for col, m in zip(zip(*x, strict=True), means, strict=True)]
    z = [[(v - m) / s for v, m, s in zip(row, means, scales, strict=True)] for row in x]
    model = LogisticRegression(C=C, max_iter=2000).fit(z, [int(r.right) for r in rows])
    coef = [float(c) / s for c, s in zip(model.coef_[0], scales, strict=True)]
    bias = float(model.intercept_[0]) - sum(c * m for c, m in zip(coef, means, strict=True))
    return FoundModel(bias=bias, weights=dict(zip(names, coef, strict=True)), threshold=0.5)


def rates(folds: Sequence[Fold], p: dict[int, float], t: float) -> tuple[float, float]:
    """(share of answerable questions whose right passage is quoted, share of out-of-scope
    questions rejected) when found needs probability ≥ ``t``."""
    right = sum(r.right and p[id(r)] >= t for f in folds for r in f.rows)
    answerable = sum(f.answerable for f in folds)
    oos = sum(f.out_of_scope for f in folds)
    rejected = oos - sum(p[id(r)] >= t for f in folds for r in f.out_rows)
    return right / answerable if answerable else 1.0, rejected / oos if oos else 1.0


def figures(folds: Sequence[Fold], p: dict[int, float], t: float) -> str:
    quoted, rejected = rates(folds, p, t)
    return f"right passage quoted {quoted:.3f}  out of scope rejected {rejected:.3f}"


def fit_model(work: Path, false_found_cost: float = FALSE_FOUND_COST,
              names: Sequence[str] = SIGNALS) -> tuple[FoundModel, list[str]]:
    """The final model (threshold chosen leave-one-set-out) and the report of how it was
    chosen; ``work`` holds the training sets' indexes."""
    folds = [collect(name, work) for name in FOLDS]
    p: dict[int, float] = {}
    for held in folds:
        model = fit([r for f in folds if f is not held for r in f.rows], names)
        p.update({id(r): model.probability(r.signals) for r in held.rows})
    oos = sum(f.out_of_scope for f in folds)
    answerable = sum(f.answerable for f in folds)

    def cost(t: float) -> float:
        quoted, rejected = rates(folds, p, t)
        return (1 - quoted) * answerable + false_found_cost * (1 - rejected) * oos

    threshold = min((s / 100 for s in range(100)), key=cost)
    report = [f"{sum(len(f.rows) for f in folds)} questions the best passage can answer; "
              f"{oos} out of scope in all; pooled leave-one-set-out by threshold:"]
    report += [f"  {t:.2f}  {figures(folds, p, t)}"
               for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, threshold)]
    report += [f"threshold {threshold:.2f} (the least cost: a miss 1, an out-of-scope "
               f"question answered {false_found_cost})", ""]
    report += [f"| {f.name} | {figures([f], p, threshold)} |" for f in folds]
    final = fit([r for f in folds for r in f.rows], names)
    return FoundModel(final.bias, final.weights, threshold), report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--false-found-cost", type=float, default=FALSE_FOUND_COST,
                        help="what answering an out-of-scope question costs, against 1 for "
                             "a not-found answerable one")
    parser.add_argument("--signals", default=",".join(SIGNALS),
                        help="the bot.found.Signals to fit, comma-separated")
    parser.add_argument("--dry-run", action="store_true", help="do not write bot/fitted.py")
    parser.add_argument("--workdir", type=Path, help="keep the indexes here between runs")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="casebot-fit-"))
    work.mkdir(parents=True, exist_ok=True)
    final, report = fit_model(work, args.false_found_cost, args.signals.split(","))
    values = {"bias": final.bias, **final.weights, "threshold": final.threshold}
    print("\n".join(report))
    print({k: round(v, 3) for k, v in values.items()})
    if not args.dry_run:
        path = ROOT / "bot" / "fitted.py"
        text = path.read_text(encoding="utf-8")
        body = "\n".join(f"    {k!r}: {v!r}," for k, v in values.items())
        block = (f"# The found model (bot/found.py), written by `python scripts/fit_found.py`\n"
                 f"# on the folds {', '.join(FOLDS)}.\n"
                 f"FOUND: dict[str, float] = {{\n{body}\n}}\n")
        text = re.sub(r"# The found model.*\Z", lambda _: block, text, flags=re.S)
        path.write_text(text, encoding="utf-8")
        print("wrote FOUND in bot/fitted.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
