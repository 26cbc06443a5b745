"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.6724176785802514,
    weights={
        'clause_coverage': 1.191653600993488,
        'missing': -0.631129196204362,
        'adjacent': 1.1718320554179753,
        'unit_loose': -0.047649509139427976,
        'unit_exact': 0.8274301658934528,
        'level_match': 1.1312639348523528,
        'finer_place': -0.3491561555446824,
        'not_a_body': -1.8887340315572143,
        'one_of_several': -0.9621664454638518,
        'change_asked': -2.026392169938788,
        'margin': 2.348769207460797,
        'long_line': -0.5394866374929752,
        'kind_who': 0.8563045334087468,
        'kind_document': 1.4597421030619215,
        'kind_number': -0.16161158354188693,
        'kind_where': -0.9589829396789209,
        'kind_when': 0.2481278449756231,
        'kind_what': -1.2159619965477053,
    },
    threshold=0.92,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i'),
)
