"""indexer.people: the post a question asks the holder of, and the names a post stands
right before in running text (tables)."""

from __future__ import annotations

import pytest

from indexer.normalize import normalize
from indexer.people import (
    asked_post,
    asked_post_countries,
    holds_post,
    named_after_post,
    people,
    post_countries,
)


@pytest.mark.parametrize(("question", "post"), [
    ("青山市长是谁", "市长"),
    ("中国驻南非第一任大使是谁？", "大使"),  # 第一任 only places the post
    ("哪位副厅长讲了通行时间", "副厅长"),  # a deputy stays a deputy
    ("那个厂的厂长叫什么名字", "厂长"),
    ("那家公司的法定代表人是谁", "代表人"),  # who answers for a business is a person
    ("起火的那家服装店老板叫啥", "老板"),
    ("發言人是誰", "发言人"),  # traditional script, normalised
    ("哪位领导讲的话", ""),
    ("这条新闻是哪个记者写的", "记者"),
    ("哪个增长点最快", None),  # 增长 is no post  # a person, no post to match
    ("谁建的大桥", None),  # a bare 谁 may be a body: not only people
    ("那两家企业叫什么名字", None),  # a company's name, not a person's
    ("哪个部门负责", None),
    ("总理去延庆哪个村给农民拜年", None),  # 哪个村 asks a place, 农民 is who was visited
    ("哪个县长讲的话", "县长"),  # but 县长 is a post
    ("省政协新一届主席选的是谁", "主席"),  # the holder a vote chose
    ("临汾地委付书记是谁", "副书记"),  # 付 typed for 副
    ("那位议长叫啥名子", "议长"),  # 名子 typed for 名字
    ("被罚款的副总叫啥", "副经理"),  # 副总 is how people say 副总经理
    ("华广公司老总叫什么", "经理"),  # 老总: the 总经理
    ("被个人处罚的主管是谁", "主管"),  # who a sanction names in a business
    ("副总理是谁", "副总理"),  # 副总理 is no 副总经理
    ("是哪个分局的执法人员查出来的", None),  # 执法人员 holds no 法人
])
def test_asked_post(question: str, post: str | None) -> None:
    assert asked_post(normalize(question)) == post


# The index's words, as jieba cut the texts below (an unknown name stays whole).
WORDS = {"张建国", "朱邦造", "李明", "刘芳", "曾若虹", "严格", "报道", "出席", "表示", "洪成南", "闵耀良",
         "关心", "致电", "林业"}


def _words(strings: object) -> set[str]:
    return WORDS & set(strings)  # type: ignore[call-overload]


