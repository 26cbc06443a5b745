"""Quantity facts: a figure with its measure word, 万/亿 allowed between them."""

from __future__ import annotations

import pytest

from indexer.facts import entities
from indexer.figures import QUANTITY_RE, says_a_time


@pytest.mark.parametrize(("text", "figure", "measure"), [
    ("新增1.2万家市场主体", "1.2万家", "家"),
    ("接待游客3.4万人次", "3.4万人次", "人次"),
    ("投入资金2.5亿元", "2.5亿元", "元"),
    ("培训1万余人", "1万余人", "人"),
    ("为全县60岁以上的老人办理优待证", "60岁", "岁"),  # an age
    ("荣立二等功", "二等功", "等功"),  # a grade of an award
    ("增加5万多户", "5万多户", "户"),
    ("种植2万亩", "2万亩", "亩"),
    ("共3万", "3万", "万"),  # no measure after it: 万 is the measure
    ("五部门联合", "五部门", "部门"),
    ("检查123家", "123家", "家"),
    ("检查出租汽车2860辆次", "2860辆次", "辆次"),  # trips counted, not cars
    ("不合格58批次", "58批次", "批次"),
    ("旅游收入为120.74亿美元", "120.74亿美元", "美元"),  # money in another currency
    ("提供援助7.5万马克", "7.5万马克", "马克"),
    ("受害率控制在0.008‰以内", "0.008‰", "‰"),  # per mille
    ("单日降雨量达到213毫米", "213毫米", "毫米"),  # rainfall, not 213 and 毫
    # Buildings, letters and pairs counted (214栋, 65万封, 1.8万双).
    ("排查出的214栋存在结构安全隐患的房屋", "214栋", "栋"),
    ("全年收到听众来信65万封", "65万封", "封"),
    ("查获运动鞋1.8万双", "1.8万双", "双"),
])
def test_a_figure_and_its_measure(text: str, figure: str, measure: str) -> None:
    m = QUANTITY_RE.search(text)
    assert m is not None and m.group(0) == figure and m.group(4) == measure


@pytest.mark.parametrize(("text", "kept"), [
    ("荣立二等功", ["二等功"]),  # a grade of an award, in Chinese numerals
    ("五部门联合", ["五部门"]),
    ("一批优秀士兵", []),  # a batch, no count
    ("检查123家", ["123家"]),
    ("排污许可证已于2023年12月到期", []),  # a year of the calendar is a date, not a count
    ("已有2000余年历史,运营30年", ["2000余年", "30年"]),  # durations are counts
    # Working days are a span of days (审批要几天?), not 20个 of something.
    ("审批时限由20个工作日压缩至5个工作日", ["20个工作日", "5个工作日"]),
    ("这个机制主要由四部分组成", ["四部分"]),  # parts, in words
    ("大部分企业已整改", []),
    ("同一场所存放的气瓶不得超过2瓶", ["2瓶"]),  # containers counted (单瓶 is none)
    ("编入土地革命战争时期的文稿200篇", ["200篇"]),  # writings counted
    ("获奖作品共十一篇", ["十一篇"]),
    # How long something took, even in the word 一 (一年来 is only "over the year").
    ("仅用一年时间就实现产量达标", ["一年"]),
    ("历时一个月完成整治", ["一个月"]),
    ("一年来,全省共查处案件", []),
])
def test_quantity_facts(text: str, kept: list[str]) -> None:
    assert [f.subject for f in entities(0, text, text) if f.kind == "quantity"] == kept


