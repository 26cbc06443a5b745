"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.574304823978152,
    weights={
        'clause_coverage': 1.0887943070031418,
        'missing': -0.8539063169536508,
        'adjacent': 0.8368013918504316,
        'unit_loose': -0.9262976889724428,
        'finer_place': -4.2998398179930675,
        'not_a_body': -1.8506131889451993,
        'one_of_several': -2.9408793230379455,
        'change_asked': -5.154686640658122,
        'margin': 3.1915102688983494,
        'kind_who': 1.1133927347317876,
        'kind_document': 1.7605837037732863,
        'kind_number': -1.1868500636155699,
        'kind_where': 1.3886014894602214,
        'kind_when': -1.603561796156297,
        'kind_what': -1.4255931859141164,
    },
    threshold=0.88,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
