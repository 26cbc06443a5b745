"""The fitted confidence model of :mod:`bot.confidence` — generated, do not edit.

Written by ``python scripts/fit_confidence.py``: a logistic regression over the signals of
:class:`bot.confidence.Signals`, fitted on the training sets dev, third, fourth, fifth, sixth, seventh, eighth, fourteenth, news-e, news-f, fifteenth, sixteenth, seventeenth, eighteenth, news-c, news-d, news-g, news-h, nineteenth, news-i, twenty-first, news-k, news-l, twenty-third, news-m, twenty-fifth, twenty-sixth, news-q, twenty-ninth;
the threshold was chosen on their leave-one-set-out predictions (see the script).
"""

from bot.confidence import Calibration

CALIBRATION = Calibration(
    bias=-2.52835499971942,
    weights={
        'clause_coverage': 1.455620253427067,
        'missing': 0.15610005228872445,
        'adjacent': 0.9750360458941743,
        'unit_loose': 1.5439845223773465,
        'unit_exact': 0.8135585421071312,
        'level_match': 0.8344917069601457,
        'finer_place': -0.8611782645893545,
        'not_a_body': -2.009917073021159,
        'one_of_several': -0.20437071642761967,
        'change_asked': -1.3301948568891275,
        'margin': 2.4499277622774307,
        'long_line': -0.4263783807254374,
        'agreeing': 1.3151104845099373,
        'unknown_share': -0.5758707504682693,
        'top_score': 2.0516822924337204,
        'kind_who': 0.7648593265455194,
        'kind_document': 1.8407120735975828,
        'kind_number': -0.1401964660900125,
        'kind_where': -0.7465247758016402,
        'kind_when': 0.1553544471294485,
        'kind_what': -1.118514758089317,
    },
    threshold=0.909,
    fitted_on=('dev', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'fourteenth', 'news-e', 'news-f', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'news-c', 'news-d', 'news-g', 'news-h', 'nineteenth', 'news-i', 'twenty-first', 'news-k', 'news-l', 'twenty-third', 'news-m', 'twenty-fifth', 'twenty-sixth', 'news-q', 'twenty-ninth'),
)
