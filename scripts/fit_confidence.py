"""Fit the confidence model that decides whether a direct answer is shown (bot/confidence.py).

    .venv/bin/python scripts/fit_confidence.py            # fit, report, write bot/calibration.py
    .venv/bin/python scripts/fit_confidence.py --dry-run  # fit and report only
    .venv/bin/python scripts/fit_confidence.py --held-out # also score the held-out sets, once
    .venv/bin/python scripts/fit_confidence.py --dry-run --boosting  # gradient boosting beside it

Training sets are bench.sets.TRAINING: the development sets and the calibration sets written
blind (bench.sets.CALIBRATION). The threshold is chosen on leave-one-set-out predictions:
each set is scored by a model fitted on the others, and the threshold is the lowest whose
wrong-direct-answer rate on the calibration sets stays at or under --target, together and
in two of every three of them alone (the development sets' errors were fixed by the rules
written on them; pooled with them, the rate would promise too little for unseen text) —
and, when it is higher, the median of that choice over bootstrap resamples of the
calibration questions, so one line does not pull it down (chosen_threshold).  The held-out sets
(bench.sets.HELD_OUT) never enter the fit or the choice of threshold; --held-out scores them
with the final model for the report.

Needs scikit-learn (the `dev` extra); the answer path needs nothing new — the fitted numbers
are written into bot/calibration.py.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sets import (  # noqa: E402
    CALIBRATION,
    HELD_OUT,
    TRAINING,
    documents,
    open_index,
    questions_file,
)
from bot.confidence import Calibration, Signals, signals  # noqa: E402
from bot.evaluate import answers, load_questions  # noqa: E402

C = 0.5  # L2 strength of the logistic regression (sklearn's C); fixed, not searched


@dataclass
class Row:
    """One direct answer the core proposed, with whether it was right."""

    set: str
    id: str
    kind: str
    signals: Signals
    right: bool


@dataclass
class SetData:
    name: str
    rows: list[Row] = field(default_factory=list)
    denominator: int = 0  # questions that expect a short answer, plus out-of-scope ones
    expected: int = 0  # questions that expect a short answer


def collect(name: str, workdir: Path) -> SetData:
    """Index the set's documents, ask every question with the gate off, label the answers."""
    service = open_index(name, workdir)
    engine = service.engine
    engine.calibration = None  # every direct answer the core proposes, refined, ungated
    data = SetData(name)
    for q in load_questions(questions_file(name)):
        want, expect = q.get("answer"), q.get("expect")
        if expect is not None and not want:
            continue  # what/how questions: no short answer to judge a direct answer by
        data.denominator += 1
        data.expected += int(bool(want))
        analysis = engine.analyzer.analyze(str(q["q"]))
        answer = engine.answer(str(q["q"]))
        if not answer.found:
            continue
        s = signals(analysis, answer)
        if s is None:
            continue
        right = bool(want) and answers(str(want), answer.answer)
        data.rows.append(Row(name, str(q.get("id")), str(q.get("kind")), s, right))
    service.close()
    return data


def _matrix(rows: Sequence[Row]) -> tuple[list[str], list[list[float]], list[int]]:
    names = list(rows[0].signals.vector())
    return names, [[r.signals.vector()[n] for n in names] for r in rows], [int(r.right)
                                                                             for r in rows]


def fit(rows: Sequence[Row]) -> Calibration:
    """A logistic regression on standardised signals, folded back to raw-signal weights."""
    from sklearn.linear_model import LogisticRegression

    names, x, y = _matrix(rows)
    means = [sum(col) / len(col) for col in zip(*x, strict=True)]
    scales = [math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0
              for col, m in zip(zip(*x, strict=True), means, strict=True)]
    z = [[(v - m) / s for v, m, s in zip(row, means, scales, strict=True)] for row in x]
    model = LogisticRegression(C=C, max_iter=1000).fit(z, y)
    coef = [float(c) / s for c, s in zip(model.coef_[0], scales, strict=True)]
    bias = float(model.intercept_[0]) - sum(c * m for c, m in zip(coef, means, strict=True))
    return Calibration(bias=bias, weights=dict(zip(names, coef, strict=True)), threshold=0.5)


