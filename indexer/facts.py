"""Facts extracted at index time: who issued which document, and the entities a passage names.

General patterns of Chinese government announcements, not of any one file:

* issuance — ``X出台《Y》``, ``X制定《Y》``, ``X、Z联合印发《Y》``,
  ``X联合Z、W印发《Y》``, ``修订《Y》``, ``牵头起草的…办法``.  A clause without a
  subject takes the nearest preceding subject in its section, else the
  subject of its case's lead paragraph.
* entities — authorities (…厅/…局/…部门/州政府), places, 《》 documents with
  their kind, quoted measures and slogans, quantities with units.

Everything works on normalised text; offsets equal the original's, so the
stored strings are sliced from the ORIGINAL passage (quoted as written).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from corpus import regex
from corpus.paths import DATA_DIR
from indexer.normalize import normalize
from indexer.terms import QUOTED_RE, TITLE_RE, organisations
from indexer.words import DOC_KINDS, GENERIC_PLACE_WORDS, ISSUING_ACTIONS, MEASURE_WORDS

if TYPE_CHECKING:
    from corpus.model import Document
    from indexer.passages import PassageSpec

_CJK = "\u4e00-\u9fff"
_CN_NUM = "一二三四五六七八九十百千两"
# Measures a figure in Chinese numerals counts in (五部门, 三项, 四级; news text writes
# money and people so too: 三万元, 十四点八万元, 六十四人).
_CN_COUNTED = ("部门", "项", "个", "家", "级", "大", "元", "万元", "亿元", "人", "名", "万人",
               "人次",
               # Spans of time (间隔期不少于六个月, 三天内) and kinds (分为四类).
               "个月", "天", "小时", "分钟", "周", "种", "类", "部分", "个工作日", "工作日",
               # Writings counted in words (共十一篇).
               "篇", "首", "幅")
# The penalties whose length a sentence gives in words (有期徒刑六年, 行政拘留十日), read in
# the four characters before the length, and the units of that length.
_TERM_BEFORE = regex.compile(r"(?:徒刑|拘役|缓刑|拘留|管制|监禁|禁业|禁止从业)$")
_TERM_UNITS = ("年", "个月", "月", "天")
# How long something took, in words (仅用一年时间, 历时一个月): a span, though 一年 alone is "a
# year" in passing (一年来).
_SPAN_BEFORE = regex.compile(r"(?:用|用了|历时|花了|耗时|经过|不到|仅)$")
_SPAN_AFTER = ("时间", "之久", "就", "便")
_SPAN_UNITS = (*_TERM_UNITS, "小时", "周")
_DETENTION_DAYS = regex.compile(rf"(?<=拘留|拘役)([{_CN_NUM}]{{1,3}}日)")
_BATCH = regex.compile(r"(?:第[一二三四五六七八九十0-9]+|首)批")
_NUMBERED = regex.compile(rf"第(?:\d{{1,5}}|[{_CN_NUM}零]{{1,6}})号")
_DAYS_WITHIN = regex.compile(rf"(?<![月\d{_CN_NUM}])((?:\d{{1,3}}|[{_CN_NUM}]{{1,3}})个?(?:工作)?日)"
                          r"(?=内|之内|以内)")
# A figure with its measure word; 万/亿 may stand between them (1.2万家, 3.4万人次, 1万余人):
# the measure, not the multiplier, is what a how-many question asks for.
_MEASURES = "|".join(sorted(MEASURE_WORDS, key=len, reverse=True))
QUANTITY_RE = regex.compile(
    # News writes large figures in words: 一千三百九十九亿美元, 九万一千亿元, 二百零五人.
    r"(第)?([" + _CN_NUM + r"零]{1,9}万[" + _CN_NUM + r"零]{1,8}(?=[亿万]?(?:" + _MEASURES
    + r"))|[" + _CN_NUM + r"零]{4,9}"
    r"|\d+(?:\.\d+)?|[" + _CN_NUM + r"]{1,3}(?:点[一二三四五六七八九]{1,2})?)(余|多)?(?:[万亿](?:余|多)?(?="
    + _MEASURES + r"))?(" + _MEASURES + r")"
)
_MONTH_DAY = regex.compile(r"(?<![\d年])(?:1[0-2]|[1-9])月(?:[12]\d|3[01]|[1-9])日")
# A month without its year, as news and case reports write it: 今年6月, 去年3月份, 5月底.
_MONTH = regex.compile(r"(?:今年|去年|前年|明年|当年|同年)(?:1[0-2]|[1-9])月(?:份|初|中旬|上旬|下旬|底|末)?"
                    r"|(?<![\d年至到~第-])(?:1[0-2]|[1-9])月(?:份|初|中旬|上旬|下旬|底|末)")
# A year or a day in Chinese numerals, as news often writes them (组建于一九六二年, 一月十日,
# 一九九七年十二月): a date, though no digit says it.
CN_DATE = regex.compile(r"(?<![〇零一二三四五六七八九十])(?:[〇零一二三四五六七八九]{4}年"
                        r"(?:(?:十[一二]?|[一二三四五六七八九])月(?:(?:[一二]?十[一二三四五六七八九]?|三十一?|"
                        r"[一二三四五六七八九])日)?)?|(?:十[一二]?|[一二三四五六七八九])月"
                        r"(?:[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])日)")
_WEEKDAY = regex.compile(r"(?:星期|礼拜|周)[一二三四五六日天](?![一二三四五六七八九十年])")
YEAR_RE = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?)?(?!\d)")
# Times said without a digit date: the day of a report (今天, 昨天), a season or a holiday,
# a year or month in Chinese numerals (二〇二四年, 十月).  (目前, "at present", is no time an
# event happened at.)
_RELATIVE_TIME = regex.compile(r"今天|昨天|前天|明天|今日|昨日|当天|当日|次日|近日|日前|今年|去年|前年|明年|"
                            r"年初|年底|年末|年内|月初|月底|上旬|中旬|下旬|春节|元旦|国庆|季度|"
                            r"[春夏秋冬]季|星期[一二三四五六日天]|周[一二三四五六日]|凌晨|上午|下午|"
                            r"晚上|傍晚|[〇零一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,2}月")


# A time of day (14时20分, 11时许, 8点30分): what 几点 asks.  A bare 3点 is no time (3点意见).
CLOCK_RE = regex.compile(r"(?<![\d.])(?:[01]?\d|2[0-3])(?:时(?:[0-5]?\d分)?许?|点[0-5]?\d分)")


def says_a_time(text: str) -> bool:
    """Whether ``text`` (normalised) says when something happened: a date, a month, a year,
    a time of day or a time said relatively (今天, 春节前) — what a when-question needs."""
    return bool(YEAR_RE.search(text) or _MONTH_DAY.search(text) or _MONTH.search(text)
                or CLOCK_RE.search(text) or _RELATIVE_TIME.search(text))


def is_calendar_year(quantity: str) -> bool:
    """Whether a figure of 年 (a QUANTITY_RE match) is a year of the calendar, not a count
    of years: 2023年 is a date, 30年 and 2000余年 are durations."""
    return re.fullmatch(r"(?:19|20)\d{2}年", quantity) is not None

# Never inside a place's name (局厅委: "县民政局会同县自然资源局" holds no place 政局会同县).
_BEFORE_PLACE = frozenset("与及的或等在为将把对各全多个该本其到至从向由经赴往据于住去")  # not 和: 和田
# 会同市公安局 is 会同 + 市公安局, 会同温州市 is 会同 + 温州市: a verb that joins bodies, not
# part of a city.
_JOINING_VERBS = "会同|联合|协同|配合|组织|指导|推动|督促|要求|依托|通过|带动|牵头|协调"
_VERB_HEAD = regex.compile(rf"(?:{_JOINING_VERBS})$")
# …nor is a verb whose object a place is (新建东坪县、临河区2个储备库, 位于临江市).
_VERB_LEAD = regex.compile(rf"^(?:{_JOINING_VERBS}|新建|建成|位于|地处|覆盖|涉及|包括|前往|来自)")
# Characters no place name holds before its suffix (设: 部分设区的市 are cities with districts).
_NOT_IN_PLACE = set("与和及的或等在为将把对省县市区州各全多个该本其局厅委设")
# How the name of a body a clause opens with ends (and not 厅级, 局长).
_BODY_END = "委员会|办公室|办公厅|政府|中心|支队|大队|总队|法院|检察院|厅|局|委"
_ORG_HEAD_RE = regex.compile(
    rf"^([{_CJK}、和及]{{1,40}}?(?<![格布大结全开当])(?:等部门|部门|单位|机关|{_BODY_END}))"
    r"(?![级长])")
# …and another written right after it, not a partner joined to it (市民政局会同公安局).
_ORG_MORE_RE = regex.compile(
    rf"(?!{_JOINING_VERBS}|[和与及同向对在将把被等])[{_CJK}]{{1,4}}?(?:{_BODY_END})(?![级长])")
# A figure right after a name: the name is what was counted (单位1432家, 企业37家).
_COUNT_AFTER = regex.compile(r"\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千万]+)[余多]?"
                          r"[家个所名位批座人件起项条处户]")
_ADVERBS = regex.compile(r"^(?:并|同时|同步|还|也|已|先后|进一步|积极|主动|率先|首次|近年来|目前|此外|"
                         r"随即|随后|立即|当即|及时|迅速|依法|第一时间|因此|为此|对此)+")
# What an authority's name ends with — a body's ending, not a 中心's (a company, 建设单位 or
# 总包单位 is none) …
_AUTHORITY_END = regex.compile(rf"(?:{_BODY_END}|部门|机关|派出所|管理处|执法队)$")
# … and the verbs of a sanction, which an authority takes (约谈, 责令, 督促其…).
_SANCTION_LEAD = regex.compile(r"^(?:约谈|责令|督促|通报|查处|处以|给予|作出|移送|立案|暂扣|吊销|没收|"
                               r"罚款|对其)")  # (依法 is one of the _ADVERBS stripped first)


def is_authority(name: str) -> bool:
    """Whether ``name`` (normalised) is a public authority by its ending (市劳动保障监察支队,
    县政府, 等部门) — not a business or a party to a case (建设单位, 某置业有限公司)."""
    return bool(name) and _AUTHORITY_END.search(name) is not None and not name.endswith(
        ("单位", "公司", "中心"))


# A clause opening with its verb has no subject of its own (同时约谈了…负责人, 随即约谈建设单位):
# what ends in 政府 or 单位 there is the object, and the actor is the one said before.
_ACTION_LEAD = regex.compile(r"^(?:约谈|责令|落实|协助|帮助|敦促|提醒|告知|走访|通报|查处|处以|给予|作出|启动|印发|出台|下达|移送|"
                             r"立案|暂扣|吊销|没收|罚款)|^[\u4e00-\u9fff]{1,3}了(?![解结])")


@dataclass(frozen=True)
class Fact:
    index: int  # into the document's passage list
    kind: str  # issuance | org | place | document | measure | quantity
    subject: str | None
    action: str | None
    object: str | None
    norm: str


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
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


def doc_kind(title: str) -> str | None:
    """条例/意见/通知/… from a document title, or None."""
    for kind in sorted(DOC_KINDS, key=len, reverse=True):
        if title.endswith(kind):
            return kind
    return None


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
        # preposition, or at the start of a clause — and never one of those words.
        local=re.compile(rf"(?:^|(?<=[、在于到至和与及对从向市县区州镇乡旗中]))"
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


def places(norm: str) -> list[str]:
    pat = _place_patterns()
    out = []
    for chunk in _NOT_CJK.split(_DATE_BEFORE.sub(" ", norm) if "年" in norm or "月" in norm
                                or "日" in norm or "号" in norm else norm):
        if not _PLACE_SUFFIX_CHAR.search(chunk):
            continue
        autonomous = [m.group(1) for m in pat.autonomous.finditer(chunk)]
        out.extend(autonomous)
        for m in pat.suffix.finditer(chunk):
            name = m.group(1)
            # Keep the tail after any function word or preposition (在深圳市 →
            # 深圳市, 到佛山市 → 佛山市); 与多省市 keeps nothing.
            cut = max((i for i, ch in enumerate(name[:-1]) if ch in _BEFORE_PLACE
                       or ch == "省"), default=-1)  # 江苏省苏州市 → 苏州市
            name = name[cut + 1:]
            lead = _VERB_LEAD.match(name)  # 会同温州市公安局: the verb is no part of it
            if lead and len(name) - lead.end() >= 2:
                name = name[lead.end():]
            head = name[:-2] if name.endswith("州市") else name[:-1]  # 温州市, 苏州市
            if not head or name in GENERIC_PLACE_WORDS:
                continue  # 各州市: the cities and prefectures, no name; 城市, 超市
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
_NOT_IN_LOCAL = (_NOT_IN_PLACE - set("和与及")) | set("逐每些这那此镇乡村街")


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
                and not pat.not_local_head.search(head)
                and not (pat.generic_local.search(name) and not _NAMED_MOUNTAIN_DISTRICT.match(name))
                and not any(name in o for o in out)):
            out.append(name)
    return out


# A district named after its mountain (铜山区, 平山区) is no 山区 (a mountain area: 深山区).
_NAMED_MOUNTAIN_DISTRICT = regex.compile(r"^[^深高大小老半荒原]山区$")


def clause_subject(clause: str) -> str | None:
    """The authority or place a clause opens with, if any (e.g. 自治区市场监管局 / 巴州)."""
    # 由县政府统筹: the actor 由 or 经 introduces opens the clause.
    body = _BY.sub("", _ADVERBS.sub("", clause.strip()))
    if _VERB_LEAD.match(body):
        return None  # 会同章贡区住建局…: a partner, the actor is named before the clause
    if _ACTION_LEAD.match(body):
        return None
    # A conjoined list counts as one subject: 自治区市场监管、农业农村、公安等部门.
    m = _ORG_HEAD_RE.match(body)
    if m:
        end = m.end()
        # Bodies written together are one actor: 县纪委监委, 县委县政府, 省委办公厅.
        while more := _ORG_MORE_RE.match(body, end):
            end = more.end()
        # 共排查持证排污单位1432家: what was counted, not who acts.
        return None if _COUNT_AFTER.match(body, end) else body[m.start(1):end]
    m = _PLACE_HEAD_RE.match(body)
    if m:
        return m.group(1)
    # A known place the clause opens with (longest first: 昌吉州 before 昌吉).
    for size in _place_lengths():
        if len(body) > size and body[:size] in known_places():
            return body[:size]
    return None


# 由/经 introduce an actor (not 由于, 经济, 经营…), and so does a passive's 被 (被县纪委监委问责;
# not 被告, 被害人); 因/由于 a cause, whose own subject follows (因总包单位未结算…).
_BY = regex.compile(r"^(?:由(?![于此])|经(?![济营贸验历过常费信])|被(?![告害服子褥迫动捕执])|"
                    r"因为|因(?![此而素])|由于)")
# A place the clause opens with; not a preposition's object (在巴州, 对该县, 向市里).
_PLACE_HEAD_RE = regex.compile(rf"(?![对向在被将把从据])([{_CJK}]{{1,4}}?(?:州|市|县|盟))(?=[{_CJK}])")


@lru_cache(maxsize=1)
def _place_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in known_places()}, reverse=True))


def _actor_before(clause_head: str) -> str | None:
    """The actor written before an action verb inside one clause."""
    head = _ADVERBS.sub("", clause_head.strip())
    if not head:
        return None
    head = re.sub(r"(联合|会同)$", "", head)
    head = head.replace("联合", "、").replace("会同", "、")
    orgs = organisations(head)
    if orgs:
        start = head.find(orgs[0])
        return head[start:].strip("、")
    return clause_subject(head)


def extract(doc: Document, specs: Sequence[PassageSpec], norm: Sequence[str]) -> list[Fact]:
    """All facts of one document; ``norm[i]`` is the normalised text of ``specs[i]``."""
    facts: list[Fact] = []
    lead_subject: dict[int | None, str | None] = {}
    last_subject: dict[tuple[int | None, int | None, int | None], str | None] = {}
    # The last authority among them: who takes a sanction the text leaves its actor out of.
    last_authority: dict[tuple[int | None, int | None, int | None], str] = {}
    for i, (spec, text) in enumerate(zip(specs, norm, strict=True)):
        original = spec.text
        clauses = _clauses(text)
        subjects = [clause_subject(clause) for _, clause in clauses]
        first = next((subj for subj in subjects if subj), None)
        if spec.role == "lead" and spec.case not in lead_subject:
            lead_subject[spec.case] = _orig(original, text, first) if first else None
        scope = _scope(doc, spec)
        facts.extend(entities(i, text, original))
        for (clause_start, clause), subj in zip(clauses, subjects, strict=True):
            for verb_pos, verb in _verbs(clause):
                objects = _objects_after(clause, verb_pos + len(verb), clause_start, original)
                if not objects:
                    continue
                actor = _actor_before(clause[:verb_pos])
                actor_orig: str | None
                if actor:
                    actor_orig = "、".join(_orig(original, text, a) for a in actor.split("、"))
                else:
                    actor_orig = last_subject.get(scope) or lead_subject.get(spec.case)
                vstart = clause_start + verb_pos + (2 if verb.startswith("联合") else 0)
                action = original[vstart:clause_start + verb_pos + len(verb)]
                for title in objects:
                    facts.append(Fact(i, "issuance", actor_orig, action, title,
                                      _norm_key(text, original, title)))
                if actor:
                    last_subject[scope] = actor_orig
            if subj:
                said = _orig(original, text, subj)
                last_subject[scope] = said
                if is_authority(subj) and said:
                    last_authority[scope] = said
        # Who acts in this sentence: its own opening subject, else the section's,
        # else the case lead's — answers "who" for sentences that omit it.
        # Stored only when inherited: a sentence's own subject is read off it at answer time.
        own = first if spec.role not in ("title", "case_title") else None
        inherited = None if own else (last_subject.get(scope) or lead_subject.get(spec.case))
        if not own and clauses and _SANCTION_LEAD.match(
                _ADVERBS.sub("", clauses[0][1].strip())) and not is_authority(inherited or ""):
            # 经核查,建设单位…拖欠…。随即约谈建设单位,督促其…: the offender was the last
            # subject; the one who sanctions is the authority said before it (…支队接到投诉后…).
            lead = lead_subject.get(spec.case)
            inherited = last_authority.get(scope) or (
                lead if lead and is_authority(lead) else None) or inherited
        if inherited:
            facts.append(Fact(i, "subject", inherited, None, None, normalize(inherited)))
        # "《X》(以下简称《Y》)": Y is an alias of X.
        for m in _matches(_ALIAS_RE, text):
            facts.append(Fact(i, "alias", original[m.start(2):m.end(2)], None,
                              original[m.start(1):m.end(1)], m.group(2)))
        # "X《Y》(以下简称…)印发以来": the actor precedes the title, the verb follows it.
        for m in _matches(_TITLE_THEN_VERB, text):
            actor = _actor_before(m.group(1))
            if actor:
                o = m.start(2)
                facts.append(Fact(i, "issuance",
                                  "、".join(_orig(original, text, a) for a in actor.split("、")),
                                  original[m.start(4):m.end(4)], original[o:o + len(m.group(2))],
                                  m.group(2)))
    return facts


def _scope(doc: Document, spec: PassageSpec) -> tuple[int | None, int | None, int | None]:
    """Where a sentence's actor carries over to the next sentences that leave it out: its
    section (一是…, (一)…), or its paragraph in a section no heading opens (a news article,
    whose paragraphs each say who acts)."""
    if spec.case is None or spec.section is None:
        return (spec.case, spec.section, None)
    section = doc.cases[spec.case].sections[spec.section]
    return (spec.case, spec.section,
            None if section.marker or section.heading else spec.paragraph)


_ALIAS_RE = regex.compile(r"《([^《》]{2,60})》\((?:以下)?简称\s*《?([^《》()]{1,20})》?\)")


_TITLE_THEN_VERB = regex.compile(
    r"([^,,。;;::《》]{1,30}?)《([^《》]{2,60})》(\([^()]{0,30}\))?(印发|出台|发布|颁布|施行)")


def clause_spans(norm: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each clause of normalised text: split at , ; : 。 ! ? and a table's
    | outside 《》, brackets and quotes.  Offsets hold for the original text too."""
    spans: list[tuple[int, int]] = []
    start = depth = 0
    quoted = False
    # Only the characters that open, close or split matter: visit just those.
    for m in _CLAUSE_MARKS.finditer(norm):
        ch = m.group()
        if ch in "《(":
            depth += 1
        elif ch in "》)":
            depth = max(0, depth - 1)
        elif ch == '"':  # both “ and ” normalise to ": a toggle
            quoted = not quoted
        elif depth == 0 and not quoted:
            i = m.start()
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(norm)))
    return [(s, e) for s, e in spans if norm[s:e].strip()]


