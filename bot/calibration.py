"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.7769418326512483,
    weights={
        'clause_coverage': 1.2957339247376738,
        'missing': -0.84313266940406,
        'adjacent': 1.9657407331165204,
        'unit_loose': -1.9224115074427566,
        'finer_place': -4.5087145348389575,
        'not_a_body': 1.1851629744152568,
        'one_of_several': -3.7125166759117305,
        'change_asked': -6.329750732909474,
        'margin': 3.0444021274553976,
        'kind_who': 1.0952473236235143,
        'kind_document': 1.5899247317867147,
        'kind_number': -0.9591374924111993,
        'kind_where': 1.3192975456117797,
        'kind_when': -1.7444332419409574,
        'kind_what': -1.722068419528351,
    },
    threshold=0.86,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
