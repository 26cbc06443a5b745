"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.703204358148035,
    weights={
        'clause_coverage': 1.1341594401933979,
        'missing': -1.0265809144330853,
        'adjacent': 0.7285245425366338,
        'unit_loose': -1.0123355071620168,
        'finer_place': -4.494501512800161,
        'not_a_body': 1.1693726020212774,
        'one_of_several': -3.736514423701093,
        'change_asked': -5.614685060546804,
        'margin': 3.314996635224408,
        'kind_who': 1.260514796794186,
        'kind_document': 1.7329033201506339,
        'kind_number': -1.2169929667383952,
        'kind_where': 1.397665781806297,
        'kind_when': -1.7256816269387472,
        'kind_what': -1.5475651379643662,
    },
    threshold=0.88,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
