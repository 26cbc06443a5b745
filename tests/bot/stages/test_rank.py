"""bot/rank.py: the ranking stage alone, on hand-made candidates (pure: no index)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.rank import (
    RANKING,
    Features,
    another_year,
    heading_context,
    hints,
    names_place,
    rank,
    referred_to,
    score,
)
from bot.weights import WEIGHTS as W
from tests.bot.stages.kit import MemoryLookup, analysis, row


def test_coverage_decides_and_bm25_breaks_ties() -> None:
    a = analysis("小饭桌监管怎么做", [("小饭桌", 2.0), ("监管", 1.0)])
    both = row(1, "昌吉州强化小饭桌监管。")
    one = row(2, "昌吉州推进小饭桌建设。")
    out = rank(a, [(one, 10.0), (both, 5.0)])
    assert [p.id for p in out] == [1, 2]
    # 监管, the question's last word, is said by the first only.
    assert out[0].score == pytest.approx(1.0 + W.bm25_share * 0.5 + W.focus_said_bonus)
    assert out[1].score == pytest.approx(2 / 3 + W.bm25_share * 1.0)
    assert out[0].terms == ("小饭桌", "监管")


def test_the_sentence_defining_the_term_asked_comes_first() -> None:
    a = analysis("什么叫住房分配货币化?", [("住房", 1.0), ("分配", 1.0), ("货币化", 1.0)])
    use = row(1, "要在大中城市推开住房分配货币化改革。")
    define = row(2, "所谓住房分配货币化，就是把实物分配的住房转变为工资形式分配给职工。")
    assert [p.id for p in rank(a, [(use, 10.0), (define, 9.0)])] == [2, 1]
    b = analysis("住房分配货币化改革在哪推开?", [("住房", 1.0), ("分配", 1.0), ("货币化", 1.0)])
    assert [p.id for p in rank(b, [(use, 10.0), (define, 9.0)])] == [1, 2]


def test_a_word_only_in_the_heading_counts_partly_a_place_fully() -> None:
    a = analysis("西充县一田一档", [("西充", 1.0), ("一田一档", 1.0)])
    under = row(1, "建立一田一档。", case=1, case_title="西充县推进耕地保护")
    [p] = rank(a, [(under, 1.0)])
    said = W.bm25_share + W.focus_said_bonus  # and 一田一档, asked about, is said
    assert p.score == pytest.approx(1.0 + said)  # 西充 names a place: fully
    b = analysis("耕地保护一田一档", [("耕地保护", 1.0), ("一田一档", 1.0)])
    [q] = rank(b, [(under, 1.0)])
    assert q.score == pytest.approx((1 + W.heading_only_credit) / 2 + said)


def test_another_batch_is_penalised() -> None:
    a = analysis("第一批有哪些案例", [("案例", 1.0)])
    other = row(1, "第二批典型案例如下。")
    this = row(2, "第一批典型案例如下。")
    out = rank(a, [(other, 1.0), (this, 1.0)])
    assert [p.id for p in out] == [2, 1]
    assert out[1].score - out[0].score == pytest.approx(W.other_batch_weight)


@pytest.mark.parametrize(("kind", "role", "text", "expected"), [
    ("what", "heading", "一是加强监管。", (1.0, 0.0, 0.0, 0.0)),
    # A measure's label inside a paragraph names a topic as a heading does …
    ("what", "lead", '二是推行"安全管家"服务。', (1.0, 0.0, 0.0, 0.0)),
    # … a measure told in full does not.
    ("what", "lead", "二是推行安全管家服务,为1860家小微企业提供专家指导。", (0.0, 1.0, 0.0, 0.0)),
    ("what", "lead", "昌吉州强化监管。", (0.0, 1.0, 0.0, 0.0)),
    ("who", "body", "州局修订《条例》。", (0.0, 0.0, 1.0, 0.0)),
    ("number", "body", "检查12家。", (0.0, 0.0, 0.0, 1.0)),
    ("number", "body", "检查多家。", (0.0, 0.0, 0.0, 0.0)),
    ("what", "body", "州局修订《条例》。", (0.0, 0.0, 0.0, 0.0)),
])
def test_hints(kind: str, role: str, text: str, expected: tuple[float, ...]) -> None:
    assert hints(kind, text, row(1, text, role)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("kind", "text", "measures", "typed"), [
    ("number", "全省一年可降低农户用电支出2.6亿元。", ("元",), True),  # 多少钱: money said
    ("number", "实行电价公开,共有12个县参与。", ("元",), False),  # a figure, not money
    ("number", "实行电价公开,共有12个县参与。", (), True),  # no measure asked: any figure
    ("when", "第二轮比赛1月7日继续在此进行。", (), True),
    ("when", "本报北京1月13日讯记者李长云报道:本赛战罢最后一轮。", (), False),  # the report's date
    ("when", "新党党首由羽田孜出任。", (), False),
])
def test_hints_a_span_of_the_asked_type(kind: str, text: str, measures: tuple[str, ...],
                                        typed: bool) -> None:
    figure = hints(kind, text, row(1, text), measures=measures)[3]  # type: ignore[arg-type]
    assert figure == (1.0 if typed else 0.0)


def test_who_issued_it_reads_the_title_naming_its_issuer() -> None:
    """"…的通报是哪个单位发的?": a title X关于…的通报 says X issued it — no heading naming a
    topic; other titles and other questions keep the heading's place."""
    named = "岚州市应急管理局关于2025年全市危险化学品安全生产专项执法检查情况的通报"
    assert hints("who", named, row(1, named, "title"), issued=True) == (0.0, 0.0, 1.0, 0.0)
    assert hints("who", named, row(1, named, "title")) == (1.0, 0.0, 0.0, 0.0)
    topic = "全省危险化学品专项执法检查情况"
    assert hints("who", topic, row(1, topic, "title"), issued=True) == (1.0, 0.0, 0.0, 0.0)
    assert hints("who", named, row(1, named, "case_title"), issued=True)[0] == 1.0


