"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.086030841621519,
    weights={
        'clause_coverage': 1.1918696545038932,
        'missing': 0.16048739826141845,
        'adjacent': 1.417466696923307,
        'unit_loose': 1.108836208806425,
        'unit_exact': 0.8215198628347488,
        'level_match': 1.0106367746118394,
        'finer_place': -1.0538863607181266,
        'not_a_body': -1.9850135947794736,
        'one_of_several': -0.6710367323606166,
        'change_asked': 0.12104660772343642,
        'margin': 2.324389775497424,
        'long_line': -0.4297654501447781,
        'agreeing': 0.9770103340161611,
        'unknown_share': -0.5745144220987609,
        'top_score': 1.8854504962791205,
        'kind_who': 0.6776614846303222,
        'kind_document': 1.6810020037223918,
        'kind_number': -0.35282073034904926,
        'kind_where': -0.4862035725741007,
        'kind_when': 0.5826305563273037,
        'kind_what': -0.9551783278002467,
    },
    threshold=0.906,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth'),
)
