"""The refining rules of bot/refine.py, on tiny sentences (no index)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.analysis import Kind
from bot.intent import read_intent
from bot.refine import (
    another_period,
    change_figure,
    elsewhere,
    in_measure,
    names_nobody,
    of_the_whole,
    refine,
    repeats_question,
    widen_body,
    widen_place,
)
from bot.reply import Answer, passage_of
from indexer.normalize import normalize
from indexer.search import PassageHit
from tests.bot.stages.kit import analysis, row


@pytest.mark.parametrize(("line", "text", "want"), [
    # The unit after its parent body is the actor.
    ("台州市公安局", "台州市公安局环境犯罪侦查支队牵头成立专案组", "台州市公安局环境犯罪侦查支队"),
    ("嘉兴市生态环境局", "嘉兴市生态环境局嘉善分局立即会同吴江区开展排查", "嘉兴市生态环境局嘉善分局"),
    ("滨州市公安局", "滨州市公安局交警支队会同市教育局设置护学岗", "滨州市公安局交警支队"),
    # No unit follows: unchanged.
    ("市场监管局", "市场监管局联合公安厅开展专项整治", "市场监管局"),
    # A list goes on, not a unit: unchanged.
    ("县农业农村局", "县农业农村局、县财政局联合印发办法", "县农业农村局"),
    # The line is not in the text (a lead the core quoted elsewhere): unchanged.
    ("水务局", "由县政府统筹推进", "水务局"),
    # Its head's post follows, not a unit: unchanged.
    ("首都骨伤病研究所", "由首都骨伤病研究所所长柳海峰研究员发明", "首都骨伤病研究所"),
    ("市公安局", "市公安局处长王某介绍", "市公安局"),
    # A verb, not a unit (依法处理, 所属).
    ("高新区公安分局", "已将案件移送高新区公安分局依法处理", "高新区公安分局"),
    ("市住建局", "市住建局所属企业", "市住建局"),
])
def test_widen_body(line: str, text: str, want: str) -> None:
    assert widen_body(line, text) == want


@pytest.mark.parametrize(("line", "text", "want"), [
    ("乳源瑶族自治县", "乳源瑶族自治县大桥镇一处非法盗采点被依法取缔", "乳源瑶族自治县大桥镇"),
    ("顺德区", "其中,顺德区勒流街道一处黑气点被取缔", "顺德区勒流街道"),
    # What follows is not a place name (城中村 is a kind of place): unchanged.
    ("长安镇", "长安镇率先实现城中村充电设施全覆盖", "长安镇"),
    # A list of places stays a list.
    ("长安镇、虎门镇", "长安镇、虎门镇率先实现全覆盖", "长安镇、虎门镇"),
    ("巴州", "巴州出台全国首部香梨产业专项法规", "巴州"),
    # A zone named after the city is finer than the city.
    ("北京", "今天在北京经济技术开发区投产开机", "北京经济技术开发区"),
    # …after a later mention of it, the dateline's 北京 first.
    ("北京", "新华社北京1月11日电 生产线今天在北京经济技术开发区投产", "北京经济技术开发区"),
    # A zone inside a zone runs on.
    ("彩云市", "彩云市高新区工业园区某厂房项目62名农民工集体讨要工资", "彩云市高新区工业园区"),
    # Place by place, down to the zone written inside the last.
    ("宁远县", "宁远县桃源镇工业集中区的丰收食品有限公司一名员工晕倒", "宁远县桃源镇工业集中区"),
    ("沙河镇", "位于临江市化工园区沙河镇片区的公司", "沙河镇片区"),
    ("广饶县", "广饶县、垦利区各查处1家", "广饶县"),  # a list: no place inside another
    ("桃源镇", "该公司在宁远县", "桃源镇"),  # not in the text: as given
])
def test_widen_place(line: str, text: str, want: str) -> None:
    assert widen_place(line, text) == want


@pytest.mark.parametrize(("question", "asks"), [
    ("使用率涨了多少", True),
    ("有效传输率提高了几个百分点", True),
    ("无证机构降了百分之多少", False),  # 百分之多少 asks for a share, the figure is the share
    ("降幅是多少", True),
    ("一共多少家", False),
    ("品牌价值多少", False),
])
def test_asks_change(question: str, asks: bool) -> None:
    assert read_intent(question).asks_change is asks


@pytest.mark.parametrize(("line", "text", "want"), [
    # The level reached is not the change; the figure after the change verb is.
    ("使用率由2022年的41%提高到96%", "全市合同示范文本使用率由2022年的41%提高到96%,提高55个百分点。",
     "提高55个百分点"),
    ("有效传输率提升至98.7%", "2024年,全市自动监测数据有效传输率提升至98.7%,比上年提高3.2个百分点。",
     "提高3.2个百分点"),
    # The line states the change already.
    ("同比下降12%", "全年发生事故8起,同比下降12%。", None),
    # The sentence states no change: nothing to offer.
    ("累计建成5200万亩", "累计建成5200万亩。另一句提高了3个百分点。", None),
    # Traditional script: read normalised, quoted whole as written (not 下降6.8個百分).
    ("比重為23.5%", "其中,非法營運案件的比重為23.5%,較去年同期下降6.8個百分點。", "下降6.8個百分點"),
])
def test_change_figure(line: str, text: str, want: str | None) -> None:
    assert change_figure(line, text) == want


@pytest.mark.parametrize(("line", "text", "measures", "want"), [
    # Money asked: the change in points of the same sentence is no answer.
    ("农户亩均增收460元", "灌溉水利用系数提高15个百分点,农户亩均增收460元。", ("元",), None),
    # The first change counted in the asked measure, not merely the first change.
    ("收入达到46万元", "产量提高15个百分点,收入达到46万元,比上年增加12万元。", ("元",),
     "增加12万元"),
    ("出口额达8亿元", "出口增长8%,出口额达8亿元,收入增加3万美元。", ("元",),
     "增加3万美元"),  # 美元 ends in 元
    ("合格率为96%", "合格率为96%,提高2.5个百分点。", ("%", "百分点"), "提高2.5个百分点"),
])
def test_change_figure_in_the_asked_measure(line: str, text: str, measures: tuple[str, ...],
                                            want: str | None) -> None:
    assert change_figure(line, text, measures=measures) == want


@pytest.mark.parametrize(("figure", "measures", "fits"), [
    ("460元", ("元",), True), ("15个百分点", ("元",), False), ("3万美元", ("元",), True),
    ("15个百分点", ("%", "百分点"), True), ("5万元增", ("元",), True), ("12%", (), True),
    ("2.3倍", ("%",), False),
])
def test_in_measure(figure: str, measures: tuple[str, ...], fits: bool) -> None:
    assert in_measure(figure, measures) is fits


def _answer(line: str, *rows: PassageHit, kind: Kind = "number") -> Answer:
    return Answer(question="q", found=True, answer=line, passages=tuple(
        passage_of(r, 1.0, []) for r in rows), kind=kind)


def test_no_line_from_another_places_evidence() -> None:
    other = row(1, "西充县修复损毁沟渠42公里。", case=1, case_title="西充县推行田长制")
    own = row(2, "江油市新建渠系316公里。", case=2, case_title="江油市建设高标准农田")
    a = analysis("江油修了多少公里水渠?", ["江油", "修", "水渠"])
    # 江油 is a place: the reply's own passages write it 江油市.
    assert elsewhere(a, _answer("西充县修复损毁沟渠42公里", other, own))
    assert refine(a, _answer("西充县修复损毁沟渠42公里", other, own)).answer is None
    assert not elsewhere(a, _answer("江油市新建渠系316公里", own, other))


def test_a_province_and_one_of_two_places_need_not_be_named() -> None:
    r = row(1, "化解跨界水事纠纷7宗。", case=5, case_title="嘉兴市嘉善县：联防联治")
    two = analysis("嘉兴苏州化解了几宗纠纷?", ["嘉兴", "苏州", "纠纷"])
    assert not elsewhere(two, _answer("化解跨界水事纠纷7宗", r))
    province = analysis("新疆哪里在打造示范点?", ["新疆", "示范点"])
    assert not elsewhere(province, _answer("昌吉州", row(2, "昌吉州打造示范点。")))


def test_a_place_named_by_the_sections_opening_is_the_evidences() -> None:
    opening = row(1, "婺城区城北街道某住宅项目施工单位连续多日夜间施工。", case=4, section=13)
    r = row(2, "经监测,该工地夜间噪声超过标准限值17.4分贝。", case=4, section=13)
    a = analysis("婺城区工地噪声超标多少分贝", ["婺城区", "工地", "噪声", "超标"])
    found = _answer("超过标准限值17.4分贝", r)
    assert elsewhere(a, found)
    told = replace(found, passages=(replace(found.passages[0], opening=normalize(opening.text)),))
    assert not elsewhere(a, told)


def test_a_period_its_documents_title_names() -> None:
    r = row(1, "处罚内容:1.责令改正； 2.罚款3000元。",
            doc_title="澄州市市场监督管理局2024年第三季度行政处罚结果公示")
    other = analysis("今年二季度一共罚了多少钱", ["罚"], kind="number")
    assert another_period(other, _answer("罚款3000元", r))
    same = analysis("三季度一共罚了多少钱", ["罚"], kind="number")
    assert not another_period(same, _answer("罚款3000元", r))


@pytest.mark.parametrize(("question", "line", "repeats"), [
    # The place the question names, with its level word, answers no where-question.
    ("佛山那个黑气点在哪被端掉的?", "佛山市", True),
    # A person the question names is not who acted.
    ("王学贤此前在哪个国家当过大使?", "王学贤", True),
    # Traditional script is compared in simplified.
    ("佛山那个黑气点在哪被端掉的?", "佛山市順德區", False),
    ("佛山的黑气点在哪被端掉的?", "勒流街道", False),
    # A body the question names by its short form (政府 for 人民政府) is the one acted on.
    ("谁约谈了龙脊镇政府主要负责人?", "龙脊镇人民政府", True),
    ("谁约谈了龙脊镇政府主要负责人?", "白河市人民政府", False),
    # A body that is more than the question's words is an answer.
    ("哪个部门和市场监管局联合执法?", "公安局", False),
    # One character is not a name.
    ("县里谁牵头?", "县", False),
])
def test_a_line_repeating_the_question_answers_nothing(question: str, line: str,
                                                       repeats: bool) -> None:
    a = analysis(question, [])
    assert repeats_question(a, line) is repeats
    r = row(1, f"{line}查处了一批案件。")
    assert (refine(a, _answer(line, r)).answer is None) is repeats


@pytest.mark.parametrize(("line", "nobody"), [
    ("有关部门", True),
    ("相关单位", True),
    ("各职能部门", True),
    ("市场监管部门", False),  # a body named by its field
    ("有关部门负责人", False),
    ("毛泽东", False),
])
def test_bodies_referred_to_name_nobody(line: str, nobody: bool) -> None:
    assert names_nobody(line) is nobody
    a = analysis("何长工的名字是谁给改的", [])
    r = row(1, f"何长工曾要求督促{line}搞好职工生活。")
    assert (refine(a, _answer(line, r, kind="who")).answer is None) is nobody


@pytest.mark.parametrize(("question", "units", "line", "whole"), [
    # A county asked, a city's whole said before the figure: the city's figure.
    ("东坪县那个储备库有多大面积", ["东坪县", "储备库", "面积"], "全市储备库总面积达到1.2万平方米",
     True),
    # The county's own whole is the county's.
    ("东坪县储备库有多大面积", ["东坪县", "储备库", "面积"], "全县储备库总面积达到3000平方米", False),
    # A place without its level word is taken for a city: only a wider whole counts.
    ("苏州修了多少公里水渠", ["苏州", "水渠"], "全市新建渠系316公里", False),
    ("苏州修了多少公里水渠", ["苏州", "水渠"], "全省新建渠系3160公里", True),
    # A word only the text writes before a place suffix (房地产市场) is no place asked.
    ("全省检查了多少家房地产中介机构", ["房地产", "中介", "机构"],
     "全省共检查房地产中介机构2316家,规范房地产市场", False),
    # A whole after the figure is not the figure's (…的我国第一条光纤通信系统).
    ("广州到深圳能同时通多少路电话", ["广州", "深圳", "电话"],
     "可同时接通12万多路电话的我国第一条光纤通信系统", False),
    # A rank is in a whole (排全省第2位): the rank asked is the place's.
    ("东坡区耕地质量全省排第几", ["东坡区", "耕地", "质量"], "东坡区耕地质量排名全省第2位", False),
    # No place asked: nothing to be wider than.
    ("储备库有多大面积", ["储备库", "面积"], "全市储备库总面积达到1.2万平方米", False),
])
def test_a_figure_of_a_wider_whole_is_not_the_places(question: str, units: list[str],
                                                      line: str, whole: bool) -> None:
    a = analysis(question, units, kind="number")
    # The case's title names the places asked, as a report's heading does.
    r = row(1, f"{line}。", case=1, case_title="、".join(units[:2]))
    assert of_the_whole(a, _answer(line, r)) is whole
    assert (refine(a, _answer(line, r)).answer is None) is whole


@pytest.mark.parametrize(("question", "sentence", "line", "another"), [
    # The other half of the year, said before the figure.
    ("下半年发生了几起事故?", "上半年,全市共发生事故37起、死亡19人。", "全市共发生事故37起", True),
    ("上半年发生了几起事故?", "上半年,全市共发生事故37起、死亡19人。", "全市共发生事故37起", False),
    # Quarters, with or without 第.
    ("第二季度查处多少起?", "一季度,全市查处案件52起。", "全市查处案件52起", True),
    ("二季度查处多少起?", "第二季度,全市查处案件52起。", "全市查处案件52起", False),
    # A part of the year the question does not name: nothing to compare.
    ("全年发生了几起事故?", "上半年,全市共发生事故37起。", "全市共发生事故37起", False),
    # A half said after the line, in the next sentence, is not the line's.
    ("下半年发生了几起事故?", "全市共发生事故37起。上半年同比下降。", "全市共发生事故37起", False),
])
def test_another_part_of_the_year_does_not_answer(question: str, sentence: str, line: str,
                                                  another: bool) -> None:
    a = analysis(question, [], kind="number")
    assert another_period(a, _answer(line, row(1, sentence))) is another
