"""Extractor *where*: the narrowest place the answering clause names that the question does not.

"在哪个县?" wants a 县; "哪些镇?" all the towns of the clause; a place is qualified by
the wider places written right before it (乳源瑶族自治县大桥镇).  With no place in the
clause, the place facts of the best passage, then of its case's title and lead.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.analysis import Analysis
from bot.extract.clauses import best_clause
from bot.extract.destination import destination
from bot.extract.direct import NONE, Direct
from bot.extract.facts import facts_for
from bot.lookup import Lookup
from bot.rank import dateline_end
from bot.reply import Passage, passage_of
from corpus import regex
from indexer.facts import clause_spans, is_authority
from indexer.normalize import normalize, occurrences
from indexer.places import places
from indexer.terms import organisations
from indexer.words import PLACE_LEVELS, PROVINCES

_WITH_WHERE = regex.compile(r"[和与跟同]哪")
VAGUE_PLACE = regex.compile(r"[多各全外][省市县州地国](?:市|区)?")
# A name in quotation marks (normalised text writes them "…").
QUOTED_NAME = regex.compile(r'"[^"。]{1,40}"')


def _bodies_at(norm: str) -> set[int]:
    """Where the authorities ``norm`` names start: a place opening one (桐川市市场监督管理局
    已将…通报) is its jurisdiction, not where anything happened — unless a level is asked
    (哪个区?), which the district it serves may answer."""
    return {at for org in organisations(norm) if is_authority(org)
            for at in occurrences(norm, org)}


def only_in_a_name(place: str, norm: str) -> bool:
    """Whether ``place`` stands in ``norm`` only inside quoted names longer than itself by
    more than two characters (“首都高校老少边穷地区留京学生新春团拜会”): part of what a thing is
    called, not where it is — “北京” quoted alone is still the place."""
    titled = [m.span() for m in QUOTED_NAME.finditer(norm)]
    spots = [m.start() for m in re.finditer(re.escape(place), norm)]
    return bool(spots) and all(any(
        start < pos and pos + len(place) < end and end - start - 2 > len(place) + 2
        for start, end in titled) for pos in spots)


def extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """The place that answers, from the clause, the best passage's facts or its case's."""
    found = _extract(a, without_dateline(ranked[0]), searcher)
    if found.answer and found.evidence is not None and only_in_a_name(
            normalize(found.answer), found.evidence.norm):
        return NONE
    if found.answer and a.intent.place_level == CITY and not of_level(
            normalize(found.answer), CITY):
        return NONE  # "哪个城市?" is not answered by 内蒙古
    # The line quotes the passage as it is written.
    return found._replace(evidence=ranked[0]) if found.evidence is not None else found


def without_dateline(p: Passage) -> Passage:
    """``p`` with its news dateline (本报北京1月14日讯记者…报道:) blanked: the place there is
    where the report was filed, not where what it tells happened."""
    opening = dateline_end(p.norm)
    if opening is None:
        return p
    # The reporter's byline that follows the dateline goes with it (记者刘华新报道:).
    end = opening[1]
    return replace(p, text=" " * end + p.text[end:])



def _extract(a: Analysis, ranked_first: Passage, searcher: Lookup) -> Direct:
    best = ranked_first
    if _ASKED_NON_PLACE.search(a.norm):
        return NONE
    sent = destination(a, best)
    if sent is not None:
        return sent  # "运到哪里?": 出口至东南亚
    named = {x for unit in a.units for x in unit.alts}  # normalised already
    clause = best_clause(best, a)
    site = _ASKED_SITE.search(a.norm)
    if site:
        # "在哪个遗址?" is answered by a 遗址 or by nothing — not by the county around it.
        found = (clause and site_named(clause, site.group(1), named)) or (
            site_named(best.text, site.group(1), named))
        return Direct(found, best) if found else NONE
    # "哪个州" wants a 州: prefer places of the asked-for level.
    suffix = a.intent.place_level
    # "和哪些地方…?": the place, if any, stands in the clause that answers;
    # a clause naming places only vaguely (与多省市建立…) is itself the answer.
    if clause and _ASKS_AT.search(a.norm) and not a.intent.plural_places:
        at = place_after_at(clause, named, suffix) or _at_in_other_clause(a, best, named, suffix)
        if at:
            return Direct(at, best)
    if clause:
        if not suffix and not a.intent.plural_places:
            # "养生馆在哪条路上?" — 对位于城关镇幸福路的澜溪县某某养生馆: 位于 says where.
            located = located_at(clause, named)
            if located:
                return Direct(located, best)
        named_place = place_in_clause(clause, named, suffix, a.intent.plural_places)
        if named_place:
            if not suffix and not a.intent.plural_places:
                # "具体在哪儿?": the street or the spot written on after the place goes with
                # it (哈尔滨市友谊路150号, 清水镇中学对面).
                named_place = with_address(clause, named_place)
            return Direct(named_place, best)
        # (A city may be named as a spot is: 在纽约举行.)
        spots = landmarks(clause, named) if suffix in ("", CITY) else []
        if not spots and suffix in ("", "市", CITY):
            spots = venues(clause, named)
        if spots:
            # "在哪儿拉客?": a station, an airport, a scenic area is where, when the clause
            # names no place of a level.
            return Direct("、".join(spots if a.intent.plural_places else spots[:1]), best)
        # Only for places in the plural or a partner (和哪里, 与哪些地方): "在哪里举行?" is
        # not answered by 全国最高水平的比赛.
        if (not suffix and (a.intent.plural_places or _WITH_WHERE.search(a.norm))
                and VAGUE_PLACE.search(normalize(clause))):
            return Direct(clause, best)
    if not suffix and not a.intent.plural_places:
        # The clause richest in the question's words may say what is done there (发现该馆
        # 在店内…宣传); another of the sentence says where it stands.
        located = located_at(best.text, named)
        if located:
            return Direct(located, best)
    bodies = _bodies_at(best.norm) if not suffix else set()
    for f, _ in sorted(facts_for(searcher, ["place"], [best]),
                       key=lambda fr: not (suffix and of_level(fr[0].norm, suffix))):
        # (Not one only its dateline names: it was blanked; nor one only an authority's
        # name opens with.)
        written = occurrences(best.norm, normalize(f.subject)) if f.subject else []
        if f.subject and normalize(f.subject) not in named and written and (
                not suffix or of_level(f.norm, suffix)) and not set(written) <= bodies:
            return Direct(f.subject, best)
    if best.case_id is not None:
        lead = {r.id: r for r in searcher.case_passages(best.case_id,
                                                         roles=("case_title", "lead"))}
        for f in searcher.facts(["place"], set(lead)):
            norm = normalize(lead[f.passage_id].text)
            written = occurrences(norm, normalize(f.subject)) if f.subject else []
            if f.subject and normalize(f.subject) not in named and (
                    not suffix or of_level(f.norm, suffix)) and (
                    suffix or not (written and set(written) <= _bodies_at(norm))):
                # The sentence naming it is quoted after the evidence.
                said = () if f.passage_id == best.id else (
                    passage_of(lead[f.passage_id], best.score, []),)
                return Direct(f.subject, best, said)
        if suffix:
            # "驾校在哪个区?" met by the case's title (徐州市查处…学时造假案): the case's
            # first place of the asked level, in its own sentences (徐州市铜山区某驾校…).
            return case_place(best, named, suffix, searcher)
    return NONE


# What 位于 says a thing stands at, up to the thing (位于城关镇幸福路的…养生馆) or the clause's
# end.
_LOCATED = regex.compile(r"(?:位于|坐落于|坐落在|地处)([^,;:。!?的]{2,20}?)(?=的|[,;:。!?]|$)")
# A street after a place (幸福路, 中山北路, 友谊路150号) — not a word ending in 路 (道路, 公路,
# 思路) — and a spot told by a landmark (中学对面, 车站旁边).
_STREET = regex.compile(r"[\u4e00-\u9fff]{2,5}?(?<![道公马铁线思出网门水陆航通])(?:大道|大街|路|街|巷|胡同)"
                     r"(?:[0-9]+号|(?=的|[,;:。!?、]|$|上|旁|附近|对面|一带|路段|交叉口|口))")
_SPOTS = ("对面", "旁边", "附近", "门口", "隔壁", "东侧", "西侧", "南侧", "北侧")
_BESIDE = regex.compile(r"[\u4e00-\u9fff]{1,8}?(?:" + "|".join(_SPOTS) + r")(?=的)")


def located_at(clause: str, named: set[str]) -> str | None:
    """Where ``clause`` says a thing is with 位于 (or 坐落于, 地处), as written, when that names
    a place or a street the question does not."""
    norm = normalize(clause)
    for m in _LOCATED.finditer(norm):
        spot = m.group(1)
        # It ends in a place, a street or a spot by a landmark (位于福州城区中心环境优美的…
        # says what the place is like, not where).
        if spot not in named and (any(spot.endswith(x) for x in places(spot))
                                  or _STREET.search(spot + "的") or spot.endswith(_SPOTS)):
            return clause[m.start(1):m.end(1)]
    return None


def with_address(clause: str, place: str) -> str:
    """``place`` with the street or the landmark-told spot ``clause`` writes right after it
    (哈尔滨市 → 哈尔滨市友谊路150号; 清水镇 → 清水镇中学对面), as written."""
    norm = normalize(clause)
    at = norm.find(normalize(place))
    if at < 0:
        return place
    end = at + len(place)
    m = _STREET.match(norm, end) or _BESIDE.match(norm, end)
    return clause[at:m.end()] if m else place


def case_place(best: Passage, named: set[str], suffix: str, searcher: Lookup) -> Direct:
    """The first place of level ``suffix`` the sentences of ``best``'s case name that the
    question does not (the index's place facts, in document order), quoted from the
    sentence naming it (after ``best``)."""
    rows = {r.id: r for r in searcher.case_passages(best.case_id or 0)
            if r.role in ("body", "lead")}
    for f in searcher.facts(["place"], set(rows)):
        if f.subject and of_level(f.norm, suffix) and f.norm not in named and not any(
                len(x) >= 2 and x in f.norm for x in named):
            return Direct(f.subject, best, (passage_of(rows[f.passage_id], best.score, []),))
    return NONE


# A kind of site asked by name (哪个遗址, 哪所大学, 在哪座山): not a level of administration.
_SITE_KINDS = ("遗址", "基地", "公园", "景区", "广场", "湿地", "水库", "机场", "港口", "码头", "口岸",
               "车站", "大学", "学院", "学校", "医院", "小区", "园区", "开发区", "体育馆", "体育场",
               "博物馆", "纪念馆", "展览馆", "大厦", "酒店", "宾馆", "市场", "超市", "商场", "剧院",
               "礼堂", "检测站", "收费站", "加油站", "服务区", "客运站", "汽车站", "火车站", "堤段",
               "河段", "路段", "渡口", "隧道", "山", "湖", "岛", "河", "江")
# (A word may qualify the kind: 哪个菜市场, 哪家大超市.)
_ASKED_SITE = regex.compile(r"(?:哪|什么|何)(?:个|所|座|片|家|条|一)?(?:[^\W\d省市县区镇乡村的]{1,2}?)?("
                         + "|".join(sorted(_SITE_KINDS, key=len, reverse=True)) + ")")
# A town or district named by its level alone (在县城城东…, 市区…): no part of a site's name.
_TOWN_WORDS = frozenset(("县城", "市区", "城区", "镇区", "镇上", "村里"))
# Where a site's own name stops, read backwards: a place of administration, a preposition.
_SITE_NAME_STOP = set("省市县区镇乡村在于到从自的和与及、该此这那其个座所是")


def asked_site(norm_question: str) -> str | None:
    """The kind of site a question asks by (在哪个菜市场 → 市场), or None."""
    m = _ASKED_SITE.search(norm_question)
    return m.group(1) if m else None


# Something online or a system asked by its kind (在哪个网约车平台上接的单, 哪个网站): a name
# of no place, so no place answers it.
_ASKED_NON_PLACE = regex.compile(r"(?:哪|什么|啥)(?:个|家|一)?[\u4e00-\u9fff]{0,4}?(?:平台|网站|网店|"
                                 r"公众号|小程序|账号|软件|系统|渠道|app|APP)")


def site_named(text: str, kind: str, named: set[str]) -> str | None:
    """The first site of ``kind`` ``text`` names (宁家坡遗址, 十三陵基地) that the question does
    not: the characters before ``kind`` back to a place or a preposition, two at least."""
    norm = normalize(text)
    for at in occurrences(norm, kind):
        start = at
        while start > 0 and at - start < 8 and "\u4e00" <= norm[start - 1] <= "\u9fff" and (
                norm[start - 1] not in _SITE_NAME_STOP) and not norm.endswith(kind, 0, start):
            start -= 1
        if norm[max(start - 1, 0):start + 1] in _TOWN_WORDS:
            start += 1  # 在县城城东农贸市场: 县城 is the town, the site is 城东农贸市场
        name = norm[start:at + len(kind)]
        # (A word of the question that names the kind itself — 菜市场 read as 农贸市场 —
        # is no part of the site's name it asks for.)
        if at - start >= 2 and name not in named and not any(
                len(x) >= 2 and not x.endswith(kind) and x in name for x in named):
            return text[start:at + len(kind)]
    return None


# A named spot: a station, an airport, a port, a scenic area, a square, a site of works
# (南京南站, 禄口国际机场, 龙脊山风电场).
_LANDMARK = regex.compile(r"(?<=[在到从往于至、,和与及])([\u4e00-\u9fff]{2,8}?(?:火车站|高铁站|汽车站|"
                       r"客运站|南站|北站|东站|西站|国际机场|机场|码头|港口|口岸|景区|广场|公园|"
                       r"服务区|收费站|古镇|风电场|水电站|电站|工地|矿山|煤矿|矿坑|厂区))")


def landmarks(clause: str, named: set[str]) -> list[str]:
    """The named spots of a clause, as written, that the question does not name."""
    norm = normalize(clause)
    out = []
    for m in _LANDMARK.finditer(norm):
        name = m.group(1)
        if name in named or any(len(x) >= 2 and x in name and len(x) >= len(name) - 1
                                for x in named):
            continue
        out.append(clause[m.start(1):m.end(1)])
    return out


# "…大会于近日在广州召开", "在波士顿举行的会议上": where an event is held, named by its
# position whatever its name (a foreign city carries no suffix the place patterns know).
_VENUE = regex.compile(r"在([\u4e00-\u9fff]{2,12}?)(?:举行|召开|举办|开幕|闭幕|开馆|落成|揭牌|签署|"
                    r"签字|宣布|公布)")
# What stands between a country the question names and its city (孟加拉国首都达卡).
_CAPITAL = regex.compile(r"的?(?:行政|政治|经济|商业)?(?:首都|首府|省会|港口城市|城市)")
_NOT_A_VENUE = regex.compile(r"[此这那该其]|期间|会上|近日|今天|明天|昨天|当天|日前|同时")


def venues(clause: str, named: set[str]) -> list[str]:
    """The places ``clause`` says an event was held in (在广州召开), as written, that the
    question does not name."""
    norm = normalize(clause)
    out = []
    for m in _VENUE.finditer(norm):
        name, start = m.group(1), m.start(1)
        # "峰会在哪举行?" about 孟加拉国: 在孟加拉国首都达卡举行 answers 达卡.
        inside = next((x for x in sorted(named, key=len, reverse=True)
                       if len(x) >= 2 and name.startswith(x)), None)
        if inside is not None:
            capital = _CAPITAL.match(name, len(inside))
            if capital is not None and len(name) - capital.end() >= 2:
                name, start = name[capital.end():], start + capital.end()
        if len(name) > 8 or _NOT_A_VENUE.search(name) or name in named or any(
                len(x) >= 2 and x in name for x in named):
            continue
        out.append(clause[start:start + len(name)])
    return out


def of_level(name: str, suffix: str) -> bool:
    """Whether a place is of the asked level: 哪个省 is answered by 河南省 and by 河南, which
    is how news text names provinces."""
    if suffix == CITY:
        # "哪个城市?" is answered by a city named with or without its 市 (株洲, 北京), not by
        # a province or region (内蒙古) nor a place of another level (城关镇).
        return not name.endswith(_NOT_A_CITY) and (
            name not in PROVINCES or name in _CITY_PROVINCES)
    return name.endswith(suffix) or (suffix == "省" and name in PROVINCES)


# The level 哪个城市 asks (bot.intent): a city however named.
CITY = "城市"
# Suffixes of places that are no city, and the provinces that are cities.
_NOT_A_CITY = ("省", "自治区", "县", "区", "镇", "乡", "村", "旗", "街道", "盟")
_CITY_PROVINCES = frozenset(("北京", "天津", "上海", "重庆", "香港", "澳门"))


def place_level(name: str) -> int:
    """How narrow a place is (0 a province … 6 a village), by its suffix."""
    return next((rank for suffix, rank in PLACE_LEVELS if name.endswith(suffix)), 1)


def _chain_levels(spans: list[tuple[int, str]], norm: str) -> dict[tuple[int, str], int]:
    """How narrow each place is, read along chains: a place written right after another
    (温州市瑞安市, 江苏省苏州市吴江区 — a 省 between them allowed) lies inside it, so it is at
    least one level narrower whatever its suffix."""
    levels: dict[tuple[int, str], int] = {}
    ends: dict[int, int] = {}  # where a place ends → its level
    for pos, name in sorted(spans):
        level = place_level(name)
        before = ends.get(pos, ends.get(pos - 1) if norm[pos - 1:pos] == "省" else None)
        if before is not None:
            level = max(level, before + 1)
        levels[(pos, name)] = level
        ends[pos + len(name)] = max(level, ends.get(pos + len(name), -1))
    return levels


def place_in_clause(clause: str, named: set[str], suffix: str, plural: bool) -> str | None:
    """The narrowest place ``clause`` names that the question does not (with the places
    written right before it: 顺德区勒流街道); all of that level for 哪些/哪几个.  Where the
    question names a place and the clause goes on inside it (跟江苏哪里交界 → 江苏省苏州市
    吴江区), the answer is in that chain."""
    norm = normalize(clause)
    spans = sorted({(norm.find(name), name) for name in places(norm) if name in norm})
    spans = [(pos, name) for pos, name in spans if not only_in_a_name(name, norm)]
    if not suffix:
        # (哪个区 asks a level, which the district an authority serves may answer.)
        bodies = _bodies_at(norm)
        spans = [(pos, name) for pos, name in spans if pos not in bodies]
    levels = _chain_levels(spans, norm)
    asked = [(pos, name) for pos, name in spans if name in named or any(
        len(x) >= 2 and name.startswith(x) for x in named)]
    found = [(pos, name) for pos, name in spans
             if (pos, name) not in asked and (not suffix or of_level(name, suffix))]
    if not found:
        return None
    inside = [span for span in found if _continues(span, asked, spans, norm)]
    if inside:
        found = inside
    narrowest = max(levels[span] for span in found)
    chosen = sorted(span for span in found if levels[span] == narrowest)
    if plural:
        # "在哪几个地方?": the places listed with those chosen go with them, whatever their
        # suffixes (新建东坪县、临河区2个储备库 → 东坪县、临河区).
        chosen = _with_listed(chosen, found, norm)
    if plural and len(chosen) > 1:
        return "、".join(clause[pos:pos + len(name)] for pos, name in chosen)
    pos, name = chosen[0]
    start = pos
    # Wider places written just before it qualify it (乳源瑶族自治县大桥镇).
    for other_pos, other in sorted(found, reverse=True):
        if other_pos + len(other) == start and levels[(other_pos, other)] < narrowest:
            start = other_pos
    return clause[start:pos + len(name)]


# What lists places side by side (东坪县、临河区; 嘉兴和湖州).
_LISTED = frozenset(("、", "和", "及", "与", "以及"))


def _with_listed(chosen: list[tuple[int, str]], found: list[tuple[int, str]],
                 norm: str) -> list[tuple[int, str]]:
    """``chosen`` and every place of ``found`` listed next to one of them, in order."""
    out = set(chosen)
    grew = True
    while grew:
        grew = False
        for span in found:
            if span not in out and any(
                    norm[a[0] + len(a[1]):b[0]] in _LISTED
                    for a, b in ((span, c) if span < c else (c, span) for c in out)):
                out.add(span)
                grew = True
    return sorted(out)


def _continues(span: tuple[int, str], asked: list[tuple[int, str]],
               spans: list[tuple[int, str]], norm: str) -> bool:
    """Whether ``span`` is written inside a chain that begins with a place the question
    names (江苏省苏州市吴江区 after 江苏)."""
    ends = {pos + len(name) for pos, name in asked}
    reach = set(ends) | {e + 1 for e in ends if norm[e:e + 1] == "省"}
    for pos, name in spans:  # in order: the chain grows place by place
        if pos in reach:
            if (pos, name) == span:
                return True
            reach.add(pos + len(name))
    return False


def _at_in_other_clause(a: Analysis, best: Passage, named: set[str], suffix: str) -> str | None:
    """"生产线建在哪里?" when the clause richest in the question's words names no place after
    在 (…为维宝光盘有限公司揭牌) but another clause of the sentence that says some of them does
    (新一条光盘生产线今天在北京经济技术开发区投产): that place, from the richest such clause."""
    scored = []
    for s, e in clause_spans(best.norm):
        said = sum(u.weight for u in a.units if len(u.text) >= 2
                   and any(x in best.norm[s:e] for x in u.alts))
        if said:
            scored.append((said, -s, best.text[s:e]))
    for _, _, clause in sorted(scored, reverse=True):
        at = place_after_at(clause, named, suffix)
        if at:
            return at
    return None


# "在哪儿拉客?", "在哪被查获?": the place the text puts after 在 answers it.
_ASKS_AT = regex.compile(r"在(?:哪|什么地方|何处|何地)")
_AT = regex.compile(r"在")


def place_after_at(clause: str, named: set[str], suffix: str) -> str | None:
    """The place or spot written right after a 在 of ``clause`` (在崑山南站周边, 在黄岩区院桥镇
    西岙村), narrowest of its chain; None when no 在 is followed by one."""
    norm = normalize(clause)
    for m in _AT.finditer(norm):
        rest = clause[m.end():m.end() + 16]
        spot = landmarks("在" + rest, named)
        if spot and normalize(rest).startswith(normalize(spot[0])):
            return spot[0]
        place = place_in_clause(rest, named, suffix, False)
        if place and normalize(rest).startswith(normalize(place)):
            return place
    return None


__all__ = ["asked_site", "extract", "place_after_at", "place_in_clause", "place_level", "site_named",
           "venues"]
