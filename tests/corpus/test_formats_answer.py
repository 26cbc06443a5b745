"""Every format of one announcement yields the same cases, sections and answers.

The fixtures are generated here (txt in UTF-8 and GBK, docx, HTML with site
furniture in GB18030, PDF with hard line breaks); the structure and the
top quoted passage must match the UTF-8 original's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.service import Casebot
from corpus.loader import load_document
from indexer.db import create_schema, make_engine
from tests.corpus.fixtures import (
    sample_parts,
    sample_text,
    write_docx,
    write_html,
    write_pdf,
    write_txt,
)

QUESTIONS = [
    "哪个部门修订了畜禽屠宰管理条例?",
    "两检两公开是什么?",
    "库尔勒香梨品牌价值多少?",
    "小飯桌由哪個部門牽頭?",
]


def _structure(path: Path) -> list[tuple[int, str, list[str]]]:
    doc = load_document(path)
    return [(c.number, c.title, [s.heading for s in c.sections]) for c in doc.cases]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("formats")
    title, paragraphs = sample_parts()
    return {
        "utf8": write_txt(d, sample_text(), name="utf8.txt"),
        "gbk": write_txt(d, sample_text(), "gbk", name="gbk.txt"),
        "docx": write_docx(d, title, paragraphs, name="a.docx"),
        "html": write_html(d, title, paragraphs, "gb18030", name="a.html"),
        "pdf": write_pdf(d, title, paragraphs, name="a.pdf"),
    }


@pytest.mark.parametrize("fmt", ["gbk", "docx", "html", "pdf"])
def test_same_structure(rendered: dict[str, Path], fmt: str) -> None:
    assert _structure(rendered[fmt]) == _structure(rendered["utf8"])
    assert len(_structure(rendered[fmt])) == 4


def _answers(path: Path, db: Path) -> list[tuple[bool, str | None]]:
    engine = make_engine(db)
    create_schema(engine)
    svc = Casebot(db, engine)
    try:
        assert not svc.index([path]).errors
        return [(a.found, a.passages[0].text if a.passages else None)
                for a in map(svc.answer, QUESTIONS)]
    finally:
        svc.close()


@pytest.fixture(scope="module")
def original_answers(rendered: dict[str, Path],
                     tmp_path_factory: pytest.TempPathFactory) -> list[tuple[bool, str | None]]:
    answers = _answers(rendered["utf8"], tmp_path_factory.mktemp("db") / "utf8.db")
    assert all(found for found, _ in answers)
    return answers


@pytest.mark.parametrize("fmt", ["gbk", "docx", "html", "pdf"])
def test_same_answers(rendered: dict[str, Path], original_answers: list[tuple[bool, str | None]],
                      fmt: str, tmp_path: Path) -> None:
    assert _answers(rendered[fmt], tmp_path / f"{fmt}.db") == original_answers


@contextmanager
def _only(text: str, tmp_path: Path) -> Iterator[Casebot]:
    """A service over an index of ``text`` alone (a made-up announcement)."""
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    service = Casebot.open(tmp_path / "index.db")
    try:
        service.index([tmp_path / "doc.txt"], rebuild=True)
        yield service
    finally:
        service.close()


def test_parts_are_cited_as_the_document_heads_them(tmp_path: Path) -> None:
    """一、/二、 parts (and a lone （一）) are cited by the document's own headings, never
    as 案例1/案例2 — labels the document does not have."""
    text = ("某市推进农村供水工作情况\n为做好农村供水工作,现将情况通报如下:\n"
            "一、强化水源保护\n甲县水务局划定水源保护区12处,设立界桩800个。\n"
            "二、完善管护机制\n（一）明确管护主体\n乙县水利局组建专业管护队伍30支。\n")
    with _only(text, tmp_path) as service:
        guard = service.answer("甲县划定了多少处水源保护区?")
        assert guard.found and "12处" in guard.passages[0].text
        assert guard.passages[0].citation() == "某市推进农村供水工作情况 · 一、强化水源保护"
        crew = service.answer("乙县组建了多少支管护队伍?")
        assert crew.found and "30支" in crew.passages[0].text
        assert crew.passages[0].citation() == (
            "某市推进农村供水工作情况 · 二、完善管护机制 · （一）明确管护主体")
        assert all("案例" not in p.citation() for p in (*guard.passages, *crew.passages))


def test_a_table_typed_with_aligned_spaces_is_a_table(tmp_path: Path) -> None:
    text = ("某省道路运输执法情况通报\n全省执法主要数据如下:\n"
            "设区市  查处案件（件）  罚没款（万元）\n甲市  1946  1685\n乙市  2318  1912\n"
            "本报讯　记者王明报道:执法工作持续推进。\n")
    with _only(text, tmp_path) as service:
        answer = service.answer("乙市罚没款多少万元?")
        assert answer.found and answer.answer == "1912万元"  # the header's unit, after it
        top = answer.passages[0].text
        assert "乙市" in top and "罚没款" in top
        # One full-width space in a dateline is no column.
        assert not any("|" in p.text for p in service.answer("记者是谁").passages)


def test_a_place_the_index_lacks_makes_the_question_not_found(tmp_path: Path) -> None:
    text = ("江苏省道路运输执法情况通报\n1至9月,全省罚没款合计9860万元。\n"
            "徐州市查处案件1402件,罚没款873万元。\n")
    with _only(text, tmp_path) as service:
        assert service.answer("徐州市罚没款是多少?").found
        # 常州 is no word of the index: it is asked about, not dropped to 常 + 州市 (and
        # never read as a typo of 徐州): the province's figure is not its answer.
        answer = service.answer("常州市1到9月罚没款是多少?")
        assert not answer.found and answer.answer is None


def test_a_table_row_is_found_and_quoted_with_its_header(tmp_path: Path) -> None:
    text = ("某市食品安全抽检情况通报\n今年全市食品安全抽检情况如下:\n"
            "项目 | 2023年 | 2024年\n抽检批次 | 1200 | 1500\n抽检合格率 | 97.5% | 98.6%\n")
    with _only(text, tmp_path) as service:
        answer = service.answer("2024年抽检合格率是多少?")
        assert answer.found
        top = answer.passages[0].text
        assert "98.6%" in top and "2024年" in top and "合格率" in top  # value with its header
