"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.7487511850809874,
    weights={
        'clause_coverage': 1.4139561939067156,
        'missing': 0.19677177011183328,
        'adjacent': 0.8742857461080581,
        'unit_loose': 1.540101489254329,
        'unit_exact': 0.685682690428895,
        'level_match': 0.8286128771079148,
        'finer_place': -0.8798155726459588,
        'not_a_body': -1.977355073319574,
        'one_of_several': -0.17978526666592165,
        'change_asked': -0.6210556924050908,
        'margin': 2.4120050014247902,
        'long_line': -0.42307823331685634,
        'agreeing': 1.3510408440148465,
        'unknown_share': -0.588458334015505,
        'top_score': 2.3450203791789583,
        'kind_who': 0.7167014259059864,
        'kind_document': 1.799464275492498,
        'kind_number': -0.10298161509838734,
        'kind_where': -0.8080262109946748,
        'kind_when': 0.1643369635334185,
        'kind_what': -1.1704255022174104,
    },
    threshold=0.909,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth'),
)
