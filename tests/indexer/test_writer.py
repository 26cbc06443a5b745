"""The index writer: incremental, atomic indexing, and the facts it stores.

Each index run costs 1.5-2.5 s (jieba start-up), so the scenarios are grouped
into a few tests that each walk through several steps.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.service import Casebot
from corpus.loader import BUNDLED_DIR, load_document, source_key
from corpus.model import Document
from indexer.db import make_engine
from indexer.normalize import normalize
from indexer.pipeline import passages_of
from indexer.writer import IndexWriter

State = tuple[object, ...]

STATE_QUERIES = (
    "SELECT count(*) FROM documents",
    "SELECT group_concat(sha256) FROM (SELECT sha256 FROM documents ORDER BY sha256)",
    "SELECT count(*) FROM passages",
    "SELECT count(*) FROM passage_fts",
    "SELECT count(*) FROM cases",
    "SELECT count(*) FROM sections",
    "SELECT count(*) FROM facts",
    "SELECT count(*) FROM domain_terms",
    "SELECT count(*) FROM vocab",
)


def state(con: sqlite3.Connection) -> State:
    return tuple(con.execute(q).fetchone()[0] for q in STATE_QUERIES)


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row that matters, to compare an index before and after a run."""
    con = sqlite3.connect(db)
    try:
        return {
            "documents": con.execute("SELECT id, source, sha256, title, indexed_at FROM documents"
                                     " ORDER BY id").fetchall(),
            "passages": con.execute("SELECT * FROM passages ORDER BY id").fetchall(),
            "fts": con.execute("SELECT rowid FROM passage_fts ORDER BY rowid").fetchall(),
            "facts": con.execute("SELECT * FROM facts ORDER BY passage_id, ordinal").fetchall(),
            "vocab": con.execute("SELECT * FROM vocab ORDER BY term").fetchall(),
            "terms": con.execute("SELECT * FROM domain_terms ORDER BY 1, 2").fetchall(),
        }
    finally:
        con.close()


def assert_consistent(db: Path) -> None:
    """FTS rows are exactly the passages; nothing points at a missing row."""
    con = sqlite3.connect(db)
    try:
        passages = {r for (r,) in con.execute("SELECT id FROM passages")}
        fts = {r for (r,) in con.execute("SELECT rowid FROM passage_fts")}
        assert fts == passages
        assert con.execute("SELECT count(*) FROM passage_fts").fetchone()[0] == len(passages)
        for query in (
            "SELECT count(*) FROM facts WHERE passage_id NOT IN (SELECT id FROM passages)",
            "SELECT count(*) FROM passages WHERE document_id NOT IN (SELECT id FROM documents)",
            "SELECT count(*) FROM cases WHERE document_id NOT IN (SELECT id FROM documents)",
            "SELECT count(*) FROM sections WHERE case_id NOT IN (SELECT id FROM cases)",
            "SELECT count(*) FROM domain_terms WHERE document_id NOT IN (SELECT id FROM documents)",
        ):
            assert con.execute(query).fetchone()[0] == 0, query
    finally:
        con.close()


def count(db: Path, query: str, *params: object) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute(query, params).fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def engine_at(tmp_path: Path) -> Iterator[tuple[Path, Engine]]:
    db = tmp_path / "index" / "casebot.db"
    db.parent.mkdir()
    engine = make_engine(db)
    yield db, engine
    engine.dispose()


