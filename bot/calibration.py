"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.7348684477413325,
    weights={
        'clause_coverage': 1.2062099427730197,
        'missing': -1.134646623775127,
        'adjacent': 1.1855770664945284,
        'unit_loose': -1.2027459597975811,
        'finer_place': -4.485813576328465,
        'not_a_body': 1.250107257406054,
        'one_of_several': -3.7333589239577156,
        'change_asked': -5.752014568669927,
        'margin': 3.081128122945094,
        'kind_who': 1.2346460162056143,
        'kind_document': 1.7699376935036981,
        'kind_number': -1.2401555194160208,
        'kind_where': 1.3950310172865592,
        'kind_when': -1.5496850538678075,
        'kind_what': -1.5334156599576696,
    },
    threshold=0.85,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
