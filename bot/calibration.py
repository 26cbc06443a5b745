"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-1.9563491750872366,
    weights={
        'clause_coverage': 1.4045600508224876,
        'missing': 0.08803304280128772,
        'adjacent': 1.0612415170277167,
        'unit_loose': 1.1920539420948604,
        'unit_exact': 0.9855530134481371,
        'level_match': 1.013996857451327,
        'finer_place': -0.9453520395753093,
        'not_a_body': -2.6436189823873795,
        'one_of_several': -0.40725559379912846,
        'change_asked': -1.1639462943799321,
        'margin': 2.449679535044211,
        'long_line': -0.5257320381587343,
        'agreeing': 1.4067532255765454,
        'unknown_share': -0.6299615970003708,
        'top_score': 1.5478713572836804,
        'kind_who': 0.9494090058535645,
        'kind_document': 1.7593574174530635,
        'kind_number': -0.17324631714245364,
        'kind_where': -0.7311866534140236,
        'kind_when': -0.1402406866582242,
        'kind_what': -1.185100495265936,
    },
    threshold=0.91,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth'),
)
