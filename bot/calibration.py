"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth, news-aa, thirty-ninth, news-bb, fortieth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-1.7669410631742832,
    weights={
        'clause_coverage': 1.1033767512049006,
        'missing': 0.19474182464693074,
        'adjacent': 1.5776587973863703,
        'unit_loose': 1.066702650947401,
        'unit_exact': 0.7336508064548227,
        'level_match': 0.46247777669945883,
        'finer_place': -0.4986287816973567,
        'not_a_body': -1.2081644712278765,
        'one_of_several': -0.8910133301818822,
        'change_asked': -0.256407107187063,
        'margin': 2.177867962915486,
        'long_line': -0.32444137578499294,
        'agreeing': 0.8340645506152795,
        'unknown_share': -0.5117873108413609,
        'top_score': 1.7423378497948252,
        'kind_who': 0.6832933365412287,
        'kind_document': 1.2430098826911258,
        'kind_number': -0.41764858027178725,
        'kind_where': -0.23474123297074098,
        'kind_when': 0.46959818943452764,
        'kind_what': -0.9566392583240987,
    },
    threshold=0.933,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh', 'news-z', 'thirty-eighth', 'news-aa', 'thirty-ninth', 'news-bb', 'fortieth'),
)
