"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.716209118473012,
    weights={
        'clause_coverage': 1.4090798983370483,
        'missing': -1.1409553984265932,
        'adjacent': 1.7894557040735741,
        'unit_loose': -1.6565640836733513,
        'finer_place': -4.535423929035331,
        'not_a_body': 1.289243287314147,
        'one_of_several': -3.7920655980811606,
        'change_asked': -6.110311430543507,
        'margin': 3.027501381214787,
        'kind_who': 1.1902901050914234,
        'kind_document': 1.7309183752269177,
        'kind_number': -1.1472046172385058,
        'kind_where': 1.3529039112392467,
        'kind_when': -1.5207405472575122,
        'kind_what': -1.6294218611738038,
    },
    threshold=0.83,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
