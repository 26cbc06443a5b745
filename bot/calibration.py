"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.6009488699361527,
    weights={
        'clause_coverage': 0.5976334971690573,
        'missing': -1.0503839140055,
        'adjacent': 1.40597310779035,
        'unit_loose': -0.976331892589693,
        'finer_place': -3.083395394096019,
        'not_a_body': -2.7142978503996034,
        'one_of_several': -2.1276825093141305,
        'change_asked': -5.251593024052124,
        'margin': 2.9111518750684553,
        'kind_who': 1.2100825887073217,
        'kind_document': 2.050395691388746,
        'kind_number': -1.2111007501055182,
        'kind_where': 0.5360792067739417,
        'kind_when': -2.0291286244124254,
        'kind_what': -0.995486209419396,
    },
    threshold=0.89,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
