"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.7223874545245663,
    weights={
        'clause_coverage': 1.4089148051456,
        'missing': -1.1415498572231801,
        'adjacent': 1.796042379242509,
        'unit_loose': -1.659064011463644,
        'finer_place': -4.5425809048489825,
        'not_a_body': 1.2860327849495632,
        'one_of_several': -3.806183095798065,
        'change_asked': -6.1144583920416204,
        'margin': 3.0240758205797555,
        'kind_who': 1.2013244571192534,
        'kind_document': 1.7279637280815339,
        'kind_number': -1.1526054441260725,
        'kind_where': 1.3571629853628746,
        'kind_when': -1.5238544744865248,
        'kind_what': -1.6342553094019596,
    },
    threshold=0.83,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'),
)
