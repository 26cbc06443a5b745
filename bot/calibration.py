"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.4337868936310805,
    weights={
        'clause_coverage': 1.243198965581202,
        'missing': -0.488361914459042,
        'adjacent': 1.091645344514081,
        'unit_loose': 1.2476172508411083,
        'unit_exact': 1.0234847780822072,
        'level_match': 1.1217455492882786,
        'finer_place': -0.38286368575397617,
        'not_a_body': -2.349925073372032,
        'one_of_several': -0.5344089267925105,
        'change_asked': -1.2353992135862808,
        'margin': 2.4584814984050545,
        'long_line': -0.6610668638982751,
        'kind_who': 0.8470788117040459,
        'kind_document': 1.6712066827047263,
        'kind_number': -0.16590178362110122,
        'kind_where': -0.7508380583096802,
        'kind_when': -0.17863549521273334,
        'kind_what': -1.0378813045096156,
    },
    threshold=0.93,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth'),
)
