"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth, news-s, news-t, thirty-first, news-u, thirty-second, thirty-third, news-v, thirty-fourth, news-w, thirty-fifth, news-x, thirty-sixth, news-y, thirty-seventh, news-z, thirty-eighth, news-aa, thirty-ninth, news-bb, fortieth, forty-first, forty-second, forty-third, news-cc;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-1.9880609205046729,
    weights={
        'clause_coverage': 0.8813689289790101,
        'missing': 0.18180555977639157,
        'adjacent': 1.4758478850903438,
        'unit_loose': 0.9188137466551405,
        'unit_exact': 0.7444157675321101,
        'level_match': 0.5969219106767689,
        'finer_place': -0.6421052643232149,
        'not_a_body': -1.1578984126702778,
        'one_of_several': -0.9334995142706507,
        'change_asked': -0.1777684655989071,
        'margin': 1.9197193201303275,
        'long_line': -0.2972042244793565,
        'agreeing': 0.868942320737157,
        'unknown_share': -0.7489198944172123,
        'top_score': 2.110573004074464,
        'column_asked': 1.265130872530582,
        'kind_who': 0.6318203644939355,
        'kind_document': 1.5009475472648344,
        'kind_number': -0.44061332495907035,
        'kind_where': -0.29589801926489634,
        'kind_when': 0.46389387768699075,
        'kind_what': -0.9440687905273558,
    },
    threshold=0.929,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth', 'news-s', 'news-t', 'thirty-first', 'news-u', 'thirty-second', 'thirty-third', 'news-v', 'thirty-fourth', 'news-w', 'thirty-fifth', 'news-x', 'thirty-sixth', 'news-y', 'thirty-seventh', 'news-z', 'thirty-eighth', 'news-aa', 'thirty-ninth', 'news-bb', 'fortieth', 'forty-first', 'forty-second', 'forty-third', 'news-cc'),
)
