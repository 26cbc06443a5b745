"""bot/extract/: each extractor on a few passages and hand-made facts (no index)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.analysis import Kind
from bot.extract import EXTRACTORS, document, extract, number, where, who, whose
from bot.extract.where import (
    landmarks,
    place_after_at,
    place_in_clause,
    place_level,
    site_named,
    venues,
)
from bot.measures import FREQUENCY_SAID, PHONE_SAID
from indexer.words import IN_CHARGE_VERBS
from tests.bot.stages.kit import MemoryLookup, analysis, fact, ranked, row


def test_every_kind_but_what_has_an_extractor() -> None:
    assert set(EXTRACTORS) == {"who", "document", "number", "when", "where"}


def test_who_issued_a_document_from_the_issuance_fact() -> None:
    r = row(1, "自治区市场监管局修订《畜禽屠宰管理条例》。", case=2)
    lookup = MemoryLookup([r], [fact(1, "issuance", "畜禽屠宰管理条例", "自治区市场监管局",
                                     "修订", "畜禽屠宰管理条例")])
    a = analysis("哪个部门修订了畜禽屠宰管理条例?", ["畜禽屠宰管理条例", ("修订", 0.3)])
    line, evidence, _ = who.extract(a, ranked((r, 1.0)), lookup)
    assert line == "《畜禽屠宰管理条例》由自治区市场监管局修订(案例2)"
    assert evidence is not None and evidence.id == 1


def test_which_document_lists_what_one_issuer_issued_together() -> None:
    r = row(1, "州局出台《甲办法》《乙规范》。")
    lookup = MemoryLookup([r], [fact(1, "issuance", "甲办法", "州局", "出台", "甲办法"),
                                fact(1, "issuance", "乙规范", "州局", "出台", "乙规范")])
    a = analysis("州局出台了什么文件?", ["州局", ("出台", 0.3)])
    line, _, _ = document.extract(a, ranked((r, 1.0)), lookup)
    assert line == "州局出台《甲办法》、《乙规范》"
    assert document.extract(a, ranked((r, 1.0)), MemoryLookup([r])) == (None, None, ())


def test_who_acts_the_actor_of_the_answering_clause() -> None:
    r = row(1, "为加强监管,州公安局依法予以行政拘留,并通报。")
    a = analysis("责任人被谁拘留?", ["责任人", "拘留"])
    line, _, _ = who.extract(a, ranked((r, 1.0)), MemoryLookup([r]))
    assert line == "州公安局"
    # What the question itself names is no answer.
    b = analysis("州公安局拘留了谁?", ["州公安局", "拘留"])
    assert who.extract(b, ranked((r, 1.0)), MemoryLookup([r]))[0] != "州公安局"


def test_who_a_body_pointed_back_at_is_the_one_it_means() -> None:
    """该局 is no answer: the nearest …局 named before it is, quoted after the evidence."""
    first = row(1, "玉泉市人社局当天派员核查，督促总包单位支付工资。")
    then = row(2, "其后，该局会同市水利局对全市水利项目开展专项检查。")
    a = analysis("全市水利项目专项检查是哪个部门搞的?", ["水利", "项目", "专项检查"])
    line, evidence, support = who.extract(a, ranked((then, 1.0)), MemoryLookup([first, then]))
    assert line == "玉泉市人社局" and evidence is not None and evidence.id == 2
    assert [p.id for p in support] == [1]
    # Nothing of its kind before it: no line rather than 该局.
    alone = MemoryLookup([then])
    assert who.extract(a, ranked((then, 1.0)), alone).answer is None


def test_who_holds_a_post_the_name_written_after_it() -> None:
    r1 = row(1, "本报青山3月5日电 青山市长江二桥今天通车。")
    r2 = row(2, "市长张建国出席仪式并讲话,副市长王红主持。")
    lookup = MemoryLookup([r1, r2], words={2: ("市长", "张建国", "出席", "王红")})
    a = analysis("青山市长是谁?", ["青山", "市长"])
    line, evidence, _ = who.extract(a, ranked((r1, 2.0), (r2, 1.8)), lookup)
    assert line == "张建国" and evidence is not None and evidence.id == 2
    # Nobody named in the asked post: no line, never the place or a body instead.
    a = analysis("青山市委书记是谁?", ["青山", "书记"])
    assert who.extract(a, ranked((r1, 2.0), (r2, 1.8)), lookup).answer is None


def test_who_a_person_named_next_to_the_deed() -> None:
    r = row(1, "中国游泳队领队张雄说,队员们赛前进行了高原训练。")
    lookup = MemoryLookup([r], words={1: ("领队", "张雄", "高原", "训练")})
    a = analysis("谁说队员进行了高原训练?", ["队员", "高原", "训练"])
    assert who.extract(a, ranked((r, 1.0)), lookup).answer == "张雄"
    # A body asked for: never a person.
    b = analysis("哪个部门组织了高原训练?", ["高原", "训练"])
    assert who.extract(b, ranked((r, 1.0)), lookup).answer != "张雄"


def test_who_a_body_with_the_officer_written_after_it() -> None:
    # "是谁…?" answered by a body: the officer named right after it acts, and both are said.
    r = row(1, "省政法委书记、省法学会会长李建新今天在理事会上要求加强法学研究。")
    lookup = MemoryLookup([r], words={1: ("书记", "会长", "李建新", "法学", "研究")})
    a = analysis("是谁要求加强法学研究?", ["法学", "研究"])
    assert who.extract(a, ranked((r, 1.0)), lookup).answer == "省政法委书记、省法学会会长李建新"
    # A body asked for: the body alone.
    b = analysis("哪个部门要求加强法学研究?", ["法学", "研究"])
    assert who.extract(b, ranked((r, 1.0)), lookup).answer == "省政法委"
    # The post may run into the body's name as the text is read (新闻出版署署长).
    r2 = row(2, "新闻出版署署长于友先总结了新闻出版工作的五个基本特点。")
    lookup2 = MemoryLookup([r2], words={2: ("新闻出版署", "署长", "于友先", "特点")})
    c = analysis("是谁总结了五个基本特点?", ["总结", "特点"])
    assert who.extract(c, ranked((r2, 1.0)), lookup2).answer == "新闻出版署署长于友先"


def test_who_the_person_of_the_answering_clause_before_a_body_elsewhere() -> None:
    r = row(1, "甲国政府派员出席,开馆仪式由首任大使王学仁主持。")
    lookup = MemoryLookup([r], words={1: ("大使", "王学仁", "开馆", "仪式", "主持")})
    a = analysis("开馆仪式是谁主持的?", ["开馆", "仪式", "主持"])
    assert who.extract(a, ranked((r, 1.0)), lookup).answer == "王学仁"


def test_when_the_datelines_date_is_the_reports() -> None:
    r = row(1, "新华社联合国1月20日电联合国发言人说,双方同意于2月1日就导弹弹头问题举行技术会谈。")
    lookup = MemoryLookup([r], [fact(1, "date", "1月20日", "1月20日"),
                                fact(1, "date", "2月1日", "2月1日")])
    a = analysis("联合国和伊拉克的技术会谈在哪天?", ["联合国", "技术", "会谈"], kind="when")
    assert "2月1日" in (number.extract(a, ranked((r, 1.0)), lookup).answer or "")
    today = row(2, "本报北京1月13日讯天元战今天在中国棋院开赛。")
    only = MemoryLookup([today], [fact(2, "date", "1月13日", "1月13日")])
    b = analysis("天元战哪天开赛?", ["天元战", "开赛"], kind="when")
    assert "1月13日" in (number.extract(b, ranked((today, 1.0)), only).answer or "")


def test_when_the_report_dates_nothing_it_tells() -> None:
    # The dateline's date answers only when the report dates its deed by it (今天, 13日).
    r = row(1, "本报北京1月21日讯记者鹿永建报道:今年是许广平诞辰100周年,纪念会在北京举行。")
    lookup = MemoryLookup([r], [fact(1, "date", "1月21日", "1月21日")])
    a = analysis("纪念会哪天在北京举行?", ["纪念会", "北京", "举行"], kind="when")
    assert number.extract(a, ranked((r, 1.0)), lookup).answer is None
    # … and the place it was filed from is not the place of the deed asked.
    filed = row(2, "本报北京1月7日讯记者王力军报道:今天上午,杨建华宣布捐资500万元。")
    there = MemoryLookup([filed], [fact(2, "date", "1月7日", "1月7日")])
    b = analysis("鲁迅是哪天到的北京?", ["鲁迅", "北京"], kind="when")
    assert number.extract(b, ranked((filed, 1.0)), there).answer is None


def test_which_person_is_never_the_reporter_of_the_dateline() -> None:
    r = row(1, "本报北京1月14日讯记者陈晓钟报道:团结出版社今天举行座谈会,何鲁丽出席。")
    lookup = MemoryLookup([r], words={1: ("记者", "陈晓钟", "团结", "出版社", "座谈会")})
    a = analysis("团结出版社座谈会有哪位领导到场?", ["团结", "出版社", "座谈会"])
    assert who.extract(a, ranked((r, 1.0)), lookup).answer != "陈晓钟"
    reporter = analysis("团结出版社座谈会是哪位记者报道的?", ["团结", "出版社", "座谈会"])
    assert who.extract(reporter, ranked((r, 1.0)), lookup).answer == "陈晓钟"


def test_which_company_is_answered_by_a_business_or_nothing() -> None:
    r = row(1, "今年1月,飞燕集团公司以风险抵押的方式承包管理河东医院。")
    a = analysis("河东医院被哪家企业承包了?", ["河东医院", "承包"])
    assert "集团公司" in (extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer or "")
    r2 = row(2, "今年1月,以风险抵押的方式承包管理河东医院。")
    assert extract(a, ranked((r2, 1.0)), MemoryLookup([r2])).answer is None


def test_who_partners_of_a_joint_action() -> None:
    r = row(1, "州市场监管局会同州卫健委、州教育局开展联合检查。")
    a = analysis("州市场监管局会同哪些部门开展检查?", ["州市场监管局", "检查"])
    line, _, _ = who.extract(a, ranked((r, 1.0)), MemoryLookup([r]))
    assert line == "州卫健委、州教育局"


def test_who_several_asked_the_bodies_listed_with_the_first() -> None:
    r = row(1, "甲市自然资源局、市农业农村局和市综合执法局建立联合执法机制,州公安局配合。")
    a = analysis("甲市是哪三个部门建立的机制?", ["甲市", "建立", "机制"])
    line, _, _ = who.extract(a, ranked((r, 1.0)), MemoryLookup([r]))
    assert line == "甲市自然资源局、市农业农村局和市综合执法局"
    one = analysis("甲市是哪个部门建立的机制?", ["甲市", "建立", "机制"])
    assert who.extract(one, ranked((r, 1.0)), MemoryLookup([r]))[0] == "甲市自然资源局"


def test_who_the_best_match_leaving_its_actor_out_is_the_inherited_actors() -> None:
    """随即约谈建设单位: the actor the index carried over to the best match beats another
    sentence's own subject ranked well below it (因总包单位未结算…)."""
    best = row(1, "随即约谈建设单位,督促其先行垫付工资。", case=3)
    other = row(2, "因总包单位未结算工程款,无法支付工资。", case=3)
    lookup = MemoryLookup([best, other], [fact(1, "subject", "甲市监察支队", "甲市监察支队")])
    a = analysis("谁督促建设单位垫付工资的?", ["督促", "建设", "单位", "垫付", "工资"])
    line, evidence, _ = who.extract(a, ranked((best, 0.95), (other, 0.52)), lookup)
    assert line == "甲市监察支队" and evidence is not None and evidence.id == 1
    # A sentence naming its own actor and scoring near the best match still wins.
    low = analysis("谁没结算工程款?", ["结算", "工程款"])
    assert who.extract(low, ranked((best, 0.95), (other, 0.9)), MemoryLookup(
        [best, other], [fact(1, "subject", "甲市监察支队", "甲市监察支队")]))[0] == "总包单位"


