"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.722523297373463,
    weights={
        'clause_coverage': 1.40902326022379,
        'missing': -1.1415506949912213,
        'adjacent': 1.7962290564912669,
        'unit_loose': -1.659083691156516,
        'finer_place': -4.542407475550181,
        'not_a_body': 1.2865347872074484,
        'one_of_several': -3.8058911153538943,
        'change_asked': -6.114391139838946,
        'margin': 3.022637176132219,
        'kind_who': 1.2011203844022194,
        'kind_document': 1.7280873478669976,
        'kind_number': -1.152674026329537,
        'kind_where': 1.3572673385710097,
        'kind_when': -1.5229989942672377,
        'kind_what': -1.6341260168038265,
    },
    threshold=0.83,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
