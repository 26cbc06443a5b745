"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, fifteenth, news-c;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.8604889884964724,
    weights={
        'clause_coverage': 1.1177758298037024,
        'missing': -0.535954602012223,
        'adjacent': 2.826521358722437,
        'unit_loose': -1.6001737797025988,
        'finer_place': -2.2525925386623586,
        'not_a_body': -1.1857546533817436,
        'one_of_several': -2.18895049883205,
        'change_asked': -3.0412350681561495,
        'margin': 2.8107455030894797,
        'kind_who': 1.1434914733534691,
        'kind_document': 2.3234772892823448,
        'kind_number': -0.840528613189871,
        'kind_where': -0.11336534235116491,
        'kind_when': -0.423753177238942,
        'kind_what': -1.4516633279471405,
    },
    threshold=0.85,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'fifteenth', 'news-c'),
)