# | separates the cells of a table row (with_table_headers writes them so).
_CLAUSE_MARKS = regex.compile(r'[《()》",;:。!?|]')


def _clauses(text: str) -> list[tuple[int, str]]:
    return [(s, text[s:e]) for s, e in clause_spans(text)]


_ANY_ACTION = regex.compile("|".join(ISSUING_ACTIONS))


def _verbs(clause: str) -> list[tuple[int, str]]:
    if not _ANY_ACTION.search(clause):  # most clauses: no need to try every verb
        return []
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for verb in sorted(ISSUING_ACTIONS, key=len, reverse=True):
        for m in re.finditer(verb, clause):
            if m.start() in taken or _inside_title(clause, m.start()):
                continue
            found.append((m.start(), verb))
            taken.update(range(m.start(), m.end()))
    return sorted(found)


def _inside_title(text: str, pos: int) -> bool:
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _objects_after(clause: str, pos: int, clause_start: int, original: str) -> list[str]:
    """Titles right after a verb: 《A》《B》, 《A》和《B》, …专项法规《A》, 的…办法."""
    rest = clause[pos:]
    titles: list[str] = []
    last_end = 0
    m = re.match(r"[^《》]{0,16}?《", rest)
    if m:
        for t in TITLE_RE.finditer(rest):
            between = rest[:t.start()] if not titles else rest[last_end:t.start()]
            if titles and not re.fullmatch(r"\s*(?:、|和|及|与|以及|,)?\s*", between):
                break
            o = clause_start + pos + t.start(1)
            titles.append(original[o:o + len(t.group(1))])
            last_end = t.end()
        return titles
    # An untitled document: 牵头起草的管理暂行办法 / 制定实施方案.
    kinds = "|".join(sorted(DOC_KINDS, key=len, reverse=True))
    m = re.match(rf"(?:的|了)?([{_CJK}]{{2,14}}?(?:{kinds}))", rest)
    if m and len(m.group(1)) >= 4:
        o = clause_start + pos + m.start(1)
        return [original[o:o + len(m.group(1))]]
    return []


