"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.6891114680972952,
    weights={
        'clause_coverage': 1.3135523193959247,
        'missing': -0.6768973334257943,
        'adjacent': 0.6820111129606876,
        'unit_loose': 0.7890062503227921,
        'unit_exact': 0.9331146275400276,
        'level_match': 1.1660893743416123,
        'finer_place': -0.5424558230228298,
        'not_a_body': -2.782929455840094,
        'one_of_several': -0.8436962940593437,
        'change_asked': -2.3102093683953973,
        'margin': 2.6131723817791808,
        'long_line': -0.7631788093747996,
        'kind_who': 0.9383866077427918,
        'kind_document': 1.4073341479048507,
        'kind_number': -0.11637406226981974,
        'kind_where': -1.0494121365946005,
        'kind_when': 0.23635123827548646,
        'kind_what': -1.2143072531053354,
    },
    threshold=0.91,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third'),
)
