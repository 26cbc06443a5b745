"""bot/calibration.py is what `python scripts/fit_confidence.py` writes: refitting on the
training sets gives the same model (to solver tolerance, across scikit-learn versions), so the
shipped numbers come from the command."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

from bot.calibration import CALIBRATION

ROOT = Path(__file__).resolve().parents[1]


def _script():  # type: ignore[no-untyped-def]
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("fit_confidence",
                                                  ROOT / "scripts" / "fit_confidence.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_confidence"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_model_is_the_fitted_one(tmp_path: Path) -> None:
    script = _script()
    final, report = script.fit_model(tmp_path, 0.03)
    assert final.threshold == CALIBRATION.threshold, report
    assert final.fitted_on == CALIBRATION.fitted_on
    assert set(final.weights) == set(CALIBRATION.weights)
    assert math.isclose(final.bias, CALIBRATION.bias, abs_tol=1e-3)
    for name, weight in final.weights.items():
        assert math.isclose(weight, CALIBRATION.weights[name], abs_tol=1e-3), name


def test_held_out_sets_never_enter_the_fit() -> None:
    script = _script()
    assert not set(script.TRAINING) & set(script.HELD_OUT)
    assert set(CALIBRATION.fitted_on) == set(script.TRAINING)
