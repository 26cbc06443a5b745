"""scripts/sweep.py: a weight swept over training sets only, the table put back after."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from bot.weights import WEIGHTS
from tests.scripts import load_script


@pytest.fixture(scope="module")
def sweep() -> ModuleType:
    return load_script("sweep", needs="jieba")


def test_held_out_sets_and_unknown_weights_are_refused(sweep: ModuleType) -> None:
    with pytest.raises(SystemExit, match="held out"):
        sweep.check("focus_said", ["dev", "second"])
    with pytest.raises(SystemExit, match="not a ranking weight"):
        sweep.check("no_such_weight", ["dev"])
    with pytest.raises(SystemExit, match="no such field"):
        sweep.check("W.no_such_field", ["dev"])
    sweep.check("focus_said", ["dev"])
    sweep.check("W.answering_slack", ["dev"])


def test_a_table_weight_is_put_back(sweep: ModuleType) -> None:
    before = WEIGHTS.answering_slack
    with sweep.table_weight("answering_slack", 0.5):
        assert WEIGHTS.answering_slack == 0.5
    assert WEIGHTS.answering_slack == before


def test_one_line_per_value_with_each_sets_counts(sweep: ModuleType, tmp_path: Path) -> None:
    lines = list(sweep.sweep("heading", [0.0, 0.6], ["dev"], tmp_path))
    assert [line.split("  ")[0] for line in lines] == ["heading = 0", "heading = 0.6"]
    assert all(" dev:" in line and "'hit@1'" in line for line in lines)
