"""``python -m bench.baseline [SET …]``: casebot beside plain BM25 on every question set.

The peer is textbook BM25 (rank-bm25's ``BM25Okapi``) over jieba search-mode tokens of
exactly the sentences casebot indexed, normalised the same way (see :mod:`bench.systems`);
its question is the normalised question, tokenised the same way, with no rules.  Both are
scored by the evaluation's hit rule (the normalised ``expect`` inside a returned passage),
at the first and within the first three, over each set's answerable questions.  A set is
indexed into a temporary folder (the news set needs the benchmark's corpus, see
``bench/news.py``; it is skipped without it).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import jieba

from bench.sets import documents, news_set, questions_file
from bench.systems import load_sentences
from bot.evaluate import load_questions
from indexer.normalize import normalize
from indexer.segment import keep_token

SETS = ("dev", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "news", "news-a", "news-b", "news-c", "news-d", "news-e",
        "news-f", "news-g", "news-h", "nineteenth", "news-i", "twentieth", "news-j",
        "twenty-first", "news-k", "twenty-second", "news-l", "twenty-third", "twenty-fourth",
        "news-m", "twenty-fifth", "news-n", "twenty-sixth", "news-o", "twenty-seventh",
        "news-p", "twenty-eighth", "news-q", "twenty-ninth", "news-r", "thirtieth", "news-s",
        "news-t", "thirty-first", "news-u", "thirty-second", "thirty-third", "news-v",
        "thirty-fourth", "news-w", "thirty-fifth", "news-x", "thirty-sixth", "news-y",
        "thirty-seventh", "news-z", "thirty-eighth", "news-aa", "thirty-ninth",
        "news-bb", "fortieth", "forty-first", "forty-second",
        "forty-third", "news-cc", "forty-fourth", "forty-fifth", "news-dd")


def questions(name: str) -> list[dict[str, object]]:
    return [q for q in load_questions(questions_file(name)) if q.get("expect")]


def bm25_top(db: Path, k: int = 3) -> tuple[object, list[str]]:
    from rank_bm25 import BM25Okapi

    texts = [t for _, t in load_sentences(db)]
    corpus = [[t for t in jieba.lcut_for_search(normalize(x)) if keep_token(t)] or ["\x00"]
              for x in texts]
    return BM25Okapi(corpus), texts


def score_set(name: str, work: Path) -> tuple[int, dict[str, tuple[float, float]]]:
    """(questions, {system: (hit@1, hit@3)}) for one set."""
    from bot.service import Casebot
    from indexer.db import make_engine
    from indexer.writer import IndexWriter

    db = work / f"{name}.db"
    if not db.exists():
        IndexWriter(make_engine(db)).index_paths(documents(name))
    model, texts = bm25_top(db)
    service = Casebot.open(db, build=False)
    qs = questions(name)
    hits = {"casebot": [0, 0], "BM25": [0, 0]}
    for q in qs:
        target = normalize(str(q["expect"]))
        answer = service.answer(str(q["q"]))
        ours = [normalize(p.text) for p in answer.passages[:3]]
        tokens = [t for t in jieba.lcut_for_search(normalize(str(q["q"]))) if keep_token(t)]
        theirs: list[str] = []
        if tokens:
            scores = model.get_scores(tokens)  # type: ignore[attr-defined]
            order = sorted(range(len(texts)), key=lambda i: -scores[i])[:3]
            theirs = [normalize(texts[i]) for i in order if scores[i] > 0]
        for system, got in (("casebot", ours), ("BM25", theirs)):
            rank = next((i for i, x in enumerate(got) if target in x), None)
            hits[system][0] += int(rank == 0)
            hits[system][1] += int(rank is not None)
    service.close()
    n = len(qs)
    return n, {s: (round(a / n, 3), round(b / n, 3)) for s, (a, b) in hits.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", default=list(SETS), help="question sets to score")
    parser.add_argument("--workdir", type=Path, help="keep the indexes here between runs")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="casebot-baseline-"))
    work.mkdir(parents=True, exist_ok=True)
    jieba.setLogLevel(60)
    print("| set | questions | casebot hit@1 | BM25 hit@1 | casebot hit@3 | BM25 hit@3 |")
    print("|---|---|---|---|---|---|")
    for name in args.sets:
        if not documents(name):  # fetches the news corpus for a news set, once
            if news_set(name):
                print(f"| {name} | skipped: the news corpus could not be fetched (`python -m "
                      "bench.news` says why) |||||", file=sys.stderr)
            continue  # else a set not written yet
        n, f = score_set(name, work)
        print(f"| {name} | {n} | {f['casebot'][0]} | {f['BM25'][0]} | {f['casebot'][1]} | "
              f"{f['BM25'][1]} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