@pytest.fixture
def folder(tmp_path: Path, corpus_bundled_path: Path) -> Path:
    """A folder holding a copy of the bundled document."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(corpus_bundled_path, docs / "food.txt")
    return docs


# --- incremental indexing ---------------------------------------------------------------

def test_unchanged_then_modified(engine_at: tuple[Path, Engine], folder: Path,
                                 corpus_bundled_text: str) -> None:
    db, engine = engine_at
    writer = IndexWriter(engine)
    doc_file = folder / "food.txt"
    key = source_key(doc_file)
    assert key == str(doc_file.resolve())

    first = writer.index_paths([folder])
    assert first.added == [key] and not first.updated and not first.removed and not first.errors
    assert first.passages == first.total_passages == count(db, "SELECT count(*) FROM passages")
    assert first.passages > 40
    assert_consistent(db)

    # 1. A second run: everything unchanged, nothing written.
    before = snapshot(db)
    second = writer.index_paths([folder])
    assert second.unchanged == [key]
    assert not second.added and not second.updated and not second.removed and not second.errors
    assert second.passages == 0 and not second.changed
    assert second.total_passages == first.total_passages
    assert snapshot(db) == before

    # 2. The file changes (case 4 dropped, one sentence reworded): the document is replaced.
    cut = corpus_bundled_text.index("案例4、")
    new_text = corpus_bundled_text[:cut].replace("推動實現乳制品全過程信息化追溯", "推動實現乳制品全程電子追溯")
    doc_file.write_text(new_text, encoding="utf-8")
    third = writer.index_paths([folder])
    assert third.updated == [key] and not third.added and not third.removed
    assert third.passages == third.total_passages < first.total_passages
    assert_consistent(db)
    assert count(db, "SELECT count(*) FROM documents") == 1
    assert count(db, "SELECT count(*) FROM cases") == 3
    assert count(db, "SELECT count(*) FROM sections") == 9
    assert count(db, "SELECT count(*) FROM passages WHERE text LIKE '%香梨%'") == 0
    assert count(db, "SELECT count(*) FROM passages WHERE text LIKE '%全過程信息化追溯%'") == 0
    assert count(db, "SELECT count(*) FROM passages WHERE text LIKE '%全程電子追溯%'") == 1
    assert count(db, "SELECT count(*) FROM vocab WHERE term = '香梨'") == 0
    assert count(db, "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH '\"香梨\"'") == 0
    assert count(db, "SELECT count(*) FROM facts WHERE object LIKE '%香梨%'") == 0
    con = sqlite3.connect(db)
    rows = con.execute("SELECT text, start, end FROM passages").fetchall()
    con.close()
    new_doc = load_document(doc_file)
    for text, start, end in rows:  # offsets point into the NEW text
        assert new_doc.text[start:end] == text


def second_folder(tmp_path: Path, corpus_second_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "second"
    folder.mkdir()
    shutil.copy(corpus_second_path, folder / "announcement.txt")
    return folder, folder / "announcement.txt"


def test_added_document_is_answerable_and_deleted_file_removed(
        built_db_copy: Path, tmp_path: Path, corpus_second_path: Path) -> None:
    folder, second = second_folder(tmp_path, corpus_second_path)
    key = str(second.resolve())
    engine = make_engine(built_db_copy)
    try:
        service = Casebot(built_db_copy, engine)
        before = snapshot(built_db_copy)["passages"]

        added = service.index([folder])
        assert added.added == [key]
        assert not added.removed  # the bundled document's file still exists
        assert_consistent(built_db_copy)
        assert count(built_db_copy, "SELECT count(*) FROM documents") == 2
        assert added.total_passages == len(before) + added.passages

        answer = service.answer("大理州农村自来水普及率是多少?")
        assert answer.found
        assert "全州农村自来水普及率达到97.6%" in answer.passages[0].text
        assert answer.passages[0].doc == "云南省巩固提升农村供水保障水平典型案例"
        old = service.answer("哪个部门修订了畜禽屠宰管理条例?")  # the first document still answers
        assert old.found and "修訂《新疆維吾爾自治區畜禽屠宰管理條例》" in old.passages[0].text

        second.unlink()
        removed = service.index([folder])
        assert removed.removed == [key] and not removed.added and not removed.updated
        assert_consistent(built_db_copy)
        assert snapshot(built_db_copy)["passages"] == before  # the bundled rows untouched
        assert count(built_db_copy, "SELECT count(*) FROM vocab WHERE term = '供水'") == 0
        assert not service.answer("大理州农村自来水普及率是多少?").found
    finally:
        engine.dispose()


def test_listed_titles_follow_an_index_changed_by_another_writer(
        built_db_copy: Path, tmp_path: Path, corpus_second_path: Path) -> None:
    """Not-found replies list the titles, cached per generation of the index: a document
    another process adds or removes shows up in (or leaves) the list at once."""
    folder, second = second_folder(tmp_path, corpus_second_path)
    engine, other = make_engine(built_db_copy), make_engine(built_db_copy)
    try:
        searcher = Casebot(built_db_copy, engine).searcher
        titles, total = searcher.document_titles(3)
        assert total == 1 and searcher.document_titles(3) == (titles, total)
        IndexWriter(other).index_paths([folder])  # another writer, not this searcher's
        grown, total = searcher.document_titles(3)
        assert total == 2 and grown[0] == titles[0]
        assert "云南省巩固提升农村供水保障水平典型案例" in grown
        second.unlink()
        IndexWriter(other).index_paths([folder])
        assert searcher.document_titles(3) == (titles, 1)
    finally:
        engine.dispose()
        other.dispose()


def test_rebuild_drops_what_it_did_not_see(built_db_copy: Path, tmp_path: Path,
                                           corpus_second_path: Path) -> None:
    folder, second = second_folder(tmp_path, corpus_second_path)
    engine = make_engine(built_db_copy)
    try:
        service = Casebot(built_db_copy, engine)
        rebuilt = service.index([folder], rebuild=True)
        assert rebuilt.removed == ["bundled:xinjiang-food-safety-typical-cases-batch-1.txt"]
        assert rebuilt.added == [str(second.resolve())] and not rebuilt.unchanged
        assert_consistent(built_db_copy)
        assert count(built_db_copy, "SELECT count(*) FROM documents") == 1
        assert rebuilt.total_passages == rebuilt.passages
        assert count(built_db_copy, "SELECT count(*) FROM passages WHERE text LIKE '%香梨%'") == 0
        assert not service.answer("哪个部门修订了畜禽屠宰管理条例?").found
        assert service.answer("大理州农村自来水普及率是多少?").found
    finally:
        engine.dispose()


def test_removing_the_last_document_empties_the_index(built_db_copy: Path) -> None:
    engine = make_engine(built_db_copy)
    try:
        summary = IndexWriter(engine).remove(
            ["bundled:xinjiang-food-safety-typical-cases-batch-1.txt"])
    finally:
        engine.dispose()
    assert summary.removed and summary.total_passages == 0
    for table in ("documents", "passages", "passage_fts", "cases", "sections", "facts",
                  "domain_terms", "vocab"):
        assert count(built_db_copy, f"SELECT count(*) FROM {table}") == 0, table


def test_bundled_index_is_consistent(built_db_path: Path, corpus_bundled_doc: Document) -> None:
    assert_consistent(built_db_path)
    assert count(built_db_path, "SELECT count(*) FROM passages") == len(
        passages_of(corpus_bundled_doc))
    assert count(built_db_path, "SELECT count(*) FROM cases") == 4
    assert count(built_db_path, "SELECT count(*) FROM sections") == 13
    assert count(built_db_path, "SELECT count(*) FROM documents") == 1
    con = sqlite3.connect(built_db_path)
    try:
        (source,) = con.execute("SELECT source FROM documents").fetchone()
        rows = con.execute("SELECT text, start, end FROM passages").fetchall()
    finally:
        con.close()
    assert source == "bundled:xinjiang-food-safety-typical-cases-batch-1.txt"
    assert (BUNDLED_DIR / source.split(":", 1)[1]).exists()
    for text, start, end in rows:
        assert corpus_bundled_doc.text[start:end] == text


# --- readers during a re-index ---------------------------------------------------------------

def test_reader_sees_old_or_new_never_a_mix(built_db_copy: Path, tmp_path: Path,
                                            corpus_second_path: Path) -> None:
    second_dir = tmp_path / "second"
    second_dir.mkdir()
    shutil.copy(corpus_second_path, second_dir / "announcement.txt")
    engine = make_engine(built_db_copy)
    writer = IndexWriter(engine)  # switches the copy to WAL before any reader holds a lock

    held = sqlite3.connect(built_db_copy, isolation_level=None)
    held.execute("BEGIN")
    old = state(held)  # the snapshot starts with this read

    seen: list[State] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def poll() -> None:
        con = sqlite3.connect(built_db_copy, isolation_level=None)
        try:
            while not stop.is_set():
                con.execute("BEGIN")
                seen.append(state(con))
                con.execute("COMMIT")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            con.close()

    thread = threading.Thread(target=poll)
    thread.start()
    try:
        summary = writer.index_paths([second_dir])
    finally:
        stop.set()
        thread.join(30)
        engine.dispose()
    assert summary.added and not errors

    # The reader that held its transaction still sees the old index, whole.
    assert state(held) == old
    held.execute("COMMIT")
    new = state(held)
    held.close()
    assert new != old
    assert new[0] == old[0] + 1 and new[2] == new[3] > old[2]
    assert seen, "the polling reader never ran"
    assert set(seen) <= {old, new}, set(seen) - {old, new}


# --- facts ----------------------------------------------------------------------------------

def issuance(db: Path) -> list[tuple[str | None, str, str, str, str]]:
    """(subject, action, object, matching key, passage text) of every issuance fact."""
    from indexer.search import Searcher

    searcher = Searcher(make_engine(db))
    facts = searcher.facts(["issuance"])
    texts = searcher.passages([f.passage_id for f in facts])
    return [(f.subject, f.action or "", f.object or "", f.norm, texts[f.passage_id].text)
            for f in facts]


def test_stored_facts_give_back_their_matching_keys(corpus_bundled_doc: Document) -> None:
    """The index does not store a fact's key: the searcher derives it (see Searcher.facts)."""
    from indexer import facts as facts_mod

    second = load_document(Path(__file__).resolve().parents[1] / "data" / "second"
                           / "announcement.txt")
    for doc in (corpus_bundled_doc, second):
        specs = passages_of(doc)
        extracted = facts_mod.extract(doc, specs, [normalize(s.text) for s in specs])
        assert len({f.kind for f in extracted}) >= 5
        for f in extracted:
            key = (f.object if f.kind == "issuance" else f.subject) or ""
            assert normalize(key) == f.norm, f