def test_who_in_charge_is_not_an_issuing_question() -> None:
    assert hints("who", "州局修订《条例》。", row(1, "x"), in_charge=True) == (0.0,) * 4


def test_score_is_the_weighted_sum_of_the_features() -> None:
    f = Features(body=0.5, heading=0.25, place=0.0, bm25=1.0, heading_role=0.0, lead_role=1.0,
                 issuing=0.0, figure=0.0, other_batch=0.0, named_focus=0.0, new_place=0.0,
                 in_charge_lead=0.0, focus_said=1.0)
    assert score(f) == pytest.approx(0.5 + 0.25 * W.heading_only_credit + W.bm25_share
                                     + W.lead_hint + W.focus_said_bonus)
    assert RANKING.body == 1.0  # the unit the other weights are measured in


@pytest.mark.parametrize(("word", "context", "expected"), [
    ("佛山", "佛山市推进", True),
    ("西充县", "案例 西充县", True),
    ("监管", "监管局", False),
    ("小饭桌", "没有", False),
])
def test_names_place(word: str, context: str, expected: bool) -> None:
    assert names_place(word, context) is expected


def test_heading_context_is_normalised() -> None:
    assert heading_context("通知", "昌吉州強化監管", None) == "通知 昌吉州强化监管"


def test_a_sentence_opening_with_a_demonstrative_is_read_with_the_one_before() -> None:
    head = row(1, "石家庄机场跑道延长工程日前通过验收。")
    cost = row(2, "此项工程总投资4579万元。")
    other = row(3, "某县总投资3000万元。")
    lookup = MemoryLookup([head, cost, other])
    before = referred_to([(cost, 1.0), (other, 1.0)], lookup)
    assert set(before) == {2}  # only the one that refers back
    a = analysis("石家庄机场跑道工程总投资多少", [("石家庄", 2.0), ("机场跑道", 2.0), ("总投资", 1.0)])
    out = rank(a, [(other, 1.0), (cost, 1.0)], before=before)
    assert [p.id for p in out] == [2, 3]
    assert out[0].covers > out[1].covers


