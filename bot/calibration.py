"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.8299401302699159,
    weights={
        'clause_coverage': 1.2749021845784503,
        'missing': -0.7800754064746809,
        'adjacent': 1.886678621869894,
        'unit_loose': -1.0087541219405183,
        'finer_place': -0.7751489813985727,
        'not_a_body': -1.3096842085882379,
        'one_of_several': -0.7027202630219448,
        'change_asked': -2.3426307297469386,
        'margin': 1.960099096339259,
        'long_line': -0.4911209436186751,
        'kind_who': 0.341403570739899,
        'kind_document': 1.966561532167176,
        'kind_number': 0.0008243381803131676,
        'kind_where': -0.6855542922463956,
        'kind_when': 0.16637194089850638,
        'kind_what': -1.2873396450540193,
    },
    threshold=0.9,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h'),
)