@dataclass
class Figures:
    right: int = 0
    wrong: int = 0
    expected: int = 0
    denominator: int = 0

    def line(self) -> str:
        direct = self.right / self.expected if self.expected else 0.0
        wrong = self.wrong / self.denominator if self.denominator else 0.0
        return f"direct {direct:.3f}  wrong {wrong:.3f}"


def figures(sets: Sequence[SetData], probability: dict[int, float], threshold: float) -> Figures:
    f = Figures()
    for d in sets:
        f.expected += d.expected
        f.denominator += d.denominator
        for r in d.rows:
            if probability[id(r)] >= threshold:
                f.right += int(r.right)
                f.wrong += int(not r.right)
    return f


def lowest_threshold(wrong: Sequence[float], allowed: float) -> float:
    """The lowest threshold (in thousandths, :data:`THRESHOLD_STEPS`) that lets at most
    ``allowed`` of the wrong lines, given by their probabilities, through."""
    ranked = sorted(wrong, reverse=True)
    k = math.floor(allowed)  # at most k lines may pass
    if len(ranked) <= k:
        return 0.0
    # The (k+1)-th likeliest wrong line must fall below: the first step above it.
    step = max(0, math.floor(ranked[k] * THRESHOLD_STEPS) - 1)
    while step < THRESHOLD_STEPS and step / THRESHOLD_STEPS <= ranked[k]:
        step += 1
    return step / THRESHOLD_STEPS if step < THRESHOLD_STEPS else 1.0


def choose_threshold(sets: Sequence[SetData], probability: dict[int, float],
                     target: float) -> float:
    """The lowest threshold whose pooled wrong rate is at most ``target``."""
    wrong = [probability[id(r)] for d in sets for r in d.rows if not r.right]
    return lowest_threshold(wrong, target * sum(d.denominator for d in sets))


def every_set_threshold(sets: Sequence[SetData], probability: dict[int, float],
                        target: float) -> float:
    """The lowest threshold at which each of ``sets`` alone has a wrong rate of at most
    ``target`` (reported beside the pooled choice, not used: session 21)."""
    return max((lowest_threshold([probability[id(r)] for r in d.rows if not r.right],
                                 target * d.denominator) for d in sets), default=0.0)


BOOTSTRAP_ROUNDS = 200  # resamples of the calibration questions behind the bagged threshold
# The threshold's grid.  Hundredths until session 20, when (on a tree of that session) the
# bagged choices split 52 / 56 between 0.91 and 0.92 and the median sat on the step between
# them (pooled direct 0.370 at 0.911, 0.345 at 0.92, for one wrong line on the calibration
# sets): the grid, not the resamples, decided.  Thousandths let the median fall between.
THRESHOLD_STEPS = 1000


# The ceiling is per set, and a pooled rate at the ceiling leaves about half the
# sets above it (session 23: 8 of the 15 calibration sets, each scored left out, at 0.898).
# The threshold also keeps two in three of them at or under it — all of them would leave a
# direct answer for about one question in ten (session 21), which is no longer an answer
# service.  Here each wrong line withheld costs about three right ones (session 23's sweep
# of the training sets; from 0.92 to 0.94 it would cost about nine).
SETS_OVER_SHARE = 1 / 3


def spread_threshold(sets: Sequence[list[tuple[float, bool] | None]], target: float,
                     share: float = SETS_OVER_SHARE) -> float:
    """The lowest threshold at which the sets' pooled wrong rate is at most ``target`` and at
    most ``share`` of them are above it; each set is its questions, as (probability of the
    proposed line, whether it is wrong), or None when no line was proposed."""
    pooled = lowest_threshold([q[0] for qs in sets for q in qs if q is not None and q[1]],
                              target * sum(len(qs) for qs in sets))
    each = sorted(lowest_threshold([q[0] for q in qs if q is not None and q[1]],
                                   target * len(qs)) for qs in sets)
    # the sets allowed over are those with the highest own thresholds
    last_under = len(each) - math.floor(share * len(each)) - 1
    return max(pooled, each[last_under]) if last_under >= 0 else pooled


