"""The answering systems compared: casebot and three peers over the same sentences.

Each system answers a question with its single best sentence (casebot with
its whole :class:`~bot.answer.Answer`).  The peers get exactly the sentences
casebot indexed (``SELECT id, text FROM passages``), normalised the same way
(``indexer.normalize.normalize``: simplified script, half-width), so the only
difference measured is how each one finds the sentence:

* ``BM25Okapi`` (rank-bm25, pure Python + numpy) over jieba search-mode
  tokens, scoring every sentence per question;
* a naive ``LIKE`` scan in SQLite: the question's content characters/bigrams
  as ``text LIKE ?`` terms, the sentence matching most of them wins;
* ``bm25-jieba`` (Rust, jieba-rs tokenizer, inverted index), when installed.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.normalize import normalize
from indexer.segment import keep_token
from indexer.words import ENGLISH_STOP_WORDS, QUESTION_WORDS

Sentence = tuple[int, str]  # (passage id, original text)

# Question words are not content; longest first so 哪个部门 goes before 哪个.
_QW_RE = re.compile("|".join(re.escape(w) for w in sorted(QUESTION_WORDS, key=len, reverse=True)))
_CJK_RUN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")
_LATIN = re.compile(r"[a-z0-9][a-z0-9\-']*")


def load_sentences(db: Path) -> list[Sentence]:
    """Every indexed sentence of the index at ``db``, in id order."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [(int(i), str(t)) for i, t in con.execute("SELECT id, text FROM passages ORDER BY id")]
    finally:
        con.close()


def is_hit(expect: str, top: str | None) -> bool:
    """The dev-set rule: normalised ``expect`` inside the normalised top sentence."""
    return top is not None and normalize(expect) in normalize(top)


@dataclass
class Peer:
    """A peer system: ``top(question)`` → its best sentence (None: it found nothing)."""

    name: str
    top: Callable[[str], str | None]
    setup_seconds: float  # building its in-memory index from the sentences
    note: str = ""


# --- BM25Okapi (rank-bm25) -----------------------------------------------------------

def bm25okapi_peer(sentences: Sequence[Sentence], tokens: Sequence[list[str]],
                   token_seconds: float) -> Peer:
    """rank-bm25 over ``tokens`` (jieba search-mode tokens of the normalised sentences).

    ``token_seconds`` is the time it took to make ``tokens`` (the plain-jieba
    measurement of the build section), counted in its set-up time.
    """
    import time

    import jieba
    from rank_bm25 import BM25Okapi

    start = time.perf_counter()
    # Same token filter as the index (punctuation-only tokens dropped), so
    # BM25 is not scoring commas.
    corpus = [[t for t in toks if keep_token(t)] or ["\x00"] for toks in tokens]
    model = BM25Okapi(corpus)
    setup = time.perf_counter() - start + token_seconds
    texts = [t for _, t in sentences]

    def top(question: str) -> str | None:
        q = [t for t in jieba.lcut_for_search(normalize(question)) if keep_token(t)]
        if not q:
            return None
        scores = model.get_scores(q)
        best = int(scores.argmax())
        return texts[best] if scores[best] > 0 else None

    return Peer("rank_bm25 BM25Okapi + jieba", top, setup)


# --- naive LIKE scan --------------------------------------------------------------------

def like_terms(question: str) -> list[str]:
    """The question's content as LIKE needles: CJK bigrams (single characters alone), Latin words."""
    norm = _QW_RE.sub(" ", normalize(question))
    terms: list[str] = []
    for run in _CJK_RUN.findall(norm):
        terms.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
    terms.extend(w for w in _LATIN.findall(norm) if w not in ENGLISH_STOP_WORDS and len(w) > 1)
    return list(dict.fromkeys(terms))


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_peer(sentences: Sequence[Sentence]) -> Peer:
    """A full-table ``LIKE`` scan over the normalised sentences in an in-memory SQLite table."""
    import time

    start = time.perf_counter()
    con = sqlite3.connect(":memory:", check_same_thread=False)
    con.execute("CREATE TABLE s (id INTEGER PRIMARY KEY, norm TEXT, text TEXT)")
    con.executemany("INSERT INTO s VALUES (?, ?, ?)",
                    [(i, normalize(t), t) for i, t in sentences])
    con.commit()
    setup = time.perf_counter() - start

    def top(question: str) -> str | None:
        needles = like_terms(question)
        if not needles:
            return None
        hits = " + ".join(["(norm LIKE ? ESCAPE '\\')"] * len(needles))
        row = con.execute(
            f"SELECT text, {hits} AS n FROM s WHERE n > 0 ORDER BY n DESC, id LIMIT 1",
            [f"%{_like_escape(n)}%" for n in needles]).fetchone()
        return None if row is None else str(row[0])

    return Peer("SQLite LIKE scan (bigrams)", top, setup)


# --- bm25-jieba (Rust) ----------------------------------------------------------------

def bm25_jieba_peer(sentences: Sequence[Sentence]) -> Peer | str:
    """bm25-jieba over the normalised sentences, or the reason it is not available."""
    import time

    try:
        from bm25_jieba import BM25
    except ImportError as exc:
        return (f"n/a — bm25_jieba cannot be imported ({exc}); `pip install bm25-jieba` "
                "(it is in the dev extra) to include it")
    start = time.perf_counter()
    model: Any = BM25(k1=1.5, b=0.75)
    model.fit([normalize(t) for _, t in sentences], ids=[i for i, _ in sentences])
    setup = time.perf_counter() - start
    by_id = dict(sentences)

    def top(question: str) -> str | None:
        found = model.search(normalize(question), top_k=1)
        return by_id.get(int(found[0][0])) if found else None

    return Peer("bm25-jieba (Rust)", top, setup)
