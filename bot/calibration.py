"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.0340268238629355,
    weights={
        'clause_coverage': 1.4094856588562408,
        'missing': 0.06615616445244903,
        'adjacent': 1.040584330342475,
        'unit_loose': 1.1901415931315322,
        'unit_exact': 0.9798085931313575,
        'level_match': 1.0089911750161176,
        'finer_place': -0.9682146492451903,
        'not_a_body': -2.3642269420554034,
        'one_of_several': -0.34348710424577095,
        'change_asked': -1.1689849843448623,
        'margin': 2.4606739380141027,
        'long_line': -0.5702013700752921,
        'agreeing': 1.405884284462782,
        'unknown_share': -0.622372458111087,
        'top_score': 1.6458767499456934,
        'kind_who': 0.845659939471274,
        'kind_document': 1.7589286708853855,
        'kind_number': -0.12850566336527355,
        'kind_where': -0.7325434718444347,
        'kind_when': -0.10428129281959408,
        'kind_what': -1.1823121562166183,
    },
    threshold=0.92,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth'),
)
