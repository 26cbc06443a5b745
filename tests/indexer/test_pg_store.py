"""The PostgreSQL store answers as the SQLite one does, and keeps its promises.

Each test builds the same documents into a SQLite file and a PostgreSQL database
(a throw-away server, ``pg_cluster``) and compares what a user would see: every
question of every question set, and the raw BM25 ranking — ids *and* scores — of
random term sets drawn from the index's own vocabulary.  Nothing is compared to
a stored expectation: the SQLite index, built from the same files in the same
run, is the reference.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.evaluate import evaluate, load_questions
from bot.service import Casebot
from corpus.loader import BUNDLED_DIR
from indexer.storage.pgsearch import idf_of, phrase_count, translate
from indexer.storage.postgres import lexeme_key, tsvector_row

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = {  # question set -> the documents its index holds
    "qa_dev": ([BUNDLED_DIR], DATA / "qa_dev.jsonl"),
    **{name: ([DATA / name / "announcement.txt"], DATA / name / "qa.jsonl")
       for name in ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")},
}
ALL_DOCUMENTS = [BUNDLED_DIR, *(DATA / n / "announcement.txt" for n in
                                ("second", "third", "fourth", "fifth", "sixth", "seventh",
                                 "eighth"))]
Pair = tuple[Casebot, Casebot]


def _pair(tmp_path: Path, pg_database: Callable[[str], str], name: str,
          paths: list[Path]) -> Pair:
    sqlite = Casebot.open(tmp_path / f"{name}.db")
    pg = Casebot.open(pg_database(name))
    for svc in (sqlite, pg):
        svc.index(paths, rebuild=True)
    return sqlite, pg


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory,
               pg_database: Callable[[str], str]) -> Iterator[Pair]:
    """Every announcement in one index, on both stores."""
    pair = _pair(tmp_path_factory.mktemp("all"), pg_database, "everything", ALL_DOCUMENTS)
    yield pair
    for svc in pair:
        svc.close()


def ranking(svc: Casebot, terms: list[str], limit: int = 200) -> list[tuple[int, float]]:
    return [(hit.id, score) for hit, score in svc.searcher.search_passages(terms, limit)]


@pytest.mark.parametrize("name", list(SETS))
def test_every_question_set_is_answered_the_same(tmp_path: Path,
                                                 pg_database: Callable[[str], str],
                                                 name: str) -> None:
    paths, questions_file = SETS[name]
    sqlite, pg = _pair(tmp_path, pg_database, name, paths)
    try:
        questions = load_questions(questions_file)
        for q in questions:
            asked = str(q["q"])
            assert pg.answer(asked).to_json() == sqlite.answer(asked).to_json(), asked
        on_sqlite = evaluate(questions, sqlite.answer).overall.figures()
        on_pg = evaluate(questions, pg.answer).overall.figures()
        assert on_pg == on_sqlite
    finally:
        sqlite.close()
        pg.close()


def test_bm25_ranks_random_term_sets_as_fts5_does(everything: Pair) -> None:
    sqlite, pg = everything
    vocab = sqlite.searcher.vocabulary()
    assert vocab == pg.searcher.vocabulary()
    # Common words too (管理, 部门): they make BM25 score thousands of rows on a large index.
    common = [t for t, _ in sorted(vocab, key=lambda item: -item[1])[:50]]
    words = [t for t, _ in vocab]
    rnd = random.Random(16)
    for _ in range(400):
        terms = rnd.sample(words, rnd.randint(1, 10)) + rnd.sample(common, rnd.randint(0, 2))
        rnd.shuffle(terms)
        limit = rnd.choice([3, 50, 200])
        assert ranking(pg, terms, limit) == ranking(sqlite, terms, limit), terms


@pytest.mark.parametrize("terms", [
    ["食品", "食品"],  # the same term twice: one phrase
    ["A-b", "食品"],  # a term unicode61 splits: a phrase of two tokens
    ["香梨 品牌", "价值"],  # a phrase of two words that stand together
    ["监管 食品"],  # … and of two that do not
    ["，"], ["，", "香梨"],  # punctuation alone: no phrase at all
    ['"', "AND", "OR", "NEAR(食品 安全, 2)", "*", "香梨\x00品牌"],  # query syntax, NUL
    ["ＡＢＣ", "abc", "Abc"],  # case and width folded by the tokenizer
    ["x" * 5000],  # longer than any lexeme PostgreSQL keeps
])
def test_odd_terms_rank_as_fts5_does(everything: Pair, terms: list[str]) -> None:
    sqlite, pg = everything
    assert ranking(pg, terms) == ranking(sqlite, terms)


def test_every_read_answers_as_on_sqlite(everything: Pair) -> None:
    """The searcher's other questions, edge cases included (an empty list of passages)."""
    sqlite, pg = everything
    a, b = sqlite.searcher, pg.searcher
    ids = [hit.id for hit, _ in a.search_passages(["监管", "食品"], 50)]
    for kinds, passages in ((["place"], []), (["place"], ids), (["issuance", "document"], None),
                            (["alias"], None)):
        assert b.facts(kinds, passages) == a.facts(kinds, passages), kinds
    assert b.passages(ids) == a.passages(ids) and b.passages([]) == a.passages([])
    # The same rows; when each was indexed differs, but it reads as the same kind of text.
    assert [dict(d, indexed_at=None) for d in b.documents()] == \
        [dict(d, indexed_at=None) for d in a.documents()]
    assert all(isinstance(d["indexed_at"], str) and len(d["indexed_at"]) in (19, 26)
               for d in b.documents())
    assert b.cases() == a.cases() and b.document_titles(3) == a.document_titles(3)
    doc = a.documents()[2]["id"]
    assert b.document_passages(doc, ("title", "preamble")) == \
        a.document_passages(doc, ("title", "preamble"))
    case = a.cases()[1]["id"]
    assert b.case_passages(case) == a.case_passages(case)
    # A document's first passages, read for several documents in one query: each its
    # passages' head, the same on both stores.
    docs = [d["id"] for d in a.documents()[:3]]
    heads = a.document_openings([*docs, docs[0]], 4)
    assert heads == {d: a.document_passages(d)[:4] for d in docs}
    assert b.document_openings(docs, 4) == heads and a.document_openings([], 4) == {}
    assert b.duplicate_documents() == a.duplicate_documents()
    for text_ in ("县水利局", "不在任何文件里的一句话", "50%", "a\x00b"):
        assert b.contains_text(text_) == a.contains_text(text_)
    assert b.only_document() == a.only_document() and b.passage_count == a.passage_count
    assert b.terms_by_pinyin({"jianguan", "shipin"}) == a.terms_by_pinyin({"jianguan", "shipin"})