def find_fact(db: Path, action: str, obj: str) -> tuple[str | None, str, str, str, str]:
    found = [f for f in issuance(db) if normalize(f[1] or "") == action and f[2] == obj]
    assert len(found) == 1, (action, obj, issuance(db))
    return found[0]


def test_issuance_fact_takes_subject_from_case_lead(built_db_path: Path,
                                                    corpus_bundled_doc: Document) -> None:
    subject, _, obj, norm, passage = find_fact(built_db_path, "修订",
                                               "新疆維吾爾自治區畜禽屠宰管理條例")
    assert norm == normalize(obj)
    assert passage.startswith("修訂《新疆維吾爾自治區畜禽屠宰管理條例》")
    # The sentence has no subject: it comes from case 2's lead paragraph, as written there.
    assert subject
    assert subject in corpus_bundled_doc.cases[1].lead
    assert subject not in passage
    assert "市場監管" in subject


@pytest.mark.parametrize(("action", "obj", "subject_parts"), [
    ("出台", "關于促進自治區乳制品行業健康有序發展的若干意見", ["自治區工業和信息化廳"]),
    ("印发", "關于進一步做好乳制品產業鏈建設及追溯工作的通知", ["自治區農業農村廳", "市場監管局"]),
    ("制定", "生鮮乳收購站技術管理規范", ["自治區農業農村廳"]),
    ("出台", "生乳中塑化劑風險管理規范", ["自治區農業農村廳"]),
    ("印发", "關于規范嚴厲打擊肉類產品違法犯罪跨部門執法聯動工作的指導意見",
     ["自治區市場監管局", "公安廳", "農業農村廳"]),
    ("出台", "巴州庫爾勒香梨高質量發展促進條例", ["巴州"]),
])
def test_issuance_facts(built_db_path: Path, action: str, obj: str,
                        subject_parts: list[str]) -> None:
    subject, _, _, _, passage = find_fact(built_db_path, action, obj)
    assert f"《{obj}》" in passage
    assert subject
    for part in subject_parts:
        assert part in subject


