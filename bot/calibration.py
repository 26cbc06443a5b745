"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.7041293714593315,
    weights={
        'clause_coverage': 1.3304985224790522,
        'missing': -0.5855350064909407,
        'adjacent': 0.6154772650524156,
        'unit_loose': 0.9573887040132949,
        'unit_exact': 0.8046513478171048,
        'level_match': 1.0595418214110006,
        'finer_place': -0.40702862747911617,
        'not_a_body': -2.8373633772879123,
        'one_of_several': -1.0517559353659256,
        'change_asked': -2.34099373021207,
        'margin': 2.7073148469299215,
        'long_line': -0.7703716329607238,
        'kind_who': 1.0393232992604797,
        'kind_document': 1.3073128015876174,
        'kind_number': -0.1098538661618374,
        'kind_where': -0.9878612567670613,
        'kind_when': 0.14903128775794133,
        'kind_what': -1.3107395270072033,
    },
    threshold=0.92,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third'),
)
