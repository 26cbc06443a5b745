"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.6484189060544265,
    weights={
        'clause_coverage': 0.9896217210930515,
        'missing': -0.9157084880054448,
        'adjacent': 0.8276052219841247,
        'unit_loose': -0.9962253745648134,
        'finer_place': -4.311646689699755,
        'not_a_body': -1.9072547728199138,
        'one_of_several': -2.9592936297478025,
        'change_asked': -5.567398032497481,
        'margin': 3.3103649847716747,
        'kind_who': 1.1066379029756692,
        'kind_document': 1.7485990313090036,
        'kind_number': -1.1532871638527658,
        'kind_where': 1.3541901122244595,
        'kind_when': -1.699184896367887,
        'kind_what': -1.4386505038172297,
    },
    threshold=0.88,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
