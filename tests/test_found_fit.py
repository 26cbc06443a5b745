"""bot/fitted.py's FOUND is what `python scripts/fit_found.py` writes: refitting on the
training sets gives the same model (to solver tolerance), so the shipped numbers come from
the command."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bench.sets import TRAINING, documents
from bot.fitted import FOUND
from tests.scripts import load_script


def test_the_shipped_found_model_is_the_fitted_one(tmp_path: Path) -> None:
    if not all(documents(name) for name in TRAINING):
        pytest.skip("the news corpus could not be fetched (python -m bench.news says why)")
    script = load_script("fit_found")
    final, report = script.fit_model(tmp_path, script.FALSE_FOUND_COST, script.SIGNALS)
    assert final.threshold == FOUND["threshold"], report
    assert set(final.weights) | {"bias", "threshold"} == set(FOUND)
    assert math.isclose(final.bias, FOUND["bias"], abs_tol=1e-3)
    for name, weight in final.weights.items():
        assert math.isclose(weight, FOUND[name], abs_tol=1e-3), name
