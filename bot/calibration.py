"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=0.7023046283571595,
    weights={
        'clause_coverage': 1.27562984159097,
        'missing': -0.6235102756161769,
        'adjacent': 0.571081814400622,
        'unit_loose': 0.7699474503624503,
        'unit_exact': 0.861051185250976,
        'level_match': 1.2167876480628073,
        'finer_place': -0.2455387409463634,
        'not_a_body': -2.3509626912905057,
        'one_of_several': -0.8588573515866416,
        'change_asked': -2.3225369167121204,
        'margin': 2.3053135227364634,
        'long_line': -0.6222284006376196,
        'kind_who': 0.860991553022566,
        'kind_document': 1.4345933478601751,
        'kind_number': -0.03151854311206343,
        'kind_where': -1.1799385304058563,
        'kind_when': 0.2904854280027213,
        'kind_what': -1.2751402020844225,
    },
    threshold=0.93,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k'),
)
