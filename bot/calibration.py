"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, fifteenth, sixteenth, news-c, news-d;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.9142645660487485,
    weights={
        'clause_coverage': 0.9621364073495748,
        'missing': -0.50139189654988,
        'adjacent': 2.4359869032041654,
        'unit_loose': -1.531686542479771,
        'finer_place': -1.821194116065847,
        'not_a_body': -1.0094649634635389,
        'one_of_several': -0.8316530785782347,
        'change_asked': -3.192213223526651,
        'margin': 2.019011773293941,
        'kind_who': 0.39356326010086234,
        'kind_document': 2.649645821477244,
        'kind_number': -0.6425263781782706,
        'kind_where': -0.275738312098153,
        'kind_when': -0.25886900333733753,
        'kind_what': -0.9761671485910244,
    },
    threshold=0.87,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'fifteenth', 'sixteenth', 'news-c', 'news-d'),
)
