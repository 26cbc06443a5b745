"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.8072484596791596,
    weights={
        'clause_coverage': 1.1280970763111642,
        'missing': -1.2767131944953973,
        'adjacent': 1.4820824026748134,
        'unit_loose': -1.5016877708716465,
        'finer_place': -4.539978825517207,
        'not_a_body': 1.1704562223126467,
        'one_of_several': -3.8260748093365,
        'change_asked': -5.976613230377261,
        'margin': 3.3913699683742946,
        'kind_who': 1.2688917746170438,
        'kind_document': 1.7586390363159132,
        'kind_number': -1.2089154319095359,
        'kind_where': 1.334244689091685,
        'kind_when': -1.7403999760297493,
        'kind_what': -1.569679045474296,
    },
    threshold=0.81,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
