"""Extractor rules read off record tables (a case's fields, one per row: 行政处罚决定书文号 |
…, 处罚机关 | …) and the national template of food-sampling results: a column the question
names answers (信用代码, 法定代表人, 承办机构, 处罚决定日期), how a case was dealt with is its
outcome cell, a sample's shop, result and failing item are theirs; and rules of any text met
on them — no place for a 平台, by how much a load passed its limit, a share that is no fine, an
area that is no length, the partner a question names, a standard cited by its code."""

from __future__ import annotations

from bot.extract import extract, number, where
from bot.extract.columns import by_column
from bot.extract.direct import Direct
from bot.extract.document import with_standard_code
from bot.extract.facts import said_in
from tests.bot.stages.kit import MemoryLookup, analysis, fact, ranked, row

_RECORD = ("行政处罚决定书文号:青交执罚〔2024〕0456号 | 案件名称:未经许可擅自经营水路运输业务案 | "
           "违法企业名称:青岚县恒远水运有限公司 | 统一社会信用代码:91331125MA2F6PX8XD | 法定代表人:黄国庆 | "
           "主要违法事实:2024年9月5日,当事人在青岚江白沙埠码头承运黄沙,未取得水路运输经营许可。 | "
           "处罚依据:《国内水路运输管理条例》第三十三条 | 处罚类别:警告、罚款 | "
           "处罚内容:警告,并处罚款人民币30000元 | 处罚机关:青岚县交通运输局 | "
           "承办机构:青岚县交通运输综合行政执法大队水上执法中队 | 处罚决定日期:2024年9月19日")


def _column(question: str, units: list[str], kind: str, text: str = _RECORD) -> str | None:
    found = by_column(analysis(question, units, kind=kind), ranked((row(1, text), 1.0)))  # type: ignore[arg-type]
    return found.answer if found else None


def test_a_column_the_question_names_answers() -> None:
    assert _column("恒远水运的统一社会信用代码是多少", ["恒远", "水运", "信用代码"],
                   "number") == "91331125MA2F6PX8XD"
    assert _column("白沙埠运黄沙那个案子是哪个单位具体承办的", ["白沙埠", "黄沙", "承办"],
                   "who") == "青岚县交通运输综合行政执法大队水上执法中队"
    assert _column("恒远水运的法人是谁", ["恒远", "水运", "法人"], "who") == "黄国庆"
    # The deed the question names decides between two dated cells (处罚决定, not 承运).
    assert _column("黄沙那个案子什么时候作出处罚决定的", ["黄沙", "处罚", "决定"],
                   "when") == "2024年9月19日"


def test_keywords_name_a_column_by_two_of_their_words() -> None:
    # penalty decision date: 处罚 and 决定 are both in 处罚决定日期 (and in 处罚决定书文号,
    # whose 〔2024〕 is a year too: the date column is a when-question's own).
    assert _column("hengyuan huangsha chufa jueding riqi", ["恒远", "黄沙", "处罚", "决定"],
                   "when") == "2024年9月19日"


def test_a_row_the_question_does_not_point_at_answers_by_no_named_column() -> None:
    table_row = "城市:南屏市 | 案件数（件）:514件 | 罚没金额（万元）:862.3万元"
    assert _column("全省罚没金额一共多少", ["全省", "罚没", "金额"], "number", table_row) is None


def test_how_a_case_was_dealt_with_is_its_outcome() -> None:
    assert _column("恒远水运私自运黄沙最后怎么处理的", ["恒远", "黄沙"],
                   "what") == "警告,并处罚款人民币30000元"


def test_a_party_column_is_a_party_s_name_not_a_case_s() -> None:
    assert _column("私自运黄沙的是哪家公司", ["黄沙"], "who") == "青岚县恒远水运有限公司"


_SAMPLE = ("序号:6 | 标称生产企业名称:桐川市窖香坊酒业有限公司 | 被抽样单位名称:临溪县万客隆购物广场有限公司 | "
           "被抽样单位所在地:桐川市临溪县 | 食品名称:窖香坊白酒 | 不合格项目:酒精度 | 检验结果:48.2%vol | "
           "标准值:52%vol±1.0%vol | 检验机构:桐川市食品检验检测中心")


def test_a_sampling_row_answers_by_its_template_s_columns() -> None:
    assert _column("窖香坊白酒在哪里抽检到的", ["窖香坊", "白酒"], "where",
                   _SAMPLE) == "临溪县万客隆购物广场有限公司"
    assert _column("窖香坊白酒实际测出来多少度", ["窖香坊", "白酒"], "number", _SAMPLE) == "48.2%vol"
    assert _column("窖香坊白酒查出了什么不合格", ["窖香坊", "白酒"], "what", _SAMPLE) == "酒精度"
    assert _column("酒精度不达标的白酒是哪家公司生产的", ["酒精度", "白酒"], "who",
                   _SAMPLE) == "桐川市窖香坊酒业有限公司"


