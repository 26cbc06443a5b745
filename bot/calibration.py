"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.5114981946830759,
    weights={
        'clause_coverage': 1.200322382739257,
        'missing': -0.556086298610251,
        'adjacent': 1.133521748868003,
        'unit_loose': 1.1335216376266841,
        'unit_exact': 1.0316314078913815,
        'level_match': 1.120103243049562,
        'finer_place': -0.3287270360118413,
        'not_a_body': -2.3049209541663402,
        'one_of_several': -0.9675404987796716,
        'change_asked': -1.2220375534327224,
        'margin': 2.4871612411409965,
        'long_line': -0.6247502204036096,
        'kind_who': 0.7732690933063278,
        'kind_document': 1.6403077198025768,
        'kind_number': -0.2442465147636079,
        'kind_where': -0.7862173098780092,
        'kind_when': 0.3085944499197697,
        'kind_what': -1.0787733343283408,
    },
    threshold=0.94,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth'),
)
