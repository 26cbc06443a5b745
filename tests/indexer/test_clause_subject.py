"""indexer.facts.clause_subject: who a clause opens with (a table)."""

from __future__ import annotations

import pytest

from indexer.facts import clause_subject


@pytest.mark.parametrize(("clause", "subject"), [
    ("湖州市生态环境局在全市开展排污许可证专项清查", "湖州市生态环境局"),
    # An enforcement detachment is the actor, not the city its name opens with.
    ("南通市交通运输综合行政执法支队在南通西站开展专项整治", "南通市交通运输综合行政执法支队"),
    ("自治区市场监管、农业农村、公安等部门联合发力", "自治区市场监管、农业农村、公安等部门"),
    ("市场监管局3月起开展专项行动", "市场监管局"),  # a date after the name: still the actor
    # A name right before its count is what was counted, not who acts.
    ("共排查持证排污单位1432家", None),
    ("检查企业37家", None),
    ("排查出问题单位十二家", None),
])
def test_clause_subject(clause: str, subject: str | None) -> None:
    assert clause_subject(clause) == subject
