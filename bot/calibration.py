"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.3735763687372575,
    weights={
        'clause_coverage': 1.102699157545252,
        'missing': 0.24376527954736088,
        'adjacent': 1.428101729023778,
        'unit_loose': 1.1973268546807565,
        'unit_exact': 0.7459379032117119,
        'level_match': 0.8631165652603098,
        'finer_place': -0.7440735253012836,
        'not_a_body': -1.4203798596271837,
        'one_of_several': -0.3718407065402401,
        'change_asked': -0.7814020087882793,
        'margin': 2.4009763119027054,
        'long_line': -0.3198923074102778,
        'agreeing': 0.8491685255968584,
        'unknown_share': 0.12082505675713325,
        'top_score': 2.2706832159366304,
        'kind_who': 0.7611367125658183,
        'kind_document': 1.3267981603891812,
        'kind_number': -0.4515077426337749,
        'kind_where': -0.2703859291734867,
        'kind_when': 0.579181278642744,
        'kind_what': -0.9003682684514239,
    },
    threshold=0.934,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh', 'news-z', 'thirty-eighth'),
)
