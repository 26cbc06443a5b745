"""Answer quality on the question sets, as `casebot eval` reports it.

The floors below are today's measured figures rounded down: a change that
makes answers worse fails here.  The dev set meets issue #3's targets (hit@1
≥ 0.97, hit@3 = 1.0, direct ≥ 0.90, out-of-scope rejection ≥ 0.95).
The second announcement (tests/data/second) was written without sight of the
rules, in another layout and script; its figures are reported separately.
The third (tests/data/third) is a development set in the second's layout.
The fourth (tests/data/fourth) is a development set in another topic and layout.
The fifth to eighth (work safety in the second's layout; farmland in a 【基本情况】
label layout; environmental enforcement; tutoring and school meals) were written by
someone who saw neither the rules nor the code, with harder colloquial wording; they
are development sets now, and their figures are lower.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluate import evaluate, load_questions
from bot.service import Casebot

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    return Casebot.open(tmp_path_factory.mktemp("eval") / "bundled.db")


def _announcement_alone(tmp_path_factory: pytest.TempPathFactory, name: str) -> Casebot:
    """An index of one of the announcements under tests/data (``name``/announcement.txt) only."""
    svc = Casebot.open(tmp_path_factory.mktemp(name) / f"{name}.db", build=True)
    svc.index([DATA / name / "announcement.txt"], rebuild=True)
    return svc


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    return _announcement_alone(tmp_path_factory, "second")


def test_dev_set_floors(bundled: Casebot) -> None:
    figures = evaluate(load_questions(DATA / "qa_dev.jsonl"), bundled.answer).overall.figures()
    assert figures["questions"] >= 100
    assert (figures["hit@1"] or 0) >= 1.0, figures
    assert (figures["hit@3"] or 0) >= 1.0, figures
    assert (figures["direct"] or 0) >= 1.0, figures
    assert (figures["oos_rejected"] or 0) >= 1.0, figures


def test_second_announcement_floors(second: Casebot) -> None:
    figures = evaluate(load_questions(DATA / "second" / "qa.jsonl"), second.answer).overall
    f = figures.figures()
    assert (f["hit@1"] or 0) >= 0.9, f  # issue #3's target: 0.9
    assert (f["direct"] or 0) >= 0.85, f  # issue #3's target: 0.8
    assert (f["oos_rejected"] or 0) >= 0.4, f  # was 0.7 before session 3; see the README


@pytest.fixture(scope="module")
def third(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    return _announcement_alone(tmp_path_factory, "third")


def test_third_announcement_floors(third: Casebot) -> None:
    # A made-up elderly-care announcement (一、 parts, (一) sections, simplified),
    # written to develop the rules on a layout and topic other than the dev set's.
    f = evaluate(load_questions(DATA / "third" / "qa.jsonl"), third.answer).overall.figures()
    assert f["questions"] == 70
    assert (f["hit@1"] or 0) >= 0.96, f
    assert (f["hit@3"] or 0) >= 0.98, f
    assert (f["direct"] or 0) >= 0.97, f
    assert (f["oos_rejected"] or 0) >= 1.0, f


@pytest.fixture(scope="module")
def fourth(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    return _announcement_alone(tmp_path_factory, "fourth")


def test_fourth_announcement_floors(fourth: Casebot) -> None:
    # A made-up 医保基金监管 announcement (案例一： cases, 一是/二是 measures inside
    # paragraphs, a signature and date line), written to find rules that generalise.
    f = evaluate(load_questions(DATA / "fourth" / "qa.jsonl"), fourth.answer).overall.figures()
    assert f["questions"] == 48
    assert (f["hit@1"] or 0) >= 0.92, f
    assert (f["hit@3"] or 0) >= 1.0, f
    assert (f["direct"] or 0) >= 0.96, f
    assert (f["oos_rejected"] or 0) >= 1.0, f


@pytest.fixture(scope="module")
def fifth(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    return _announcement_alone(tmp_path_factory, "fifth")


def test_fifth_announcement_floors(fifth: Casebot) -> None:
    # A made-up 安全生产执法 announcement (一、 cases, （一） measures), 83 questions.
    f = evaluate(load_questions(DATA / "fifth" / "qa.jsonl"), fifth.answer).overall.figures()
    assert f["questions"] == 83
    assert (f["hit@1"] or 0) >= 0.78, f
    assert (f["hit@3"] or 0) >= 0.86, f
    assert (f["direct"] or 0) >= 0.66, f
    assert (f["oos_rejected"] or 0) >= 0.8, f


@pytest.fixture(scope="module")
def sixth(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    return _announcement_alone(tmp_path_factory, "sixth")


def test_sixth_announcement_floors(sixth: Casebot) -> None:
    # A made-up 高标准农田 announcement (案例N cases, 【基本情况】/【主要做法】 labels,
    # 1. 2. measures inline), 83 questions.
    f = evaluate(load_questions(DATA / "sixth" / "qa.jsonl"), sixth.answer).overall.figures()
    assert f["questions"] == 83
    assert (f["hit@1"] or 0) >= 0.82, f
    assert (f["hit@3"] or 0) >= 0.86, f
    assert (f["direct"] or 0) >= 0.77, f
    assert (f["oos_rejected"] or 0) >= 0.8, f


@pytest.fixture(scope="module")
def seventh(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    return _announcement_alone(tmp_path_factory, "seventh")


def test_seventh_announcement_floors(seventh: Casebot) -> None:
    # A made-up 生态环境执法 announcement (一、 cases, （一） measures, inline 一是,
    # 《…》（以下简称《…》）), 85 questions.
    f = evaluate(load_questions(DATA / "seventh" / "qa.jsonl"), seventh.answer).overall.figures()
    assert f["questions"] == 85
    assert (f["hit@1"] or 0) >= 0.77, f
    assert (f["hit@3"] or 0) >= 0.87, f
    assert (f["direct"] or 0) >= 0.7, f
    assert (f["oos_rejected"] or 0) >= 0.75, f


@pytest.fixture(scope="module")
def eighth(tmp_path_factory: pytest.TempPathFactory) -> Casebot:
    return _announcement_alone(tmp_path_factory, "eighth")


def test_eighth_announcement_floors(eighth: Casebot) -> None:
    # A made-up 校外培训/校园食品安全 announcement (一、 parts holding 1. items), 85 questions.
    f = evaluate(load_questions(DATA / "eighth" / "qa.jsonl"), eighth.answer).overall.figures()
    assert f["questions"] == 85
    assert (f["hit@1"] or 0) >= 0.8, f
    assert (f["hit@3"] or 0) >= 0.85, f
    assert (f["direct"] or 0) >= 0.71, f
    assert (f["oos_rejected"] or 0) >= 1.0, f
