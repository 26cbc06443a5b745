"""bot/found.py: when the best passage answers nothing, on single sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.found import (
    MODEL,
    Signals,
    another_party,
    answerable,
    answering_first,
    answers_nothing,
    attribute_missing,
    broader_scope,
    change_unsaid,
    counted_missing,
    counted_only,
    holder_unnamed,
    is_found,
    name_withheld,
    names_part_only,
    narrower_scope,
    no_figure,
    place_missing,
    places_only,
    set_aside,
    signals,
    yes_no_unanswered,
)
from bot.reply import passage_of
from tests.bot.stages.kit import analysis, ranked, row


def test_found_is_decided_on_coverage_not_on_the_ranking_score() -> None:
    a = analysis("小饭桌怎么监管", ["小饭桌", "监管"])
    good = row(1, "昌吉州强化小饭桌监管。")
    needed = MODEL.coverage_needed()
    assert needed is not None and 0.3 < needed < 0.9  # a share of the question
    assert is_found(a, [passage_of(good, 0.1, [], coverage=needed + 0.01)])
    assert not is_found(a, [passage_of(good, 5.0, [], coverage=needed - 0.01)])
    assert not is_found(a, [])


def test_the_found_model_is_monotone_in_coverage() -> None:
    probabilities = [MODEL.probability(Signals(coverage=c / 10, rare_missing=0.0, unknown=0.0,
                                               short=0.5)) for c in range(11)]
    assert probabilities == sorted(probabilities)
    assert probabilities[0] < MODEL.threshold < probabilities[-1]


def test_found_signals_read_the_best_passage_and_its_headings() -> None:
    a = analysis("西充县耕地保护一田一档", [("西充县", 1.0), ("一田一档", 2.0), ("耕地保护", 1.0)])
    under = passage_of(row(1, "建立一田一档。", case=1, case_title="西充县推进"), 1.0, [], 0.75)
    s = signals(a, under)
    assert s.coverage == 0.75
    assert s.rare_missing == 0.5  # 耕地保护 (1.0) missing, the heaviest word weighs 2.0
    assert s.short == 1 / 3


def test_a_part_of_a_term_left_unexplained() -> None:
    a = analysis("2+N监管模式里的N是哪些部门?", ["监管模式", "部门"])
    assert names_part_only(a, "探索2+n监管模式,强化监管")
    assert not names_part_only(a, "探索2+n监管模式,n指卫健、教育等部门")
    assert not names_part_only(analysis("监管模式是什么", ["监管模式"]), "2+n监管模式")


def test_the_thing_whose_figure_is_asked_must_be_said() -> None:
    a = analysis("俱乐部注册资本是多少?", ["俱乐部", "注册资本"], kind="number")
    assert attribute_missing(a, "其股东由12家企业组成")
    assert not attribute_missing(a, "俱乐部注册资本为1亿元")
    # A deed before 多少 (改了多少次, 超标多少) may be said in other words: no judgement.
    b = analysis("监测数据被改了多少次", ["监测数据", "改"], kind="number")
    assert not attribute_missing(b, "监测数据被人为修改共计1276次")
    c = analysis("噪声超标多少分贝", ["噪声", "超标"], kind="number")
    assert not attribute_missing(c, "超过标准限值17.4分贝")
    # Only a figure is judged so.
    assert not attribute_missing(analysis("注册资本是什么", ["注册资本"], kind="what"), "股东")
    # A fine or a sentence asked (被罚了多少, 判了几年) is always named by the text that
    # gives it: a figure of another deed does not answer.
    d = analysis("那家公司被罚了多少钱?", ["公司", "罚"], kind="number")
    d.units[1] = replace(d.units[1], alts=("罚款", "处罚"))
    assert attribute_missing(d, "该公司拖欠农民工工资共计218.6万元")
    assert not attribute_missing(d, "对该公司处以罚款5万元")
    # An everyday verb (修了, 给了) is said in the text's own words (新建, 下达).
    e = analysis("江油修了多少公里水渠", ["江油", "修", "水渠"], kind="number")
    assert not attribute_missing(e, "江油新建和整治沟渠316公里")
    # A time said last dates the figure; the thing is named before it.
    f = analysis("泰国外汇储备到去年年底有多少?", ["泰国", "外汇储备", "去年", "年底"],
                 kind="number")
    assert not attribute_missing(f, "截至去年12月底,泰国外汇储备达到270亿美元")
    assert attribute_missing(f, "截至去年12月底,泰国的外债为900亿美元")
    # A word no document says (起征点: the index lacks it) is said by none of them.
    g = analysis("个人所得税起征点是多少", ["个人所得税", "起征点"], kind="number")
    g.units[1] = replace(g.units[1], known=False)
    assert attribute_missing(g, "去年个人所得税入库近200万元")
    h = analysis("个人所得税起征点是多少", ["个人所得税", "征点"], kind="number")
    h.units[1] = replace(h.units[1], known=False)  # two characters: perhaps a mis-cut word
    assert not attribute_missing(h, "去年个人所得税入库近200万元")


def test_a_yes_no_question_needs_its_deed_said() -> None:
    a = analysis("劳务分包负责人张某某后来被处罚了没有", ["分包", "负责人", "张某某", "处罚"])
    assert yes_no_unanswered(a, "该项目劳务分包负责人张某某称,无法支付工资")
    assert not yes_no_unanswered(a, "对劳务分包负责人张某某依法予以处罚")
    b = analysis("云峰公司被罚款后有没有申请行政复议?", ["公司", "罚款", "行政", "复议"])
    assert yes_no_unanswered(b, "对该公司作出罚款3万元的行政处罚")
    c = analysis("那批象牙制品鉴定出来是真的吗?", ["象牙", "制品", "鉴定"])
    assert yes_no_unanswered(c, "查获疑似象牙制品17件")
    # A bare 吗 asks other things too (有啥文件规定吗?): no judgement.
    d = analysis("校长陪餐有啥文件规定吗", ["校长", "陪餐", "文件", "规定"])
    assert not yes_no_unanswered(d, "制定《中小学校负责人陪餐制度实施办法》")


def test_a_business_asked_by_name_that_the_text_withholds() -> None:
    a = analysis("李某某开的服装厂叫什么名字?", ["李某某", "服装厂"], kind="what")
    assert name_withheld(a, "李某某系东坪区某服装加工厂实际经营者")
    assert not name_withheld(a, "李某某系东坪区锦绣服装加工厂实际经营者")
    b = analysis("青屏某建筑工程有限公司真名叫什么?", ["青屏", "建筑工程", "有限公司"], kind="what")
    assert name_withheld(b, "施工总承包单位青屏某建筑工程有限公司未按月拨付")
    c = analysis("施工单位叫什么?", ["施工单位"], kind="what")
    assert name_withheld(c, "判决施工单位支付全部欠薪")
    # A person's name is not a business's.
    d = analysis("那位局长叫什么名字?", ["局长"], kind="who")
    assert not name_withheld(d, "局长某某在会上讲话")


def test_a_when_question_is_not_answered_by_a_passage_that_says_no_time() -> None:
    a = analysis("种粮补贴什么时候打到卡上", ["种粮补贴", "打到卡上"], kind="when")
    assert answers_nothing(a, passage_of(row(1, "对种粮农民给予补贴,直接打到卡上。"), 1.0, [], 0.75))
    assert not answers_nothing(a, passage_of(row(2, "种粮补贴于今年5月底前打到卡上。"), 1.0, [], 0.75))


def test_a_how_many_question_needs_a_figure_said() -> None:
    a = analysis("立法会选举一共要选出多少名议员?", ["立法会", "选举", "议员"], kind="number")
    assert no_figure(a, "筹备立法会选举是特区政府的重要工作")
    assert not no_figure(a, "立法会由60名议员组成")
    assert not no_figure(a, "投票率达到53%")
    assert not no_figure(a, "五部门联合开展选举宣传")  # a figure in Chinese numerals
    assert not no_figure(analysis("选举是第几届?", ["选举"], kind="number"), "首届选举")
    assert not no_figure(analysis("选举怎么组织?", ["选举"], kind="what"), "筹备选举")


def test_a_change_asked_needs_one_said() -> None:
    a = analysis("1997年缴获冰毒比1996年多了多少?", ["1997", "缴获", "冰毒"], kind="number")
    assert change_unsaid(a, "1997年全国公安机关共缴获海洛因超过5吨,冰毒1吨")
    assert not change_unsaid(a, "缴获冰毒1吨,比上年增长一倍")
    assert not change_unsaid(a, "农户亩均增收460元")
    # A level asked is not a change asked.
    b = analysis("1997年缴获冰毒多少吨?", ["1997", "缴获", "冰毒"], kind="number")
    assert not change_unsaid(b, "1997年共缴获冰毒1吨")


def test_a_figure_of_a_narrower_scope_than_asked() -> None:
    a = analysis("住房公积金全国累计归集了多少钱?", ["住房公积金", "全国", "归集"], kind="number")
    assert narrower_scope(a, "全市公积金归集率上升到76%,累计归集房改资金36亿元")
    assert not narrower_scope(a, "全国公积金的归集额累计达到800亿元")
    assert not narrower_scope(a, "公积金的归集额累计达到800亿元")  # no scope said
    # 全国 said beside 全市 (全市占全国的5%) may hold the figure asked.
    assert not narrower_scope(a, "全市归集额占全国的5%")
    # 全省 asked, a county's figure: narrower too; the same scope is not.
    province = analysis("全省查处了多少起案件?", ["全省", "查处", "案件"], kind="number")
    assert narrower_scope(province, "全县查处案件12起")
    assert not narrower_scope(province, "全区查处案件1200起")
    # Only figures: "全国哪里最早推行?" is not a how-many question.
    assert not narrower_scope(analysis("全国哪里最早推行?", ["全国", "推行"], kind="where"),
                              "全市最早推行")


def test_a_figure_of_the_whole_country_for_a_place_asked() -> None:
    a = analysis("上海全年物价比上年涨了多少?", ["上海", "全年", "物价"], kind="number")
    assert broader_scope(a, "全年全国商品零售和居民消费价格比上年分别上涨0.7%和2.8%")
    assert not broader_scope(a, "上海全年物价比上年下降1.2%,全国上涨0.7%")  # the place said
    assert not broader_scope(a, "全年物价比上年下降1.2%")  # no whole said
    # 全国 asked is no place asked; nor is a question without a place.
    assert not broader_scope(analysis("全国物价涨了多少?", ["全国", "物价"], kind="number"),
                             "全国物价上涨0.7%")
    assert not broader_scope(analysis("物价涨了多少?", ["物价"], kind="number"),
                             "全国物价上涨0.7%")


def test_a_place_the_sentence_only_sets_aside() -> None:
    a = analysis("北京的公房已经卖给职工多少了?", ["北京", "公房", "职工"], kind="number")
    assert set_aside(a, "除北京、天津外,全国可出售公房的50%以上已出售给职工")
    assert not set_aside(a, "北京可出售公房的30%已出售给职工")
    assert not set_aside(a, "除北京外,上海、北京的公房也在出售")  # said once more, outside
    assert not set_aside(analysis("公房卖了多少?", ["公房"], kind="number"),
                         "除北京外,全国已出售50%")  # no place asked


def test_another_partys_case() -> None:
    a = analysis("王某某被判处罚金多少钱?", ["判处", "罚金"], kind="number")
    assert another_party(a, "判处张某某有期徒刑六年,并处罚金20万元 临江区张某某等人非法收购案")
    assert not another_party(a, "判处王某某有期徒刑一年,并处罚金2万元")
    assert not another_party(a, "判处王某某、张某有期徒刑")  # the asked one among others
    assert not another_party(a, "法院判处被告人罚金20万元")  # no party named: may be theirs
    assert not another_party(analysis("罚金是多少?", ["罚金"], kind="number"),
                             "判处张某某罚金20万元")  # no party asked
    assert not another_party(analysis("对某公司罚了多少?", ["公司"], kind="number"),
                             "对李某罚款2000元")  # 某公司 names no party


def test_things_asked_by_name_given_only_as_a_count() -> None:
    a = analysis("被解除协议的民营医院叫什么名字?", ["解除", "民营医院"])
    assert counted_only(a, "解除3家民营医院的服务协议")
    assert not counted_only(a, "解除甲民营医院的服务协议")
    assert not counted_only(analysis("民营医院有几家", ["民营医院"]), "3家民营医院")
    # The name withheld: only pointed at, as case reports do.
    b = analysis("那家中介公司叫什么名字?", ["中介公司"])
    assert counted_only(b, "该公司旗下14家门店发布虚假房源")
    assert counted_only(analysis("那个作家叫什么?", ["作家"]), "有位作家写了一篇小说")
    assert not counted_only(b, "该公司即南昌某某房地产经纪有限公司")
    # 是哪家法院判的 asks who judged, not the name of what the passage points at.
    c = analysis("那家企业是哪家法院判的?", ["企业", "法院"])
    assert not counted_only(c, "该企业被法院判处罚金")


def test_places_without_the_topic() -> None:
    a = analysis("成都到绵阳高铁票多少钱?", ["绵阳", "高铁票"])
    only_place = ranked((row(1, "绵阳市强化食品安全监管。"), 1.0))[0]
    assert places_only(a, only_place)
    topic = ranked((row(2, "绵阳市高铁票价下调。"), 1.0))[0]
    assert not places_only(a, topic)
    # No place asked: nothing to tell apart.
    assert not places_only(analysis("高铁票多少钱", ["高铁票"]), only_place)
    # A lone character of the question stands for words (查 → 排查): those count as its topic.
    checked = analysis("历下区查了多少个?", ["历下区", "查"])
    checked.units[1] = replace(checked.units[1], alts=("查", "排查", "查处"))
    assert not places_only(checked, ranked((row(3, "历下区共排查场所1420处。"), 1.0))[0])


def test_a_passage_that_can_answer_comes_before_one_that_meets_only_the_places() -> None:
    a = analysis("历下区给家长发的是什么", [("历下区", 3.0), ("家长", 2.0)])
    places = passage_of(row(1, "确定历下区等16项做法。"), 0.8, [], coverage=0.6)
    topic = passage_of(row(2, "历下区向家长发放一封信。"), 0.75, [], coverage=0.58)
    far = passage_of(row(3, "历下区向家长发放一封信。"), 0.7, [], coverage=0.4)
    assert answers_nothing(a, places) and not answers_nothing(a, topic)
    assert [p.id for p in answering_first(a, [places, topic])] == [2, 1]
    # Only one covering nearly as much takes its place; otherwise "not found" stands.
    assert [p.id for p in answering_first(a, [places, far])] == [1, 3]
    assert [p.id for p in answering_first(a, [topic, places])] == [2, 1]


def test_a_passage_found_would_refuse_gives_no_answer_either() -> None:
    a = analysis("2025年全省计划改造多少公里燃气管道", [("2025", 2.0), ("改造", 1.0), ("燃气管道", 1.0)])
    found = passage_of(row(1, "全省计划于2025年6月底前完成燃气管道改造联网。"), 0.8, [], coverage=0.8)
    other_year = passage_of(row(2, "2024年全省改造燃气管道约1500公里。"), 0.79, [], coverage=0.6)
    undated = passage_of(row(3, "全省改造燃气管道约6200公里。"), 0.7, [], coverage=0.5)
    assert answers_nothing(a, other_year) and not answers_nothing(a, undated)
    # The 2024年 figure answers another question: the extractor never sees it.
    assert [p.id for p in answerable(a, [found, other_year, undated])] == [1, 3]
    assert answerable(a, [other_year]) == [other_year]  # the found one is kept as it is


def test_a_place_asked_that_the_passage_does_not_name() -> None:
    a = analysis("明天乌鲁木齐天气怎么样?", [("明天", 6.0), ("乌鲁木齐", 7.0), ("天气", 6.0)])
    forecast = passage_of(row(1, "今天晚上到明天，黄河以南地区将出现雨雪天气。"), 0.7, [], 0.62)
    assert place_missing(a, forecast.norm)
    assert not is_found(a, [forecast])
    # Of two places asked one suffices; a bare name is a place when the candidates write
    # it with a suffix (嘉兴市).
    b = analysis("嘉兴苏州化解了几宗纠纷?", ["嘉兴", "苏州", "纠纷"])
    assert not place_missing(b, "嘉兴市嘉善县 化解跨界水事纠纷7宗", "嘉兴市嘉善县")
    assert place_missing(b, "化解纠纷7宗", "嘉兴市嘉善县")
    # A province is often only 全省 or 自治区 in its own documents.
    c = analysis("新疆小饭桌有多少家?", ["新疆", "小饭桌"])
    assert not place_missing(c, "昌吉州小饭桌300家")
    # A country is often one character in news once named (以色列 → 以法律).
    d = analysis("以色列议会的不信任案需要多少票?", ["以色列", "议会", "不信任案"])
    assert not place_missing(d, "根据以法律,不信任案需获得议会61票")
    # "在哪个城市?" asks for a place, it names none.
    e = analysis("大会在哪个城市召开?", ["大会", "城市", "召开"])
    assert not place_missing(e, "大会于近日在广州召开")
    assert not place_missing(e, "大会于近日在广州召开", "城市区 大会")  # nor when 城市区 is said
    # A region of the world is seldom repeated by a report on it.
    f = analysis("中东斡旋期间以色列宣布增建多少套住房?", ["中东", "斡旋", "以色列", "增建"])
    assert not place_missing(f, "在罗斯斡旋之际,以方宣布增建594套住房")
    # A body named after its place (沈阳市地税局): the place must be named, with or without
    # its suffix.
    g = analysis("沈阳市地税局的局长是谁?", ["沈阳市地税局", "局长"])
    assert not place_missing(g, "沈阳地税局局长李天心")
    assert place_missing(g, "大连市地税局局长张某")


@pytest.mark.parametrize(("question", "body", "unnamed"), [
    # The post said, nobody named: the holder asked is not in the passage.
    ("园区安全监管局局长叫什么", "园区管委会安全监管局局长等3名公职人员分别被给予政务记过处分", True),
    ("那个局长是谁", "县应急管理局分管副局长被给予政务记大过处分", True),
    # Named after the post, whatever the surname; after another post; before it; withheld.
    ("是哪位局长宣布的", "国家环保局局长解振华庄重宣布", False),
    ("世界冠军是谁", "中国乒乓球男选手容国团获得世界冠军", False),
    ("市长是谁", "张建国市长在会上说", False),
    ("矿长叫啥", "矿长赵某某、安全检查员刘某被移送司法机关", False),
    ("主席选的是谁", "今天选举安启元为省政协主席", False),
    ("作者是谁", "本书文章的作者都是冀中回民支队的老战士", False),
    # The post not said, or no post asked: no judgement.
    ("工人叫什么名字", "随后3名同事相继下池施救", False),
    ("那家公司叫什么", "对该公司处以罚款", False),
])
def test_a_posts_holder_asked_and_nobody_named(question: str, body: str, unnamed: bool) -> None:
    a = analysis(question, [], kind="who")
    assert holder_unnamed(a, body) is unnamed


@pytest.mark.parametrize(("question", "units", "body", "missing"), [
    # The thing counted, ending the question, unsaid: another count answers nothing.
    ("首届立法会一共要选出多少名议员?", ["立法会", "选出", "议员"],
     "登记参加首届立法会选举的选民约280万人", True),
    ("中远集装箱运输有限公司一共有多少员工", ["中远", "员工"], "中远现有总资产达230亿元", True),
    ("选出多少名议员?", ["选出", "议员"], "共选出议员60名", False),
    # A verb after the count is no thing; a general word or a measure is left to the text.
    ("有多少种必须由国家审批", ["必须", "国家", "审批"], "35种主要矿种由国家审批", False),
    ("茂名专家帮工厂查出多少问题", ["茂名", "专家", "问题"], "共排查发现各类安全隐患1372项", False),
    ("去年出口了多少万吨", ["出口", "万吨"], "去年出口1.1万吨", False),
    ("一共打了多少口井", ["打", "井"], "累计打井1346口", False),
    # Of a phrase counted, its head (the last word) is the thing.
    ("安平市有多少燃气用户", ["安平市", "燃气", "用户"], "安平市共改造燃气配送车辆1180辆", True),
    ("全省有多少燃气用户", ["全省", "燃气", "用户"], "全省城镇燃气用户达到1260万户", False),
    ("月票多少钱一张", ["月票", "一张"], "月票每张600元", False),  # a price, no thing counted
])
def test_the_thing_a_how_many_question_counts(question: str, units: list[str], body: str,
                                              missing: bool) -> None:
    assert counted_missing(analysis(question, units, kind="number"), body) is missing
