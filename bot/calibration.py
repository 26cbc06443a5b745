"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.7851828753506036,
    weights={
        'clause_coverage': 1.302400241327375,
        'missing': -0.9073639771312831,
        'adjacent': 1.775905130378322,
        'unit_loose': -1.0811436798021474,
        'finer_place': -0.7629169762577239,
        'not_a_body': -1.0269713313951563,
        'one_of_several': -0.5151979456280839,
        'change_asked': -2.379446069250739,
        'margin': 1.9292153987136333,
        'long_line': -0.3344147326312167,
        'kind_who': 0.046774772509910266,
        'kind_document': 2.0794589113509967,
        'kind_number': 0.05872655363202454,
        'kind_where': -0.6368231901295298,
        'kind_when': 0.2788360303334187,
        'kind_what': -1.1937980849252134,
    },
    threshold=0.89,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h'),
)
