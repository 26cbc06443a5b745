"""fts_quote / fts_query: user text reaches FTS5 only as literal, quoted tokens.

Every query runs against a real FTS5 table with the index's tokenizer.  For
each nasty term there is a row that holds it literally (``hit``) and, where
the term would mean something as query syntax, a decoy row that the syntax
would match but the literal text does not (``decoy``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.service import Casebot
from indexer.search import fts_query, fts_quote

TOKENIZE = "unicode61 remove_diacritics 0"  # as indexer.models.FTS_DDL


@pytest.fixture
def fts() -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(":memory:")
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(words, tokenize = '{TOKENIZE}')")
    con.execute("CREATE TABLE passages(id INTEGER PRIMARY KEY)")
    yield con
    con.close()


def match(con: sqlite3.Connection, query: str) -> set[str]:
    return {w for (w,) in con.execute("SELECT words FROM t WHERE t MATCH ?", (query,))}


# (term, text of a row holding it literally or None, decoy rows it must not match)
CASES = [
    ("AND", "x and y", ["x y"]),
    ("OR", "rock or roll", ["rock roll"]),
    ("NOT", "do not stop", ["do stop"]),
    ("NEAR(a b)", "near a b", ["a b", "a x b"]),
    ("NEAR", "near here", ["here"]),
    ("a OR b", "a or b", ["a only", "b only"]),
    ("香梨 AND 小饭桌", "香梨 and 小饭桌", ["香梨 小饭桌"]),
    ('"', None, ["anything"]),
    ('he said "hi"', "he said hi", ["hi he said"]),
    ("*", None, ["anything"]),
    ("a*", "a", ["abc"]),
    ("^", None, ["anything"]),
    ("^start", "x start", []),  # ^ would require start to be the first token
    (":", None, ["anything"]),
    ("words:", "words", ["other"]),
    ("words:香梨", "words 香梨", ["香梨"]),
    ("col:val", "col val", ["val"]),
    ("(", None, ["anything"]),
    (")", None, ["anything"]),
    ("(香梨)", "香梨", ["小饭桌"]),
    ("-x", "x", ["y"]),
    ("+", None, ["anything"]),
    ("'; DROP TABLE passages;--", "drop table passages", ["drop passages"]),
    ("😀", None, ["anything"]),
    ("小饭桌", "将规范 小饭桌 纳入", ["小 饭桌"]),
]


@pytest.mark.parametrize(("term", "hit", "decoys"), CASES, ids=[c[0] for c in CASES])
def test_fts_quote_is_literal(fts: sqlite3.Connection, term: str, hit: str | None,
                              decoys: list[str]) -> None:
    rows = [hit, *decoys] if hit else decoys
    fts.executemany("INSERT INTO t(words) VALUES (?)", [(r,) for r in rows])
    query = fts_query([term])
    assert query == fts_quote(term)
    got = match(fts, query)  # must not raise
    assert got == ({hit} if hit else set())
    # The injection attempt stayed text.
    assert fts.execute("SELECT count(*) FROM passages").fetchone() == (0,)


@pytest.mark.parametrize("term", ["AND", "NOT", "NEAR(a b)", "col:val", "a OR", '"', "(", "*"])
def test_the_same_terms_unquoted_are_syntax(fts: sqlite3.Connection, term: str) -> None:
    """Sanity check of the table above: raw, these terms are FTS5 syntax (or errors)."""
    fts.executemany("INSERT INTO t(words) VALUES (?)", [("a b",), ("a x b",)])
    try:
        got = match(fts, term)
    except sqlite3.OperationalError:
        return
    assert got != set()  # NEAR(a b) finds rows holding neither "near" nor the phrase


@pytest.mark.parametrize(("terms", "expected"), [
    ([], None),
    ([""], None),
    (["   "], None),
    (["", " ", "\t"], None),
    (["a"], '"a"'),
    (["a", "a", "b"], '"a" OR "b"'),  # duplicates once, order kept
    (["b", "a"], '"b" OR "a"'),
    (["a b"], '"a b"'),
    (['x"y'], '"x""y"'),
    (["OR", "AND"], '"OR" OR "AND"'),
])
def test_fts_query_shape(terms: list[str], expected: str | None) -> None:
    assert fts_query(terms) == expected


def test_fts_query_of_many_nasty_terms_is_one_valid_query(fts: sqlite3.Connection) -> None:
    fts.executemany("INSERT INTO t(words) VALUES (?)",
                    [("香梨 品牌",), ("小饭桌 治理",), ("unrelated",)])
    terms = [c[0] for c in CASES] + ["", "  ", "香梨"]
    query = fts_query(terms)
    assert query is not None
    assert match(fts, query) == {"香梨 品牌", "小饭桌 治理"}


def test_fts_query_accepts_generators() -> None:
    assert fts_query(t for t in ["x", "y"]) == '"x" OR "y"'


def test_fts_quote_with_nul_byte(fts: sqlite3.Connection) -> None:
    fts.execute("INSERT INTO t(words) VALUES ('a b')")
    match(fts, fts_quote("a\x00b"))


def test_searcher_search_with_nasty_terms(built_casebot: Casebot) -> None:
    """The real index: nasty terms never raise, and the passages table survives."""
    searcher = built_casebot.searcher
    before = searcher.passage_count
    hits = searcher.search_passages([c[0] for c in CASES])
    assert hits  # 小饭桌 and 香梨 are in the bundled document
    assert all(score > -1e9 for _, score in hits)
    assert searcher.search_passages([]) == [] and searcher.search_passages(["", "  "]) == []
    searcher.reset()
    assert searcher.passage_count == before


def test_searcher_raises_sqlalchemy_errors(tmp_path: Path) -> None:
    """The searcher queries at the driver level, yet SQLite's errors still arrive as
    SQLAlchemy's (the CLI's friendly messages read ``exc.orig``), and the pooled
    connection goes back to the pool."""
    from sqlalchemy.exc import OperationalError

    from indexer.db import make_engine
    from indexer.search import Searcher

    engine = make_engine(tmp_path / "empty.db")
    searcher = Searcher(engine)
    with pytest.raises(OperationalError) as caught:
        searcher.search_passages(["香梨"])
    assert "no such table" in str(caught.value.orig)
    assert engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    engine.dispose()


def test_document_frequencies_keep_sqlites_order_when_remembered(built_casebot: Casebot) -> None:
    """Callers break ties between equal frequencies by the order of the answer, so
    remembered frequencies come back in the order SQLite gives ``term IN (...)``."""
    from indexer.normalize import normalize
    from indexer.search import _CHUNK, Searcher
    from indexer.segment import substrings

    text = normalize("哪个部门修订了畜禽屠宰管理条例?小饭桌全链条治理是哪个州做的?香梨品牌保护")
    terms = sorted(substrings(text), key=hash)  # an arbitrary order, and more than one chunk
    terms += [f"词{i}" for i in range(_CHUNK)]
    raw = built_casebot.sa_engine.raw_connection()
    try:
        expected: list[tuple[str, int]] = []
        for i in range(0, len(terms), _CHUNK):
            chunk = terms[i:i + _CHUNK]
            expected += raw.driver_connection.execute(  # type: ignore[union-attr]
                f"SELECT term, df FROM vocab WHERE term IN ({', '.join('?' * len(chunk))})",
                chunk).fetchall()
    finally:
        raw.close()
    searcher = Searcher(built_casebot.sa_engine)
    assert list(searcher.document_frequencies(terms).items()) == expected  # from SQLite
    assert list(searcher.document_frequencies(terms).items()) == expected  # remembered
    half = terms[::2]
    assert list(searcher.document_frequencies(half).items()) == list(
        Searcher(built_casebot.sa_engine).document_frequencies(half).items())
