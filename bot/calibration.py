"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.271635440997704,
    weights={
        'clause_coverage': 1.3127540180388335,
        'missing': 0.1672204802775201,
        'adjacent': 1.2700448403158575,
        'unit_loose': 1.4615162400323523,
        'unit_exact': 0.7468474565823933,
        'level_match': 0.9778078201465951,
        'finer_place': -1.1396187729242133,
        'not_a_body': -2.039094084769653,
        'one_of_several': -0.3499919582997203,
        'change_asked': -0.17486588979206777,
        'margin': 2.1544937929512926,
        'long_line': -0.4810262769639206,
        'agreeing': 1.1734481922261524,
        'unknown_share': -0.8119055626287902,
        'top_score': 2.0669509071025383,
        'kind_who': 0.6715276014157406,
        'kind_document': 1.9420917955060444,
        'kind_number': -0.3015185563207262,
        'kind_where': -0.7061109580621329,
        'kind_when': 0.6885087664786644,
        'kind_what': -1.111599132246156,
    },
    threshold=0.919,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third'),
)
