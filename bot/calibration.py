"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.8044258604639247,
    weights={
        'clause_coverage': 1.3090074325808587,
        'missing': -0.7817948069230141,
        'adjacent': 1.871481290381196,
        'unit_loose': -1.0099497429041149,
        'finer_place': -0.7305793609416047,
        'not_a_body': -1.3091485218892203,
        'one_of_several': -0.6899618342873285,
        'change_asked': -2.34308207791179,
        'margin': 1.9560561307915902,
        'long_line': -0.4937923136042591,
        'kind_who': 0.35279740943371857,
        'kind_document': 1.923964004669668,
        'kind_number': 0.02095691751038925,
        'kind_where': -0.7244559570466185,
        'kind_when': 0.18736684134841267,
        'kind_what': -1.2823954063102854,
    },
    threshold=0.9,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h'),
)
