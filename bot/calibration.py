"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.1824210226665834,
    weights={
        'clause_coverage': 1.2007472703747066,
        'missing': 0.13750885606004526,
        'adjacent': 1.3740510236421484,
        'unit_loose': 1.1903150995320488,
        'unit_exact': 0.7350108912855655,
        'level_match': 0.9805910598115553,
        'finer_place': -0.819887398974478,
        'not_a_body': -1.7437850878648604,
        'one_of_several': -0.09009331349186149,
        'change_asked': -0.7718066256378637,
        'margin': 2.273160135832817,
        'long_line': -0.31593335223312496,
        'agreeing': 0.8220586317838237,
        'unknown_share': -0.20560425846044755,
        'top_score': 2.00956508392223,
        'kind_who': 0.5732897574670587,
        'kind_document': 1.421973861256162,
        'kind_number': -0.334626952051554,
        'kind_where': -0.3202650441392152,
        'kind_when': 0.5825050992651175,
        'kind_what': -0.88861131671276,
    },
    threshold=0.928,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh', 'news-z', 'thirty-eighth'),
)
