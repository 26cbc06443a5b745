"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, news-c, news-d;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.13703385413926,
    weights={
        'clause_coverage': 1.0222644732782784,
        'missing': -0.990092598913782,
        'adjacent': 2.9720280625686346,
        'unit_loose': -1.4926085525665922,
        'finer_place': 0.14869315992784576,
        'not_a_body': -0.9343868600458803,
        'one_of_several': -0.46405898203675905,
        'change_asked': -3.790134084713093,
        'margin': 2.043996005605443,
        'long_line': -0.4842529998023132,
        'kind_who': 0.05757296510087947,
        'kind_document': 2.7595160855455405,
        'kind_number': -0.39120455183070535,
        'kind_where': -0.281958971221994,
        'kind_when': 0.34234334643951225,
        'kind_what': -1.2517068158748632,
    },
    threshold=0.91,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'news-c', 'news-d'),
)
