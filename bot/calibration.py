"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.5850593390376964,
    weights={
        'clause_coverage': 0.609647162636247,
        'missing': -1.0400397417723461,
        'adjacent': 1.4083990672260993,
        'unit_loose': -0.8891978758366281,
        'finer_place': -3.0847270226323285,
        'not_a_body': -2.7211812168927385,
        'one_of_several': -2.134683654751743,
        'change_asked': -5.242554646571069,
        'margin': 2.9348694243675615,
        'kind_who': 1.216053051212613,
        'kind_document': 2.0467211389729436,
        'kind_number': -1.2099898149783943,
        'kind_where': 0.5384474790948116,
        'kind_when': -2.0353671266785383,
        'kind_what': -0.997278215058296,
    },
    threshold=0.89,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