@pytest.mark.parametrize(("name", "words", "spelled"), [
    ("龙脊镇人民政府", {"龙脊", "镇", "人民政府", "政府"}, True),
    ("龙脊镇人民政府", {"龙脊", "政府"}, False),
    ("市场监管局", {"市场监管局"}, True),
    ("市场监管局", {"市场", "监管"}, False),
])
def test_spelled_by(name: str, words: set[str], spelled: bool) -> None:
    assert who.spelled_by(name, words) is spelled


@pytest.mark.parametrize(("clause", "names", "listed"), [
    ("甲局、乙局和丙局开展检查", ["甲局", "乙局", "丙局"], ["甲局", "乙局", "丙局"]),
    ("甲局会同乙局开展检查", ["甲局", "乙局"], ["甲局"]),  # a partner is no list
    ("甲局、乙局开展检查,丙局配合", ["甲局", "乙局", "丙局"], ["甲局", "乙局"]),
    ("甲局及乙局", ["甲局", "甲局", "乙局"], ["甲局", "乙局"]),  # named twice
    ("甲局", [], []),
])
def test_listed_with_first(clause: str, names: list[str], listed: list[str]) -> None:
    assert who.listed_with_first(clause, names) == listed


def test_number_the_figure_the_question_describes_in_its_measure() -> None:
    r = row(1, "共检查医疗机构312家,查处89家,立案5起。")
    facts = [fact(1, "quantity", n) for n in ("312家", "89家", "5起")]
    a = analysis("查处了多少家?", ["查处"])
    line, _, _ = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line == "查处89家"
    b = analysis("立案多少起?", ["立案"])
    assert number.extract(b, ranked((r, 1.0)), MemoryLookup([r], facts))[0] == "立案5起"
    c = analysis("检查了多少吨?", ["检查"])  # no figure in 吨
    assert number.extract(c, ranked((r, 1.0)), MemoryLookup([r], facts)) == (None, None, ())


def test_number_a_figure_the_question_states_is_not_its_answer() -> None:
    """"今年预定交货550架,其中中国要多少架?" starts from 550架; it does not ask it."""
    r = row(1, "波音公司今年预定交货550架,其中中国的航空公司订购42架。")
    facts = [fact(1, "quantity", n) for n in ("550架", "42架")]
    a = analysis("今年预定交货550架 其中中国的航空公司要多少架", ["波音", "预定", "航空公司"])
    line = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))[0]
    assert line is not None and "42架" in line


def test_number_a_person_asked_as_someones_is_not_answered_by_the_owners_figure() -> None:
    r = row(1, "对甲化工公司处以罚款180万元,对企业主要负责人张某某处上一年年收入60%的罚款。")
    facts = [fact(1, "quantity", n) for n in ("180万元", "60%")]
    a = analysis("甲化工的主要负责人罚了多少?", ["甲化工", "负责人", "罚款"])
    assert number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))[0] == (
        "对企业主要负责人张某某处上一年年收入60%的罚款")
    b = analysis("甲化工罚了多少?", ["甲化工", "罚款"])
    assert number.extract(b, ranked((r, 1.0)), MemoryLookup([r], facts))[0] == (
        "对甲化工公司处以罚款180万元")


@pytest.mark.parametrize(("question", "units", "head"), [
    ("甲化工的主要负责人罚了多少?", ["甲化工", "负责人", "罚款"], ("负责人",)),
    ("甲公司的员工有多少人?", ["甲公司", "员工"], ("员工",)),
    # 的 after a description, not an owner: the thing itself is asked about.
    ("没住院却占着床位的医院查出多少家?", ["住院", "床位", "医院"], ()),
    ("负责人罚了多少?", ["负责人", "罚款"], ()),  # no owner before it
    ("负责人的罚款是多少?", ["负责人", "罚款"], ()),  # what is owned is no person
])
def test_possessed(question: str, units: list[str], head: tuple[str, ...]) -> None:
    assert number.possessed(analysis(question, units)) == head


def test_number_the_words_after_how_many_say_what_is_counted() -> None:
    r = row(1, "共抽检电动自行车及蓄电池产品580批次,其中不合格58批次。")
    facts = [fact(1, "quantity", n) for n in ("580批", "58批")]  # as the index reads them
    # 电池 and 抽检 describe the sentence; 不合格, after 多少批, is what is counted.
    a = analysis("抽检电池有多少批不合格?", [("抽检", 4.5), ("电池", 4.5), ("不合格", 4.5)])
    line, _, _ = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "58批次" in line and "580" not in line


def test_number_the_thing_counted_may_follow_its_modifiers() -> None:
    r = row(1, "共查处违规行为62起,其中对8名屡教不改的驾驶员暂扣从业资格证。")
    facts = [fact(1, "quantity", n) for n in ("62起", "8名")]
    # 驾驶员 stands after 屡教不改的, beyond the few characters read right after 8名.
    a = analysis("有几个驾驶员被扣了资格证?", [("驾驶员", 3.0), ("资格证", 4.0)])
    line, _, _ = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "8名" in line and "62起" not in line


