"""Places a sentence names (indexer.places.places): made-up sentences, expected places.

The place names are real or made-up; none of the sentences is copied from a test
document.  Every sentence's full list is given, so a place too many fails as
surely as a place missing.
"""

from __future__ import annotations

import pytest

from indexer.normalize import normalize
from indexer.places import known_places, places

POSITIVE = [
    # Districts in a list, after their city.
    ("深圳市宝安区、龙岗区联合开展燃气检查", ["深圳市", "宝安区", "龙岗区"]),
    ("宝安区、龙岗区、光明区各抽查十家企业", ["宝安区", "龙岗区", "光明区"]),
    # A street (街道) after its district, after its city.
    ("佛山市顺德区勒流街道查处一处黑作坊", ["佛山市", "顺德区", "勒流街道"]),
    ("顺德区勒流街道开展夜查", ["顺德区", "勒流街道"]),
    # Towns and villages.
    ("某某县青坪镇石门村修缮水渠", ["某某县", "青坪镇", "石门村"]),
    ("某某镇某某村建起了活动室", ["某某镇", "某某村"]),
    ("工作组在白沙镇、黄石镇开展宣传", ["白沙镇", "黄石镇"]),
    ("执法人员在长安镇和虎门镇巡查", ["长安镇", "虎门镇"]),
    ("对宝安区开展督导", ["宝安区"]),
    ("白沙镇率先试行", ["白沙镇"]),
    # Townships (乡).
    ("某某县向阳乡组织培训", ["某某县", "向阳乡"]),
    # Autonomous counties and prefectures as a whole.
    ("乳源瑶族自治县大桥镇建成示范点", ["乳源瑶族自治县", "大桥镇"]),
    ("乳源瑶族自治县开展专项行动", ["乳源瑶族自治县"]),
    ("恩施土家族苗族自治州出台办法", ["恩施土家族苗族自治州"]),
    # Cities; 大同 is a name, not 会同 (a verb joining bodies).
    ("大同市开展专项整治", ["大同市"]),
    ("大同市市场监管局抽检食品", ["大同市"]),
    # A city whose name ends in 州 is one name (温州市), and the county-level city after it
    # is a place of its own.
    ("货物来源于温州市瑞安市的企业", ["温州市", "瑞安市"]),
    # A city after its province (江苏省苏州市), and after a verb joining bodies.
    ("与江苏省苏州市吴江区交界", ["苏州市", "吴江区", "江苏"]),  # 江苏: a known name
    ("会同温州市公安局开展追查", ["温州市"]),
    # 和 opening a town's name when what follows is too short to be a name (和平镇).
    ("在长兴县和平镇开展检查", ["长兴县", "和平镇"]),
    ("长兴县和泗安镇开展检查", ["长兴县", "泗安镇"]),
    # A district named after its mountain is no 山区 (a mountain area).
    ("对铜山区某驾校开展检查", ["铜山区"]),
]


@pytest.mark.parametrize(("sentence", "expected"), POSITIVE)
def test_places_found(sentence: str, expected: list[str]) -> None:
    assert places(normalize(sentence)) == expected


NEGATIVE = [
    "建设国家级示范区",
    "项目区内道路硬化",
    "推进城中村改造",
    "各乡镇要落实责任",
    "全县行政村全部覆盖",
    "改造老旧小区二十个",
    "化工园区和工业园区",
    "位于中高山区",
    "深入偏远山区和深山区",
    "多个镇开展了排查",
    "本村和该镇",
    "新区和城区",
    "县民政局会同县自然资源局开展",
    "生态保护区内禁止捕捞",
    "各州市要落实责任",  # the prefectures and cities, no name
    "大会在哪个城市召开",  # 城市 asks for a place, names none
    "超市和股市",  # markets
    "但储罐区液氯报警探头被屏蔽",  # the part of a site given to one use
    "进入厂区和作业区",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_no_place(sentence: str) -> None:
    assert places(normalize(sentence)) == []


@pytest.mark.parametrize(("sentence", "absent"), [
    ("乳源瑶族自治县大桥镇建成示范点", "瑶族自治县"),
    ("乳源瑶族自治县开展专项行动", "源瑶族自治县"),
    ("会同市公安局开展联合执法", "会同市"),
    ("县卫健局会同市公安局开展检查", "会同市"),
    ("宝安区、龙岗区联合开展检查", "区、龙岗区"),
    ("推进示范区建设,带动周边村镇", "示范区"),
    ("推进城中村改造", "城中村"),
    ("各乡镇要落实责任", "乡镇"),
    ("全县行政村全部覆盖", "行政村"),
    ("改造老旧小区二十个", "老旧小区"),
    ("位于中高山区", "中高山区"),
    ("多个镇开展了排查", "多个镇"),
    ("与多省市建立协作机制", "与多省市"),
    ("某某州市场监管局抽检", "某某州市"),  # 州 + 市场监管局, not a city 州市
    ("2024年部分设区的市开展试点", "部分设区"),  # cities with districts, no name
])
def test_not_a_place(sentence: str, absent: str) -> None:
    assert absent not in places(normalize(sentence))


def test_known_places_are_found_anywhere() -> None:
    # A known place needs no suffix and no position: it is found wherever it stands.
    name = sorted(known_places())[0]
    assert name in places(normalize(f"经过{name}的调研"))


def test_places_in_order_of_appearance() -> None:
    found = places(normalize("龙岗区在前,宝安区在后"))
    assert found.index("龙岗区") < found.index("宝安区")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("在深圳市开展检查", ["深圳市"]),
    ("到佛山市调研", ["佛山市"]),
    ("家住哈尔滨市南岗区宽城街", ["哈尔滨市", "南岗区"]),  # 住 is where one lives, no name
    # A verb whose object is the place is no part of its name …
    ("今年新建东坪县、临河区2个储备库", ["东坪县", "临河区"]),
    ("位于临江市化工园区", ["临江市"]),
    # … nor one of going, visiting or hearing of it, though its last character would cut
    # the name (到达: 达合肥市).
    ("代表团到达合肥市", ["合肥市"]),
    ("总理抵达合肥市", ["合肥市"]),
    ("听说合肥市里的书法家们要来", ["合肥市"]),
    ("据悉合肥市将举办", ["合肥市"]),
    # … nor a causative or passive marker opening the clause (使北海村成为…).
    ("使北海村成为远近闻名的果园", ["北海村"]),
    ("被北塘村收购", ["北塘村"]),
    # … unless nothing would be left of the name (新建县 is a county).
    ("新建县人民政府", ["新建县"]),
    # A date right before a place is no part of its name (and 永年县 keeps its 年).
    ("2023年松溪县一家餐馆发生燃气爆燃", ["松溪县"]),
    ("去年松溪县共排查隐患", ["松溪县"]),
    ("今年3月临河区开展检查", ["临河区"]),
    ("永年县人民政府", ["永年县"]),
    # A place set at a distance (建在距市区17公里的顶效镇): after the distance, and no 距市.
    ("火车站建在距市区17公里的顶效镇", ["顶效镇"]),
    ("在距县城不到百米的青坪村", ["青坪村"]),
    # A district named after its town (鹤城区) is a place; a town's part (主城区) is not.
    ("在一起典型案例中,鹤城区某民营医院诱导老人住院", ["鹤城区"]),
    ("在主城区开展整治", []),
    ("老城区改造", []),
])
def test_place_after_preposition(sentence: str, expected: list[str]) -> None:
    assert places(normalize(sentence)) == expected
