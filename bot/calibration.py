"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, news-c, news-d;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.8783938269817158,
    weights={
        'clause_coverage': 1.0071735957217034,
        'missing': -0.9319025559893517,
        'adjacent': 2.741394592632862,
        'unit_loose': -1.4241097443839816,
        'finer_place': 0.38548537457465604,
        'not_a_body': -1.0445206347388258,
        'one_of_several': -0.49970355497009034,
        'change_asked': -3.512601972150729,
        'margin': 1.9786396688168186,
        'kind_who': 0.14601911755107544,
        'kind_document': 2.9473213717259155,
        'kind_number': -0.5978985326640421,
        'kind_where': -0.26095767802366787,
        'kind_when': 0.27838090444476116,
        'kind_what': -0.987821661289289,
    },
    threshold=0.86,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'news-c', 'news-d'),
)
