"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.842322611139567,
    weights={
        'clause_coverage': 1.2670638449091114,
        'missing': -0.7842068290943172,
        'adjacent': 2.0573079390846964,
        'unit_loose': -1.0247826631558183,
        'finer_place': -0.7234495631779927,
        'not_a_body': -1.3477573015811473,
        'one_of_several': -0.7182753296014952,
        'change_asked': -2.388022123330812,
        'margin': 1.908590346278833,
        'long_line': -0.4911736640599025,
        'kind_who': 0.39963104897912155,
        'kind_document': 1.9238545263724756,
        'kind_number': -0.01787455458487717,
        'kind_where': -0.725060607885503,
        'kind_when': 0.1707331418558431,
        'kind_what': -1.2552668761615569,
    },
    threshold=0.9,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h'),
)
