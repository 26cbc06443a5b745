"""Extractor rules read off case reports, each on a sentence of the genre: who does the deed
after 被 or 接到 and to whom a case is handed, a beginning asked of time, a destination asked,
a how-many figure of the best passage's own case or a table's 合计 row, and a knockoff (山寨)
asked as no place."""

from __future__ import annotations

from bot.analysis import Unit
from bot.extract import extract, number, where, who
from bot.places import asked_places
from tests.bot.stages.kit import MemoryLookup, analysis, fact, ranked, row


def test_who_the_agent_of_a_passive() -> None:
    r = row(1, "目前,李某等7名犯罪嫌疑人已被检察机关批准逮捕。")
    a = analysis("李某他们是被哪个机关逮捕的", ["李某", "机关", "逮捕"])
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "检察机关"
    # 依法/依规 between the agent and the deed are no part of its name.
    s = row(2, "大坪村党支部书记被县纪委监委依规问责。")
    b = analysis("党支部书记被哪个机关问责了", ["党支部", "书记", "问责"])
    assert who.extract(b, ranked((s, 1.0)), MemoryLookup([s])).answer == "县纪委监委"


def test_who_made_the_complaint_received() -> None:
    r = row(1, "2025年9月,安平市知识产权局接到安平香梨协会投诉,反映某合作社冒用地理标志。")
    a = analysis("安平香梨的事是谁去投诉的", ["安平香梨", "投诉"])
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "安平香梨协会"


def test_when_a_beginning_is_asked() -> None:
    found = row(1, "2025年3月,市场监管局对该公司的生产车间进行检查,现场查获标注“嶺山”标识的腊肉。")
    since = row(2, "当事人自2024年10月起,在未经商标注册人许可的情况下,在同一种商品上使用与其注册"
                   "商标近似的“嶺山”标识。")
    lookup = MemoryLookup([found, since], [fact(1, "date", "2025年3月", "2025年3月"),
                                           fact(2, "date", "2024年10月", "2024年10月")])
    a = analysis("从什么时候开始用嶺山标识的", ["嶺山", "标识"], kind="when")
    line = number.extract(a, ranked((found, 1.0), (since, 0.98)), lookup).answer or ""
    assert "2024年10月" in line
    # Not asked when it began: the best sentence's own date.
    b = analysis("什么时候查获嶺山腊肉的", ["嶺山", "腊肉", "查获"], kind="when")
    assert number.extract(b, ranked((found, 1.0), (since, 0.98)), lookup).answer == "2025年3月"


def test_where_to_is_the_place_after_sending() -> None:
    r = row(1, "石门海关在对一批申报出口至东南亚的货物实施查验时,发现标有“XUNCHI”标识的运动鞋1.8万双。")
    a = analysis("海关扣的那批鞋原本要运到哪里?", ["海关", "运动鞋"], kind="where")
    assert where.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "东南亚"
    # Asked where it happened, not where it went: no destination.
    b = analysis("那批鞋是在哪里查验的?", ["查验", "运动鞋"], kind="where")
    assert extract(b, ranked((r, 1.0)), MemoryLookup([r])).answer != "东南亚"


def test_a_knockoff_is_no_place() -> None:
    a = analysis("卖山寨童装的网店老板被罚多少", ["童装", "网店", "老板"])
    a.units.append(Unit("山寨", ("侵权", "山寨"), 1.0, True))
    assert asked_places(a) == []
    # A place of the lists asked as itself still is one.
    b = analysis("黄泥河的饭馆在哪", ["饭馆"])
    b.units.append(Unit("黄泥河镇", ("黄泥河镇",), 1.0, True))
    assert asked_places(b) == [("黄泥河镇",)]


def test_who_a_case_was_handed_to() -> None:
    r = row(1, "因涉案金额远超刑事追诉标准,南屏市知识产权局于2025年6月12日将案件移送南屏市公安局。")
    a = analysis("茶叶案最后移交给谁了", ["茶叶", "移送"])
    assert who.extract(a, ranked((r, 1.0)), MemoryLookup([r])).answer == "南屏市公安局"
    # Asked who did it, not to whom: the one who handed it over.
    b = analysis("茶叶案是谁移送的", ["茶叶", "移送"])
    assert who.extract(b, ranked((r, 1.0)), MemoryLookup([r])).answer != "南屏市公安局"


def test_number_the_figure_of_the_best_passages_own_case() -> None:
    found = row(1, "云阳市知识产权局发现,某医疗器械有限公司在电子血压计外包装上标注已终止的专利号。",
                case=5)
    fine = row(2, "云阳市知识产权局责令其改正,没收违法所得,并处违法所得2倍的罚款,即47万元。", case=5)
    other = row(3, "临溪市知识产权局对该公司作出警告、罚款10万元的行政处罚。", case=8)
    lookup = MemoryLookup([found, fine, other], [fact(2, "quantity", "47万元", "47万元"),
                                                 fact(3, "quantity", "10万元", "10万元")])
    a = analysis("血压计那家公司最后罚款多少", ["血压计", "公司", "罚款"], kind="number")
    line = number.extract(a, ranked((found, 1.0), (fine, 0.99), (other, 0.97)), lookup).answer
    assert line is not None and "47万元" in line


def test_number_a_total_asked_is_the_total_row_of_a_table() -> None:
    rows = [row(1, "城市:南屏市 | 2025年度查处情况·罚没金额（万元）:862.3万元"),
            row(2, "城市:合计 | 2025年度查处情况·罚没金额（万元）:4380.2万元")]
    lookup = MemoryLookup(rows, [fact(1, "quantity", "862.3万元", "862.3万元"),
                                 fact(2, "quantity", "4380.2万元", "4380.2万元")])
    a = analysis("2025年全省罚没金额一共多少", ["罚没", "金额"], kind="number")
    line = number.extract(a, ranked((rows[0], 1.0), (rows[1], 1.0)), lookup).answer
    assert line is not None and "4380.2万元" in line
