"""bot/extract/who.py and where.py: what a name or a place must say beyond its kind — the
body a question narrows (哪个公安部门, 哪个所), a body named short or by its role, a place
given with its street or by a landmark."""

from __future__ import annotations

import pytest

from bot.extract import names_holder, where, who
from bot.extract.where import located_at, with_address
from bot.reply import passage_of
from tests.bot.stages.kit import MemoryLookup, analysis, ranked, row


def test_who_a_body_of_the_asked_kind_or_word() -> None:
    """"移交给哪个公安部门?" is answered by a body saying 公安, though another body of the
    case acts in the best match; with none, no line."""
    inspected = row(1, "区安全生产监督管理局接举报后会同公安部门突击检查，发现该公司无证生产。",
                    case=1)
    handed = row(2, "鉴于相关责任人员涉嫌犯罪，已将案件移送高新区公安分局依法处理。", case=1)
    a = analysis("那个案子移交给哪个公安部门了", ["案子", "公安", "部门"])
    assert a.kind == "who" and a.intent.body_named == ("公安", "")
    lookup = MemoryLookup([inspected, handed])
    found = who.extract(a, ranked((inspected, 1.0), (handed, 0.9)), lookup)
    assert found.answer == "高新区公安分局"
    assert who.extract(a, ranked((inspected, 1.0)), MemoryLookup([inspected])).answer is None
    # The same question asking for any body takes the one acting in the best match.
    b = analysis("那个案子是哪个部门查的", ["案子"])
    assert who.extract(b, ranked((inspected, 1.0)), MemoryLookup([inspected])).answer == (
        "区安全生产监督管理局")


def test_which_station_is_a_who_question_answered_by_a_station() -> None:
    r = row(1, "3月15日，清水镇市场监管所执法人员在检查中发现，某便利店销售过期食品。")
    a = analysis("便利店卖过期零食是哪个所查出来的", ["便利店", "过期"])
    assert a.kind == "who" and a.intent.body_named == ("", "所")
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "清水镇市场监管所"


def test_a_body_named_short_is_given_as_its_case_named_it_in_full() -> None:
    """执法支队 in a later sentence is the 南京市交通运输综合行政执法支队 the case's first
    sentence named: the full name, that sentence quoted after the evidence."""
    first = row(1, "2025年3月，南京市交通运输综合行政执法支队在比对数据时发现违规派单。",
                "lead", case=1)
    later = row(2, "执法支队随即约谈平台公司负责人，对该平台公司罚款89万元。", "lead", case=1)
    a = analysis("平台公司被罚89万是哪个执法部门查的?", ["平台", "罚款", "89万元"])
    found = who.extract(a, ranked((later, 1.0)), MemoryLookup([first, later]))
    assert found.answer == "南京市交通运输综合行政执法支队"
    assert found.evidence is not None and found.evidence.id == 2
    assert [p.id for p in found.support] == [1]
    # Two bodies the short name may stand for: it is left as written.
    other = row(2, "苏州市交通运输综合行政执法支队也开展了检查。", "lead", case=1)
    later = row(3, later.text, "lead", case=1)
    twice = MemoryLookup([first, other, later])
    assert who.extract(a, ranked((later, 1.0)), twice).answer == "执法支队"


def test_a_party_named_by_its_role_then_its_name_is_the_name() -> None:
    r = row(1, "经核查，建设单位某某置业有限公司拖欠总包单位工程进度款1200万元。")
    a = analysis("那个项目是哪家单位欠了总包的工程款", ["项目", "总包", "工程款"])
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "某某置业有限公司"


@pytest.mark.parametrize(("clause", "spot"), [
    ("对位于城关镇幸福路的某某养生馆进行检查", "城关镇幸福路"),
    ("该厂坐落于东城区和平街", "东城区和平街"),
    ("拟将博物馆设在位于福州城区中心环境优美的温泉公园内", None),  # no place it ends in
    ("该馆位于县城", None),
])
def test_located_at(clause: str, spot: str | None) -> None:
    assert located_at(clause, set()) == spot


@pytest.mark.parametrize(("clause", "place", "address"), [
    ("记者来到哈尔滨市友谊路150号梁军的家里", "哈尔滨市", "哈尔滨市友谊路150号"),
    ("清水镇中学对面的某某便利店销售过期食品", "清水镇", "清水镇中学对面"),
    ("全市道路均已完成改造", "全市", "全市"),  # 道路 is no street
    ("在北京市中心召开", "北京市", "北京市"),
])
def test_with_address(clause: str, place: str, address: str) -> None:
    assert with_address(clause, place) == address


def test_where_the_street_a_shop_stands_on() -> None:
    r = row(1, "县市场监管局对位于城关镇幸福路的澜溪县某某养生馆进行检查，发现该馆在店内"
               "宣传其销售的孢子粉胶囊能治疗糖尿病。")
    a = analysis("卖孢子粉的养生馆在哪条路上", ["孢子粉", "养生"])
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "城关镇幸福路"
    # "在哪个县?" wants a county, not the street.
    b = analysis("卖孢子粉的养生馆在哪个县", ["孢子粉", "养生"])
    assert where.extract(b, ranked((r, 1.0)), MemoryLookup([r])).answer != "城关镇幸福路"