def test_number_the_whole_before_a_part_or_one_places_instance() -> None:
    total = row(1, "全年收缴液化石油气瓶4860个,罚款合计386.5万元。")
    part = row(2, "其中,顺德区勒流街道一处黑气点被取缔,现场查扣液化石油气瓶612个。")
    one = row(3, "龙岗区坂田街道对1家物业企业顶格处罚,罚款20万元。")
    facts = [fact(1, "quantity", "4860个"), fact(1, "quantity", "386.5万元"),
             fact(2, "quantity", "612个"), fact(3, "quantity", "20万元")]
    lookup = MemoryLookup([total, part, one], facts)
    # The part and the instance rank first (their sentences say more of the question);
    # described alike, the total answers; the part or the instance only when the question
    # names its place.
    pool = ranked((part, 1.0), (one, 1.0), (total, 0.95))
    a = analysis("没收了多少个液化石油气瓶?", ["液化石油气瓶"])
    assert "4860个" in (number.extract(a, pool, lookup).answer or "")
    b = analysis("顺德区查扣了多少个液化石油气瓶?", [("顺德区", 3.0), "液化石油气瓶"])
    assert "612个" in (number.extract(b, pool, lookup).answer or "")
    c = analysis("罚了多少钱?", ["罚款"])
    assert "386.5万元" in (number.extract(c, pool, lookup).answer or "")
    d = analysis("龙岗区那家物业企业罚了多少钱?", [("龙岗区", 3.0), "物业企业", "罚款"])
    assert "20万元" in (number.extract(d, pool, lookup).answer or "")
    # A district its case's title names is the case's own place, not one instance.
    cost = row(4, "黄岩区人民政府启动应急预案,应急处置费用426万元。", case=3,
               case_title="台州市黄岩区:跨市非法倾倒危险废物案")
    sued = row(5, "检察院提起公益诉讼,索赔赔偿金和应急处置费用共计1168万元。", case=3,
               case_title="台州市黄岩区:跨市非法倾倒危险废物案")
    two = MemoryLookup([cost, sued], [fact(4, "quantity", "426万元"),
                                      fact(5, "quantity", "1168万元")])
    e = analysis("台州应急处置花了多少钱?", [("台州", 3.0), "应急处置"])
    line = number.extract(e, ranked((cost, 1.0), (sued, 0.9)), two).answer or ""
    assert "426万元" in line


def test_when_a_time_set_off_by_itself_dates_the_clause_after_it() -> None:
    quake = row(1, "新华社北京1月10日电今天上午11时50分,张北县发生里氏6.2级地震。")
    later = row(2, "截至今天上午10时,张北地区共发生余震360次。")
    facts = [fact(1, "date", "1月10日"), fact(1, "date", "11时50分"), fact(2, "date", "10时")]
    lookup = MemoryLookup([quake, later], facts)
    a = analysis("张北地震是几点发生的?", ["张北", "地震", "发生"], kind="when")
    # The aftershocks' sentence ranks first; the quake's time is what 地震 describes, a time
    # of day is asked (not the dateline's day), and the line leaves the dateline out.
    line = number.extract(a, ranked((later, 1.0), (quake, 0.9)), lookup).answer
    assert line == "今天上午11时50分"


def test_number_a_headlines_figure_is_quoted_from_its_articles_sentence() -> None:
    headline = row(1, "中国民航订购7架波音客机", "case_title", case=1)
    told = row(2, "据新华社北京1月23日电(记者孙杰)中国民航近日在此间向美国波音公司订购7架波音"
                  "客机。", case=1, case_title="中国民航订购7架波音客机")
    other = row(3, "另一家公司订购7架空客飞机。", case=2, case_title="别的报道")
    facts = [fact(1, "quantity", "7架"), fact(2, "quantity", "7架"), fact(3, "quantity", "7架")]
    lookup = MemoryLookup([headline, told, other], facts)
    # The headline's few words all stand next to its figure; the article's sentence saying
    # the same figure is the evidence, its dateline and byline left out of the line.
    a = analysis("中国民航订购了多少架飞机?", ["中国", "民航", "订购"])
    pool = ranked((headline, 1.0), (told, 0.95), (other, 0.95))
    found = number.extract(a, pool, lookup)
    assert found.evidence is not None and found.evidence.id == 2
    assert found.answer == "中国民航近日在此间向美国波音公司订购7架波音客机"
    # Another article's figure, or another figure of the article, is no stand-in.
    alone = MemoryLookup([headline, other], [fact(1, "quantity", "7架"),
                                             fact(3, "quantity", "7架")])
    found = number.extract(a, ranked((headline, 1.0), (other, 0.95)), alone)
    assert found.evidence is not None and found.evidence.id == 1


@pytest.mark.parametrize(("line", "figure", "kept"), [
    ("新华社北京1月10日电今天上午11时50分,发生地震", "11时50分", "今天上午11时50分,发生地震"),
    ("据新华社北京1月23日电(记者孙杰)中国民航订购7架客机", "7架", "中国民航订购7架客机"),
    ("本报北京1月5日讯(记者 王伟 通讯员 李明)全市新增岗位2万个", "2万个", "全市新增岗位2万个"),
    ("新华社北京1月10日电", "1月10日", "新华社北京1月10日电"),  # the dateline's own date
    ("中国民航订购7架客机", "7架", "中国民航订购7架客机"),
])
def test_dateline_dropped(line: str, figure: str, kept: str) -> None:
    assert number.dateline_dropped(line, figure) == kept


def test_where_a_level_asked_the_cases_own_sentences_name() -> None:
    title = row(1, "典型案例四:徐州市查处驾驶员培训机构学时造假案", "case_title", case=4)
    body = row(2, "今年6月,市执法支队对铜山区某驾驶培训机构开展检查。", case=4,
               case_title="典型案例四:徐州市查处驾驶员培训机构学时造假案")
    lookup = MemoryLookup([title, body], [fact(1, "place", "徐州市", subject="徐州市"),
                                          fact(2, "place", "铜山区", subject="铜山区")])
    a = analysis("学时造假的驾校在哪个区?", ["学时", "造假", "驾校"], kind="where")
    # The title ranks first and names only the city: the case's district answers, the
    # sentence naming it quoted after the title.
    found = where.extract(a, ranked((title, 1.0)), lookup)
    assert found.answer == "铜山区" and [p.id for p in found.support] == [2]
    # A level the case never names: no line.
    b = analysis("学时造假的驾校在哪个镇?", ["学时", "造假", "驾校"], kind="where")
    assert where.extract(b, ranked((title, 1.0)), lookup).answer is None
    # Named by the case's lead, the lead is quoted as well.
    lead = replace(body, role="lead")
    led = MemoryLookup([title, lead], lookup.fact_rows)
    found = where.extract(a, ranked((title, 1.0)), led)
    assert found.answer == "铜山区" and [p.id for p in found.support] == [2]


def test_where_the_narrowest_new_place_of_the_answering_clause() -> None:
    r = row(1, "昌吉州在玛纳斯县试点小饭桌备案。")
    a = analysis("小饭桌备案在哪试点?", ["小饭桌", "备案", "试点"])
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r]))[0] == "玛纳斯县"


@pytest.mark.parametrize(("clause", "spots"), [
    ("二是在南京南站、禄口国际机场等重点区域开展现场核查", ["南京南站", "禄口国际机场"]),
    ("在人民广场举行", ["人民广场"]),
    ("经营广场舞培训", []),  # no 在/到/从 before it: not a spot
    ("在全市开展检查", []),
])
def test_landmarks(clause: str, spots: list[str]) -> None:
    assert landmarks(clause, set()) == spots


def test_where_never_the_place_a_dateline_names() -> None:
    """本报北京1月14日讯: the report was filed in 北京; the concert is in 维也纳."""
    r = row(1, "本报北京１月１４日讯记者刘华新报道：民族音乐会将在奥地利维也纳金色大厅上演。")
    facts = [fact(1, "place", x, subject=x) for x in ("北京", "奥地利")]
    a = analysis("民族音乐会在维也纳哪个地方演?", [("民族音乐会", 3.0), ("维也纳", 3.0), ("演", 1.0)])
    line, evidence, _ = where.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is None or ("北京" not in line and evidence is not None
                            and evidence.text == r.text)  # quoted as written
    dated = row(2, "本报北京１月５日讯记者王科报道：首都国际机场在北京顺义扩建。")
    b = analysis("机场在哪扩建?", [("机场", 3.0), ("扩建", 2.0)])
    assert "北京" in (where.extract(b, ranked((dated, 1.0)), MemoryLookup([dated])).answer or "")