@pytest.mark.parametrize(("text", "named"), [
    ("市长张建国出席仪式并讲话", [("市长", "张建国")]),
    ("外交部发言人朱邦造今天答记者问", [("外交部发言人", "朱邦造")]),
    ("记者李明报道", [("记者", "李明")]),
    ("省交通厅副厅长刘芳表示", [("省交通厅副厅长", "刘芳")]),  # not 刘芳表: not a word
    ("对涉事司机李某处以罚款", [("对涉事司机", "李某")]),  # 某 names as written
    ("大桥由青山路桥集团承建", []),  # no post, no name
    ("市长出席仪式", []),  # a post, nobody named
    ("身兼小白鹭艺术团团长的曾若虹说", [("白鹭艺术团团长", "曾若虹")]),  # 的 between
    ("历经专家的严格检查", []),  # …but after 的 an everyday word is no name
    ("青山市长江二桥通车", []),  # 长江 is no name
    # A name transcribed from another language, its parts joined by a dot.
    ("由议长托马斯·萨维率领的代表团", [("由议长", "托马斯.萨维")]),
    ("由美国专家斯科特·里特领导的核查小组", [("由美国专家", "斯科特.里特")]),
    ("会见了以议长托马斯·萨维为团长的代表团", [("会见了以议长", "托马斯.萨维")]),
    ("由美国人斯科特·里特率领的核查小组", [("美国人", "斯科特.里特")]),  # a nationality
    ("美国人民支持和平", []),  # no transcribed name
    # A vote names the person before the post, whatever the surname.
    ("全体会议今天选举安启元为省政协主席", [("省政协主席", "安启元")]),
    ("安启元当选陕西省政协主席", [("陕西省政协主席", "安启元")]),
    ("会上,全票当选为村委会主任", []),  # 全票 is no name
    ("会议选举产生了新一届委员会", []),  # no post after 为
    # Less common surnames too (洪, 闵) — not a character that opens a word after a post.
    ("朝鲜政务院总理洪成南致电李鹏", [("朝鲜政务院总理", "洪成南")]),
    ("农业部司长闵耀良说", [("农业部司长", "闵耀良")]),
    ("局长关心群众生活", []),
    # A name the index does not hold ends where what follows says: another post, a list,
    # a verb of saying — the shortest so marked, and no everyday word.
    ("所长柳海峰研究员发明的新药", [("所长", "柳海峰")]),
    ("高级工程师李金文等经过三年攻关", [("高级工程师", "李金文")]),
    ("主任张明说", [("主任", "张明")]),
    ("书记高兴地说", []),  # 高兴 is a word
    ("专家的孙某某说", [("专家", "孙某某")]),
    ("主管林业的副县长王某到场", [("林业的副县长", "王某")]),  # 主管 a verb here
    # A post that is a word of its own before a name its 长 would make a word with (局长江某).
    ("副局长江某某表示", [("副局长", "江某某")]),
    # Who writes or performs is named by that role.
    ("青年作家柳海峰说", [("青年作家", "柳海峰")]),
])
def test_people(text: str, named: list[tuple[str, str]]) -> None:
    assert [(p.post, p.name) for p in people(normalize(text), _words)] == named


def test_a_long_that_opens_a_word_ends_no_post() -> None:
    """发现|长江中路: the index may hold 江中 (a brand), but 现长 is no post — 长江 is the word."""
    def knows(strings: object) -> set[str]:
        return {"江中"} & set(strings)  # type: ignore[call-overload]

    assert people(normalize("发现长江中路两侧挂满了灯笼"), knows) == []
    assert [(p.post, p.name) for p in people(normalize("局长江中说"), knows)] == [("局长", "江中")]


def test_a_name_keeps_its_offsets() -> None:
    text = normalize("据报道，省交通厅副厅长刘芳表示")
    (person,) = people(text, _words)
    assert text[person.start:person.end] == "刘芳"


@pytest.mark.parametrize(("written", "asked", "holds"), [
    ("首任大使", "大使", True),
    ("省交通厅副厅长", "副厅长", True),
    ("省交通厅副厅长", "厅长", False),  # a deputy is not the head
    ("厅长", "副厅长", False),
    ("记者", "", True),  # 哪位…: anyone named by a post
    ("直接负责的主管人员", "主管", True),  # 主管人员 is a 主管
    ("分管安全副总经理", "副经理", True),
    ("分管安全副总经理", "总经理", False),
])
def test_holds_post(written: str, asked: str, holds: bool) -> None:
    assert holds_post(written, asked) is holds


def test_named_after_post_reads_votes_and_transcribed_names() -> None:
    assert named_after_post("市长张建国出席", "张建国")
    assert named_after_post("会议选举安启元为省政协主席", "安启元")
    assert named_after_post("由议长托马斯.萨维率领", "托马斯.萨维")
    assert not named_after_post("安启元出席会议", "安启元")


@pytest.mark.parametrize(("post", "countries"), [
    ("驻法国大使", {"法国"}),
    ("中国驻日本大使", {"日本"}),  # the country it serves in, not the one that sends it
    ("首任大使", set()),
    ("美国总统", {"美国"}),
])
def test_post_countries(post: str, countries: set[str]) -> None:
    assert post_countries(post) == countries


def test_asked_post_countries() -> None:
    assert asked_post_countries("咱们驻法国大使是哪位") == {"法国"}
    assert asked_post_countries("青山市长是谁") == frozenset()