def test_a_site_asked_by_kind_is_not_the_district_column() -> None:
    r = row(1, "被抽样单位名称:桐川市石梁区学府路便民超市 | 所在地:桐川市石梁区 | 食品名称:纯净水")
    a = analysis("纯净水在哪个超市买到的", ["纯净水"], kind="where")
    assert by_column(a, ranked((r, 1.0))) is None
    assert "学府路便民超市" in (extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer or "")


def test_something_online_asked_is_no_place() -> None:
    r = row(1, "当事人刘某杰在青岚县城南大道通过网约车平台接单载客。")
    a = analysis("刘某杰是在哪个网约车平台上接的单", ["刘某杰", "网约车", "平台"], kind="where")
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer is None


def test_by_how_much_a_load_passed_its_limit() -> None:
    r = row(1, "车货总质量为67.35吨,超过限定标准18.35吨,超限率37.4%。")
    look = MemoryLookup([r], [fact(1, "quantity", "67.35吨", "车货总质量"),
                              fact(1, "quantity", "18.35吨", "限定标准"),
                              fact(1, "quantity", "37.4%", "超限率")])
    over = analysis("那辆半挂车超了多少吨", ["半挂车", "吨"], kind="number")
    assert "18.35吨" in (number.extract(over, ranked((r, 1.0)), look).answer or "")
    # A fine asked is not answered by a share that is no fine (处年收入60%的罚款 would be).
    fine = analysis("超限运输罚了多少", ["超限", "运输"], kind="number")
    assert number.extract(fine, ranked((r, 1.0)), look).answer is None


def test_an_area_is_no_length() -> None:
    r = row(1, "当事人在国道K112+300处擅自开挖路面铺设供水管道,开挖面积约46平方米。")
    look = MemoryLookup([r], [fact(1, "quantity", "46平方米", "开挖面积")])
    a = analysis("铺的那段供水管道有多长", ["供水", "管道"], kind="number")
    assert number.extract(a, ranked((r, 1.0)), look).answer is None
    assert said_in("46平方米", "平方米") and said_in("120米", "米") and said_in("386mg/kg", "毫克")


def test_the_partner_a_question_names_is_not_the_answer() -> None:
    r = row(1, "联合县公安局交警大队开展货车非法改装和超限超载集中整治,共检测货运车辆1326辆次。")
    a = analysis("跟交警大队一起搞超限超载整治的是哪个部门", ["交警大队", "超限", "整治"], kind="who")
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer is None


def test_a_standard_is_cited_with_its_code() -> None:
    r = ranked((row(1, "《食品安全国家标准 食品中污染物限量》（GB 2762—2022）中规定,大米中镉的限量为0.2mg/kg。"),
                1.0))
    titled = with_standard_code(Direct("《食品安全国家标准 食品中污染物限量》", None), r)
    assert titled.answer == "《食品安全国家标准 食品中污染物限量》（GB 2762—2022）"
    # A title with no code after it stays as it is.
    plain = ranked((row(2, "依据《中华人民共和国食品安全法》第一百二十四条,罚款5万元。"), 1.0))
    assert with_standard_code(Direct("《中华人民共和国食品安全法》", None), plain).answer == (
        "《中华人民共和国食品安全法》")


def test_a_row_s_date_dates_its_own_cell() -> None:
    r = row(1, "主要违法事实:2024年6月4日,执法人员采样监测,粪大肠菌群超标。 | 作出处罚决定的日期:2024年6月27日 | "
               "整改情况:该院已更换消毒设备,整改后复测达标。")
    look = MemoryLookup([r], [fact(1, "date", "2024年6月4日"), fact(1, "date", "2024年6月27日")])
    a = analysis("仁济医院整改后是哪天复测的", ["仁济", "医院", "整改", "复测"], kind="when")
    assert number.extract(a, ranked((r, 1.0)), look).answer is None


def test_a_re_test_is_not_the_finding_asked() -> None:
    r = row(1, "经采样监测,其废水化学需氧量排放浓度为412mg/L。整改后,2024年5月10日复测化学需氧量浓度为138mg/L。")
    look = MemoryLookup([r], [fact(1, "quantity", "412mg/l"), fact(1, "quantity", "138mg/l")])
    found = analysis("化学需氧量测出来是多少", ["化学需氧量", "测"], kind="number")
    assert "412mg/L" in (number.extract(found, ranked((r, 1.0)), look).answer or "")
    again = analysis("化学需氧量复测是多少", ["化学需氧量", "复测"], kind="number")
    assert "138mg/L" in (number.extract(again, ranked((r, 1.0)), look).answer or "")


def test_a_partner_is_a_body_the_question_names() -> None:
    r = row(1, "自治区农业农村厅、市场监管局联合印发《关于做好乳制品追溯工作的通知》。")
    a = analysis("乳制品追溯的通知是哪几个部门联合印发的", ["乳制品", "追溯", "通知"], kind="who")
    assert extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer is not None