def test_no_clause_answers_where_by_its_dateline_alone() -> None:
    r = row(1, "本报北京一月九日讯中国第一个航空运动俱乐部今天挂牌成立。")
    a = analysis("俱乐部第一个基地设在何处?", [("俱乐部", 3.0), ("基地", 3.0)], kind="where")
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer is None


def test_who_took_a_post_is_a_person_not_a_place() -> None:
    r = row(1, "褚时健案查办期间，昆明市出任云南红塔集团总裁的人选已定。")
    a = analysis("谁出任了云南红塔集团总裁?", [("红塔集团", 3.0), ("总裁", 3.0)], kind="who")
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer != "昆明市"


def test_where_a_site_of_the_asked_kind_or_nothing() -> None:
    r = row(1, "山西省考古研究所在山西省垣曲县古城镇宁家坡遗址成功地发掘了两座陶窑。")
    a = analysis("陶窑具体在哪个遗址?", ["陶窑", "遗址"], kind="where")
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "宁家坡遗址"
    county = row(2, "山西省考古研究所在垣曲县发掘了两座陶窑。")
    assert where.extract(a, ranked((county, 1.0)), MemoryLookup([county])).answer is None


@pytest.mark.parametrize(("text", "kind", "site"), [
    ("俱乐部的第一个基地北京十三陵基地今天成立", "基地", "北京十三陵基地"),  # not 第一个基地
    ("在该遗址发现陶窑", "遗址", None),  # only pointed at
    ("演讲在哈佛大学举行", "大学", "哈佛大学"),
])
def test_a_site_named_by_its_kind(text: str, kind: str, site: str | None) -> None:
    assert site_named(text, kind, set()) == site


def test_where_a_named_spot_when_the_clause_names_no_place() -> None:
    r = row(1, "二是在南京南站、禄口国际机场等重点区域对142辆涉事车辆开展现场核查。")
    a = analysis("在哪些地方做了现场核查?", ["现场", "核查"])
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "南京南站、禄口国际机场"


def test_place_in_clause_levels_and_plurals() -> None:
    assert place_level("昌吉州") < place_level("玛纳斯县") < place_level("大桥镇")
    clause = "乳源瑶族自治县大桥镇和桂头镇"
    assert place_in_clause(clause, set(), "", plural=True) == "大桥镇、桂头镇"
    assert place_in_clause(clause, set(), "", plural=False) == "乳源瑶族自治县大桥镇"
    assert place_in_clause(clause, set(), "县", plural=False) == "乳源瑶族自治县"
    assert place_in_clause("在大桥镇", {"大桥镇"}, "", plural=False) is None
    # Places listed together go together whatever their suffixes (区 is narrower than 县).
    listed = "今年新建东坪县、临河区2个区域性应急物资储备库"
    assert place_in_clause(listed, {"新建"}, "", plural=True) == "东坪县、临河区"
    assert place_in_clause(listed, {"新建"}, "", plural=False) == "临河区"


def test_a_place_opening_an_authoritys_name_is_no_answer() -> None:
    """桐川市市场监督管理局 acts in 桐川市: nothing happened there by this clause."""
    clause = "该产品标称生产企业位于外省，桐川市市场监督管理局已将不合格产品信息通报生产企业所在地"
    assert place_in_clause(clause, set(), "", plural=False) is None
    assert place_in_clause("白沙县市场监管局在白沙镇抽检", set(), "", plural=False) == "白沙镇"


def test_alias_spells_out_a_short_name() -> None:
    r = row(1, "《关于加强食品安全的意见》(以下简称《意见》)。")
    lookup = MemoryLookup([r], [fact(1, "alias", "意见", "意见", None, "关于加强食品安全的意见")])
    a = analysis("文中的《意见》指的是哪个文件?", ["意见"])
    line, evidence, _ = extract(a, ranked((r, 1.0)), lookup)
    assert line == "《意见》即《关于加强食品安全的意见》"
    assert evidence is not None and evidence.id == 1


def test_what_falls_back_to_the_clause_of_the_focus() -> None:
    r = row(1, "昌吉州强化小饭桌监管,探索2+N监管模式。")
    a = analysis("探索的是什么监管模式?", ["探索", "监管模式"])
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])) == ("探索2+N监管模式", None, ())
    # A what-question without a focus gets no answer line: the quotes answer it.
    b = analysis("小饭桌怎么样?", ["小饭桌"], kind="what")
    assert extract(b, ranked((r, 1.0)), MemoryLookup([r])) == (None, None, ())


def test_a_document_question_falls_back_to_the_titles_of_the_clause() -> None:
    # No issuing fact: the clause answers, but the line is its titles, not the clause.
    r = row(1, "执法人员依据《建设工程质量管理条例》和《江西省建筑市场管理条例》,对施工单位处以罚款。")
    a = analysis("罚施工单位依据的是什么条例?", ["施工单位", ("依据", 0.5)], kind="document")
    line, _, _ = extract(a, ranked((r, 1.0)), MemoryLookup([r]))
    assert line == "《建设工程质量管理条例》、《江西省建筑市场管理条例》"


def test_a_document_question_is_answered_by_the_one_title_of_the_sentence() -> None:
    """The clause matched gives the reason, another names the document: the sentence's one
    title answers — but never a title the question names itself."""
    r = row(1, "美国国会通过了《普雷斯勒修正案》,以所谓巴秘密研制核武器为由,宣布对巴进行制裁。")
    a = analysis("以秘密研制核武器为由通过了哪个法案制裁巴基斯坦", [("核武器", 3.0), "制裁"],
                 kind="document")
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "《普雷斯勒修正案》"
    law = row(2, "该行为违反了《中华人民共和国安全生产法》第四十三条的规定。")
    b = analysis("动火作业违反了安全生产法的哪个文件", [("违反", 2.0), ("安全生产法", 3.0)],
                 kind="document")
    assert extract(b, ranked((law, 1.0)), MemoryLookup([law])).answer is None
    # …though the article of it that a question asks is its citation (bot/extract/articles).
    c = analysis("动火作业违反了安全生产法第几条", [("违反", 2.0), ("安全生产法", 3.0)],
                 kind="document")
    assert extract(c, ranked((law, 1.0)), MemoryLookup([law])).answer == (
        "《中华人民共和国安全生产法》第四十三条")
    # Of two titles in the sentence and none in the clause, neither.
    two = row(3, "以所谓研制核武器为由,美国依据《出口管理法》和《武器出口控制法》实施制裁。")
    assert extract(a, ranked((two, 1.0)), MemoryLookup([two])).answer is None


def test_an_issuer_only_the_case_lead_names_is_shown_as_the_leads() -> None:
    lead = row(1, "自治区市场监管、农业农村、公安等部门强化全链条监管。", "lead", case=2)
    said = row(2, "修订《畜禽屠宰管理条例》,完善管理制度。", case=2, section=5)
    issuance = fact(2, "issuance", "畜禽屠宰管理条例", "自治区市场监管、农业农村、公安等部门",
                    "修订", "畜禽屠宰管理条例")
    a = analysis("哪个部门修订了畜禽屠宰管理条例?", ["畜禽屠宰管理条例", ("修订", 0.3)])
    found = who.extract(a, ranked((said, 1.0)), MemoryLookup([lead, said], [issuance]))
    assert found.answer == "《畜禽屠宰管理条例》由自治区市场监管、农业农村、公安等部门修订(案例2 导语)"
    assert found.evidence is not None and found.evidence.id == 2
    assert [p.id for p in found.support] == [1]  # the lead is quoted with it
    # The actor stated in the sentence itself: no note, nothing more to quote.
    own = row(3, "自治区市场监管局修订《畜禽屠宰管理条例》。", case=2)
    stated = fact(3, "issuance", "畜禽屠宰管理条例", "自治区市场监管局", "修订", "畜禽屠宰管理条例")
    found = who.extract(a, ranked((own, 1.0)), MemoryLookup([lead, own], [stated]))
    assert found.answer == "《畜禽屠宰管理条例》由自治区市场监管局修订(案例2)"
    assert found.support == ()


@pytest.mark.parametrize(("line", "actor"), [
    ("市场监管部门", True), ("岳阳县", True), ("县长", True), ("医保专干", True),
    ("由县", False), ("对确实不宜耕种的地块", False), ("县", False),
])
def test_names_an_actor(line: str, actor: bool) -> None:
    assert who.names_an_actor(line) is actor


def test_who_a_post_rather_than_a_fragment() -> None:
    r = row(1, "建立县、乡、村三级田长体系,由县长担任总田长。")
    a = analysis("谁当总田长?", ["总田长"])
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r]))[0] == "县长"


