"""bot/assemble.py and bot/about.py and bot/narrow.py: reading order of the reply, the
document's own answers, answer-type narrowing — on a few rows in memory."""

from __future__ import annotations

from bot.about import issue_date, this_document, with_this_document
from bot.assemble import (
    NOT_FOUND,
    NOT_FOUND_EN,
    asked_in_english,
    assemble,
    distinct,
    not_found_message,
    related,
)
from bot.extract import Direct
from bot.narrow import narrow
from bot.weights import WEIGHTS as W
from tests.bot.stages.kit import MemoryLookup, analysis, fact, ranked, row

HEADING = row(1, "一是加强监管。", "heading", case=1, section=1)
SECTION = [row(2, "开展专项检查。", case=1, section=1), row(3, "查处案件12起。", case=1, section=1)]
OTHER = row(4, "另一节。", case=1, section=2)
LOOKUP = MemoryLookup([HEADING, *SECTION, OTHER])


def test_a_heading_first_is_followed_by_its_sentences_quoted_first() -> None:
    a = analysis("怎么加强监管", ["加强监管"])
    out = assemble(a, ranked((HEADING, 1.0)), Direct(), 3, LOOKUP)
    assert [p.id for p in out[:3]] == [2, 3, 1]
    assert [p.score for p in out[:3]] == [1.0, 1.0, 1.0]  # order is not a score


def test_the_evidence_comes_first_and_few_matches_get_their_case() -> None:
    a = analysis("查处多少起", ["查处"], kind="number")
    out = assemble(a, ranked((SECTION[0], 0.9), (SECTION[1], 0.8)), Direct(), 3, LOOKUP)
    assert [p.id for p in out][:2] == [2, 3]
    evidence = ranked((SECTION[1], 0.8))[0]
    out = assemble(a, ranked((SECTION[0], 0.9), (SECTION[1], 0.8)), Direct("12起", evidence),
                   3, LOOKUP)
    assert out[0].id == 3
    # Few matches: the rest of the case follows, below every match.
    assert {p.id for p in out} >= {4}
    assert max(p.score for p in out if p.id == 4) < 0.8


def test_related_are_the_candidates_covering_enough_each_once() -> None:
    copy = row(9, SECTION[0].text, doc_id=2)
    out = related(ranked((SECTION[0], 0.5), (copy, 0.5), (SECTION[1], W.related_floor),
                         (OTHER, W.related_floor - 0.01)))
    assert [p.id for p in out] == [2, 3]


def test_each_wording_once() -> None:
    copy = row(9, SECTION[0].text, doc_id=2)
    assert [p.id for p in distinct(ranked((SECTION[0], 1.0), (copy, 0.9)))] == [2]


def test_not_found_lists_what_is_covered_in_the_askers_language() -> None:
    assert not_found_message(analysis("高铁票价", ["高铁"]), LOOKUP) == f"{NOT_FOUND}目前收录:《通知》。"
    english = analysis("what about train fares", ["train"])
    assert asked_in_english(english)
    assert not_found_message(english, LOOKUP).startswith(NOT_FOUND_EN)
    assert not asked_in_english(analysis("geren suodeshui", ["geren"]))  # pinyin
    assert not_found_message(analysis("高铁", ["高铁"]), MemoryLookup([])) == NOT_FOUND


DOC = [row(10, "自治区市场监管局关于印发典型案例的通知", "title", doc_id=3),
       row(11, "为贯彻落实《食品安全法》,现印发第一批典型案例。", "preamble", doc_id=3),
       row(12, "各地要认真学习。", doc_id=3),
       row(13, "自治区市场监管局", doc_id=3),
       row(14, "2025年3月18日", doc_id=3)]


def test_about_the_notice_from_its_title_preamble_and_date_line() -> None:
    lookup = MemoryLookup(DOC)
    who = analysis("这份通知是谁发的?", [])
    passages = with_this_document(who, [], lookup)  # found by structure, no word shared
    assert [p.id for p in passages] == [10, 11]
    line, evidence, _ = this_document(who, passages, lookup, Direct())
    assert line == "自治区市场监管局" and evidence is not None and evidence.id == 10
    implements = analysis("这批案例是贯彻哪个文件?", [])
    assert this_document(implements, passages, lookup, Direct()).answer == "《食品安全法》"
    dated = issue_date(3, lookup)
    assert dated is not None and dated.text == "2025年3月18日"
    assert issue_date(3, MemoryLookup(DOC[:3])) is None


def test_this_notice_of_several_cannot_be_told() -> None:
    several = MemoryLookup([*DOC, row(20, "另一份通知", "title", doc_id=4)])
    assert with_this_document(analysis("这份通知是谁发的?", []), [], several) == []


def test_narrow_keeps_passages_holding_the_asked_measure() -> None:
    rows = [row(1, "共有小饭桌120家。"), row(2, "小饭桌覆盖3个县。")]
    lookup = MemoryLookup(rows, [fact(1, "quantity", "120家"), fact(2, "quantity", "3个")])
    a = analysis("有多少家小饭桌?", ["小饭桌"])
    out = narrow(a, ranked((rows[1], 0.9), (rows[0], 0.8)), lookup)
    assert [p.id for p in out][:1] == [1]
    none = analysis("有多少吨小饭桌?", ["小饭桌"])
    assert narrow(none, ranked((rows[1], 0.9), (rows[0], 0.8)), lookup) == []
    weak = ranked((rows[1], W.found_threshold - 0.2))
    assert narrow(a, weak, lookup) == weak  # nothing strong enough to narrow
