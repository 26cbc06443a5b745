"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.5546701943235997,
    weights={
        'clause_coverage': 0.9614589080121968,
        'missing': -0.9095057317165854,
        'adjacent': 1.134970029773033,
        'unit_loose': -1.7233157225075064,
        'finer_place': -3.0772859906878027,
        'not_a_body': -2.59397061689351,
        'one_of_several': -2.11273338530273,
        'change_asked': -5.346350614989942,
        'margin': 2.6252961559978933,
        'kind_who': 1.0627958007143854,
        'kind_document': 1.921232058418849,
        'kind_number': -1.074734703519517,
        'kind_where': 0.43593554243558197,
        'kind_when': -1.1374934402422414,
        'kind_what': -1.2050594748352965,
    },
    threshold=0.9,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
