"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.5617221887878763,
    weights={
        'clause_coverage': 1.117041591534888,
        'missing': -0.8124435179448295,
        'adjacent': 0.8801275190444944,
        'unit_loose': -0.8732664320532054,
        'finer_place': -4.250734208520723,
        'not_a_body': -1.7453913200893678,
        'one_of_several': -2.8614635901407715,
        'change_asked': -5.1492715363364745,
        'margin': 2.923279640893857,
        'kind_who': 1.0960159086283763,
        'kind_document': 1.7872124159437728,
        'kind_number': -1.226978090780418,
        'kind_where': 1.4216599940566852,
        'kind_when': -1.444253033902583,
        'kind_what': -1.3835507690738922,
    },
    threshold=0.9,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