def test_an_incremental_index_equals_a_fresh_one(tmp_path: Path,
                                                 pg_database: Callable[[str], str]) -> None:
    """Replace and remove documents on PostgreSQL: statistics and rankings are those of an
    index built fresh from what remains (and of SQLite's, run for run)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("second", "third", "fourth"):
        (folder / f"{name}.txt").write_bytes((DATA / name / "announcement.txt").read_bytes())
    sqlite, pg = _pair(tmp_path, pg_database, "incremental", [folder])
    changed = (folder / "third.txt").read_text(encoding="utf-8").replace("养老", "敬老")
    (folder / "third.txt").write_text(changed, encoding="utf-8")
    (folder / "fourth.txt").unlink()
    for svc in (sqlite, pg):
        summary = svc.index([folder])
        assert summary.updated and summary.removed
    fresh = Casebot.open(pg_database("fresh"))
    fresh.index([folder], rebuild=True)
    try:
        with pg.storage.engine.connect() as a, fresh.storage.engine.connect() as b:
            for sql in ("SELECT term, df FROM vocab ORDER BY term",
                        "SELECT key, value FROM meta WHERE key IN ('fts_rows', 'fts_tokens') "
                        "ORDER BY key",
                        "SELECT count(*), sum(ntok) FROM passage_fts"):
                assert a.execute(text(sql)).all() == b.execute(text(sql)).all(), sql
        words = [t for t, _ in sqlite.searcher.vocabulary()]
        rnd = random.Random(7)
        for _ in range(100):
            terms = rnd.sample(words, rnd.randint(1, 6))
            expected = ranking(sqlite, terms)
            assert ranking(pg, terms) == expected, terms
            assert [s for _, s in ranking(fresh, terms)] == [s for _, s in expected], terms
    finally:
        for svc in (sqlite, pg, fresh):
            svc.close()


def test_frequencies_line_up_with_the_lexemes(everything: Pair) -> None:
    """``tf[k]`` belongs to the k-th lexeme PostgreSQL stores: its positions say so, and
    the frequencies of a passage add up to its token count."""
    _, pg = everything
    with pg.storage.engine.connect() as c:
        bad = c.execute(text(
            "SELECT count(*) FROM passage_fts f CROSS JOIN LATERAL unnest(f.tsv) "
            "WITH ORDINALITY AS u(lexeme, positions, weights, k) "
            "WHERE cardinality(u.positions) <> f.tf[u.k]")).scalar()
        sums = c.execute(text(
            "SELECT count(*) FROM passage_fts f WHERE f.ntok <> "
            "(SELECT coalesce(sum(x), 0) FROM unnest(f.tf) AS x)")).scalar()
    assert bad == 0 and sums == 0


def test_a_reader_sees_the_old_index_until_the_new_one_is_committed(
        tmp_path: Path, pg_database: Callable[[str], str], corpus_second_path: Path) -> None:
    url = pg_database("held")
    writer = Casebot.open(url)
    reader = Casebot.open(url, build=False)
    question = "大理州城乡供水一体化规划是谁牵头编制的?"  # only the second announcement says
    entered, release = threading.Event(), threading.Event()

    def gate(stage: str, done: int, total: int) -> None:
        if stage == "write" and done == 0:  # inside the transaction, rows written
            entered.set()
            release.wait(60)

    errors: list[BaseException] = []

    def run() -> None:
        try:
            writer.index([corpus_second_path], progress=gate)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert entered.wait(120), "the re-index never reached its write transaction"
        for _ in range(3):  # held open: the old index, whole
            assert not reader.answer(question).found
            assert reader.answer("库尔勒香梨品牌价值多少").found
    finally:
        release.set()
        thread.join(120)
    assert not errors
    assert reader.answer(question).found  # the next question after the commit
    writer.close()
    reader.close()


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT a FROM t WHERE b = ? AND c IN (?, ?)", "SELECT a FROM t WHERE b = %s AND c IN (%s, %s)"),
    ("WHERE id = :i OR id = :i2", "WHERE id = %(i)s OR id = %(i2)s"),
    ("SELECT x::text, '5%' FROM t WHERE y = :y", "SELECT x::text, '5%%' FROM t WHERE y = %(y)s"),
    ("WHERE a IN () AND t.b NOT IN ( ) AND c IN (?)", "WHERE false AND true AND c IN (%s)"),
])
def test_sqlite_parameters_translate_to_psycopg(sql: str, expected: str) -> None:
    assert translate(sql) == expected


@pytest.mark.parametrize(("positions", "count"), [
    ([[1, 5, 9], [2, 10]], 2), ([[1], [3]], 0), ([[], [1]], 0), ([[4, 7], [5, 8], [6, 9]], 2),
])
def test_phrase_count(positions: list[list[int]], count: int) -> None:
    assert phrase_count(positions) == count


def test_tsvector_row_keeps_every_frequency() -> None:
    tokens = ["b", "a", "香梨", "a", "x" * 2000] + ["a"] * 300
    ntok, tf, literal = tsvector_row(tokens)
    assert ntok == len(tokens)
    lexemes = [part.split("':", 1)[0].strip("'") for part in literal.split(" ")]
    assert lexemes == sorted(lexemes, key=str.encode)  # PostgreSQL's own order: by bytes
    assert sum(tf) == ntok and tf[lexemes.index("a")] == 302  # more than 256 positions kept
    assert lexeme_key("x" * 2000) in lexemes and "x" * 2000 not in lexemes


def test_idf_is_floored_like_fts5() -> None:
    assert idf_of(10, 9) == 1e-6
    assert idf_of(10, 1) > 0


def test_the_question_log_is_shared_by_every_instance(pg_database: Callable[[str], str]) -> None:
    """What a button needs (the logged question) and feedback, whichever instance asks."""
    url = pg_database("log")
    first, second = Casebot.open(url), Casebot.open(url, build=False)
    try:
        qid = first.log.record("hash-1", "库尔勒香梨品牌价值多少", True, 7)
        logged = second.log.get(qid)
        assert logged is not None and logged.question == "库尔勒香梨品牌价值多少"
        assert second.log.feedback(qid, -1) and not second.log.feedback(qid + 100, 1)
        stats = first.log.stats()
        assert (stats.questions, stats.answered, stats.thumbs_down) == (1, 1, 1)
    finally:
        first.close()
        second.close()
