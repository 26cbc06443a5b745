"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, news-c, news-d;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=1.1360435619668183,
    weights={
        'clause_coverage': 1.0249592927946443,
        'missing': -0.9899400987052532,
        'adjacent': 2.9715736835160977,
        'unit_loose': -1.4937328724135994,
        'finer_place': 0.14822012070518537,
        'not_a_body': -0.9365164099862562,
        'one_of_several': -0.4668497859050357,
        'change_asked': -3.7914673723673222,
        'margin': 2.052390105232399,
        'long_line': -0.4851755239651347,
        'kind_who': 0.057100793294038464,
        'kind_document': 2.7547112041107846,
        'kind_number': -0.3916610471410216,
        'kind_where': -0.2846192655471438,
        'kind_when': 0.3415393432799714,
        'kind_what': -1.2434874803170628,
    },
    threshold=0.91,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'news-c', 'news-d'),
)