def test_a_measures_label_names_it_and_heads_the_sentence_after_it() -> None:
    label = replace(row(1, '二是推行"安全管家"服务。'), paragraph=1)
    told = replace(row(2, '在全市推行"安全管家"服务模式,由政府购买专家指导服务。'), paragraph=1)
    a = analysis("安全管家服务具体是怎么搞的", [("安全管家", 2.0), ("服务", 1.0)])
    # Both say every word; the sentence telling the measure comes before its label.
    assert [p.id for p in rank(a, [(label, 1.0), (told, 1.0)])] == [2, 1]

    label = replace(row(11, "一是推行执法加专家模式。"), paragraph=5)
    after = replace(row(12, "从专家库中抽调专家参与执法检查。"), paragraph=5)
    elsewhere = replace(row(13, "从专家库中抽调专家参与执法检查。"), paragraph=6)
    lookup = MemoryLookup([label, after, elsewhere])
    hits = [(label, 1.0), (after, 1.0), (elsewhere, 1.0)]  # the label, naming 模式, is one
    before = referred_to(hits, lookup)
    assert set(before) == {12}  # the label heads the sentence after it, in its paragraph only
    b = analysis("执法加专家模式怎么做的", [("执法", 1.0), ("专家", 1.0), ("模式", 1.0)])
    _, under, alone = sorted(rank(b, hits, before=before), key=lambda p: p.id)
    assert under.covers == pytest.approx((2 + W.coverage_heading_credit) / 3)
    assert alone.covers == pytest.approx(2 / 3)


@pytest.mark.parametrize(("question", "body", "context", "other"), [
    # Another year's figure does not answer the year asked …
    ("1995年旅游收入是多少?", "1997年旅游收入为120亿美元", "", True),
    ("1995年旅游收入是多少?", "旅游收入为120亿美元", "1997年旅游业综述", True),
    # … the asked year said anywhere above it does, and so does a sentence naming none.
    ("1997年旅游收入是多少?", "1997年旅游收入为120亿美元", "", False),
    ("1997年旅游收入是多少?", "收入为120亿美元,比1996年增长", "1997年旅游业综述", False),
    ("1995年旅游收入是多少?", "旅游收入为120亿美元", "", False),
    # No year asked: any sentence may answer.
    ("旅游收入是多少?", "1997年旅游收入为120亿美元", "", False),
])
def test_another_year(question: str, body: str, context: str, other: bool) -> None:
    assert another_year(question, body, context) is other


def test_another_year_said_relatively_may_be_the_one_asked() -> None:
    # In January 1998's news, 去年 is 1997.
    assert not another_year("1997年旅游收入是多少?", "去年旅游收入为750亿美元,比1996年增加", "")
    # … but not 1995, earlier than the 1996 it is compared with.
    assert another_year("1995年旅游收入是多少?", "去年旅游收入为750亿美元,比1996年增加", "")


def test_the_sentence_saying_what_is_asked_comes_before_the_story_alone() -> None:
    # A news story's opening names it (国脉杯…天元战); the question asks one detail of it
    # (第二轮哪天?), said further on beside fewer of the story's words.
    a = analysis("国脉杯天元战第二轮哪天下", ["国脉杯", "天元战", "第二轮"], kind="when")
    a.focus = "第二轮"
    opening = row(1, "国脉杯天元战本赛今天战罢最后一轮。")
    detail = row(2, "天元战第二轮比赛1月7日继续进行。")
    hits = [(opening, 10.0), (detail, 1.0)]
    assert [p.id for p in rank(a, hits, RANKING._replace(focus_said=0.0))] == [1, 2]
    assert [p.id for p in rank(a, hits)] == [2, 1]
