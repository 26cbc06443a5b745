"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-0.639487484738571,
    weights={
        'clause_coverage': 1.485603814548523,
        'missing': -0.14945665594604512,
        'adjacent': 1.1001068798328648,
        'unit_loose': 1.2061210445010138,
        'unit_exact': 1.0263171745947908,
        'level_match': 1.0128655600334546,
        'finer_place': -0.7472826066055286,
        'not_a_body': -2.6367411486055037,
        'one_of_several': -1.0080335603643924,
        'change_asked': -1.1681099668942156,
        'margin': 2.648634418211361,
        'long_line': -0.5188432295943665,
        'agreeing': 1.3353472273306917,
        'kind_who': 0.9226983504844994,
        'kind_document': 1.8363802733980905,
        'kind_number': -0.21619935575477287,
        'kind_where': -0.5869991404574356,
        'kind_when': -0.14447562414611467,
        'kind_what': -1.1950022065900314,
    },
    threshold=0.91,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth'),
)