def entities(i: int, text: str, original: str) -> list[Fact]:
    """The place, document, measure, quantity and date facts of passage ``i`` (``text``
    normalised, ``original`` as written)."""
    out: list[Fact] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, norm: str, obj: str | None = None) -> None:
        if (kind, norm) in seen:
            return
        seen.add((kind, norm))
        out.append(Fact(i, kind, _orig(original, text, norm), None, obj, norm))

    for place in places(text):
        add("place", place)
    for m in _matches(TITLE_RE, text):
        add("document", m.group(1), doc_kind(m.group(1)))
    for m in _matches(QUOTED_RE, text):
        add("measure", m.group(1))
    # 首批 is the first batch (这是第几批? → 首批).
    for m in _matches(_BATCH, text):
        add("quantity", m.group(0))
    for m in _matches(YEAR_RE, text):
        add("date", m.group(0))
    # A day without its year, as news datelines and reports write it (1月6日电, 5月20日起).
    for m in _matches(_MONTH_DAY, text):
        add("date", m.group(0))
    for m in _matches(_MONTH, text):
        if not _MONTH_DAY.match(text, m.start() + (2 if m.group(0)[0] in "今去前明当同" else 0)):
            add("date", m.group(0))
    for m in _matches(CLOCK_RE, text):
        add("date", m.group(0))
    for m in _matches(CN_DATE, text):
        add("date", m.group(0))
    # A day of the week (每星期三出版, 周一至周五): what 星期几? asks.
    for m in _matches(_WEEKDAY, text):
        add("date", m.group(0))
    term_end = -1  # where the last term of a sentence in words ended (一年 of 一年至三年)
    for m in QUANTITY_RE.finditer(text):
        # Chinese numerals only with counting units (五部门, 三项, 四级, 十大) and grades of
        # an award (二等功, 一等奖); 一批 is "a batch", and 级/大 after digits are rarely
        # counts.
        digits = m.group(2)[0].isdigit()
        grade = m.group(4) in ("等功", "等奖")
        if is_calendar_year(m.group(0)):
            continue
        # A figure written out at length (一千三百九十九亿美元, 二百零五) is a figure
        # whatever it counts; a short one only with a counting unit (not 三心二意).
        spelled = not digits and (len(m.group(2)) >= 3 or bool(set(m.group(2)) & set("百千万零")))
        # An ordinal in words (第十四次, 第三届) ranks whatever it counts.
        ordinal = not digits and m.group(1) == "第" and m.group(4) not in ("大",)
        # A sentence is written in words (判处有期徒刑六年, 缓刑二年, 拘役三个月, 一年至三年
        # 不等): a length of time after the penalty that names it, not "a year".
        term = not digits and m.group(4) in _TERM_UNITS and (
            _TERM_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
            or (term_end >= 0 and text[term_end:m.start()] in ("", "至", "到", "零")))
        if term:
            term_end = m.end()
        # 仅用一年时间就实现达标: how long it took, even in the one word 一.
        span = (not digits and m.group(4) in _SPAN_UNITS and (
            _SPAN_BEFORE.search(text, max(0, m.start() - 2), m.start()) is not None
            or text.startswith(_SPAN_AFTER, m.end())))
        if (digits and m.group(4) not in ("级", "大")) or grade or spelled or ordinal or term or span or (
                not digits and m.group(2) != "一"
                and m.group(4) in _CN_COUNTED):
            add("quantity", m.group(0))
    # Detention in days (行政拘留十日): 日 is no measure word, as it ends every date.
    for m in _matches(_DETENTION_DAYS, text):
        add("quantity", m.group(1))
    # A numbered order or document (第217号国务院令, 国务院令第217号): 号 is no measure
    # word (18号楼, 5号 as a day), but after 第 it numbers.
    for m in _matches(_NUMBERED, text):
        add("quantity", m.group(0))
    # …and a time limit in days (责令其在10日内支付, 15个工作日内办结).
    for m in _matches(_DAYS_WITHIN, text):
        add("quantity", m.group(1))
    return out