def test_number_a_noun_after_how_many_is_no_measure() -> None:
    r = row(1, "2023年累计陪餐11.6万人次,发现并整改饭菜口味等问题2370个。")
    facts = [fact(1, "quantity", n) for n in ("11.6万人次", "2370个")]
    a = analysis("陪餐发现了多少问题?", [("陪餐", 3.0), ("发现", 3.0), ("问题", 3.0)])
    line, _, _ = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "2370个" in line


def test_place_in_clause_reads_chains() -> None:
    # A place written right after another lies inside it, whatever its suffix.
    assert place_in_clause("来源于温州市瑞安市的3家企业", set(), "", False) == "温州市瑞安市"
    # The question names a place and the clause goes on inside it: the answer is there.
    clause = "嘉兴市嘉善县西塘镇与江苏省苏州市吴江区交界的界泾港"
    assert place_in_clause(clause, {"江苏", "界泾港"}, "", False) == "苏州市吴江区"
    assert place_in_clause(clause, {"界泾港"}, "", False) == "嘉兴市嘉善县西塘镇"


@pytest.mark.parametrize(("clause", "place"), [
    ("反映有人在昆山南站周边组织私家车从事昆山至上海的载客营运", "昆山南站"),
    ("在黄岩区院桥镇西岙村一处废弃矿坑内", "黄岩区院桥镇西岙村"),
    ("从上海运到此处", None),  # no 在
    ("在全市开展检查", None),
])
def test_place_after_at(clause: str, place: str | None) -> None:
    assert place_after_at(clause, {"昆山"}, "") == place


def test_which_province_is_answered_by_a_bare_province_name() -> None:
    # News text names provinces without 省: 位于河南的中国一拖….
    assert place_in_clause("位于河南的中国一拖集团", {"一拖"}, "省", False) == "河南"
    assert place_in_clause("位于洛阳市的中国一拖集团", {"一拖"}, "省", False) is None


def test_where_at_from_another_clause_of_the_sentence() -> None:
    # The clause richest in the question's words names no place after 在; one that says
    # some of them does.
    r = row(1, "新一条光盘生产线今天在顺义区投产开机,副部长为维宝光盘有限公司开业揭牌。")
    a = analysis("维宝光盘生产线建在哪里?", [("维宝", 5.0), ("光盘", 3.0), "生产线", "建"])
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r]))[0] == "顺义区"


def test_where_a_vague_place_answers_only_with_whom() -> None:
    r = row(1, "香梨成为全国首个中欧地理标志互认产品。")
    partner = analysis("香梨是和哪里互认的?", ["香梨", "互认"])
    assert where.extract(partner, ranked((r, 1.0)), MemoryLookup([r]))[0] is not None
    held = row(2, "全国最高水平的少年速滑比赛今天开幕。")
    at = analysis("少年速滑比赛在哪里举行?", ["少年", "速滑", "比赛"])
    assert where.extract(at, ranked((held, 1.0)), MemoryLookup([held]))[0] is None


@pytest.mark.parametrize(("clause", "places"), [
    ("第十一届论坛大会于近日在广州召开", ["广州"]),
    ("研究小组今天在波士顿举行的学会会议上说", ["波士顿"]),  # a city no suffix marks
    ("会议在此间举行", []),  # here, not a place
    ("大会于近日在广州召开", []),  # the question names it already (below)
    # The country asked about, then its capital: the capital answers.
    ("峰会今天在孟加拉国首都达卡举行", ["达卡"]),
])
def test_venues(clause: str, places: list[str]) -> None:
    named = ({"广州"} if clause.startswith("大会") else
             {"孟加拉国", "峰会"} if clause.startswith("峰会") else set())
    assert venues(clause, named) == places


def test_number_a_total_asked() -> None:
    # Of two figures the question's words describe alike, the one the text calls a total.
    r = row(1, "全市新购置校车45辆,校车总数达到186辆。")
    facts = [fact(1, "quantity", "45辆"), fact(1, "quantity", "186辆")]
    a = analysis("校车一共有多少辆?", ["校车"])
    line, _, _ = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "186辆" in line
    # A figure per unit or a bound is no total: no line at all, not even the clause.
    r2 = row(2, "对查实的线索给予举报人每条最高2000元奖励。")
    b = analysis("举报奖励一共发了多少钱?", ["举报", "奖励"])
    lookup = MemoryLookup([r2], [fact(2, "quantity", "2000元")])
    assert extract(b, ranked((r2, 1.0)), lookup).answer is None


def test_number_a_bound_asked_is_answered_by_a_bound_or_not_at_all() -> None:
    # "单笔最高给了多少?" is not answered by the total paid out …
    total = row(1, "全市共受理举报线索673条,查实并兑现举报奖励资金28.6万元。")
    a = analysis("举报奖励单笔最高给了多少钱?", ["举报", "奖励"])
    lookup = MemoryLookup([total], [fact(1, "quantity", "673条"), fact(1, "quantity", "28.6万元")])
    assert extract(a, ranked((total, 1.0)), lookup).answer is None
    assert number.no_bound(a, "查实并兑现举报奖励资金28.6万元")
    # … but by a figure the text gives as a ceiling.
    bound = row(2, "对查实的线索给予举报人每条最高2000元奖励。")
    line, _, _ = number.extract(a, ranked((bound, 1.0)),
                                MemoryLookup([bound], [fact(2, "quantity", "2000元")]))
    assert line is not None and "2000元" in line
    assert not number.no_bound(a, "给予举报人每条最高2000元奖励")
    # 最高人民法院 is a court, not a ceiling.
    assert not number.asks_bound(analysis("最高人民法院发布了多少个案例?", ["最高人民法院", "案例"]))


