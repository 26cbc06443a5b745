"""The numbers the fit scripts write (do not edit by hand): the found model of
:mod:`bot.found` (``scripts/fit_found.py``) and the ranking weights of :mod:`bot.rank`
(``scripts/fit_rank.py --write``).  The ranking weights below are still the hand-set ones:
fitted leave-one-set-out they lost to them on the training folds (see the README).
"""

# The ranking weights (bot/rank.py), set by hand (scripts/fit_rank.py reports the fitted ones).
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
    "focus_said": 0.1,
}

# The found model (bot/found.py), written by `python scripts/fit_found.py`
# on the folds dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth, news-aa, thirty-ninth, news-bb, fortieth, forty-first, forty-second, forty-third, news-cc, forty-fourth, forty-fifth, news-dd.
FOUND: dict[str, float] = {
    'bias': -2.097215348617188,
    'coverage': 4.891376556671561,
    'threshold': 0.58,
}
