"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.5831461722253442,
    weights={
        'clause_coverage': 1.0551173547863655,
        'missing': -0.46241984080952603,
        'adjacent': 1.1165684754355087,
        'unit_loose': 1.1647505876124047,
        'unit_exact': 1.0544063152225593,
        'level_match': 1.0625635635690645,
        'finer_place': -0.8594119315490224,
        'not_a_body': -2.4745908439131936,
        'one_of_several': -0.7394777049450384,
        'change_asked': -1.3070463878304421,
        'margin': 2.4136980188660693,
        'long_line': -0.5111172745379535,
        'kind_who': 0.8903898259502131,
        'kind_document': 1.6663476446180074,
        'kind_number': -0.25005638092119364,
        'kind_where': -0.35861517016057265,
        'kind_when': -0.3067805396298685,
        'kind_what': -1.0271721318329567,
    },
    threshold=0.92,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth'),
)