def test_number_the_parts_after_其中_are_no_total() -> None:
    r = row(1, "全年共发行国内政府债券2412.03亿元,其中凭证式国债1643.33亿元,无记名国债395.29亿元。")
    facts = [fact(1, "quantity", n) for n in ("2412.03亿元", "1643.33亿元", "395.29亿元")]
    a = analysis("全年国债一共发了多少?", ["全年", "国债"])
    line, _, _ = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "2412.03亿元" in line
    # Not asked for a total, a part described by the question's words still answers.
    b = analysis("凭证式国债发了多少?", ["凭证式", "国债"])
    line, _, _ = number.extract(b, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "1643.33亿元" in line


def test_number_what_is_left_is_what_a_count_came_down_to() -> None:
    closed = row(1, "依法关闭不具备安全生产条件的小型露天矿山27座。")
    left = row(2, "全市非煤矿山数量由2021年的143座减少到96座。")
    facts = [fact(1, "quantity", "27座"), fact(2, "quantity", "143座"),
             fact(2, "quantity", "96座")]
    lookup = MemoryLookup([closed, left], facts)
    pool = ranked((closed, 1.0), (left, 0.95))
    a = analysis("非煤矿山现在还剩多少座?", ["非煤矿山", "矿山"])
    assert "96座" in (number.extract(a, pool, lookup).answer or "")
    # Not asked what is left: the figure the question's words describe.
    b = analysis("关闭了多少座矿山?", ["关闭", "矿山"])
    assert "27座" in (number.extract(b, pool, lookup).answer or "")


def test_number_by_how_much_a_limit_was_passed() -> None:
    r = row(1, "经监测,该工地夜间噪声最高达到72.4分贝,超过标准限值17.4分贝。")
    lookup = MemoryLookup([r], [fact(1, "quantity", "72.4分贝"), fact(1, "quantity", "17.4分贝")])
    # 噪声 describes the level reached; 超标 asks the excess.
    a = analysis("工地噪声超标多少分贝?", [("工地", 2.6), ("噪声", 1.6), ("超标", 3.8)])
    assert number.extract(a, ranked((r, 1.0)), lookup).answer == "超过标准限值17.4分贝"
    b = analysis("工地噪声最高达到多少分贝?", [("工地", 2.6), ("噪声", 1.6), ("最高", 2.0)])
    assert number.extract(b, ranked((r, 1.0)), lookup).answer == "该工地夜间噪声最高达到72.4分贝"


def test_number_a_level_asked_is_not_a_change_said_beside_it() -> None:
    r = row(1, "商品房销售价格突破2000元/平方米,与上年相比平均增加200元以上。")
    lookup = MemoryLookup([r], [fact(1, "quantity", "2000元"), fact(1, "quantity", "200元")])
    a = analysis("商品房平均卖多少钱一平米?", [("商品房", 5.0), ("平均", 2.0)])
    assert "2000元" in (number.extract(a, ranked((r, 1.0)), lookup).answer or "")
    b = analysis("商品房价格平均增加了多少钱?", [("商品房", 5.0), ("增加", 2.0)])
    assert number.extract(b, ranked((r, 1.0)), lookup).answer == "与上年相比平均增加200元以上"


@pytest.mark.parametrize(("words", "question", "changed"), [
    ("与上年相比平均增加", "卖多少钱", True), ("收入增长了约", "收入多少", True),
    ("岗位新增", "新增多少个岗位", False),  # the question says that change
    ("商品房销售价格突破", "卖多少钱", False),
])
def test_changed_by(words: str, question: str, changed: bool) -> None:
    assert number.changed_by(words, question) is changed


@pytest.mark.parametrize(("words", "came_down"), [
    ("数量由2021年的143座减少到", True), ("已由过去的84个委办局减至目前的", True),
    ("全县只剩", True), ("依法关闭", False), ("数量由", False),
])
def test_came_down_to(words: str, came_down: bool) -> None:
    assert bool(number._CAME_DOWN_TO.search(words)) is came_down


def test_number_a_figure_per_unit_when_one_is_asked() -> None:
    r = row(1, "共投放贷款2.4亿元,带动农户户均增加纯收入300多元。")
    facts = [fact(1, "quantity", "2.4亿元"), fact(1, "quantity", "300多元")]
    a = analysis("农民每户多挣了多少钱?", ["农民"])
    line, _, _ = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "300多元" in line
    # 每年 asks a yearly sum, not a figure per unit.
    r2 = row(2, "县财政每年安排专项资金500万元,对达标的幸福院给予每年2万元运营补助。")
    facts2 = [fact(2, "quantity", "500万元"), fact(2, "quantity", "2万元")]
    b = analysis("每年安排多少专项资金?", ["安排", "专项资金"])
    line, _, _ = number.extract(b, ranked((r2, 1.0)), MemoryLookup([r2], facts2))
    assert line is not None and "500万元" in line


@pytest.mark.parametrize(("question", "clause", "other"), [
    ("1997年实现工商税利多少?", "1996年烟厂实现工商税利193亿元", True),
    ("1997年实现工商税利多少?", "仍然实现工商税利193.5亿元", False),  # no year said
    ("1997年增长多少?", "比1996年增长12%", False),  # a year compared with is not the figure's
    ("1997年实现多少?", "1997年实现193.5亿元", False),
    ("第二批示范区有多少个?", "1995年命名第一批50个全国乡镇企业示范区", True),
    ("第二批示范区有多少个?", "批准命名60个乡镇企业小区为第二批全国乡镇企业示范区", False),
])
def test_of_another_year_or_batch(question: str, clause: str, other: bool) -> None:
    assert whose.of_another(analysis(question, []), clause) is other


def test_the_figure_of_the_asked_year_of_the_found_sentence() -> None:
    r = row(1, "全省计划用4年时间改造老旧燃气管道约6200公里,其中2024年完成1500公里。")
    facts = [fact(1, "quantity", "6200公里"), fact(1, "quantity", "1500公里")]
    a = analysis("2024年要改造多少公里燃气管道", ["2024", "改造", "燃气管道"])
    line, _, _ = number.extract(a, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "1500公里" in line and "6200" not in line
    b = analysis("一共要改造多少公里燃气管道", ["改造", "燃气管道"])  # no year asked
    line, _, _ = number.extract(b, ranked((r, 1.0)), MemoryLookup([r], facts))
    assert line is not None and "6200公里" in line


def test_what_there_was_before_is_the_figure_said_of_that_time() -> None:
    done = row(1, "截至2024年底,通江县累计复耕撂荒地4.9万亩。")
    was = row(2, "通江县地处大巴山区,一度有撂荒地5.3万亩。")
    facts = [fact(1, "quantity", "4.9万亩"), fact(2, "quantity", "5.3万亩")]
    a = analysis("通江县没人种的地原来有多少", ["通江县", "撂荒地"])
    line, _, _ = number.extract(a, ranked((done, 1.0), (was, 0.95)),
                                MemoryLookup([done, was], facts))
    assert line is not None and "5.3万亩" in line and "4.9" not in line


@pytest.mark.parametrize(("question", "clause", "asked"), [
    ("2024年要改造多少公里?", "其中2024年完成1500公里", True),
    ("2024年要改造多少公里?", "全省计划用4年时间改造约6200公里", False),
    ("1997年增长多少?", "比1997年增长12%", False),  # compared with, not the figure's year
    ("要改造多少公里?", "其中2024年完成1500公里", False),  # no year asked
])
def test_of_the_asked_year(question: str, clause: str, asked: bool) -> None:
    assert whose.of_the_asked_year(analysis(question, []), clause) is asked


def test_number_a_negated_word_does_not_describe_a_figure() -> None:
    r = row(1, "抽查的商品总合格率为50.5%,不合格率为49.5%。")
    facts = [fact(1, "quantity", "50.5%"), fact(1, "quantity", "49.5%")]
    lookup = MemoryLookup([r], facts)
    a = analysis("合格的占多少?", ["合格"])
    assert "50.5%" in (number.extract(a, ranked((r, 1.0)), lookup)[0] or "")
    b = analysis("不合格的占多少?", ["不合格"])
    assert "49.5%" in (number.extract(b, ranked((r, 1.0)), lookup)[0] or "")


def test_who_a_reporter_of_the_dateline_is_no_actor() -> None:
    text = "本报东京1月23日电记者张国成报道:新党党首由前首相羽田孜出任。"
    r = row(1, text)
    a = analysis("新党党首是谁?", ["新党", "党首"], kind="who")
    lookup = MemoryLookup([r], words={1: ("记者", "张国成", "党首", "羽田孜")})
    assert who.named_person(a, ranked((r, 1.0)), lookup) is None
    b = analysis("哪个记者报道的新党成立?", ["记者", "新党"], kind="who")
    found = who.named_person(b, ranked((r, 1.0)), lookup)
    assert found is not None and found.answer == "张国成"


def test_who_takes_a_role() -> None:
    r = row(1, "县委办公室印发工作方案,建立三级田长体系,由县长担任总田长。")
    a = analysis("谁当总田长?", ["总田长"], kind="who")
    found = who.extract(a, ranked((r, 1.0)), MemoryLookup([r]))
    assert found.answer == "县长"  # not 县委办公室, the sentence's subject
    # No sentence says who takes it: no line from the role.
    other = row(2, "总田长负责统筹协调。")
    assert who.role_taker(a, ranked((other, 1.0))) is None


def test_no_who_line_when_the_evidence_does_not_say_the_deed() -> None:
    r = row(1, "由中国对外文化交流协会主办的民族音乐会将在维也纳金色大厅上演。")
    a = analysis("音乐会是谁指挥的?", ["音乐会", "指挥"], kind="who")
    assert who.deed_unsaid(a, ranked((r, 1.0))[0])
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer is None
    # …nor the clause naming the organiser in its place.
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer is None
    said = row(2, "音乐会由陈燮阳指挥,中国对外文化交流协会主办。")
    assert not who.deed_unsaid(a, ranked((said, 1.0))[0])
    # Who leads is said by the sentence's shape as often as by a word (X会同Y…).
    led = row(3, "市水务局会同市应急管理局开展有限空间作业专项执法。")
    b = analysis("有限空间执法是哪个局牵头的?", ["有限空间", "执法", "牵头"], kind="who",
                 frame=IN_CHARGE_VERBS)
    assert not who.deed_unsaid(b, ranked((led, 1.0))[0])


def test_who_the_person_right_before_the_deed_not_the_body_after_it() -> None:
    r = row(1, "由美国人斯科特·里特率领的联合国武器核查小组按照联合国特委会的要求撤离伊拉克。")
    a = analysis("撤离伊拉克的核查小组是谁率领的?", ["撤离", "伊拉克", "核查", "小组", "率领"],
                 kind="who")
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "斯科特·里特"
    line = who.Direct("斯科特·里特", ranked((r, 1.0))[0])
    assert who.does_deed(a, line)
    assert not who.does_deed(a, line._replace(answer="联合国特委会"))


def test_who_the_sentence_saying_the_deed_when_the_best_one_does_not() -> None:
    court = row(1, "青石县人民法院以失火罪判处王某某有期徒刑一年六个月。", case=1,
                case_title="王某某失火案")
    police = row(2, "青石县公安局森林警察大队依法立案侦查,后移送检察机关审查起诉。", case=1,
                 case_title="王某某失火案")
    a = analysis("王某某失火案是哪个单位立案侦查的?", ["王某某", "失火", "立案侦查"], kind="who")
    lookup = MemoryLookup([court, police])
    # The court's sentence covers more of the question; the police's says the deed asked.
    pool = [replace(p, coverage=c) for p, c in zip(ranked((court, 1.0), (police, 0.95)),
                                                    (0.64, 0.58), strict=True)]
    assert who.extract(a, pool, lookup).answer == "青石县公安局森林警察大队"
    # One covering much less is no stand-in: no line.
    far = [pool[0], replace(pool[1], coverage=0.3)]
    assert who.extract(a, far, lookup).answer is None


def test_who_does_the_deed_is_named_after_by() -> None:
    r = row(1, "省政府将《条例》列入2024年度立法工作计划,由省住房和城乡建设厅负责起草,"
               "经省司法厅审查修改后提请省人大常委会审议。")
    a = analysis("燃气安全条例是哪个单位起草的", ["燃气", "条例", "起草"], kind="who")
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "省住房和城乡建设厅"
    # The name after the last 由 before the deed, not a stretch from an earlier one.
    two = row(3, "由省政府统筹安排由省住房和城乡建设厅负责起草。")
    assert who.done_by(a, ranked((two, 1.0))).answer == "省住房和城乡建设厅"  # type: ignore[union-attr]
    # 经 names the doer too — the whole name, though the deed's word is part of it —
    # and not within a word (经济, 已经).
    tested = row(4, "经省级产品质量检验机构检验，该店销售的复合肥总养分不合格。")
    c = analysis("那批复合肥是谁检验的", ["复合肥", "检验"], kind="who")
    assert who.done_by(c, ranked((tested, 1.0))).answer == "省级产品质量检验机构"  # type: ignore[union-attr]
    economy = row(5, "县经济和信息化局检验了该批产品。")
    assert who.done_by(c, ranked((economy, 1.0))) is None
    # A phrase after 由 names no one: the rule leaves the answer to the others.
    q = row(2, "剩余纠纷由信州区人民法院设立的诉调对接工作室开展调解。")
    b = analysis("剩下的纠纷由谁来调解?", ["纠纷", "调解"], kind="who")
    assert who.done_by(b, ranked((q, 1.0))) is None


def test_who_is_in_charge_is_the_name_before_the_in_charge_verb() -> None:
    r = row(1, "临江市人民政府成立由市应急管理局牵头，会同市公安局等单位组成的事故调查组。")
    a = analysis("恒泰化工爆炸是哪个部门牵头查的?", ["牵头", "调查"], kind="who",
                 frame=IN_CHARGE_VERBS)
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "市应急管理局"


def test_when_a_year_only_compared_with_dates_nothing() -> None:
    r = row(1, "今年全国报名总人数为27.4万人,比1997年净增约3.2万人。")
    lookup = MemoryLookup([r], [fact(1, "date", "1997年", "1997年")])
    a = analysis("今年报名的日子是哪天?", ["今年", "报名", "日子"], kind="when")
    assert extract(a, ranked((r, 1.0)), lookup).answer is None
    held = row(2, "考试于1997年举行,报名人数比上年增加。")
    dated = MemoryLookup([held], [fact(2, "date", "1997年", "1997年")])
    b = analysis("考试什么时候举行?", ["考试", "举行"], kind="when")
    assert "1997年" in (number.extract(b, ranked((held, 1.0)), dated).answer or "")


@pytest.mark.parametrize(("body", "date", "compared"), [
    ("比1997年净增约3.2万人", "1997年", True),
    ("与1996年相比增长12%", "1996年", True),
    ("较上年下降", "上年", True),
    ("1997年比1996年增长12%", "1997年", False),  # 1997年 dates the figure
    ("于1997年举行", "1997年", False),
])
def test_compared(body: str, date: str, compared: bool) -> None:
    assert whose.compared(body, date) is compared


def test_number_another_countrys_figure_does_not_answer() -> None:
    # The sentence names America only: its figure is America's, not China's.
    r = row(1, "据世界旅游组织公布的数字,去年旅游收入最多的国家仍然是美国,为750.56亿美元。")
    lookup = MemoryLookup([r], [fact(1, "quantity", "750.56亿美元")])
    a = analysis("1997年中国旅游收入是多少美元?", ["中国", "旅游", "收入"])
    assert extract(a, ranked((r, 1.0)), lookup).answer is None
    # Both countries asked must be named: 我国与美国 is not the trade with Germany.
    trade = row(2, "1997年,我国与美国直接贸易额298亿美元。")
    facts = MemoryLookup([trade], [fact(2, "quantity", "298亿美元")])
    b = analysis("1997年我国和德国的贸易额是多少?", ["我国", "德国", "贸易额"])
    assert extract(b, ranked((trade, 1.0)), facts).answer is None
    c = analysis("1997年我国和美国的贸易额是多少?", ["我国", "美国", "贸易额"])
    assert "298亿美元" in (extract(c, ranked((trade, 1.0)), facts).answer or "")
    # A country the text shortens once named (中德) is named.
    aid = row(3, "德国外交部日前为中国地震灾区提供了第一批人道主义援助7.5万马克。")
    helped = MemoryLookup([aid], [fact(3, "quantity", "7.5万马克")])
    d = analysis("德国给地震灾区援助了多少钱?", ["德国", "地震", "援助"])
    assert "7.5万马克" in (extract(d, ranked((aid, 1.0)), helped).answer or "")


@pytest.mark.parametrize(("text", "asked", "another"), [
    ("去年旅游收入最多的国家仍然是美国,为750.56亿美元", {"中国"}, True),
    ("我国旅游收入为120.74亿美元", {"中国"}, False),
    ("全国旅游收入为120.74亿美元", {"中国"}, False),  # no country named: no judgement
    ("除美国外,中德贸易额增长最快", {"德国"}, False),  # 中德 names Germany
    ("德方提供援助7.5万马克", {"德国"}, False),
    ("美国向伊拉克提供援助", {"德国"}, True),
])
def test_another_country(text: str, asked: set[str], another: bool) -> None:
    assert whose.another_country(text, frozenset(asked)) is another


def test_when_the_date_of_the_deed_asked() -> None:
    # 初建于1951年 dates the building, not the flood the question asks about.
    r = row(1, "石漫滩水库初建于1951年,是淮河上游的大型水库。")
    flood = row(2, "1975年8月,特大洪水冲垮了水库。")
    lookup = MemoryLookup([r, flood], [fact(1, "date", "1951年", "1951年"),
                                       fact(2, "date", "1975年8月", "1975年8月")])
    a = analysis("石漫滩水库是什么时候被洪水冲垮的?", ["石漫滩", "水库", "洪水", "冲垮"],
                 kind="when")
    assert "1975年8月" in (number.extract(a, ranked((r, 1.0), (flood, 0.9)),
                                          lookup).answer or "")
    only = row(2, "石漫滩水库初建于1951年。")
    built = MemoryLookup([only], [fact(2, "date", "1951年", "1951年")])
    assert extract(a, ranked((only, 1.0)), built).answer is None


def test_a_time_set_off_at_the_head_dates_the_sentences_deed() -> None:
    """2024年5月9日,县市场监管局…,对…车行进行检查: the deed stands clauses after the date."""
    r = row(1, "2024年5月9日,县市场监管局在电动自行车安全隐患全链条整治行动中,对位于城关镇"
               "人民南路的某某电动车行进行检查。")
    lookup = MemoryLookup([r], [fact(1, "date", "2024年5月9日", "2024年5月9日")])
    a = analysis("电动车行是什么时候被检查的", ["电动车行", "检查"], kind="when")
    assert number.extract(a, ranked((r, 1.0)), lookup).answer == "2024年5月9日"
    # A date inside a clause of its own deed still dates only that clause and the next.
    other = row(2, "该车行于2023年10月开业,县市场监管局随后进行检查,发现违规。")
    told = MemoryLookup([other], [fact(2, "date", "2023年10月", "2023年10月")])
    b = analysis("电动车行是什么时候被处罚的", ["电动车行", "处罚"], kind="when")
    assert number.extract(b, ranked((other, 1.0)), told).answer is None


@pytest.mark.parametrize(("question", "units", "clause", "unsaid"), [
    ("水库是什么时候被洪水冲垮的?", ["水库", "洪水", "冲垮"], "水库初建于1951年", True),
    ("水库是什么时候被洪水冲垮的?", ["水库", "洪水", "冲垮"], "1975年8月被洪水冲垮", False),
    # …in another form: all its characters said (开业 → 开张营业).
    ("市场是几号开业的?", ["市场", "开业"], "于1月18日重新开张营业", False),
    # A word placing the deed in time is no deed; nothing named after the question word.
    ("总结什么时候之前要报?", ["总结", "之前"], "于7月15日前报送", False),
    ("戴碧蓉的手术定在哪天?", ["戴碧蓉", "手术"], "1月8日", False),
    # …nor is the direction a verb takes (报上去: the text says 报送).
    ("总结什么时候之前要报上去?", ["总结", "之前", "上去"], "于7月15日前报送", False),
    # A clause must say half the deed's words: a place named on the way is not the deed.
    ("褚时健哪一年当上玉溪卷烟厂厂长的?", ["褚时健", "当上", "玉溪", "卷烟厂", "厂长"],
     "1952年加入中国共产党,担任过服务员、玉溪行署人事科长", True),
    ("褚时健哪一年当上玉溪卷烟厂厂长的?", ["褚时健", "当上", "玉溪", "卷烟厂", "厂长"],
     "1979年出任玉溪卷烟厂厂长", False),
])
def test_deed_unsaid(question: str, units: list[str], clause: str, unsaid: bool) -> None:
    a = analysis(question, units, kind="when")
    assert whose.deed_unsaid(a, clause) is unsaid


def test_a_deed_no_document_says_dates_nothing() -> None:
    # 结束 is a word of no indexed text: no clause says the deed, so no date is its.
    a = analysis("专项执法什么时候结束?", ["专项", "执法", "结束"], kind="when")
    a.units[2] = replace(a.units[2], known=False)
    assert whose.deed_unsaid(a, "并于2024年下半年在全市推开")
    assert not whose.deed_unsaid(a, "于2024年底结束")


def test_who_holds_a_post_placed_by_a_country() -> None:
    # 驻日本大使 does not hold the 驻法国大使 asked, though both are 大使.
    r = row(1, "中国驻日本大使徐敦信出席座谈会并讲话,中国驻法国大使蔡方柏在发言中说。")
    lookup = MemoryLookup([r], words={1: ("徐敦信", "蔡方柏", "出席", "座谈会")})
    a = analysis("座谈会上驻法国大使是哪位?", ["座谈会", "法国", "大使"])
    assert who.extract(a, ranked((r, 1.0)), lookup).answer == "蔡方柏"
    b = analysis("座谈会上驻英国大使是哪位?", ["座谈会", "英国", "大使"])
    assert who.extract(b, ranked((r, 1.0)), lookup).answer is None


def test_who_attending_the_ceremony_of_a_deed_did_not_do_it() -> None:
    attended = ranked((row(1, "交通部部长黄镇东、水利部副部长张春园出席了揭牌仪式。"), 1.0))[0]
    did = ranked((row(2, "国务院副总理吴邦国为公司成立揭牌。"), 1.0))[0]
    a = analysis("公司成立是谁揭牌的?", ["公司", "成立", "揭牌"])
    assert who.deed_unsaid(a, attended)
    assert not who.deed_unsaid(a, did)



@pytest.mark.parametrize(("line", "rate"), [
    ("每季度对全市耕地变化情况开展一次全覆盖监测", True),
    ("乡镇卫生院医生每周上门巡诊不少于1次", True),
    ("对居民用户每年至少进行1次免费入户安全检查", True),
    ("定期开展消防检查", True),
    ("一年两次", True),
    ("发现疑似违法图斑后3日内推送镇核查", False),
    ("2024年5月开展一次检查", False),
])
def test_a_rate_said(line: str, rate: bool) -> None:
    assert (FREQUENCY_SAID.search(line) is not None) is rate


@pytest.mark.parametrize(("place", "text", "only"), [
    ("老少边穷地区", '"首都高校老少边穷地区留京学生新春团拜会"在这里举行', True),
    ("老少边穷地区", '"首都高校老少边穷地区留京学生新春团拜会"在老少边穷地区举行', False),
    ("北京", '会议在"北京"举行', False),  # the quoted name is the place itself
])
def test_a_place_only_in_a_quoted_name(place: str, text: str, only: bool) -> None:
    assert where.only_in_a_name(place, text) is only



def test_which_day_is_not_answered_by_a_year() -> None:
    """"从哪天开始的?": a title's 2025年 is no day; the preamble's 4月1日 is."""
    title = row(1, "岚州市应急管理局关于2025年全市危险化学品专项执法检查情况的通报", role="title")
    a = analysis("执法检查是从哪天开始的", [("执法", 2.0), ("检查", 2.0)], kind="when")
    assert a.intent.asks_day
    lookup = MemoryLookup([title], [fact(1, "date", "2025年", subject="2025年")])
    assert number.extract(a, ranked((title, 1.0)), lookup).answer is None
    said = row(2, "2025年4月1日至8月31日，市应急管理局组织开展了专项执法检查。")
    both = MemoryLookup([title, said], [fact(1, "date", "2025年", subject="2025年"),
                                        fact(2, "date", "2025年4月1日", subject="2025年4月1日")])
    line = number.extract(a, ranked((title, 1.0), (said, 1.0)), both).answer
    assert line is not None and "4月1日" in line


@pytest.mark.parametrize(("row_text", "figure", "label"), [
    ("区县:高新区 | 发现隐患(项):574项 | 已整改(项):562项", "562项", "已整改(项)"),
    ("区县:高新区 | 发现隐患(项):574项 | 已整改(项):562项", "574项", "发现隐患(项)"),
    ("全市共发现隐患574项,已整改562项", "562项", ""),  # a sentence has no cells
])
def test_a_table_cells_label_describes_its_figure(row_text: str, figure: str, label: str) -> None:
    assert number.cell_label(row_text, row_text.find(figure)) == label



def test_a_telephone_number_asked_is_the_number_or_nothing() -> None:
    """"打什么电话?": the number the next sentence gives, quoted from it; an amount is none."""
    asked = row(1, "鼓励公众举报燃气安全违法行为，单次最高奖励金额为10000元。")
    told = row(2, "全省统一燃气服务热线为12319，接到举报后应当在5个工作日内核查处理。")
    a = analysis("举报燃气违法行为打什么电话", [("举报", 3.0), ("燃气", 2.0)], kind="what")
    assert a.intent.asks_phone
    line, evidence, support = extract(a, ranked((asked, 1.0)), MemoryLookup([asked, told]))
    assert line == "12319" and evidence is not None and evidence.id == 2
    assert [p.id for p in support] == [1]
    assert extract(a, ranked((asked, 1.0)), MemoryLookup([asked])).answer is None


@pytest.mark.parametrize(("text", "number"), [
    ("全省统一燃气服务热线为12319", "12319"),
    ("举报电话0991-2345678。", "0991-2345678"),
    ("罚款32000元", None),  # an amount
    ("同比增长12.5%", None),
    ("2025年4月1日", None),
])
def test_a_telephone_number_said(text: str, number: str | None) -> None:
    m = PHONE_SAID.search(text)
    assert (m.group(0) if m else None) == number


@pytest.mark.parametrize(("text", "question", "units", "kind"), [
    # 多久…一次 asks a rate: 3日内推送 is a delay, not how often anything is done.
    ("市自然资源局利用卫星遥感影像开展全覆盖监测，发现疑似违法图斑后3日内推送镇核查。",
     "卫星监测多久搞一次?", ["卫星", "监测"], "what"),
    # The place the question names is the thing asked about, not where it is …
    ("千呼万唤的福州工艺美术博物馆馆址，终于定了下来。", "福州工艺美术博物馆准备设在哪?",
     ["福州", "工艺美术博物馆"], "where"),
    # … a place inside a quoted name is part of the name, and 全国 is no city.
    ("“首都高校老少边穷地区留京学生新春团拜会”在这里举行。", "新春团拜会举办地点",
     ["团拜会", "举办"], "where"),
    ("副总理李岚清在今天召开的全国高等教育管理体制改革经验交流会上发表讲话指出。",
     "那个经验交流会是在哪个城市开的", ["经验交流会", "开"], "where"),
    # A post's holder is a person: a body's clause does not say who holds it.
    ("小白鹭民间舞团是中共厦门市委常委会决定成立的，自开始就受到各方关心。", "小白鹭民间舞团团长是谁",
     ["小白鹭", "民间舞团"], "who"),
])
def test_no_line_from_a_clause_that_does_not_say_what_is_asked(
        text: str, question: str, units: list[str], kind: Kind) -> None:
    r = row(1, text)
    a = analysis(question, units, kind=kind)
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer is None
