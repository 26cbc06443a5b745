"""Extractor rules read off a penalty table's rows and local news releases, each on a
sentence of the genre: a row answers by the column asked (处罚机关, 处罚决定日期, 处罚依据),
a header is no answer, a figure counting another of the question's things is not the count
asked, the lead of a joint action, the person a 他 stands for, a nested title read whole, a
site asked by its kind."""

from __future__ import annotations

from bot.analysis import Unit
from bot.extract import extract, number, where, who
from bot.extract.clauses import clause_around
from bot.extract.columns import by_column, cells
from bot.extract.person import referred_to
from bot.measures import wanted_units
from indexer.normalize import normalize
from tests.bot.stages.kit import MemoryLookup, analysis, fact, ranked, row

_ROW = ("序号:1 | 行政处罚决定书文号:澄市监澜罚〔2024〕37号 | 行政相对人·名称:澄州市惠邻超市有限公司 | "
        "违法事实:当事人销售超过保质期的纯牛奶12盒,货值金额共计186元,违法所得57元。 | "
        "处罚依据:《中华人民共和国食品安全法》第一百二十四条第一款 | "
        "处罚内容:1.没收超过保质期的食品； 2.没收违法所得57元； 3.罚款5万元。 | "
        "处罚机关:澄州市市场监督管理局澜江分局 | 处罚决定日期:2024年7月9日")


def test_a_table_row_answers_by_the_column_asked() -> None:
    r = row(1, _ROW)
    look = MemoryLookup([r])
    body = analysis("卖过期牛奶的超市是哪个分局罚的", ["牛奶", "超市", "分局"], kind="who")
    assert extract(body, ranked((r, 1.0)), look).answer == "澄州市市场监督管理局澜江分局"
    day = analysis("卖过期牛奶的超市哪天被处罚的", ["牛奶", "超市", "处罚"], kind="when")
    assert extract(day, ranked((r, 1.0)), look).answer == "2024年7月9日"
    law = analysis("卖过期食品是按哪部法律罚的", ["过期", "食品"], kind="document")
    assert "食品安全法" in (extract(law, ranked((r, 1.0)), look).answer or "")
    # Who received the case, or the owner's name, is in no column of this row.
    owner = analysis("惠邻超市的法人代表是谁", ["惠邻", "超市", "法人代表"], kind="who")
    assert by_column(owner, ranked((r, 1.0))) is None
    # Prose is no row.
    assert cells(ranked((row(2, "澄州市市场监督管理局澜江分局于2024年7月9日作出处罚。"), 1.0))[0]) == []


def test_a_date_column_waits_for_a_deed_dated_in_another_cell() -> None:
    r = row(1, "违法事实:卤制品中检出罂粟碱。 | 处罚内容:吊销许可证；已于2024年8月28日将案件移送公安机关。 | "
               "处罚决定日期:2024年8月30日")
    a = analysis("罂粟壳那个案子哪天交给公安的", ["罂粟", "公安"], kind="when")
    assert by_column(a, ranked((r, 1.0))) is None


def test_a_header_is_never_the_answer() -> None:
    r = row(1, "违法事实:电子计价秤未按规定申请强制检定。 | 处罚依据:《中华人民共和国计量法实施细则》第四十三条")
    a = analysis("电子秤那事按什么法条处理的", ["电子", "秤"], kind="what")
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer != "处罚依据"


def test_a_fine_asked_is_money_or_a_share_of_income() -> None:
    units = wanted_units(normalize("惠林超市卖过期牛奶罚了多少"))
    assert "元" in units and "%" in units
    assert "元" in wanted_units(normalize("卖假鞋的店主罚了几万"))
    assert wanted_units(normalize("查处了多少家超市")) == ("家",)


def test_an_item_number_is_not_part_of_the_line() -> None:
    r = ranked((row(1, "处罚内容:1.没收违法所得57元； 3.罚款5万元。"), 1.0))[0]
    assert clause_around(r, "5万元").startswith("罚款5万元")
    # A decimal figure opening a clause keeps its digits.
    s = ranked((row(2, "年产值3.5亿元,同比增长12%。"), 1.0))[0]
    assert clause_around(s, "3.5亿元").startswith("年产值3.5亿元")


def test_a_figure_counting_another_thing_asked_is_not_the_count() -> None:
    r = row(1, "市住建局对全市3.6万栋经营性自建房开展回头看,对排查出的214栋存在结构安全隐患的房屋全部落实"
               "管控措施。")
    look = MemoryLookup([r], [fact(1, "quantity", "3.6万栋", "3.6万栋"),
                              fact(1, "quantity", "214栋", "214栋")])
    a = analysis("经营性自建房查出多少栋房屋有隐患", ["经营性", "自建房", "查出", "栋", "房屋"],
                 kind="number")
    line = number.extract(a, ranked((r, 1.0)), look).answer or ""
    assert "214栋" in line
    # 这几年 is a time, not the count asked: 一千多名女工 answers.
    s = row(2, "自一九九六年福建与宁夏结成帮扶对象后,福建一些企业优先在宁夏招收了一千多名女工。")
    look2 = MemoryLookup([s], [fact(2, "quantity", "一九九六年", "一九九六年"),
                               fact(2, "quantity", "一千多名", "一千多名")])
    b = analysis("福建这几年从宁夏招了多少女工", ["福建", "宁夏", "招", "女工"], kind="number")
    assert "一千多名" in (number.extract(b, ranked((s, 1.0)), look2).answer or "")


