"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-0.5436159252847435,
    weights={
        'clause_coverage': 1.4296929431890393,
        'missing': -0.20712414114449165,
        'adjacent': 1.0505803783834444,
        'unit_loose': 1.2068107976844133,
        'unit_exact': 1.027745330650492,
        'level_match': 1.0026337646133863,
        'finer_place': -0.7539835973717014,
        'not_a_body': -2.643042138020746,
        'one_of_several': -0.9721084769060414,
        'change_asked': -1.2334589352602714,
        'margin': 2.6546009789827276,
        'long_line': -0.5152935112207201,
        'agreeing': 1.3743917835992296,
        'unknown_share': -1.2677067436915805,
        'kind_who': 0.909725156296106,
        'kind_document': 1.809237846816325,
        'kind_number': -0.19256469596362266,
        'kind_where': -0.6214305332265572,
        'kind_when': -0.15719306033350702,
        'kind_what': -1.1824389532018178,
    },
    threshold=0.91,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth'),
)