# What each pattern of :func:`entities` cannot match without: a text holding none of these
# pieces is not searched.  Most sentences have no 《, 批 or 月, and the facts pass is most of
# parsing's time (tests/indexer/test_fact_guards.py holds every pattern to its pieces).
NEEDS: dict[regex.LazyPattern, tuple[str, ...]] = {
    TITLE_RE: ("《",), QUOTED_RE: ('"',), _BATCH: ("批",), YEAR_RE: ("19", "20"),
    _MONTH_DAY: ("月",), _MONTH: ("月",), CLOCK_RE: ("时", "点"), _DETENTION_DAYS: ("拘",),
    _NUMBERED: ("号",), _DAYS_WITHIN: ("内",), _ALIAS_RE: ("简称",), _TITLE_THEN_VERB: ("《",),
    CN_DATE: ("年", "月"), _WEEKDAY: ("星期", "礼拜", "周"),
}


def _matches(pattern: regex.LazyPattern, text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when ``text`` lacks every piece it needs."""
    needs = NEEDS[pattern]
    if any(piece in text for piece in needs):
        yield from pattern.finditer(text)


def _orig(original: str, norm: str, piece: str) -> str:
    """``piece`` (normalised) as written in the original (same offsets)."""
    pos = norm.find(piece)
    return original[pos:pos + len(piece)] if pos >= 0 else piece


def _norm_key(norm: str, original: str, orig_piece: str) -> str:
    pos = original.find(orig_piece)
    return norm[pos:pos + len(orig_piece)] if pos >= 0 else orig_piece
