"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.372797838872864,
    weights={
        'clause_coverage': 1.301372153494977,
        'missing': 0.2045592017250517,
        'adjacent': 1.0934847126461151,
        'unit_loose': 1.407029230006741,
        'unit_exact': 0.6525744551618707,
        'level_match': 1.0417702119689243,
        'finer_place': -1.0663490950677867,
        'not_a_body': -2.0396818402694366,
        'one_of_several': -0.4265218894314642,
        'change_asked': -0.6397200922407756,
        'margin': 2.409289955856153,
        'long_line': -0.4944908134005678,
        'agreeing': 1.3741837040465608,
        'unknown_share': -0.9733599647857648,
        'top_score': 2.0374408153482033,
        'kind_who': 0.6848870634028251,
        'kind_document': 1.789605676755405,
        'kind_number': -0.2026491793629193,
        'kind_where': -0.8697158064186713,
        'kind_when': 0.7868566005016793,
        'kind_what': -1.194226410297341,
    },
    threshold=0.919,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first'),
)
