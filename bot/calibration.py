"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.832027881569176,
    weights={
        'clause_coverage': 1.2584759007223847,
        'missing': -0.803341650008087,
        'adjacent': 1.8811649054187487,
        'unit_loose': -1.0055327038437674,
        'finer_place': -0.7727944994023597,
        'not_a_body': -1.2705978228361914,
        'one_of_several': -0.6793474969526034,
        'change_asked': -2.3313489840338777,
        'margin': 1.9579856931282007,
        'long_line': -0.46943612597527806,
        'kind_who': 0.30448444786607415,
        'kind_document': 1.9855100864038264,
        'kind_number': -0.01063134505651616,
        'kind_where': -0.6745729286066456,
        'kind_when': 0.22452915776599316,
        'kind_what': -1.2678388082695866,
    },
    threshold=0.9,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h'),
)
