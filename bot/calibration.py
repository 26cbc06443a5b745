"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.4168875147250235,
    weights={
        'clause_coverage': 1.4724774001503957,
        'missing': 0.11758241974117574,
        'adjacent': 0.9833608014748535,
        'unit_loose': 1.5394538057610143,
        'unit_exact': 0.8113779586606968,
        'level_match': 0.8372115560587926,
        'finer_place': -0.8573433328140235,
        'not_a_body': -1.9556816140615618,
        'one_of_several': -0.1657924918803557,
        'change_asked': -1.3248348593048929,
        'margin': 2.389447766802918,
        'long_line': -0.4190909358387148,
        'agreeing': 1.2833479437259407,
        'unknown_share': -0.5877349836840934,
        'top_score': 1.9577460711070285,
        'kind_who': 0.7203086226584758,
        'kind_document': 1.8570168326473415,
        'kind_number': -0.13645407539500373,
        'kind_where': -0.7304785979933163,
        'kind_when': 0.1703988868961792,
        'kind_what': -1.104627424570837,
    },
    threshold=0.911,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth'),
)