def test_who_does_a_deed_a_body_has_others_do() -> None:
    """医保局组织乡镇医保专干每季度…巡查: "由谁巡查?" is answered by those who patrol; "谁组织
    的巡查?" by the body."""
    r = row(1, "各县医保局组织乡镇医保专干每季度对辖区村卫生室开展一次全覆盖巡查。")
    a = analysis("村卫生室由谁每季度巡查一次?", ["村卫生室", "季度", "巡查"])
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "乡镇医保专干"
    b = analysis("村卫生室巡查是谁组织的?", ["村卫生室", "巡查", "组织"])
    assert who.extract(b, ranked((r, 1.0)), MemoryLookup([r])).answer == "各县医保局"


@pytest.mark.parametrize(("clause", "post", "holds"), [
    ("国家档案局局长、中央档案馆馆长王刚在会上指出", "局长", True),  # every post listed
    ("被永胜县法院宣判无罪的程海乡农民季正清", "检察长", False),  # a person of another post
    ("某局局长,程海乡农民季正清说", "局长", False),  # a post of another clause
    ("局长等3名公职人员受到处分", "局长", False),  # a post, nobody named
    ("带队的是李某", "", True),  # 哪位…: anyone
])
def test_names_holder(clause: str, post: str, holds: bool) -> None:
    assert names_holder(clause, post) is holds



def test_a_person_asked_by_a_bodys_post_is_the_name() -> None:
    """"哪个局的局长…?" asks a person: the name answers, though it does not end in 局."""
    r = row(1, "市水务局局长王某某主持召开专题会议。")
    a = analysis("主持专题会议的是哪个局的局长", ["专题会议", "主持"])
    assert a.intent.body_named == ("", "局")
    found = who.extract(a, ranked((r, 1.0)), MemoryLookup([r]))
    assert found.answer is not None and "王某某" in found.answer


def test_a_post_holder_of_another_event_does_not_answer() -> None:
    """"双拥晚会总导演是谁?" is not answered by a sentence on 春节晚会的总导演孟欣: it says
    the post and nothing else the question asks."""
    topic = row(1, "一年一度的双拥晚会1月26日晚将在中央电视台播出。")
    other = row(2, "今年春节晚会的总导演孟欣介绍了节目。", doc_id=2, doc_title="春晚")
    a = analysis("双拥晚会总导演是谁", ["双拥晚会", "总导演"])
    lookup = MemoryLookup([topic, other])
    assert who.extract(a, ranked((topic, 1.0), (other, 0.9)), lookup).answer is None
    # The post with the event named answers.
    named = row(3, "双拥晚会的总导演张继钢介绍了节目。", doc_id=3, doc_title="晚会")
    found = who.extract(a, ranked((named, 1.0), (other, 0.9)), MemoryLookup([named, other]))
    assert found.answer == "张继钢"


def test_an_actor_from_a_passage_saying_much_less_than_the_best_does_not_answer() -> None:
    """"金球奖给了谁?": the best passage names the ceremony and no actor; a sentence on football
    naming a sports official says far less of the question and is not taken for the answer."""
    ceremony = row(1, "中国足球三金奖今天在北京举行颁奖仪式。")
    official = row(2, "国家体委对山东足球改革给予了充分肯定。", doc_id=2, doc_title="足球")
    a = analysis("中国足球三金奖的金球奖给了谁", ["足球", "三金奖", "金球奖"])
    pool = [passage_of(ceremony, 0.6, [], coverage=0.6),
            passage_of(official, 0.5, [], coverage=0.2)]
    lookup = MemoryLookup([ceremony, official])
    assert who.actor(a, pool, lookup).answer is None
    # Saying as much as the best one, it may.
    near = [pool[0], passage_of(official, 0.5, [], coverage=0.5)]
    assert who.actor(a, near, lookup).answer == "国家体委"


def test_which_city_is_not_answered_by_a_province() -> None:
    r = row(1, "在内蒙古林业大学,记者参观了这里的信报箱群。")
    a = analysis("建成信报箱群的是哪个城市", ["信报箱群"])
    assert a.intent.place_level == "城市"
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer is None
    # A city, with or without its 市.
    assert where.of_level("株洲", "城市") and where.of_level("北京", "城市")
    assert where.of_level("宁波市", "城市") and not where.of_level("城关镇", "城市")
    s = row(2, "美国江浙工商总会17日在纽约举行新春大联欢。")
    b = analysis("工商总会在哪个城市办的新春大联欢", ["工商总会", "新春大联欢"])
    assert where.extract(b, ranked((s, 1.0)), MemoryLookup([s])).answer == "纽约"


def test_which_market_asks_a_site_not_a_city() -> None:
    """"在哪个市场买的?": 市场 is a kind of site, not the 市 level; the town before it
    (县城) is no part of its name."""
    r = row(1, "县市场监管局接到消费者反映,在县城城东农贸市场购买鲫鱼时遭遇短斤少两。")
    a = analysis("短斤少两的鲫鱼是在哪个市场买的", ["短斤少两", "鲫鱼"])
    assert a.intent.place_level == ""
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "城东农贸市场"
