"""bot/measures.py: the measure a how-many question asks its figure in (a table)."""

from __future__ import annotations

import pytest

from bot.measures import wanted_units
from bot.understand import classify
from indexer.normalize import normalize


@pytest.mark.parametrize(("question", "first", "also"), [
    ("第几批?", "批", ()),
    ("那个国务院令是第几号?", "号", ()),  # a numbered order
    ("不合格的有多少批", "批", ("批次",)),  # samples are counted in 批次
    ("检查了多少家次经营业户", "家次", ()),  # visits asked as such
    ("出动了多少人次", "人次", ()),
    # A noun that begins with a measure word says what is counted (3.1万个条目).
    ("简明版一共多少条目", "个", ("条",)),
    ("有多少家庭领到补贴", "户", ("家",)),
    ("门票几块钱", "元", ()),
    ("商贸城是几楼先着的", "层", ("楼",)),  # a floor, said as 层 or 楼
    ("考核全省第几名", "名", ("位",)),  # a place in a ranking: 第3位 answers 第几名
    ("排在第几位", "位", ("名",)),
    ("排名第几", "位", ("名",)),
    ("有多少家企业", "家", ()),
    ("抓了多少名嫌疑人", "名", ("人", "位")),  # the asked measure first
    ("罚了多少钱", "元", ()),
    ("合格率是多少", "%", ("百分点",)),
    ("无证机构降了百分之多少", "%", ("百分点",)),  # a share in so many words
    ("合格率提高了几成", "%", ()),
    ("合格的占多少", "%", ("百分点",)),  # a share, asked by what it is of
    ("合格的占多少呢", "%", ("百分点",)),
    ("石材公司占了多少亩林地", "亩", ()),  # a measure after 多少: an area taken, not a share
    ("那个案子钱要回来多少了", "元", ()),  # money named a few words before a bare 多少
    ("损失有多少", "元", ()),
    ("有多少个站点", "个", ("处", "名")),
    ("反腐败工作机制由几部分组成", "部分", ()),  # parts, not 部 (几部法律)
    ("通过了几部法律", "部", ()),
    ("饭店里最多能放几瓶液化气", "瓶", ()),  # containers counted
    ("文选收了多少篇文章", "篇", ()),  # writings counted
    # A magnitude before the measure: the measure is asked.
    ("造船产量多少万吨", "吨", ()),
    ("去了几百名医护人员", "名", ("人",)),
    ("罚没款多少万元", "元", ()),
    ("出动了几千人次", "人次", ()),
    # Units of measurement asked by name; an area or a weight may be said in another unit.
    ("单日最大降雨量多少毫米", "毫米", ()),
    ("用了多少立方米水", "立方米", ()),
    ("储备库多少平方米", "亩", ("平方米", "公顷")),
    ("收缴了多少公斤", "吨", ("公斤", "千克")),
    # A count asked by its name: a count of those, not a share said beside it.
    ("今年高考报名人数多少", "人", ("名",)),
    ("企业户数是多少", "户", ()),
    ("抽检数量有多少", "个", ("批",)),
    # Cases and incidents are counted in 起, 件 or 宗 alike.
    ("全省一共查处多少起违法案件", "起", ("件", "宗")),
    ("受理了几件投诉", "件", ("起",)),
    # Times a limit (超标了几倍).
    ("粪大肠菌群超标了几倍", "倍", ()),
])
def test_wanted_units(question: str, first: str, also: tuple[str, ...]) -> None:
    units = wanted_units(normalize(question))
    assert units[0] == first
    assert set(also) <= set(units)


def test_a_question_without_a_measure_wants_none() -> None:
    assert wanted_units(normalize("谁负责")) == ()
    assert "%" not in wanted_units(normalize("新厂区占地多少"))  # 占地 is an area


@pytest.mark.parametrize(("question", "first"), [
    ("leling xiaoche yigong duoshao liang", "辆"),
    ("foshan yehuashiyouqi fakuan duoshao", "元"),
    ("duoshao jia qiye", "家"),
    # A how-many as one word, with a magnitude, or 几 with its measure.
    ("lanxi jinshaozerenqu duoshaoge", "个"),
    ("binzhou huxuegang jisuo xuexiao", "所"),
    ("jiangyou gaobiaozhun nongtian duoshao wanmu", "亩"),
    ("jinghu shidi baipilu jiu le ji zhi", "只"),
    # A sum or an area as the last keyword.
    ("huaibei meicengqi xiangmu zong touzi", "元"),
    ("qingshi xian senlin huozai zhijie jingji sunshi", "元"),
    ("suanhua gengdi mianji", "亩"),
    # …or a count (锻炼人数).
    ("quanguo jingchang canjia tiyu duanlian renshu", "人"),
    # A currency by name, and 部.
    ("1997年中国旅游收入是多少美元", "美元"),
    ("一年能产多少部电话机", "部"),
    ("一集片酬最高能要到多少", "元"),
])
def test_wanted_units_in_pinyin(question: str, first: str) -> None:
    assert wanted_units(normalize(question))[0] == first


