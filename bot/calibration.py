"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, fifteenth, sixteenth, news-c, news-d;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.7877891012265767,
    weights={
        'clause_coverage': 1.0897681777596948,
        'missing': -0.45948481707199207,
        'adjacent': 2.559090438217196,
        'unit_loose': -1.4926840362705378,
        'finer_place': -1.8838125752606012,
        'not_a_body': -1.1464133006296504,
        'one_of_several': -0.828226242174552,
        'change_asked': -2.9254418034393974,
        'margin': 2.0460811776321886,
        'kind_who': 0.5660391490159459,
        'kind_document': 2.6719158566936003,
        'kind_number': -0.6212507583819757,
        'kind_where': -0.18924313757654576,
        'kind_when': -0.15170483248266706,
        'kind_what': -1.2505215199562107,
    },
    threshold=0.87,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'fifteenth', 'sixteenth', 'news-c', 'news-d'),
)