def test_who_leads_a_joint_action() -> None:
    r = row(1, "近日,鹤原市市场监督管理局联合市商务局、市农业农村局,在全市开展端午节前食品安全专项检查。")
    a = analysis("端午节前那次食品安全检查是哪个部门牵头的", ["端午节", "食品安全", "检查"],
                 kind="who", frame=("牵头", "负责"))
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "鹤原市市场监督管理局"
    # Asked the partners, not the lead.
    b = analysis("端午节前食品安全检查联合了哪些部门", ["端午节", "食品安全", "检查"], kind="who")
    assert who.extract(b, ranked((r, 1.0)), MemoryLookup([r])).answer != "鹤原市市场监督管理局"


def test_who_a_pronoun_stands_for() -> None:
    said = row(1, "“通过实战化演练,就是要检验预案。”县应急管理局局长张海涛在点评时说。")
    asked = row(2, "他要求,各乡镇要立即对辖区内山洪灾害危险区和病险水库开展拉网式排查。")
    look = MemoryLookup([said, asked], words={1: ("张海涛",)})
    look_words = _with_vocabulary(look, {"张海涛"})
    a = analysis("谁要求各乡镇排查病险水库", ["乡镇", "排查", "病险水库"], kind="who")
    found = referred_to(a, ranked((asked, 1.0)), look_words)
    assert found is not None and found.answer == "张海涛"
    # A sentence with a subject of its own refers to nobody.
    assert referred_to(a, ranked((said, 1.0)), look_words) is None


def _with_vocabulary(look: MemoryLookup, words: set[str]) -> MemoryLookup:
    look.document_frequencies = lambda strings: {s: 1 for s in strings if s in words}  # type: ignore[method-assign]
    return look


def test_a_nested_title_is_read_whole() -> None:
    from indexer.terms import TITLE_RE

    text = normalize("制定下发了《关于贯彻落实十四届六中全会〈决议〉的实施意见》和《关于学习贯彻党的十五大精神的通知》")
    assert TITLE_RE.findall(text) == ["关于贯彻落实十四届六中全会《决议》的实施意见",
                                      "关于学习贯彻党的十五大精神的通知"]


def test_a_site_asked_by_its_kind() -> None:
    r = row(1, "生产废水经厂区雨水管网直接排入附近的白沙河。")
    a = analysis("石材厂的废水排进了哪条河", ["石材", "废水", "排"])
    assert a.kind == "where"
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "白沙河"
    # A kind the question qualifies (菜市场) is found under the text's own word for it.
    s = row(2, "当事人在北湖区东关农贸市场经营水产摊位,使用的电子计价秤未按规定检定。")
    b = analysis("王某在哪个菜市场卖鱼", ["王某", "卖鱼"], kind="where")
    b.units.append(Unit("菜市场", ("菜市场", "农贸市场"), 1.0, True))
    assert where.extract(b, ranked((s, 1.0)), MemoryLookup([s])).answer == "东关农贸市场"


def test_keywords_end_with_the_sum_asked() -> None:
    r = row(1, "没收过期食品和违法所得48元,并处罚款2万元。")
    look = MemoryLookup([r], [fact(1, "quantity", "48元", "48元"), fact(1, "quantity", "2万元", "2万元")])
    a = analysis("guoqi shipin bianlidian fakuan", [])
    a.units.extend(Unit(w, (x,), 1.0, True) for w, x in (
        ("guoqi", "过期"), ("shipin", "食品"), ("bianlidian", "便利店"), ("fakuan", "罚款")))
    assert a.kind == "number" or a.intent.keywords_only
    assert "2万元" in (number.extract(a, ranked((r, 1.0)), look).answer or "")


def test_one_thing_asked_alone_is_not_a_joined_sum() -> None:
    r = row(1, "经人社部门督促,公司随后支付工资及经济补偿金共计36.8万元。")
    look = MemoryLookup([r], [fact(1, "quantity", "36.8万元", "36.8万元")])
    a = analysis("那家物流公司单独赔了多少经济补偿金", ["物流", "公司", "经济补偿金"], kind="number")
    assert extract(a, ranked((r, 1.0)), look).answer is None
    # Not asked alone: the sum answers.
    b = analysis("那家物流公司一共支付了多少钱", ["物流", "公司", "支付"], kind="number")
    assert "36.8万元" in (extract(b, ranked((r, 1.0)), look).answer or "")


def test_a_level_asked_is_not_what_it_was_passed_by() -> None:
    r = row(1, "受强降雨影响,清水河水位快速上涨并超过警戒水位1.2米。")
    look = MemoryLookup([r], [fact(1, "quantity", "1.2米", "1.2米")])
    a = analysis("清水河警戒水位是多少米", ["清水河", "警戒水位"], kind="number")
    assert extract(a, ranked((r, 1.0)), look).answer is None
    # By how much it was passed is what 超过了多少 asks.
    b = analysis("清水河超过警戒水位多少米", ["清水河", "警戒水位"], kind="number")
    assert "1.2米" in (extract(b, ranked((r, 1.0)), look).answer or "")


def test_a_row_in_traditional_script_is_read_by_its_columns() -> None:
    r = row(1, "違法事實:銷售超過保質期的純牛奶12盒。 | 處罰機關:澄州市市場監督管理局瀾江分局 | "
               "處罰決定日期:2024年7月9日")
    assert [h for h, _, _ in cells(ranked((r, 1.0))[0])] == ["违法事实", "处罚机关", "处罚决定日期"]
    a = analysis("賣過期牛奶的超市是哪個分局罰的", ["牛奶", "超市", "分局"], kind="who")
    # The value is quoted as written.
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "澄州市市場監督管理局瀾江分局"