def test_english_and_pinyin_keywords_of_a_sum_or_a_rate() -> None:
    assert wanted_units("xuzhou driving school fine amount")[0] == "元"
    assert wanted_units("jiangsu total fines jan-sep")[0] == "元"
    assert wanted_units("liaohuangdi fugenglv")[0] == "%"  # 复耕率


@pytest.mark.parametrize(("question", "first"), [
    ("how many suspects were arrested", "人"),  # people, right after how many
    ("how many elderly people", "人"),  # one word may qualify them
    ("dongchuan construction collapse deaths", "人"),  # the dead, as the last keyword
    ("changxing dyeing plant hidden pipe length", "米"),
    ("brasilia eco hotel land area hectares", "亩"),
    ("qingyang gas explosion supplier fine", "元"),  # money, as the last keyword
    ("costa rica coffee export value 1996", "元"),  # a year may close the keywords
])
def test_english_keywords_of_a_measure(question: str, first: str) -> None:
    assert wanted_units(question)[0] == first


@pytest.mark.parametrize("question", [
    "how many cases involving students",  # cases are counted, not the students
    "fine dust measures in beijing",  # fine is not the last keyword
])
def test_english_keywords_that_ask_no_measure(question: str) -> None:
    assert wanted_units(question) == ()


def test_pinyin_without_a_measure_wants_none() -> None:
    assert wanted_units("xiaofanzhuo guanli") == ()


def test_those_few_point_at_things_and_ask_no_count() -> None:
    assert wanted_units(normalize("瑞安那几家电镀企业罚了多少钱"))[0] == "元"
    assert wanted_units(normalize("有几家企业")) == ("家",)


def test_an_age() -> None:
    assert wanted_units(normalize("给多大岁数的老人办优待证")) == ("岁", "周岁")
    assert wanted_units(normalize("陈妍今年多大了")) == ("岁", "周岁")  # a person's age
    assert wanted_units(normalize("赞成票几票")) == ("票",)


def test_a_rate_said_in_a_verb_and_a_sum_of_pay() -> None:
    # A rate kept within (受害率控制在多少) is a share, which may be per mille.
    assert "‰" in wanted_units(normalize("森林火灾受害率控制在多少?"))
    # Wages and compensation asked as a bare 多少 are money.
    assert "元" in wanted_units(normalize("拿到工资和补偿金一共多少"))
    assert wanted_units(normalize("几岁以上可以免费乘车")) == ("岁", "周岁")


def test_a_grade_of_an_award() -> None:
    assert wanted_units(normalize("白文建立了几等功?")) == ("等功",)


def test_a_weight_or_the_size_of_a_room() -> None:
    assert "磅" in wanted_units(normalize("飞船有多重?"))
    assert "公斤" in wanted_units(normalize("重量是多少?"))
    assert wanted_units(normalize("最小的隔断间有多大?"))[0] == "亩"
    assert "平方米" in wanted_units(normalize("最小的隔断间有多大?"))
    assert wanted_units(normalize("老人多大岁数?"))[0] == "岁"  # an age, not a size
    # An area burnt or reclaimed is said in 公顷 as often as in 亩.
    assert {"亩", "公顷", "平方公里"} <= set(wanted_units(normalize("过火面积多大")))


def test_a_height_or_a_length() -> None:
    assert wanted_units(normalize("登上的山有多高?"))[0] == "米"
    assert wanted_units(normalize("跑道有多长?"))[0] == "公里"


@pytest.mark.parametrize("question", ["两次献血要间隔多长时间?", "退费多久能办完", "几天能拿到证",
                                      "扫描一个集装箱要多少分钟", "how long does it take"])
def test_a_duration_is_counted_in_time(question: str) -> None:
    units = wanted_units(normalize(question))
    assert {"天", "个月", "小时"} <= set(units) and "公里" not in units
    assert classify(normalize(question)) == "number"  # not a date


def test_how_often_is_no_duration() -> None:
    assert wanted_units(normalize("医生多久上门巡诊一次?")) == ()


def test_a_rate_however_high_it_is_asked() -> None:
    # 率 is a share: 有多高 about it asks a percentage, not metres.
    assert wanted_units(normalize("各地罪犯改好率有多高?"))[0] == "%"
    assert wanted_units(normalize("覆盖率多大?"))[0] == "%"


def test_money_in_any_currency() -> None:
    # 多少钱 is answered by 元 first, and by a currency of another name (7.5万马克).
    units = wanted_units(normalize("第一批援助多少钱?"))
    assert units[0] == "元" and "马克" in units
