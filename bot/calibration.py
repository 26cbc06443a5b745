"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.762596149659917,
    weights={
        'clause_coverage': 1.2025452174316915,
        'missing': -1.1945216136757577,
        'adjacent': 1.8024061916218466,
        'unit_loose': -1.5835637561733613,
        'finer_place': -4.517733969166648,
        'not_a_body': 1.222220440975006,
        'one_of_several': -3.7875317794568852,
        'change_asked': -6.0588242336655975,
        'margin': 3.2175728881255297,
        'kind_who': 1.245146695562337,
        'kind_document': 1.7551638442150697,
        'kind_number': -1.2120612254688699,
        'kind_where': 1.3597548503242978,
        'kind_when': -1.635800338539638,
        'kind_what': -1.5666472091635726,
    },
    threshold=0.83,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
