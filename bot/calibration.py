"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.5930590495651848,
    weights={
        'clause_coverage': 1.0026659364217,
        'missing': -0.5121677857429249,
        'adjacent': 1.1473650641966082,
        'unit_loose': 1.0898980410559278,
        'unit_exact': 1.0261614971991886,
        'level_match': 1.2577699426501572,
        'finer_place': -0.9707407886631353,
        'not_a_body': -2.3949642943733975,
        'one_of_several': -0.5816455494527611,
        'change_asked': -1.2612462213773423,
        'margin': 2.4345195224597447,
        'long_line': -0.6119302253127817,
        'kind_who': 0.8728268652468106,
        'kind_document': 1.6485119736475373,
        'kind_number': -0.2243836296989046,
        'kind_where': -0.4986266976108143,
        'kind_when': -0.2852617268792607,
        'kind_what': -1.009119656114805,
    },
    threshold=0.92,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth'),
)