def set_questions(sets: Sequence[SetData],
                  probability: dict[int, float]) -> list[list[tuple[float, bool] | None]]:
    """Each set's questions of the denominator: the probability of its proposed line and
    whether it was wrong, or None when the core proposed no line for it."""
    return [[(probability[id(r)], not r.right) for r in d.rows]
            + [None] * (d.denominator - len(d.rows)) for d in sets]


def bagged_threshold(sets: Sequence[SetData], probability: dict[int, float],
                     target: float, share: float = SETS_OVER_SHARE) -> float:
    """The median, over bootstrap resamples of each calibration set's questions, of
    :func:`spread_threshold` (seeded, so reproducible).

    The plain choice is a step function of single lines: on ~250 questions one more wrong
    line near the top moves it by several hundredths (session 9: 0.91 → 0.94 for one
    changed line).  Bagging an unstable estimator smooths it (Breiman, 1996): a line that
    decides the plain choice decides only the resamples that hold it."""
    import random

    rng = random.Random(0)
    questions = set_questions(sets, probability)
    choices = []
    for _ in range(BOOTSTRAP_ROUNDS):
        sample = [[rng.choice(qs) for _ in qs] for qs in questions]
        choices.append(spread_threshold(sample, target, share))
    choices.sort()
    return choices[len(choices) // 2]


class Choice(NamedTuple):
    threshold: float  # the higher of the two below
    plain: float  # the rule on the questions as they are (spread_threshold)
    bagged: float  # its median over resamples (bagged_threshold)


def chosen_threshold(sets: Sequence[SetData], probability: dict[int, float],
                     target: float, share: float = SETS_OVER_SHARE) -> Choice:
    """The threshold the gate uses: the bagged median, but never below the same rule on the
    questions as they are.

    The median undershoots the rule it smooths: a resample of a set just over the ceiling
    often holds fewer of its wrong lines, so it asks less of the threshold than the set does
    (session 24, on the training sweep: 0.906 bagged, with 8 of the 18 calibration sets over
    0.03 where the rule allows 6; 0.923 on the questions as they are).  Bagging may raise the
    threshold above a choice one line made low; it may not lower it below the rule."""
    plain = spread_threshold(set_questions(sets, probability), target, share)
    bagged = bagged_threshold(sets, probability, target, share)
    return Choice(max(plain, bagged), plain, bagged)


def write_calibration(cal: Calibration, path: Path, command: str) -> None:
    weights = "\n".join(f"        {k!r}: {v!r}," for k, v in cal.weights.items())
    path.write_text(f'''"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``{command}``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets {", ".join(cal.fitted_on)};
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias={cal.bias!r},
    weights={{
{weights}
    }},
    threshold={cal.threshold!r},
    fitted_on={cal.fitted_on!r},
)
''', encoding="utf-8")


def fit_model(work: Path, target: float) -> tuple[Calibration, list[str]]:
    """The final model (threshold chosen leave-one-set-out) and the report of how it was
    chosen; ``work`` holds the training sets' indexes."""
    training = [collect(name, work) for name in TRAINING]
    probability: dict[int, float] = {}
    for held in training:  # leave one set out
        model = fit([r for d in training if d is not held for r in d.rows])
        for r in held.rows:
            probability[id(r)] = model.probability(r.signals)
    # The threshold answers to the calibration sets: written blind, never read, each
    # scored while left out, they stand for text nobody tuned the rules for.  The
    # development sets' errors were fixed by the rules written on them, so a pooled rate
    # promises too little (session 8: pooled .03, the calibration sets .03–.08).
    blind = [d for d in training if d.name in CALIBRATION] or training
    threshold, plain, bagged = chosen_threshold(blind, probability, target)
    from sklearn.metrics import roc_auc_score

    rows = [r for d in training for r in d.rows]
    auc = roc_auc_score([int(r.right) for r in rows], [probability[id(r)] for r in rows])
    report = [f"{len(rows)} proposed direct answers; leave-one-set-out ROC AUC {auc:.3f}",
              "Pooled leave-one-set-out figures by threshold:"]
    report += [f"  {t:.2f}  {figures(training, probability, t).line()}   calibration sets: "
               f"{figures(blind, probability, t).line()}"
               for t in (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)]
    per_set = every_set_threshold(blind, probability, target)
    report += [f"every calibration set at wrong ≤ {target} (the issue's floor is per set) "
               f"from {per_set:.3f}: pooled {figures(training, probability, per_set).line()}"]
    def above(t: float) -> int:
        return sum(figures([d], probability, t).wrong > target * d.denominator for d in blind)

    over = above(threshold)
    report += [f"threshold {threshold:.3f}: the lowest with wrong ≤ {target} pooled and in all "
               f"but {SETS_OVER_SHARE:.0%} of the calibration sets, {plain:.3f} on the "
               f"questions as they are, {bagged:.3f} as the median over {BOOTSTRAP_ROUNDS} "
               f"resamples of them, the higher taken (pooled alone, without resampling, "
               f"{choose_threshold(blind, probability, target):.3f}); {over} of {len(blind)} "
               "calibration sets above it, left out", "",
               "| set | without the gate | with the gate (scored while left out) |",
               "|---|---|---|"]
    report += [f"| {d.name} | {figures([d], probability, 0.0).line()} | "
                f"{figures([d], probability, threshold).line()} |" for d in training]
    report.append(f"| **training, pooled** | {figures(training, probability, 0.0).line()} | "
                  f"{figures(training, probability, threshold).line()} |")
    final = fit([r for d in training for r in d.rows])
    final = Calibration(bias=final.bias, weights=final.weights, threshold=threshold,
                        fitted_on=TRAINING)
    report.append(json.dumps({"bias": round(final.bias, 3),
                              "weights": {k: round(v, 3) for k, v in final.weights.items()}},
                             ensure_ascii=False))
    return final, report


def boosting_report(work: Path, target: float) -> str:
    """Gradient boosting over the same signals, scored leave-one-set-out like the logistic
    model: the comparison behind keeping the logistic one (no tree in the answer path)."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    training = [collect(name, work) for name in TRAINING]
    lines = []
    for depth, rounds in ((1, 150), (2, 150), (3, 150)):
        probability: dict[int, float] = {}
        for held in training:
            names, x, y = _matrix([r for d in training if d is not held for r in d.rows])
            model = GradientBoostingClassifier(max_depth=depth, n_estimators=rounds,
                                               learning_rate=0.05, subsample=0.8,
                                               random_state=0).fit(x, y)
            for r in held.rows:
                v = r.signals.vector()
                probability[id(r)] = float(model.predict_proba([[v[n] for n in names]])[0][1])
        rows = [r for d in training for r in d.rows]
        auc = roc_auc_score([int(r.right) for r in rows], [probability[id(r)] for r in rows])
        t = choose_threshold(training, probability, target)
        lines.append(f"gradient boosting, depth {depth}, {rounds} trees: leave-one-set-out "
                     f"ROC AUC {auc:.3f}; at {t:.2f} {figures(training, probability, t).line()}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", type=float, default=0.03,
                        help="highest wrong-direct-answer rate allowed on the calibration sets, "
                             "scored left out")
    parser.add_argument("--dry-run", action="store_true", help="do not write bot/calibration.py")
    parser.add_argument("--held-out", action="store_true",
                        help="score the held-out sets with the final model (report only)")
    parser.add_argument("--workdir", type=Path, help="keep the indexes here between runs")
    parser.add_argument("--boosting", action="store_true",
                        help="also score gradient boosting leave-one-set-out (report only)")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="casebot-fit-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.boosting:
        print(boosting_report(work, args.target))
    final, report = fit_model(work, args.target)
    print("\n".join(report))
    if args.held_out:
        for name in HELD_OUT:
            if not documents(name):
                print(f"{name}: skipped (no documents here; the news corpus comes with "
                      "`make bench-quick`)")
                continue
            d = collect(name, work)
            p = {id(r): final.probability(r.signals) for r in d.rows}
            print(f"| {name} (held out) | {figures([d], p, 0.0).line()} | "
                  f"{figures([d], p, final.threshold).line()} |")
    if not args.dry_run:
        write_calibration(final, ROOT / "bot" / "calibration.py",
                          "python scripts/fit_confidence.py")
        print("wrote bot/calibration.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
