"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.7134735435114021,
    weights={
        'clause_coverage': 1.357068453683005,
        'missing': -1.1879391290136285,
        'adjacent': 1.2439537944229198,
        'unit_loose': -1.383304671773209,
        'finer_place': -4.531901850926975,
        'not_a_body': 1.3051558306561297,
        'one_of_several': -3.799046296901005,
        'change_asked': -5.856541670465176,
        'margin': 3.076236691188466,
        'kind_who': 1.2258069954196673,
        'kind_document': 1.770304878493782,
        'kind_number': -1.2052705214653965,
        'kind_where': 1.3705159375716338,
        'kind_when': -1.5205668175971403,
        'kind_what': -1.588133145920189,
    },
    threshold=0.84,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
