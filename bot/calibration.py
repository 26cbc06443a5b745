"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.6766858666215203,
    weights={
        'clause_coverage': 1.297286092177532,
        'missing': -1.063817395359793,
        'adjacent': 0.8250259906503499,
        'unit_loose': -1.0910590707568095,
        'finer_place': -4.512207860307492,
        'not_a_body': 1.2018914796206486,
        'one_of_several': -3.7558184349074444,
        'change_asked': -5.633897931886395,
        'margin': 3.151593383255163,
        'kind_who': 1.2360940486440266,
        'kind_document': 1.737638512243455,
        'kind_number': -1.2016625285852054,
        'kind_where': 1.3938443605952313,
        'kind_when': -1.5981041417026953,
        'kind_what': -1.577015973689592,
    },
    threshold=0.89,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
