"""The question cues of bot/intent.py: each row's example matches its pattern, and the
intent read from a question carries them (no index needed)."""

from __future__ import annotations

import pytest

from bot.intent import CUES, Intent, read_intent
from indexer.normalize import normalize


@pytest.mark.parametrize("cue", CUES, ids=[c.name for c in CUES])
def test_every_cue_finds_its_example(cue) -> None:  # type: ignore[no-untyped-def]
    assert cue.pattern.search(normalize(cue.example)), cue.example


@pytest.mark.parametrize(("question", "expected"), [
    ("这份通知是谁发的?", {"about_notice", "asks_issued", "issuance"}),  # 通知: a kind of document
    ("會同哪些部門開展的?", {"asks_several", "asks_body", "asks_department", "partners",
                           "plural_places", "several_answers"}),
    ("哪些部门联合开展的?", {"asks_several", "asks_body", "asks_department", "partners",
                           "plural_places", "several_answers"}),
    ("收入涨了多少?", {"asks_change"}),
    ("每亩多挣了多少钱?", {"asks_change"}),  # a verb between 多 and 多少
    ("库尔勒香梨品牌价值多少?", set()),
    ("how much did soil pH rise in Dongpo?", {"asks_change"}),  # in English too
    ("how many rose bushes?", set()),
    ("哪天开工的?", {"asks_day"}),
    ("地震是几点发生的?", {"asks_clock"}),
    ("讲了几点体会?", set()),  # points of a talk, not a time of day
    ("排第几?", {"asks_ordinal"}),
    ("哪个部门修订了畜禽屠宰管理条例?", {"issuance", "asks_body", "asks_department"}),
    ("合作银行是哪家银行?", {"asks_company"}),  # a bank is a business
    ("是和哪家美国公司签的合同", {"asks_company", "partners"}),  # a word may qualify it
    ("什么地方的企业被罚了", set()),  # … but not a place: it asks where
    ("举报打什么电话", {"asks_phone"}),
    ("多久上门查一次", {"asks_frequency"}),
    ("这些案例是哪个部门发布的?", {"about_notice", "asks_body", "asks_department", "asks_issued",
                            "issuance"}),
    ("石油天然气这些矿种有多少种?", set()),  # 这些 points at the 矿种, not the notice
    ("这份通报的文号是多少?", {"about_notice"}),
    ("驰远汽修的处罚决定书文号是什么", set()),  # a case's decision's, not the notice's
    ("这个目标是哪个文件定的?", set()),  # 这个 points at the 目标
    # 这个 right before a document's kind, whatever names it, is the document.
    ("这个典型案例通知是哪天印发的", {"about_notice", "asks_day", "asks_issued", "issuance"}),
    ("这个县的通报里有几起", set()),  # one county's part of it
    # A page making penalties public (行政处罚结果公示) is the document too.
    ("这个处罚公示是哪个单位发布的", {"about_notice", "asks_body", "asks_issued", "issuance"}),
    ("通报落款日期是哪天?", {"about_notice", "asks_day", "asks_issued"}),  # its signature
    # A web page's report named as such is the document too.
    ("这篇综述哪天发布的?", {"about_notice", "asks_day", "asks_issued", "issuance"}),
    ("这篇报道里说的事故是哪天?", {"about_notice", "asks_day"}),
    # … and named with what it is about, after 这篇 or 这份.
    ("这篇燃气条例解读是哪个单位发布的", {"about_notice", "asks_body", "asks_issued",
                                "issuance"}),
    ("这份材料里的处罚决定是谁作出的", set()),  # 这份 points at the 材料, no document kind
    # A WeChat account's article, and what this one made public, are the document too.
    ("这篇推送是什么时候发的?", {"about_notice", "asks_issued"}),
    ("这次一共通报了几起案例?", {"about_notice"}),
    ("这次发布会在哪开的?", {"asks_issued", "issuance"}),  # an event, not what it made public
])
def test_intent_of_a_question(question: str, expected: set[str]) -> None:
    intent = read_intent(normalize(question))
    cues = {c.name for c in CUES} - {"asks_partners"} | {"partners"}
    on = {name for name, value in vars(intent).items() if value and name in cues}
    assert on == expected


