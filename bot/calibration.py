"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-1.958114701534579,
    weights={
        'clause_coverage': 1.0674758439210847,
        'missing': 0.07239146992535822,
        'adjacent': 1.4185955252808662,
        'unit_loose': 1.1527508796113817,
        'unit_exact': 0.7575079511592437,
        'level_match': 0.8848699504299803,
        'finer_place': -0.8407197369428435,
        'not_a_body': -1.8980745110944526,
        'one_of_several': -0.4473797545122174,
        'change_asked': -0.6902673837788783,
        'margin': 2.319070073555349,
        'long_line': -0.26610068506055534,
        'agreeing': 0.8516795456187438,
        'unknown_share': -0.2799278938749525,
        'top_score': 1.854508776737047,
        'kind_who': 0.5865394031391459,
        'kind_document': 1.470864218841253,
        'kind_number': -0.40036450540016405,
        'kind_where': -0.19063412478630595,
        'kind_when': 0.49910028624106867,
        'kind_what': -0.8245534555866164,
    },
    threshold=0.928,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh'),
)
