"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth, news-aa, thirty-ninth, news-bb, fortieth, forty-first, forty-second, forty-third, news-cc, forty-fourth, forty-fifth, news-dd;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-1.7815791106526202,
    weights={
        'clause_coverage': 1.0452000960324843,
        'missing': 0.20981495682051424,
        'adjacent': 1.5404272587421262,
        'unit_loose': 0.945047962173504,
        'unit_exact': 0.6814848258165919,
        'level_match': 0.659745030752278,
        'finer_place': -0.7455964637595877,
        'not_a_body': -1.28131364831736,
        'one_of_several': -1.0726878757113614,
        'change_asked': -0.21360386299132259,
        'margin': 1.966860058465154,
        'long_line': -0.206058864549271,
        'agreeing': 0.8277972550598536,
        'unknown_share': -1.105913744584559,
        'top_score': 1.7419578087561272,
        'column_asked': 0.7281928617563124,
        'kind_who': 0.6371789561865044,
        'kind_document': 1.319934610266716,
        'kind_number': -0.43988482284896774,
        'kind_where': -0.25773043010351593,
        'kind_when': 0.5103597289486488,
        'kind_what': -0.9304723302674193,
    },
    threshold=0.922,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh', 'news-z', 'thirty-eighth', 'news-aa', 'thirty-ninth', 'news-bb', 'fortieth', 'forty-first', 'forty-second', 'forty-third', 'news-cc', 'forty-fourth', 'forty-fifth', 'news-dd'),
)