@pytest.mark.parametrize(("text", "kept"), [
    ("冠军奖金由三万元猛增至十四点八万元", ["三万元", "十四点八万元"]),  # news writes money so
    ("参赛棋手由原来的三十二人扩大到六十四人", ["三十二人", "六十四人"]),
    ("两会召开", []),
    # Large figures written out, whatever they count; spans of time and kinds.
    ("外汇储备余额已达一千三百九十九亿美元", ["一千三百九十九亿美元"]),
    ("M2余额九万一千亿元", ["九万一千亿元"]),
    ("两次采集间隔期不少于六个月", ["六个月"]),
    ("分为四类", ["四类"]),
    ("三心二意", []),
    ("一五一十地说", []),
    # An ordinal in words ranks whatever it counts; votes are counted in 票.
    ("正在执行第十四次南极考察任务", ["第十四次"]),
    ("召开第三届理事会", ["第三届"]),
    ("议会以58票赞成通过预算", ["58票"]),
    ("实行一票否决", []),
    # A sentence's length is written in words; "a year" elsewhere is no figure.
    ("判处张某某有期徒刑六年", ["六年"]),
    ("判处有期徒刑一年至三年不等", ["一年", "三年"]),
    ("判处有期徒刑一年六个月，缓刑二年", ["一年", "六个月", "二年"]),
    ("对其行政拘留十日", ["十日"]),
    ("责令停产停业整顿45日", ["45日"]),  # the days of a penalty, in digits too
    ("商贸城二层一家服装商铺起火", ["二层"]),  # a floor
    ("外长２０日在此间宣布", []),  # …but a bare 20日 is a day of the month
    # A time limit in days; a day of the month is a date.
    ("责令其在10日内支付全部工资", ["10日"]),
    ("于15个工作日内办结", ["15个工作日"]),
    ("5月20日内完成", []),
    # An order's number after 第 (号 is no measure word elsewhere: 18号楼).
    ("发布第217号国务院令", ["第217号"]),
    ("住在18号楼", []),
    ("用一年时间完成整改", ["一年"]),  # how long it took (see below)
    ("实施三年行动计划", []),
])
def test_quantities_in_chinese_numerals(text: str, kept: list[str]) -> None:
    assert [f.subject for f in entities(0, text, text) if f.kind == "quantity"] == kept


@pytest.mark.parametrize(("text", "dates"), [
    ("新华社北京1月6日电快讯", ["1月6日"]),  # a dateline: a day without its year
    ("2024年5月20日起施行", ["2024年5月20日"]),  # the whole date once, not its day again
    ("第12月份", []),
    ("今年6月,执法支队开展突击检查", ["今年6月"]),  # a month without its year
    ("泰国将从今年2月1日起发行债券", ["今年2月1日"]),  # …with its day
    ("5月底前完成整改", ["5月底"]),
    ("1至9月,全省共出动执法人员", []),  # a range of months is no date
    ("于当日14时20分接到报警", ["14时20分"]),  # a time of day
    ("提出3点意见,用时24小时", []),  # points and hours counted are no time
    # Dates in Chinese numerals, as news writes them.
    ("八一飞行表演队组建于一九六二年", ["一九六二年"]),
    ("一月十日,河北省张北尚义地区发生地震", ["一月十日"]),
    ("一九九七年十二月三十一日夜", ["一九九七年十二月三十一日"]),
    ("二十一日下午", []),  # a day alone, without its month
    ("合并为《社会周刊》,每星期三出版", ["星期三"]),  # a day of the week
    ("周一至周五开放,逢周年纪念日闭馆", ["周一", "周五"]),
    ("分为三类,检查一百二十家", []),  # figures in words are no date
    # A standard's code dates its edition, not an event; a range of years is two years.
    ("超过《电镀污染物排放标准》(gb 21900-2008)规定限值", []),
    ("依据gb/t 2762-2022,2023年抽检", ["2023年"]),
    ("2022-2023年度", ["2022", "2023年"]),
])
def test_date_facts(text: str, dates: list[str]) -> None:
    assert [f.subject for f in entities(0, text, text) if f.kind == "date"] == dates


@pytest.mark.parametrize(("text", "time"), [
    ("2024年3月,县局开展检查", True),
    ("5月20日起施行", True),
    ("今年6月份开工", True),
    ("本报北京1月13日讯", True),
    ("新华社香港1月3日电", True),
    ("今天在中国棋院战罢最后一轮", True),
    ("春节前完成发放", True),
    ("二〇二四年十月,县局开展检查", True),  # in Chinese numerals
    ("秋季开学前完成整改", True),
    ("目前,库尔勒香梨跻身百强榜第16位", False),  # "at present" dates no event
    ("县农业农村局联合县财政局印发奖补办法", False),
    ("共查处案件56起", False),
    ("总铬浓度超过《电镀污染物排放标准》(gb 21900-2008)规定限值的47倍", False),
])
def test_says_a_time(text: str, time: bool) -> None:
    assert says_a_time(text) is time
