"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.5497326148081985,
    weights={
        'clause_coverage': 0.976923548876665,
        'missing': -0.9117525311715975,
        'adjacent': 1.1274813259287493,
        'unit_loose': -1.724140109364579,
        'finer_place': -3.082869855742316,
        'not_a_body': -2.5371290079162474,
        'one_of_several': -2.1435612153867205,
        'change_asked': -5.346610878060429,
        'margin': 2.6279390235633615,
        'kind_who': 1.0684291689677663,
        'kind_document': 1.9198322719593575,
        'kind_number': -1.0752592767625007,
        'kind_where': 0.43549935367785464,
        'kind_when': -1.1359735804983992,
        'kind_what': -1.2114802000948892,
    },
    threshold=0.9,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