def _postings(db: Path) -> set[tuple[object, ...]]:
    """Every indexed term with its passage count, as FTS5 reports them."""
    con = sqlite3.connect(db)
    try:
        return set(con.execute("SELECT term, doc, cnt FROM passage_fts_vocab"))
    finally:
        con.close()


def _bm25(db: Path, terms: list[str]) -> list[tuple[str, float]]:
    """BM25 of every passage matching ``terms`` (by text: ids differ between builds).

    BM25 depends on the row count and the average row length FTS5 keeps: a
    delete that told FTS5 the wrong token count would shift every score.
    """
    con = sqlite3.connect(db)
    try:
        con.execute("INSERT INTO passage_fts(passage_fts, rank) VALUES ('integrity-check', 0)")
        query = " OR ".join(f'"{t}"' for t in terms)
        rows = con.execute("SELECT p.text, round(f.rank, 9) FROM passage_fts f JOIN passages p "
                           "ON p.id = f.rowid WHERE passage_fts MATCH ?", (query,)).fetchall()
        return sorted(rows)
    finally:
        con.close()


def test_incremental_index_equals_a_fresh_one(tmp_path: Path) -> None:
    """Replacing and removing documents leaves exactly the postings a fresh build has.

    The FTS table is contentless, so a passage is deleted by telling FTS5 what
    it indexed (read back from the index itself); any mismatch would leave
    stale postings or a wrong average length behind — and show up here.
    """
    folder = tmp_path / "docs"
    folder.mkdir()
    bundled = next(BUNDLED_DIR.glob("*.txt"))
    second = Path(__file__).resolve().parents[1] / "data" / "second" / "announcement.txt"
    shutil.copy(bundled, folder / "a.txt")
    shutil.copy(second, folder / "b.txt")
    incremental = tmp_path / "incremental.db"
    writer = IndexWriter(make_engine(incremental))
    writer.index_paths([folder])
    text = (folder / "a.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text.replace("香梨", "蘋果"), encoding="utf-8")
    (folder / "b.txt").unlink()
    summary = writer.index_paths([folder])
    assert summary.updated and summary.removed

    fresh = tmp_path / "fresh.db"
    IndexWriter(make_engine(fresh)).index_paths([folder])
    assert _postings(incremental) == _postings(fresh)
    assert not any(term == "香梨" for term, *_ in _postings(incremental))
    terms = ["苹果", "小饭桌", "监管", "部门", "的"]
    assert _bm25(incremental, terms) == _bm25(fresh, terms) != []


@pytest.mark.parametrize("other_thread", [False, True], ids=["fork", "spawn"])
def test_parallel_preparation_equals_in_process(tmp_path: Path, other_thread: bool) -> None:
    """Worker processes (large batches) write exactly what one process writes.

    With another thread alive (the bot's event loop) the workers are spawned,
    not forked, and load their own jieba.
    """
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, path in enumerate([next(BUNDLED_DIR.glob("*.txt")),
                              Path(__file__).resolve().parents[1] / "data" / "second"
                              / "announcement.txt"] * 3):
        shutil.copy(path, folder / f"{i}.txt")
    alone, parallel = tmp_path / "alone.db", tmp_path / "parallel.db"
    IndexWriter(make_engine(alone), processes=1).index_paths([folder])
    import indexer.pipeline as pipeline

    small = pipeline.PARALLEL_MIN_BYTES
    pipeline.PARALLEL_MIN_BYTES = 0  # this small batch too goes to the workers
    stop = threading.Event()
    if other_thread:
        threading.Thread(target=stop.wait, daemon=True).start()
    try:
        IndexWriter(make_engine(parallel), processes=2).index_paths([folder])
    finally:
        pipeline.PARALLEL_MIN_BYTES = small
        stop.set()
    a, b = snapshot(alone), snapshot(parallel)
    for rows in (a["documents"], b["documents"]):
        rows[:] = [r[:4] for r in rows]  # indexed_at differs
    assert a == b
    assert _postings(alone) == _postings(parallel)
    assert _bm25(alone, ["小饭桌", "监管"]) == _bm25(parallel, ["小饭桌", "监管"])
