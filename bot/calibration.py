"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth, news-aa, thirty-ninth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-1.938231935210196,
    weights={
        'clause_coverage': 1.1922861354703627,
        'missing': 0.2413663665211385,
        'adjacent': 1.4778656358646622,
        'unit_loose': 1.038717803859365,
        'unit_exact': 0.7167971367811641,
        'level_match': 0.39579918593495655,
        'finer_place': -0.48817166439570414,
        'not_a_body': -1.26747600151119,
        'one_of_several': -0.6625445728566711,
        'change_asked': -0.19487754765417364,
        'margin': 2.2748966596882827,
        'long_line': -0.3869736195772354,
        'agreeing': 0.86529112702813,
        'unknown_share': -0.010399545143789435,
        'top_score': 1.8131907664153417,
        'kind_who': 0.7228440446384151,
        'kind_document': 1.0969091644467743,
        'kind_number': -0.402262635530506,
        'kind_where': -0.2250017063909516,
        'kind_when': 0.5379023056470548,
        'kind_what': -0.9825732414386453,
    },
    threshold=0.926,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh', 'news-z', 'thirty-eighth', 'news-aa', 'thirty-ninth'),
)
