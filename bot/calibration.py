"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.2125481719302247,
    weights={
        'clause_coverage': 1.0962151377368134,
        'missing': 0.25127694638012943,
        'adjacent': 1.43702015219392,
        'unit_loose': 1.1509816495976635,
        'unit_exact': 0.7065703866361703,
        'level_match': 0.46354175836988165,
        'finer_place': -0.495051142877898,
        'not_a_body': -1.3369530861741217,
        'one_of_several': -0.6807501983079869,
        'change_asked': -0.11699920091572474,
        'margin': 2.3378984844611055,
        'long_line': -0.3247495373335752,
        'agreeing': 0.8666501667793844,
        'unknown_share': 0.001982635498322941,
        'top_score': 2.1560133714591854,
        'kind_who': 0.7530255614096277,
        'kind_document': 1.340949812687699,
        'kind_number': -0.45989472901146367,
        'kind_where': -0.2686736013204101,
        'kind_when': 0.5181313919529471,
        'kind_what': -0.9412689661099958,
    },
    threshold=0.932,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh', 'news-z', 'thirty-eighth'),
)
