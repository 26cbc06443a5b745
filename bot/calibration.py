"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.2100508521303626,
    weights={
        'clause_coverage': 1.4563148225980824,
        'missing': 0.06974265516538557,
        'adjacent': 0.9667653146718291,
        'unit_loose': 1.5482427687245386,
        'unit_exact': 0.868792482433348,
        'level_match': 0.8186425421152699,
        'finer_place': -0.8351051097302441,
        'not_a_body': -2.102049924449613,
        'one_of_several': -0.26425322832516945,
        'change_asked': -1.3389402667106889,
        'margin': 2.439791769310503,
        'long_line': -0.4660855539072534,
        'agreeing': 1.2889924640490198,
        'unknown_share': -0.653589012259008,
        'top_score': 1.7829302497556678,
        'kind_who': 0.8397635000216563,
        'kind_document': 1.8336155917100965,
        'kind_number': -0.1430249924489732,
        'kind_where': -0.7491454062807545,
        'kind_when': 0.07426561216814001,
        'kind_what': -1.1346076433455117,
    },
    threshold=0.91,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth'),
)
