"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.802222230001731,
    weights={
        'clause_coverage': 1.3235573364359214,
        'missing': 0.2217503885088845,
        'adjacent': 0.9479772985600244,
        'unit_loose': 1.3489633349746,
        'unit_exact': 0.7384612322082065,
        'level_match': 1.080935092446651,
        'finer_place': -1.094706978012655,
        'not_a_body': -2.164253917253355,
        'one_of_several': -0.3399461928031281,
        'change_asked': -0.5497144735164468,
        'margin': 2.405923195945035,
        'long_line': -0.4150860835900518,
        'agreeing': 1.3361611772876936,
        'unknown_share': -0.9611490642158829,
        'top_score': 2.389063964525618,
        'kind_who': 0.7066719155187978,
        'kind_document': 1.8967407428243492,
        'kind_number': -0.17335390379861199,
        'kind_where': -0.782454916279054,
        'kind_when': 0.2966989768595046,
        'kind_what': -1.080131277543637,
    },
    threshold=0.897,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first'),
)
