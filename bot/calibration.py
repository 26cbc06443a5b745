"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.5504293840816401,
    weights={
        'clause_coverage': 1.286115413349349,
        'missing': -0.554901152172716,
        'adjacent': 1.2394436077249098,
        'unit_loose': -0.3479711528190356,
        'unit_exact': 0.8658777923198682,
        'level_match': 1.1213426606352015,
        'finer_place': -0.3546163221086012,
        'not_a_body': -1.2489196970836636,
        'one_of_several': -0.9479128667572834,
        'change_asked': -1.9923463249210471,
        'margin': 2.333905456170326,
        'long_line': -0.5786005962450333,
        'kind_who': 0.8141242136062098,
        'kind_document': 1.4954142267460906,
        'kind_number': -0.1440078395385591,
        'kind_where': -0.9039474396836978,
        'kind_when': 0.32161713053724794,
        'kind_what': -1.2699138746150294,
    },
    threshold=0.92,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i'),
)
