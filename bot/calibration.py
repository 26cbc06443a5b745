"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.5524386952198017,
    weights={
        'clause_coverage': 0.9630769277994163,
        'missing': -0.9101044854830985,
        'adjacent': 1.1428602545664202,
        'unit_loose': -1.7258086155806267,
        'finer_place': -3.0779046629917657,
        'not_a_body': -2.5945140648044,
        'one_of_several': -2.113012821162687,
        'change_asked': -5.351352814844494,
        'margin': 2.627147148529116,
        'kind_who': 1.0646241648124715,
        'kind_document': 1.9235769356754915,
        'kind_number': -1.0748370948719184,
        'kind_where': 0.4369879104921877,
        'kind_when': -1.1364989999378825,
        'kind_what': -1.2043638978711875,
    },
    threshold=0.9,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
