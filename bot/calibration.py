"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.133426181107633,
    weights={
        'clause_coverage': 1.1221043492749614,
        'missing': 0.13073987934195322,
        'adjacent': 1.414714473538916,
        'unit_loose': 1.188231986368756,
        'unit_exact': 0.7321803976030453,
        'level_match': 0.9802024651323196,
        'finer_place': -0.8105652080995135,
        'not_a_body': -1.7285466123971107,
        'one_of_several': -0.09305430995942093,
        'change_asked': -0.7690866896161874,
        'margin': 2.273463607331601,
        'long_line': -0.2919412222876629,
        'agreeing': 0.7997961196009848,
        'unknown_share': -0.21884215999553336,
        'top_score': 2.0073531096014827,
        'kind_who': 0.5686528090239817,
        'kind_document': 1.4212958498467023,
        'kind_number': -0.357278045028165,
        'kind_where': -0.3119928970118589,
        'kind_when': 0.6217501929858954,
        'kind_what': -0.8696790073181325,
    },
    threshold=0.929,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh', 'news-z', 'thirty-eighth'),
)
