"""bot.extract.holds_asked_type: a clause answers a typed question only when it holds a span
of the asked type (a table); the answer core then shows the evidence without a line."""

from __future__ import annotations

import pytest

from bot.extract import holds_asked_type
from bot.extract.number import quoted
from indexer.normalize import normalize


@pytest.mark.parametrize(("kind", "clause", "holds"), [
    ("where", "但一些地方仍不同程度存在建设标准不高等问题", False),
    ("where", "撂荒地主要分布在通江县中高山区", True),
    ("where", "与多省市建立跨区域协同保护机制", True),  # a vague place answers 和哪些地方
    ("who", "对确实不宜耕种的地块", False),
    ("who", "由县市场监管局牵头", True),
    ("who", "做法被农业农村部农田建设管理司刊发推广", True),
    ("who", "全部完成整改", False),
    ("number", "建立酸化耕地治理效果评价数据库", False),
    ("number", "累计建成高标准农田5200万亩", True),
    ("number", "合格率达99.7%", True),
    ("when", "于2024年下半年在全市推开", True),
    ("when", "建立县乡村三级田长体系", False),
    # A year inside quotes or a title names something; it dates nothing.
    ("when", "库尔勒香梨跻身“2025中国品牌价值评价”百强榜第16位", False),
    ("when", "印发《2024年食品安全工作要点》", False),
    ("when", "“2025中国品牌价值评价”于2025年5月发布", True),
    ("document", "修订《湖州市排污许可证后管理实施办法》", True),
    ("document", "落实承诺达标合格证制度", True),
    ("document", "开展专项整治行动", False),
    # A kind word inside a phrase that goes on names no document; 做法, 依法 are no laws.
    ("document", "国务院发出紧急通知确保减负", False),
    ("document", "国务院近日发出紧急通知", True),
    ("document", "推广这一做法", False),
    ("document", "依法查处", False),
    ("document", "贯彻行政处罚法的规定", True),
    ("what", "开展专项整治行动", True),  # any clause answers "what"
])
def test_holds_asked_type(kind: str, clause: str, holds: bool) -> None:
    assert holds_asked_type(kind, normalize(clause)) is holds  # type: ignore[arg-type]


def test_a_figure_in_the_asked_measure() -> None:
    clause = normalize("聘请医保基金社会监督员150名")
    assert holds_asked_type("number", clause)
    assert not holds_asked_type("number", clause, ("元",))  # 每月补贴多少钱? asks for 元
    assert holds_asked_type("number", normalize("每人每月补贴300元"), ("元",))
    assert holds_asked_type("number", normalize("合格率达99.7%"), ("%", "百分点"))


def test_a_place_of_the_asked_level() -> None:
    # 在哪个区? is not answered by a clause naming only 全市.
    assert not holds_asked_type("where", normalize("在全市107家驾校推广人脸识别"), level="区")
    assert holds_asked_type("where", normalize("对铜山区某驾驶员培训学校开展检查"), level="区")


def test_a_year_of_the_calendar_is_no_count_of_years() -> None:
    # 判了几年? is not answered by the clause that dates a licence.
    assert not holds_asked_type("number", normalize("排污许可证已于2023年12月到期"), ("年",))
    assert not holds_asked_type("number", normalize("排污许可证已于2023年12月到期"))
    assert holds_asked_type("number", normalize("判处有期徒刑3年"), ("年",))


@pytest.mark.parametrize(("body", "figure", "inside"), [
    ('跻身"2025中国品牌价值评价"百强榜', "2025", True),
    ("印发《2024年工作要点》", "2024年", True),
    ('于2025年发布"2025榜单"', "2025", False),  # one mention stands outside
    ("于2025年发布", "2025", False),
    # Quoted speech is no name: it says when.
    ('"1月8日是周总理的忌日,我选定这一天动手术。"', "1月8日", False),
])
def test_a_figure_only_inside_a_quoted_name(body: str, figure: str, inside: bool) -> None:
    assert quoted(body, figure) is inside


def test_a_quoted_name_the_question_names_keeps_its_year() -> None:
    body = '库尔勒香梨跻身"2025中国品牌价值评价"百强榜'
    assert quoted(body, "2025", "库尔勒香梨什么时候上市?")
    assert not quoted(body, "2025", "库尔勒香梨进的是哪一年的中国品牌价值评价?")
