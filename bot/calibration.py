"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.7133494525240933,
    weights={
        'clause_coverage': 1.2391253640679678,
        'missing': -0.6358160906534663,
        'adjacent': 0.5828147661916132,
        'unit_loose': 0.7657077183531267,
        'unit_exact': 0.8592156120239082,
        'level_match': 1.2213295668425848,
        'finer_place': -0.23735603822267695,
        'not_a_body': -1.9933064876813738,
        'one_of_several': -0.8941236950100143,
        'change_asked': -2.3193625553850175,
        'margin': 2.287394083311296,
        'long_line': -0.5944631440114132,
        'kind_who': 0.844599343126861,
        'kind_document': 1.4573195030549706,
        'kind_number': -0.039872644097897016,
        'kind_where': -1.1668088238997787,
        'kind_when': 0.2833977838298427,
        'kind_what': -1.2535310152209633,
    },
    threshold=0.93,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k'),
)
