"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.7623107016382205,
    weights={
        'clause_coverage': 1.3211028902475852,
        'missing': -0.9323122502480767,
        'adjacent': 1.8837055953227437,
        'unit_loose': -1.0131051050322826,
        'finer_place': -0.7742986441651437,
        'not_a_body': -1.0396149841999192,
        'one_of_several': -0.5131720896235773,
        'change_asked': -2.3460529046460814,
        'margin': 1.9957306242929176,
        'long_line': -0.3850308178943438,
        'kind_who': 0.08081363064443084,
        'kind_document': 2.0860402971450034,
        'kind_number': 0.017626937524512352,
        'kind_where': -0.6273216517894775,
        'kind_when': 0.32417047384194664,
        'kind_what': -1.1881022603597762,
    },
    threshold=0.89,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h'),
)
