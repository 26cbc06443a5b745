"""Domain terms found in the corpus: titles, quoted terms, organisations."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.normalize import normalize
from indexer.terms import domain_terms, organisations, quoted, titles

BUNDLED = normalize((Path(__file__).resolve().parents[2] / "corpus" / "documents"
                     / "xinjiang-food-safety-typical-cases-batch-1.txt").read_text(encoding="utf-8"))


def test_titles_of_the_bundled_document() -> None:
    found = titles(BUNDLED)
    expected = [
        "关于进一步强化食品安全全链条监管的意见",
        "关于促进自治区乳制品行业健康有序发展的若干意见",
        "关于进一步做好乳制品产业链建设及追溯工作的通知",
        "生鲜乳收购站技术管理规范",
        "生乳中塑化剂风险管理规范",
        "新疆维吾尔自治区畜禽屠宰管理条例",
        "肉制品生产监管工作指引手册",
        '食品生产环节食品添加剂"双减"工作操作实务指南',
        "新疆维吾尔自治区规范食用畜副产品清洗加工的指导意见",
        "牛羊杂清洗规范",
        "关于规范严厉打击肉类产品违法犯罪跨部门执法联动工作的指导意见",
        "巴州库尔勒香梨高质量发展促进条例",
    ]
    for title in expected:
        assert title in found
    # 14 《》 pairs in the document: the 12 above plus 《意見》 twice.
    assert len(found) == 14 and found.count("意见") == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("印发《甲乙丙》和《丁戊》", ["甲乙丙", "丁戊"]),
    ("《甲》太短", []),
    ("《未闭合的标题", []),
    ("《跨\n行》", []),
])
def test_titles_edge_cases(text: str, expected: list[str]) -> None:
    assert titles(text) == expected


def test_quoted_terms_of_the_bundled_document() -> None:
    found = set(quoted(BUNDLED))
    for term in ("两检两公开", "小饭桌", "十大惠民实事", "一户一档", "益企维", "双标双码",
                 "孔雀河畔", "品味新疆", "链长", "控增量、减存量", "排查-整改-验收-销号"):
        assert term in found


@pytest.mark.parametrize(("text", "expected"), [
    ('实施"两检两公开"和"双减"', ["两检两公开", "双减"]),
    ('"a"', []),  # one character
    ('"abc123"', []),  # not Chinese
    ('"这是一个非常非常非常非常长的引号内容"', []),  # longer than 16
])
def test_quoted_edge_cases(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_organisations_of_the_bundled_document() -> None:
    found = set(organisations(BUNDLED))
    for org in ("自治区市场监管局", "公安厅", "州政府", "自治区工业和信息化厅", "自治区农业农村厅",
                "市场监管部门", "农业农村厅"):
        assert org in found
    assert not any(o.endswith(("格局", "布局", "大局")) for o in found)
    assert "格局" not in found and "联动共治格局" not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("自治区市场监管局联合公安厅、农业农村厅印发", ["自治区市场监管局", "公安厅", "农业农村厅"]),
    ("州政府将规范小饭桌纳入年度十大惠民实事", ["州政府"]),
    ("县水务局联合县民政局印发", ["县水务局", "县民政局"]),
    ("会同省发展改革委审核", ["省发展改革委"]),
    ("市场监管部门牵头抓总", ["市场监管部门"]),
    ("形成联动共治格局", []),
    ("优化产业布局", []),
    ("顾全大局", []),
    ("建立厅级链长指挥机制", []),
    ("局", []),
    # Long names (15 characters) whole, not cut or dropped.
    ("南京市交通運輸綜合行政執法支隊在對全省", ["南京市交通运输综合行政执法支队"]),
    ("新疆维吾尔自治区市场监督管理局发布", ["新疆维吾尔自治区市场监督管理局"]),
    # A one-character word before a name is cut off, not the first word of the name.
    ("由中国对外文化交流协会和旅奥华人共同主办", ["中国对外文化交流协会"]),
    ("市经济和信息化委员会印发", ["市经济和信息化委员会"]),
    ("县在线监测中心报告", ["县在线监测中心"]),
    ("经市场监管局查实", ["市场监管局"]),
    ("对市场监管局的要求", ["市场监管局"]),
    # A news dateline is not part of the body it runs into.
    ("新华社西安1月11日电政协陕西省第八届委员会今天选举", ["政协陕西省第八届委员会"]),
    # A verb before a name is not part of it.
    ("会议宣布成立专案组并移交公安局处理", ["公安局"]),
    # 全 before a one-character suffix makes another word (全局); not before a longer one.
    ("九江市建设工程质量安全监督站开展抽查", ["九江市建设工程质量安全监督站"]),
    ("该大队会同昆山市公安局花桥派出所成立专案组", ["该大队", "昆山市公安局花桥派出所"]),
    ("把官司打到了郑州市中原区人民法院", ["郑州市中原区人民法院"]),
    # A foreign name spelt in characters is no section (科) of a bureau.
    ("由美国人斯科特·里特率领的核查小组", []),
    ("叶利钦在莫斯科会见普里马科夫", []),
    # …nor is research (科研), popular science (科普) or a hospital's 科室.
    ("中国地质科研人员在蓟县山区发现了宇宙尘", []),
    ("深入社区开展科普宣传", []),
    ("由80位足球记者组成评委", []),  # judges, no body
    # 联合国 is a name, not the verb 联合 before one.
    ("按照联合国特委会的要求", ["联合国特委"]),
    ("市场监管局联合公安局开展检查", ["市场监管局", "公安局"]),
    ("市医保局基金监管科负责核查", ["市医保局基金监管科"]),
    ("落实全国安全生产治本攻坚三年行动部署", []),  # deploying, no 署
    ("两国外长签署联合公报", []),
    ("海关总署开展专项行动", ["海关总署"]),
    # Offices and bodies named by what they do; not a bare 所 or 机构.
    ("清水镇市场监管所执法人员发现", ["清水镇市场监管所"]),
    ("经县计量检定测试所检测", ["县计量检定测试所"]),
    ("经省级产品质量检验机构检验", ["省级产品质量检验机构"]),
    ("商场等公共场所", []),
    ("各类金融机构", []),
    # A body and the one whose complaint or report it received are two bodies, not a
    # bureau and its section (市医保局基金监管科).
    ("安平市知识产权局接到安平香梨协会投诉", ["安平市知识产权局", "安平香梨协会"]),
    ("委托东岭省知识产权保护中心出具技术比对意见", ["东岭省知识产权保护中心"]),
    # A count's classifier opens no name (等6个科目, 涉及3个局).
    ("灾后卫生防疫等6个科目", []),
    ("涉及3个局和2个委", []),
])
def test_organisations(text: str, expected: list[str]) -> None:
    assert organisations(normalize(text)) == expected


def test_organisations_office_of_committee() -> None:
    assert organisations("省委办公厅、省政府办公厅印发") == ["省委办公厅", "省政府办公厅"]


def test_domain_terms_include_tail_of_long_titles() -> None:
    terms = domain_terms(normalize("修訂《新疆維吾爾自治區畜禽屠宰管理條例》"))
    assert terms == {"新疆维吾尔自治区畜禽屠宰管理条例", "畜禽屠宰管理条例"}


def test_domain_terms_of_the_bundled_document() -> None:
    terms = domain_terms(BUNDLED)
    for term in ("畜禽屠宰管理条例", "两检两公开", "小饭桌", "市场监管局", "自治区市场监管局",
                 "牛羊杂清洗规范", "公安厅"):
        assert term in terms
    for t in terms:
        assert 2 <= len(t) <= 30 and " " not in t
