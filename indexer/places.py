"""Places a passage names: by their suffix where a place stands (深圳市, 宝安区, 勒流街道), an
autonomous county or prefecture whole (乳源瑶族自治县), and the known places of
``corpus/data/places.txt`` — never a verb, a preposition or a date before the name (会同温州市,
在深圳市, 2023年松溪县).  The place facts of :mod:`indexer.facts` when indexing; where-questions
and the places a question names when answering.

Everything works on normalised text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from corpus import regex
from corpus.paths import DATA_DIR
from indexer.words import GENERIC_PLACE_WORDS

_CJK = "\u4e00-\u9fff"
# Never inside a place's name (局厅委: "县民政局会同县自然资源局" holds no place 政局会同县).
_BEFORE_PLACE = frozenset("与及的或等在为将把对各全多个该本其到至从向由经赴往据于住去距")  # not 和: 和田
# 会同市公安局 is 会同 + 市公安局, 会同温州市 is 会同 + 温州市: a verb that joins bodies, not
# part of a city.
JOINING_VERBS = "会同|联合|协同|配合|组织|指导|推动|督促|要求|依托|通过|带动|牵头|协调"
_VERB_HEAD = regex.compile(rf"(?:{JOINING_VERBS})$")
# …nor is a verb whose object a place is (新建东坪县、临河区2个储备库, 位于临江市), one of
# going, visiting or hearing of it (抵达合肥市, 走访苏州市, 听说合肥市里…, 据悉).
VERB_LEAD = regex.compile(rf"^(?:{JOINING_VERBS}|新建|建成|位于|地处|覆盖|涉及|包括|前往|来自|"
                          r"抵达|到达|飞抵|赶赴|奔赴|返回|离开|走进|进入|途经|访问|走访|视察|"
                          r"考察|听说|据悉|据说)")
# The part of a site given to one use (储罐区, 厂区, 作业区, 停车区) is no district.
_FACILITY_AREA = regex.compile(r"(?:罐|厂|仓|装置|作业|生产|仓储|施工|储存|存储|停车|办公|生活|"
                               r"装卸|加油|充电)区$")
# Characters no place name holds before its suffix (设: 部分设区的市 are cities with districts).
_NOT_IN_PLACE = set("与和及的或等在为将把对省县市区州各全多个该本其局厅委设")


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """The places of ``corpus/data/places.txt``: names the suffix rules cannot find (昌吉, 巴州)."""
    path = DATA_DIR / "places.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def _known_places_re() -> re.Pattern[str]:
    """Where a known place starts (a lookahead, so that 昌吉 inside 昌吉州 is found too)."""
    names = sorted(known_places(), key=len, reverse=True)
    return re.compile("(?=" + "|".join(map(re.escape, names)) + ")") if names else re.compile("(?!)")


@lru_cache(maxsize=1)
def _places_by_head() -> dict[str, list[str]]:
    """Known places by their first character: a passage is checked only for those it can hold."""
    out: dict[str, list[str]] = {}
    for name in known_places():
        out.setdefault(name[0], []).append(name)
    return out


# The place patterns, compiled on first use (a cold `casebot ask` about who did what never
# reads a place; compiling them costs it ~8 ms).
class _PlacePatterns(NamedTuple):
    suffix: re.Pattern[str]
    autonomous: re.Pattern[str]
    local: re.Pattern[str]
    not_local_head: re.Pattern[str]
    generic_local: re.Pattern[str]


@lru_cache(maxsize=1)
def _place_patterns() -> _PlacePatterns:
    return _PlacePatterns(
        # XX州/XX市/XX县, not 市场, not 州政府 (an authority), not 与多省市 (a phrase).
        # 温州市 is one name, not 温州 + 市瑞安市: a 州 followed by 市 runs on.
        suffix=re.compile(rf"([{_CJK}]{{1,4}}?(?:州|市|县|地区))(?![政府委局厅级长场民]|市(?!场))"),
        # 乳源瑶族自治县, 恩施土家族苗族自治州: the name before the nationality counts.
        autonomous=re.compile(
            rf"((?<![{_CJK}])[{_CJK}]{{2,3}}?(?:[{_CJK}]{{1,3}}族)+自治[县州旗]|"
            rf"[{_CJK}]{{2}}(?:[{_CJK}]{{1,3}}族)+自治[县州旗])"),
        # Districts, towns, townships, streets and villages (宝安区, 长安镇, 勒流街道, 青坪村).
        # Their suffixes end many common words (示范区, 城中村, 乡镇), so a name counts
        # only where a place stands: after a higher-level place, a list comma or a
        # preposition, a distance (距市区17公里的顶效镇), or at the start of a clause — and
        # never one of those words.
        local=re.compile(rf"(?:^|(?<=[、在于到至和与及对从向市县区州镇乡旗中使让被给])|(?<=[里米]的))"
                         rf"(?=([{_CJK}]{{2,3}}?(?:街道|区|镇|乡|村)))"),
        not_local_head=re.compile(
            r"(?:示范|项目|治理|保护|试点|重点|核心|功能|开发|高新|经济|产业|工业|农业|生态|种植|养殖|安置|"
            r"搬迁|城中|行政|自然|贫困|老旧|中高山|宿舍|生活|居住|住宅|办公|商业|其他|周边|所在|受灾|集中|"
            r"偏远|边远|少数|民族|试验|先行|规划|建成|城乡|全|各|本|该|多)$"),
        generic_local=re.compile(
            r"(?:山区|城区|市区|县区|景区|库区|牧区|灾区|片区|矿区|林区|垦区|园区|社区|辖区|小区|新区|老区|"
            r"城镇|乡镇|村镇|集镇|农村|乡村|地区)$"),
    )


# Text between non-Chinese characters: a place name never spans one.
_NOT_CJK = regex.compile(rf"[^{_CJK}]")
# Every suffix the place patterns end in (州市县区 and 地区; 自治县/州/旗; 街道区镇乡村):
# a chunk without one of these names no place by its suffix, and is not searched.
_PLACE_SUFFIX_CHAR = regex.compile("[州市县区旗镇乡村街]")


# A date said right before a place (2023年松溪县, 去年松溪县, 3月临河区) is no part of its name.
_DATE_BEFORE = regex.compile(r"[0-9０-９]+[年月日号]|(?:去|今|前|明|当|同|上|本)年")


def _verb_dropped(name: str) -> str:
    """``name`` without a verb it opens with (位于临江市 → 临江市), unless too little is left
    (新建县 is a county)."""
    lead = VERB_LEAD.match(name)
    return name[lead.end():] if lead and len(name) - lead.end() >= 2 else name


def places(norm: str) -> list[str]:
    """The places ``norm`` (normalised) names by their suffix, in order, then the known places
    it holds."""
    pat = _place_patterns()
    out = []
    for chunk in _NOT_CJK.split(_DATE_BEFORE.sub(" ", norm) if "年" in norm or "月" in norm
                                or "日" in norm or "号" in norm else norm):
        if not _PLACE_SUFFIX_CHAR.search(chunk):
            continue
        autonomous = [m.group(1) for m in pat.autonomous.finditer(chunk)]
        out.extend(autonomous)
        for m in pat.suffix.finditer(chunk):
            # 到达合肥市: the verb goes before its 到 would cut the name (达合肥市).
            name = _verb_dropped(m.group(1))
            # Keep the tail after any function word or preposition (在深圳市 →
            # 深圳市, 到佛山市 → 佛山市); 与多省市 keeps nothing.
            cut = max((i for i, ch in enumerate(name[:-1]) if ch in _BEFORE_PLACE
                       or ch == "省"), default=-1)  # 江苏省苏州市 → 苏州市
            name = _verb_dropped(name[cut + 1:])  # 在会同温州市公安局: the verb is no part of it
            head = name[:-2] if name.endswith("州市") else name[:-1]  # 温州市, 苏州市
            if not head or name in GENERIC_PLACE_WORDS or _FACILITY_AREA.search(name):
                continue  # 各州市: the cities and prefectures, no name; 城市, 超市, 储罐区
            if any(name in a for a in autonomous):
                continue  # 瑶族自治县 is the tail of 乳源瑶族自治县
            if (len(name) >= 2 and not (set(head) & _NOT_IN_PLACE) and "自治区" not in name
                    and not _VERB_HEAD.search(head)):
                out.append(name)
        out.extend(_local_places(chunk))
    found = {name for m in _known_places_re().finditer(norm)
             for name in _places_by_head()[norm[m.start()]] if norm.startswith(name, m.start())}
    return out + sorted(found)  # sorted: facts come out the same every run


# 太和镇, 平和县: 和 inside a name is fine; at its start it is the conjunction.
# 使北海村成为…, 被北塘村收购: a verb's marker opening a clause is no part of the name after it.
_NOT_IN_LOCAL = (_NOT_IN_PLACE - set("和与及")) | set("逐每些这那此镇乡村街使让被给")


def _local_places(chunk: str) -> list[str]:
    pat = _place_patterns()
    out: list[str] = []
    for m in pat.local.finditer(chunk):
        name = m.group(1)
        head = name[:-2] if name.endswith("街道") else name[:-1]
        # 和 opening a name is the conjunction (县和乡), unless what follows it is too short to
        # be a name of its own (长兴县和平镇).
        conjunction = head[0] in "和与及" and len(head) > 2
        if (len(head) >= 2 and not (set(head) & _NOT_IN_LOCAL) and not conjunction
                and not pat.not_local_head.search(head) and not _FACILITY_AREA.search(name)
                and not (pat.generic_local.search(name) and not _NAMED_MOUNTAIN_DISTRICT.match(name)
                         and not _NAMED_CITY_DISTRICT.match(name))
                and not any(name in o for o in out)):
            out.append(name)
    return out


# A district named after its mountain (铜山区, 平山区) is no 山区 (a mountain area: 深山区).
_NAMED_MOUNTAIN_DISTRICT = regex.compile(r"^[^深高大小老半荒原]山区$")
# A district named after its town (鹤城区, 鼓城区) is a place, not a town's part (主城区,
# 老城区, 新城区, 各城区).
_NAMED_CITY_DISTRICT = regex.compile(r"^[^主老新旧中内外副全各该本城和与及]城区$")


__all__ = ["JOINING_VERBS", "VERB_LEAD", "known_places", "places"]
