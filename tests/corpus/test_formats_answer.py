"""Every format of one announcement yields the same cases, sections and answers.

The fixtures are generated here (txt in UTF-8 and GBK, docx, HTML with site
furniture in GB18030, PDF with hard line breaks); the structure and the
top quoted passage must match the UTF-8 original's.
"""

from __future__ import annotations

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