def test_partners_keeps_the_words_that_asked() -> None:
    assert read_intent("哪些部门联合开展的").partners == "哪些部门联合"
    assert read_intent("会同哪些部门开展的").partners == "会同哪些"
    assert Intent().partners is None


@pytest.mark.parametrize(("question", "field", "value"), [
    ("第一批里有哪些案例?", "batch", "第一批"),
    ("首批案例有几个?", "batch", "首批"),
    ("有多少案例?", "batch", None),
    ("文中的《意见》指的是哪个文件?", "asks_alias", True),
    ("文中的《意见》指的是哪个文件?", "asks_full_name", True),
    ("《条例》是谁修订的?", "asks_full_name", False),
    ("在哪个州?", "place_level", "州"),
    ("在哪几个镇试点?", "place_level", "镇"),
    ("在哪里?", "place_level", ""),
    ("which district has a white list", "place_level", "区"),  # asked in English
    ("which county in 2024", "place_level", "县"),
    ("2+N监管模式里的N是哪些部门?", "part_of", ("2+n监管模式", "n")),
    ("被解除协议的民营医院叫什么名字?", "names_asked_of", "被解除协议的民营医院"),
    ("那11个贫困乡具体是哪几个乡?", "names_asked_of", "那11个贫困乡"),
    ("有哪几个部门参与?", "names_asked_of", None),  # who took part: not names of a count
    ("有多少家?", "measures", ("家",)),
    ("排第几?", "measures", ("位", "名")),
    ("小饭桌 昌吉", "keywords_only", True),
    ("小饭桌在哪", "keywords_only", False),  # a question word
    ("什么叫住房分配货币化?", "defines", "住房分配货币化"),
    ("股市大盘上的“前收盘”指的是什么?", "defines", "前收盘"),  # the quoted term
    ("联合河长制是什么意思", "defines", "联合河长制"),
    ("一田一档具体是啥", "defines", "一田一档"),
    ("资本经营 定义", "defines", "资本经营"),  # keywords
    ("这是什么意思?", "defines", None),  # points at something, names nothing
    ("哪个部门修订了条例?", "defines", None),
    # What the body's name must say: a word narrowing it, the kind it ends in.
    ("案子移交给哪个公安部门了", "body_named", ("公安", "")),
    ("是哪个所查出来的", "body_named", ("", "所")),
    ("跟哪个派出所一起成立的专案组", "body_named", ("", "派出所")),
    ("哪个局牵头", "body_named", ("", "局")),
    ("是哪个部门查的", "body_named", ("", "")),
    ("是哪个执法部门查的", "body_named", ("", "")),  # 执法 narrows no name
    ("哪个公安局长穿便衣去的", "body_named", ("", "")),  # a post, not a body
    ("按哪个部门规章处理的", "body_named", ("", "")),  # a kind of rule
    ("在什么场所抽烟", "body_named", ("", "")),
])
def test_values_read_from_a_question(question: str, field: str, value: object) -> None:
    assert getattr(read_intent(normalize(question), question), field) == value


def test_keywords_only_reads_the_marks_as_typed() -> None:
    # No question word, but a question mark as typed: a question, not keywords.
    assert not read_intent(normalize("小饭桌 昌吉?"), "小饭桌 昌吉?").keywords_only


@pytest.mark.parametrize(("question", "number"), [
    ("案例一想说明什么?", 1),
    ("第三个案例罚了多少钱?", 3),
    ("典型案例12的处罚依据", 12),
    ("这批案例有几个?", None),  # the cases counted, none pointed at
])
def test_the_case_a_question_points_at(question: str, number: int | None) -> None:
    assert read_intent(question).case_asked == number
