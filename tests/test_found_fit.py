"""bot/fitted.py's FOUND is what `python scripts/fit_found.py` writes: refitting on the
training sets gives the same model (to solver tolerance), so the shipped numbers come from
the command."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

from bot.fitted import FOUND

ROOT = Path(__file__).resolve().parents[1]


def _script():  # type: ignore[no-untyped-def]
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("fit_found", ROOT / "scripts" / "fit_found.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_found"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_found_model_is_the_fitted_one(tmp_path: Path) -> None:
    script = _script()
    final, report = script.fit_model(tmp_path, script.FALSE_FOUND_COST, script.SIGNALS)
    assert final.threshold == FOUND["threshold"], report
    assert set(final.weights) | {"bias", "threshold"} == set(FOUND)
    assert math.isclose(final.bias, FOUND["bias"], abs_tol=1e-3)
    for name, weight in final.weights.items():
        assert math.isclose(weight, FOUND[name], abs_tol=1e-3), name
