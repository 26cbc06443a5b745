"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.418342307447448,
    weights={
        'clause_coverage': 1.4728319698535752,
        'missing': 0.10519561331473089,
        'adjacent': 0.9568842438916323,
        'unit_loose': 1.550818913583433,
        'unit_exact': 0.8593474390235146,
        'level_match': 0.8215031640689253,
        'finer_place': -0.8426823740888046,
        'not_a_body': -2.079218580584912,
        'one_of_several': -0.2488508877336986,
        'change_asked': -1.3364200383722973,
        'margin': 2.44490062590769,
        'long_line': -0.4694865579394722,
        'agreeing': 1.3414573924411886,
        'unknown_share': -0.5664995198283682,
        'top_score': 1.946419309410364,
        'kind_who': 0.8325152994468485,
        'kind_document': 1.8460955114824869,
        'kind_number': -0.13486034596359162,
        'kind_where': -0.7650030477881066,
        'kind_when': 0.07847300557626138,
        'kind_what': -1.141081522340262,
    },
    threshold=0.91,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth'),
)
