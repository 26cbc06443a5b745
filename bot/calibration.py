"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.8109531508543231,
    weights={
        'clause_coverage': 1.2460906064791712,
        'missing': -0.9005111712049462,
        'adjacent': 1.8636719310645717,
        'unit_loose': -1.063046992961572,
        'finer_place': -0.7630275173426982,
        'not_a_body': -1.0856735409220912,
        'one_of_several': -0.5608843861525973,
        'change_asked': -2.381874514626131,
        'margin': 1.9578418532160244,
        'long_line': -0.3547010762164092,
        'kind_who': 0.11007305927690914,
        'kind_document': 2.066200761864731,
        'kind_number': 0.027279768641097647,
        'kind_where': -0.6364886651632466,
        'kind_when': 0.26517982854819455,
        'kind_what': -1.1937835184412968,
    },
    threshold=0.89,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h'),
)
