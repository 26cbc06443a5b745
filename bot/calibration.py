"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-1.9672140772138238,
    weights={
        'clause_coverage': 1.0670907056240124,
        'missing': 0.0773584934083063,
        'adjacent': 1.4194693490557548,
        'unit_loose': 1.1526810677228838,
        'unit_exact': 0.7568694450882274,
        'level_match': 0.8838781605981211,
        'finer_place': -0.8409547386726122,
        'not_a_body': -1.7748470390430475,
        'one_of_several': -0.4527324368660094,
        'change_asked': -0.6919857238263194,
        'margin': 2.3155860271662014,
        'long_line': -0.27426389798861833,
        'agreeing': 0.8525025477631113,
        'unknown_share': -0.28106585754424546,
        'top_score': 1.8653200695324732,
        'kind_who': 0.581931592558159,
        'kind_document': 1.469021789390017,
        'kind_number': -0.39679493914498404,
        'kind_where': -0.1921816570557251,
        'kind_when': 0.5017871023420111,
        'kind_what': -0.8266393280839472,
    },
    threshold=0.928,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh'),
)
