"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.498015494726734,
    weights={
        'clause_coverage': 0.7663976744280794,
        'missing': -1.0568911531165233,
        'adjacent': 1.3131556126734354,
        'unit_loose': -0.8645452551473359,
        'finer_place': -3.1810922105876345,
        'not_a_body': -1.854257442019184,
        'one_of_several': -2.6229305185160063,
        'change_asked': -5.175959275912564,
        'margin': 3.183750234423136,
        'kind_who': 1.3152991339717308,
        'kind_document': 2.004247173202802,
        'kind_number': -1.2202124679227142,
        'kind_where': 0.5385116507896798,
        'kind_when': -2.128548021334027,
        'kind_what': -1.069643470018612,
    },
    threshold=0.89,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
