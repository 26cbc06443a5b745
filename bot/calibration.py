"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.6268634777961342,
    weights={
        'clause_coverage': 1.0100582475357296,
        'missing': -0.5149725537633358,
        'adjacent': 1.132921738179491,
        'unit_loose': 1.1527672304279906,
        'unit_exact': 1.030784438957643,
        'level_match': 1.066200112568994,
        'finer_place': -0.7000482823032326,
        'not_a_body': -2.4730217118707514,
        'one_of_several': -0.647382962391581,
        'change_asked': -1.321190212100677,
        'margin': 2.407665467888898,
        'long_line': -0.5230932358496211,
        'kind_who': 0.8910034150194266,
        'kind_document': 1.6763445532828674,
        'kind_number': -0.2329818004583113,
        'kind_where': -0.4171060315573233,
        'kind_when': -0.32467562268422545,
        'kind_what': -1.021739215637113,
    },
    threshold=0.92,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth'),
)
