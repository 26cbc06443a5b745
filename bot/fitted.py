"""The fitted ranking weights of :mod:`bot.rank` — generated, do not edit.

Set by hand until `scripts/fit_rank.py` first wrote them.
"""

RANKING: dict[str, float] = {
    "body": 1.0,
    "heading": 0.6,
    "place": 1.0,
    "bm25": 0.05,
    "heading_role": -0.08,
    "lead_role": 0.02,
    "issuing": 0.03,
    "figure": 0.03,
    "other_batch": -0.3,
    "named_focus": 0.1,
    "new_place": 0.05,
    "in_charge_lead": 0.03,
}
