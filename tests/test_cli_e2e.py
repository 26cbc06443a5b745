"""End to end through the real ``casebot`` console script, as a subprocess.

Every run gets a temporary HOME / XDG_* and working directory (see
``tests/conftest.py``) and an explicit ``--db`` under tmp, so no real user
index or ``.env`` is ever touched.  Each subprocess costs about a second.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., "subprocess.CompletedProcess[str]"]

REVISED_Q = "哪个部门修订了畜禽屠宰管理条例?"
REVISED_QUOTE = "修訂《新疆維吾爾自治區畜禽屠宰管理條例》"
QA_DEV = Path(__file__).resolve().parent / "data" / "qa_dev.jsonl"
DALI_Q = "大理州农村自来水普及率是多少?"
DALI_QUOTE = "全州农村自来水普及率达到97.6%"


FOOD_TITLE = "自治區強化食品安全全鏈條監管典型案例(第一批)"


def titles(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [t for (t,) in con.execute("SELECT title FROM documents ORDER BY id")]
    finally:
        con.close()


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout


def test_help_lists_the_commands(run_cli: Run) -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0, proc.stderr
    for command in ("ask", "chat", "docs", "eval", "index", "remove"):
        assert f"  {command} " in proc.stdout, command


def test_ask_explain_prints_the_stages_beside_the_answer(run_cli: Run,
                                                         built_db_copy: Path) -> None:
    proc = run_cli("ask", "--json", "--explain", "--db", built_db_copy, REVISED_Q)
    assert proc.returncode == 0, proc.stderr
    no_traceback(proc)
    answer = json.loads(proc.stdout)  # stdout stays the JSON answer alone
    names = [line[3:] for line in proc.stderr.splitlines() if line.startswith("── ")]
    assert names == ["understand", "retrieve and rank", "found", "extract", "refine",
                     "confidence", "answer"]
    assert "kind: who" in proc.stderr
    assert "P(right) = " in proc.stderr and "threshold" in proc.stderr
    # The trace ends in the answer the user got.
    assert f"direct answer: {answer['answer']!r}" in proc.stderr


def test_ask_explain_shows_why_a_question_was_not_found(run_cli: Run,
                                                       built_db_copy: Path) -> None:
    # The case names 小饭桌 often but never counts them: narrowed away, not found.
    proc = run_cli("ask", "--json", "--explain", "--db", built_db_copy, "昌吉州有多少家小饭桌?")
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    assert answer["status"] == "not_found" and answer["related"]
    assert "── narrow" in proc.stderr and "found: False" in proc.stderr
    assert "possibly related: #" in proc.stderr


def test_ask_json(run_cli: Run, built_db_copy: Path, cli_home: Path) -> None:
    proc = run_cli("ask", "--json", "--db", built_db_copy, REVISED_Q)
    assert proc.returncode == 0, proc.stderr
    no_traceback(proc)
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["question"] == REVISED_Q
    assert data["found"] is True
    assert REVISED_QUOTE in data["passages"][0]["text"]
    assert data["passages"][0]["case"] == 2
    # --db was honoured: nothing went to the (temporary) per-user data dir.
    assert not (cli_home / ".local" / "share" / "casebot").exists()


def test_ask_reads_one_question_per_line(run_cli: Run, built_db_copy: Path) -> None:
    lines_in = [REVISED_Q, "", "今天天气怎么样", "😀", "   ", "庫爾勒香梨品牌價值是多少?"]
    proc = run_cli("ask", "--json", "--db", built_db_copy, input="\n".join(lines_in) + "\n")
    assert proc.returncode == 0, proc.stderr
    no_traceback(proc)
    lines = proc.stdout.splitlines()
    assert len(lines) == len(lines_in)  # line k out answers line k in, blank ones included
    answers = [json.loads(line) for line in lines]
    assert [a["status"] for a in answers] == [
        "answered", "empty", "not_found", "empty", "empty", "answered"]
    assert [a["found"] for a in answers] == [True, False, False, False, False, True]
    assert answers[0]["question"] == REVISED_Q and answers[2]["question"] == "今天天气怎么样"
    assert REVISED_QUOTE in answers[0]["passages"][0]["text"]
    assert "品牌價值170億元" in answers[5]["passages"][0]["text"]
    assert all(a["passages"] == [] for a in answers[1:5])


def test_a_long_question_says_it_was_cut(run_cli: Run, built_db_copy: Path) -> None:
    proc = run_cli("ask", "--json", "--db", built_db_copy, "香梨品牌价值" * 200)
    data = json.loads(proc.stdout)
    assert data["truncated"] is True
    short = json.loads(run_cli("ask", "--json", "--db", built_db_copy, REVISED_Q).stdout)
    assert short["truncated"] is False


def test_a_mistyped_db_is_an_error_with_the_fix(run_cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "casebot.db"
    for args in (["ask", REVISED_Q], ["docs"], ["chat"], ["eval", str(QA_DEV)]):
        proc = run_cli(*args, "--db", missing, input="")
        assert proc.returncode == 1, (args, proc.stdout, proc.stderr)
        assert f"No index at {missing}" in proc.stderr
        assert f"casebot index --db {missing}" in proc.stderr
        no_traceback(proc)
    assert not missing.parent.exists()  # nothing was created at the typo


def test_an_index_without_documents_is_not_answered_from(run_cli: Run, tmp_path: Path,
                                                         corpus_bundled_path: Path) -> None:
    db = tmp_path / "empty.db"
    assert run_cli("index", "--db", db, corpus_bundled_path).returncode == 0
    assert run_cli("remove", "--db", db, "1").returncode == 0
    proc = run_cli("ask", "--db", db, REVISED_Q)
    assert proc.returncode == 1 and "holds no documents" in proc.stderr
    assert f"casebot index --db {db}" in proc.stderr


def test_index_docs_remove_cycle(run_cli: Run, tmp_path: Path, corpus_bundled_path: Path,
                                 corpus_second_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(corpus_bundled_path, docs / "food.txt")
    shutil.copy(corpus_second_path, docs / "announcement.txt")
    db = tmp_path / "db" / "casebot.db"

    first = run_cli("index", docs, "--db", db)
    assert first.returncode == 0, first.stderr
    no_traceback(first)
    assert "2 added" in first.stdout

    asked = run_cli("ask", "--json", "--db", db, DALI_Q)
    assert asked.returncode == 0, asked.stderr
    data = json.loads(asked.stdout)
    assert data["found"] is True
    assert DALI_QUOTE in data["passages"][0]["text"]
    assert data["passages"][0]["doc"] == "云南省巩固提升农村供水保障水平典型案例"

    again = run_cli("index", docs, "--db", db)
    assert again.returncode == 0, again.stderr
    assert "unchanged" in again.stdout
    no_traceback(again)

    assert sorted(titles(db)) == ["云南省巩固提升农村供水保障水平典型案例", FOOD_TITLE]

    removed = run_cli("remove", "announcement.txt", "--db", db)
    assert removed.returncode == 0, removed.stderr
    no_traceback(removed)
    assert "Removed" in removed.stdout and "云南省" in removed.stdout

    unknown = run_cli("remove", "no-such-document.txt", "--db", db)
    assert unknown.returncode == 1
    no_traceback(unknown)
    assert "casebot docs" in unknown.stderr

    listed = run_cli("docs", "--db", db)
    assert listed.returncode == 0, listed.stderr
    no_traceback(listed)
    assert f"] {FOOD_TITLE}  (4 cases, 49 passages)" in listed.stdout
    assert str((docs / "food.txt").resolve()) in listed.stdout
    assert "云南省" not in listed.stdout
    assert titles(db) == [FOOD_TITLE]


def test_remove_the_only_document(run_cli: Run, built_db_copy: Path) -> None:
    proc = run_cli("remove", "xinjiang-food-safety-typical-cases-batch-1.txt", "--db",
                   built_db_copy)
    no_traceback(proc)
    assert proc.returncode == 0
    assert "Removed" in proc.stdout


def test_index_missing_path(run_cli: Run, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    proc = run_cli("index", missing, "--db", tmp_path / "casebot.db")
    assert proc.returncode != 0
    no_traceback(proc)
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1
    assert str(missing) in message and "no such file or folder" in message
    assert not (tmp_path / "casebot.db").exists()


def test_eval_prints_the_table(run_cli: Run, built_db_copy: Path,
                               corpus_qa_dev_path: Path) -> None:
    proc = run_cli("eval", corpus_qa_dev_path, "--db", built_db_copy)
    assert proc.returncode == 0, proc.stderr
    no_traceback(proc)
    out = proc.stdout
    header = "| kind | questions | hit@1 | hit@3 | mrr | direct | wrong | oos_rejected |"
    assert header in out
    total = sum(1 for line in corpus_qa_dev_path.read_text(encoding="utf-8").splitlines()
                if line.strip())
    all_row = next(line for line in out.splitlines() if line.startswith("| **all** |"))
    cells = [c.strip() for c in all_row.strip("|").split("|")]
    assert cells[1] == str(total)
    for cell in cells[2:]:
        assert 0.0 <= float(cell) <= 1.0
    for kind in ("who", "document", "traditional", "out_of_scope"):
        assert f"| {kind} |" in out


def test_chat_answers_and_exits(run_cli: Run, built_db_copy: Path) -> None:
    # A pasted block with blank lines: every question is answered, blank lines skipped;
    # help is help, not a question; /quit leaves (what follows it is not asked).
    stdin = "两检两公开是什么?\n\n   \n/help\n库尔勒香梨品牌价值多少?\n/quit\n香梨\n"
    proc = run_cli("chat", "--db", built_db_copy, input=stdin, timeout=60)
    assert proc.returncode == 0, proc.stderr
    no_traceback(proc)
    assert "原料入厂批批检并向养殖户公开" in proc.stdout  # mirrored into the asker's script
    assert "品牌价值170亿元" in proc.stdout
    assert "/quit" in proc.stdout and "没有找到" not in proc.stdout  # /help was no question
    assert proc.stdout.count("问>") == 6  # five lines read up to /quit; nothing after it


def test_chat_ends_on_ctrl_d(run_cli: Run, built_db_copy: Path) -> None:
    proc = run_cli("chat", "--db", built_db_copy, input="香梨品牌价值\n", timeout=60)
    assert proc.returncode == 0 and "170亿元" in proc.stdout


def test_corrupt_database(run_cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(os.urandom(8192))
    proc = run_cli("ask", "--db", bad, "x")
    assert proc.returncode == 1
    no_traceback(proc)
    message = proc.stderr.strip()
    assert len(message.splitlines()) == 1
    assert str(bad) in message
    assert "casebot index --rebuild" in message


def test_rebuild_repairs_a_corrupt_database(run_cli: Run, tmp_path: Path) -> None:
    """The fix the corrupt-index message prescribes works."""
    bad = tmp_path / "db" / "bad.db"
    bad.parent.mkdir()
    bad.write_bytes(os.urandom(8192))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notice.txt").write_text("测试通知\n一、甲州\n甲州水务局制定《甲州供水管理办法》。\n"
                                     "二、乙县\n乙县建成供水工程3处。\n", encoding="utf-8")
    proc = run_cli("index", "--rebuild", docs, "--db", bad)
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert titles(bad) == ["测试通知"]
    # The damaged file is kept aside, not silently destroyed.
    assert [p for p in bad.parent.iterdir() if p.name.startswith("bad.db.damaged")]


def test_docs_filters_limits_and_json_and_remove_by_title(
        run_cli: Run, tmp_path: Path, corpus_bundled_path: Path, corpus_second_path: Path
        ) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(corpus_bundled_path, docs / "food.txt")
    shutil.copy(corpus_second_path, docs / "water.txt")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    db = tmp_path / "casebot.db"
    indexed = run_cli("index", docs, "--db", db)
    assert indexed.returncode == 1  # one file failed: named, and the rest indexed
    assert "1 file(s) failed: broken.pdf" in indexed.stdout and "2 added" in indexed.stdout
    assert "EOF marker" not in indexed.stderr  # no raw library warnings before ours
    assert "broken.pdf: is not a valid PDF" in indexed.stderr
    no_traceback(indexed)

    grep = run_cli("docs", "--db", db, "--grep", "供水")  # any script: the title is simplified
    assert "云南省" in grep.stdout and FOOD_TITLE not in grep.stdout
    assert "1 matching of 2 documents" in grep.stdout
    trad = run_cli("docs", "--db", db, "--grep", "食品安全")  # simplified asks, traditional title
    assert FOOD_TITLE in trad.stdout
    limited = run_cli("docs", "--db", db, "--limit", "1")
    assert limited.stdout.count("] ") == 1 and "showing 1 (--limit 0 for all)" in limited.stdout
    listed = json.loads(run_cli("docs", "--db", db, "--json").stdout)
    assert {d["title"] for d in listed} == {FOOD_TITLE, "云南省巩固提升农村供水保障水平典型案例"}

    ambiguous = run_cli("remove", "--db", db, "典型案例")
    assert ambiguous.returncode == 1 and "2 documents match" in ambiguous.stderr
    removed = run_cli("remove", "--db", db, "农村供水")
    assert removed.returncode == 0 and "云南省" in removed.stdout
    assert "1 document in the index" in run_cli("docs", "--db", db).stdout


def test_copies_of_a_document_are_reported_and_quoted_once(
        run_cli: Run, tmp_path: Path, corpus_bundled_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(corpus_bundled_path, docs / name)
    db = tmp_path / "casebot.db"
    indexed = run_cli("index", docs, "--db", db)
    assert indexed.returncode == 0, indexed.stderr
    assert "3 documents have the same text" in indexed.stderr
    answer = json.loads(run_cli("ask", "--json", "--db", db, REVISED_Q).stdout)
    texts = [p["text"] for p in answer["passages"]]
    assert len(texts) == 3 and len(set(texts)) == 3
    missing = run_cli("ask", "--db", db, "个人所得税怎么申报?").stdout
    assert missing.count("《自治区强化食品安全全链条监管典型案例(第一批)》") == 1
    english = run_cli("ask", "--db", db, "how do I apply for a passport?").stdout
    assert "The documents say nothing" in english


@pytest.mark.parametrize(("lines", "message"), [
    (['{"q": "香梨品牌价值", "expect": null}', '{"q": "x", "kind": "who",'],
     ":2: not valid JSON"),
    (['{"q": "香梨品牌价值", "kind": "who"}'], ':1: no "expect"'),
    (['["not", "an", "object"]'], ':1: each line must be an object with a "q" string'),
])
def test_eval_names_the_bad_line(run_cli: Run, built_db_copy: Path, tmp_path: Path,
                                 lines: list[str], message: str) -> None:
    bad = tmp_path / "set.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli("eval", bad, "--db", built_db_copy)
    assert proc.returncode == 1
    assert f"{bad}{message}" in proc.stderr
    no_traceback(proc)


def test_eval_warns_when_the_index_lacks_the_sets_documents(
        run_cli: Run, built_db_copy: Path) -> None:
    second = Path(__file__).resolve().parent / "data" / "second" / "qa.jsonl"
    proc = run_cli("eval", second, "--db", built_db_copy)
    assert proc.returncode == 2
    assert "the index holds none of the" in proc.stderr and "index its document first" in proc.stderr
    assert "| **all** |" in proc.stdout  # the figures still print, marked as meaningless
