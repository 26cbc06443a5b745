"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, fifteenth, news-c;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.8607864030149233,
    weights={
        'clause_coverage': 1.1245242393882562,
        'missing': -0.5351384257878884,
        'adjacent': 2.802441251087265,
        'unit_loose': -1.5898402484240453,
        'finer_place': -2.2528945557832176,
        'not_a_body': -0.8751261183944558,
        'one_of_several': -2.2134252725032075,
        'change_asked': -3.0305194942138813,
        'margin': 2.7910647190377516,
        'kind_who': 1.1252213138229126,
        'kind_document': 2.337818958862513,
        'kind_number': -0.8399675245834238,
        'kind_where': -0.10904502972807684,
        'kind_when': -0.42135934560280214,
        'kind_what': -1.4495829916114422,
    },
    threshold=0.85,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'fifteenth', 'news-c'),
)
