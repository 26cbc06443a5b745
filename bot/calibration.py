"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.3166224852402175,
    weights={
        'clause_coverage': 1.3504843955441612,
        'missing': 0.19404827289235435,
        'adjacent': 1.0272226534467985,
        'unit_loose': 1.404031361205134,
        'unit_exact': 0.6535690251212228,
        'level_match': 1.0459999140621679,
        'finer_place': -1.0612657242767427,
        'not_a_body': -2.058875274378262,
        'one_of_several': -0.43310734794422856,
        'change_asked': -0.6431308771911458,
        'margin': 2.4248968815108545,
        'long_line': -0.48355260443341286,
        'agreeing': 1.3703087014963615,
        'unknown_share': -1.0240391284378902,
        'top_score': 1.9424816651043275,
        'kind_who': 0.6932546478218641,
        'kind_document': 1.7992833120853609,
        'kind_number': -0.1794553209220673,
        'kind_where': -0.8632144571948731,
        'kind_when': 0.6550922240183942,
        'kind_what': -1.1914553742077691,
    },
    threshold=0.898,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first'),
)
