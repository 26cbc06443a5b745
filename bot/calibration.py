"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.695551672384767,
    weights={
        'clause_coverage': 1.192845300590396,
        'missing': -0.6294515701081878,
        'adjacent': 1.1732840176333919,
        'unit_loose': -0.04540197965860671,
        'unit_exact': 0.8258356717053825,
        'level_match': 1.066976764279503,
        'finer_place': -0.44947386861406424,
        'not_a_body': -1.876686535033356,
        'one_of_several': -0.9737078066559748,
        'change_asked': -2.0274124015002726,
        'margin': 2.3270925794518416,
        'long_line': -0.5570480814127339,
        'kind_who': 0.8407016775983622,
        'kind_document': 1.4437895675019836,
        'kind_number': -0.16913656287503126,
        'kind_where': -0.8423583933845974,
        'kind_when': 0.2383532959635449,
        'kind_what': -1.2357165639463956,
    },
    threshold=0.93,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i'),
)
