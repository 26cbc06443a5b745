"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.5987965777383983,
    weights={
        'clause_coverage': 1.327604301488089,
        'missing': -0.6066612107316476,
        'adjacent': 0.8552007163447425,
        'unit_loose': 0.8256161582743625,
        'unit_exact': 0.8630366467651586,
        'level_match': 1.22740530046282,
        'finer_place': -0.23193091171965016,
        'not_a_body': -2.0146308618548456,
        'one_of_several': -0.9010596359765737,
        'change_asked': -2.2911710948355313,
        'margin': 2.316890122858013,
        'long_line': -0.5848526935086824,
        'kind_who': 0.8978705867557799,
        'kind_document': 1.5018089850728296,
        'kind_number': -0.11225657220208378,
        'kind_where': -1.1226006388163219,
        'kind_when': 0.27632003685786377,
        'kind_what': -1.2166978872007062,
    },
    threshold=0.92,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k'),
)
