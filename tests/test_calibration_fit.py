"""bot/calibration.py is what `python scripts/fit_confidence.py` writes: refitting on the
training sets gives the same model (to solver tolerance, across scikit-learn versions), so the
shipped numbers come from the command."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bench.sets import TRAINING, documents
from bot.calibration import CALIBRATION
from tests.scripts import load_script


def test_the_shipped_model_is_the_fitted_one(tmp_path: Path) -> None:
    if not all(documents(name) for name in TRAINING):
        pytest.skip("the news corpus could not be fetched (python -m bench.news says why)")
    script = load_script("fit_confidence")
    final, report = script.fit_model(tmp_path, 0.03)
    assert final.threshold == CALIBRATION.threshold, report
    assert final.fitted_on == CALIBRATION.fitted_on
    assert set(final.weights) == set(CALIBRATION.weights)
    assert math.isclose(final.bias, CALIBRATION.bias, abs_tol=1e-3)
    for name, weight in final.weights.items():
        assert math.isclose(weight, CALIBRATION.weights[name], abs_tol=1e-3), name


def test_held_out_sets_never_enter_the_fit() -> None:
    script = load_script("fit_confidence")
    assert not set(script.TRAINING) & set(script.HELD_OUT)
    assert set(CALIBRATION.fitted_on) == set(script.TRAINING)


def test_the_calibration_sets_are_training_sets() -> None:
    from bench.sets import CALIBRATION, HELD_OUT, TRAINING

    assert set(CALIBRATION) <= set(TRAINING)
    assert not set(CALIBRATION) & set(HELD_OUT)


def test_the_bagged_threshold_is_reproducible_and_agrees_when_the_lines_separate() -> None:
    script = load_script("fit_confidence")
    # 100 questions: 40 right lines at 0.8–0.99, 10 wrong ones at 0.1–0.55, 50 unanswered.
    data = script.SetData("s", denominator=100, expected=90)
    probability: dict[int, float] = {}
    for i in range(50):
        right = i < 40
        r = script.Row("s", str(i), "number", None, right)
        data.rows.append(r)
        probability[id(r)] = 0.8 + i * 0.005 if right else 0.1 + (i - 40) * 0.05
    plain = script.choose_threshold([data], probability, 0.03)
    bagged = script.bagged_threshold([data], probability, 0.03)
    assert bagged == script.bagged_threshold([data], probability, 0.03)
    # Every resample needs a threshold above the wrong lines that outnumber the 3 allowed:
    # the first thousandth above the fourth likeliest (0.4).
    assert plain == 0.401 and 0.3 < bagged <= 0.551


def test_the_threshold_keeps_most_sets_under_the_ceiling_not_only_the_pool() -> None:
    script = load_script("fit_confidence")
    # Three sets of 100 questions; pooled, 9 wrong lines are allowed at 0.03.  One set's
    # wrong lines sit high (0.9): pooled they pass, but that set alone is at 0.06.
    def questions(wrong_at: float, wrong: int) -> list[tuple[float, bool] | None]:
        return [(wrong_at, True)] * wrong + [(0.95, False)] * 50 + [None] * (50 - wrong)

    sets = [questions(0.9, 6), questions(0.2, 1), questions(0.2, 1)]
    assert script.spread_threshold(sets, 0.03, share=1.0) == 0.0  # pooled alone: 8 ≤ 9
    # At most one set in three may be over: still all three pass …
    assert script.spread_threshold(sets, 0.03, share=1 / 3) == 0.0
    # … none may: the high set's wrong lines must fall below the threshold.
    assert script.spread_threshold(sets, 0.03, share=0.0) == 0.901


def test_resampling_never_lowers_the_threshold_below_the_rule_it_smooths() -> None:
    script = load_script("fit_confidence")
    # Three sets of 70 questions (2 wrong lines allowed each at 0.03).  Two sets hold 3 wrong
    # lines at 0.9: as they are, both are over unless the threshold passes 0.9 — the rule
    # allows one set in three over.  Resampled, such a set often holds two or fewer, so the
    # bagged median alone settles lower.
    sets = []
    probability: dict[int, float] = {}
    for name, wrong in (("a", 3), ("b", 3), ("c", 0)):
        data = script.SetData(name, denominator=70, expected=60)
        for i in range(40):
            r = script.Row(name, str(i), "number", None, i >= wrong)
            data.rows.append(r)
            probability[id(r)] = 0.9 if i < wrong else 0.95
        sets.append(data)
    plain = script.spread_threshold(script.set_questions(sets, probability), 0.03)
    assert plain == 0.901
    assert script.bagged_threshold(sets, probability, 0.03) < plain
    assert script.chosen_threshold(sets, probability, 0.03) == (
        plain, plain, script.bagged_threshold(sets, probability, 0.03))
