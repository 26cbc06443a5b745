"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.8879429362676674,
    weights={
        'clause_coverage': 1.2550240707730684,
        'missing': -0.8772441680628889,
        'adjacent': 1.8677531195222723,
        'unit_loose': -1.0292129887326544,
        'finer_place': -0.761443502171111,
        'not_a_body': -1.2573348473630106,
        'one_of_several': -0.6660297776134784,
        'change_asked': -2.3764971646478337,
        'margin': 1.8737411177672545,
        'long_line': -0.4289988917968154,
        'kind_who': 0.28213047957878973,
        'kind_document': 2.0025022280313425,
        'kind_number': 0.0005630330703119247,
        'kind_where': -0.6891182644382633,
        'kind_when': 0.23035097419561734,
        'kind_what': -1.2666423888930205,
    },
    threshold=0.89,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h'),
)
