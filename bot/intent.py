"""What a question asks beyond its kind and its words, read once from its normalised text.

Each cue is a row of data — a name, a pattern and an example question it must match
(tests/bot/test_intent.py checks every example) — and :func:`read_intent` turns the rows
into a typed :class:`Intent` the later stages read (``analysis.intent``), so no stage reads
the question with a regex of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.measures import FREQUENCY_ASKED, PHONE_ASKED, wanted_units
from corpus import regex
from corpus.lines import cn_number
from indexer.words import IMPLEMENTING_VERBS, PAGE_KINDS


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: regex.LazyPattern
    example: str  # a (normalised) question the cue must find


# What points are counted of (提了几点意见, 有几点不同), maybe after a word (几点具体意见).
_POINTS_OF = (r"意见|建议|要求|措施|做法|经验|内容|原因|理由|好处|问题|体会|启示|看法|共识|结论|"
              r"主张|思考|原则|举措|任务|目标|变化|不同|区别|特点|成效|收获|说明|规定|精神|部署|"
              r"考虑|打算|希望|教训")
# 几点 asking a clock time (几点发生的, 几点才灭, 几点钟), not a count of points: a
# when-question (bot/understand.py) that wants a time of day.
CLOCK_ASKED = (r"几点(?:钟|几分|(?=[?]|$)|"
               rf"(?![\u4e00-\u9fff]{{0,2}}(?:{_POINTS_OF}))(?=[\u4e00-\u9fff]))")

# What a document is called when a question points at it (这份通知, 本办法) — or a web page's
# report on work done (这篇综述哪天发布的?).
_NOTICE_KINDS = "文件|通知|通报|公告|通告|公示|意见|方案|办法|" + "|".join(PAGE_KINDS)

# Which article of a law is asked (第几条, 法律哪一条, 什么条款, which article).
ARTICLE_ASKED = regex.compile(r"第几[条款项]|(?:什么|哪个|哪些|啥)条款|(?:法|法律|法规|条例|规定|办法|"
                              r"细则|规则|规章)的?哪一?条|哪一?条(?:规定|款)|"
                              r"\bwhich (?:article|clause|section)\b")

CUES: tuple[Cue, ...] = (
    # The document itself (这份通知, 本文件, 这批案例, this notice), not one it mentions.
    Cue("about_notice", regex.compile(
        rf"(?:这份|这个|这篇|这|本|该|此)(?:{_NOTICE_KINDS}|文)|"
        # …named with what it is about (这篇燃气条例解读是哪个单位发布的?): 这篇 and 这份
        # point at a document whatever stands between.
        rf"(?:这篇|这份|本篇)[\u4e00-\u9fff]{{1,10}}?(?:{_NOTICE_KINDS})"
        r"(?=是|的|啥|什么|哪|谁|由|发|在|有|共|一共|里|中)|"
        # 这个 so only right before a document's own kind (这个典型案例通知是哪天印发的): 这个村的方案
        # is a plan the text tells of, 这个县的通报 one county's part of it.
        r"这个(?:(?!的)[\u4e00-\u9fff]){1,8}?(?:通知|通报|公告|通告|公示|文件)(?=是|的|啥|什么|哪|谁|由|发|在|有|共|一共|里|中)|"
        # 这批 and 本批 are the batch; 这些 only with what it points at (石油天然气这些矿种
        # are not the notice's cases).
        r"这批|本批|(?:这些|这几个)(?:典型)?(?:案例|经验|做法)|这是第几批|"
        # What this one made public (这次一共通报了几起案例?, 本次公布了多少个案例).
        r"(?:这次|本次|此次)(?:一共|总共|共)?(?:通报|公布|曝光|发布)了?(?:几|多少)|"
        # A bare 通知 asked about (通知啥时候发的?, 通知是谁发的?).
        r"^(?:文件|通知|通报|公告|通告)(?=是|啥|什么|哪|谁|由)|"
        # Its number (文号是多少?) belongs to the document itself — not a case's decision's
        # (驰远汽修的处罚决定书文号), which the case's record gives.
        r"(?<!决定书)(?<!告知书)(?<!通知书)文号|发文字号|发文号|文件编号|"
        # Its signature and the dates it is issued on (落款是谁?, 通报的印发日期).
        r"落款|(?:文件|通知|通报|公告|通告)的?(?:发文|印发|成文|发布)(?:日期|时间)|"
        r"\bth(?:is|e) (?:notice|document|announcement|circular)\b"), "这份通知是谁发的?"),
    # "哪家企业?" is answered only by a sentence that names a business.
    # (A word may qualify it: 哪家美国公司 — not another body: 哪个部门和企业.)
    Cue("asks_company", regex.compile(r"(哪家|哪个|哪些|什么)(?:(?!部门|单位|机构|地方|和|与|及|的|、)"
                                      r"[\u4e00-\u9fff]){0,3}?(企业|公司|集团|厂家|商家|银行|厂(?![房区长址]))"),
        "和哪家美国公司签的合同?"),
    # "怎么做的?": the case's measures, from its overview.
    Cue("how_done", regex.compile(r"怎么做|怎样做|如何做|怎么搞|怎么干|做法|经验|"
                               r"\bhow (?:did|does|do)\b"), "小饭桌治理是怎么做的?"),
    # "为什么会炸?", "火是怎么烧起来的?": a cause, said by a sentence of causes (bot.rank).
    Cue("asks_cause", regex.compile(r"为什么|为何|为啥|咋会|怎么会|(?:什么|啥|哪些)原因|原因是|起因|"
                                 r"怎么回事|怎么[\u4e00-\u9fff]{1,2}起来的|因为什么|\bwhy\b|"
                                 r"\bcaused?\b|\breasons?\b"), "火是怎么烧起来的?"),
    # "贯彻哪个文件?": what the document implements, cited in its preamble.
    Cue("implements", regex.compile("|".join(IMPLEMENTING_VERBS) + r"|\bimplement"),
        "这批案例是贯彻哪个文件?"),
    # Who, in the plural or jointly (哪些部门, 哪几个部门, 一起, 联合).
    Cue("asks_several", regex.compile(r"哪些|哪几|几个部门|一起|一块|联合|共同|会同|"
                                   r"\bwhich (?:departments|bodies)\b"), "哪些部门一起抓的?"),
    # A rank or a batch (第几, 排名): answered by 第16位, 第二批, never by 多少.
    Cue("asks_ordinal", regex.compile(r"第几|哪一批|哪批|排名|排第|名次|\brank|\bbatch"),
        "排名第几?"),
    # An article of a law (商标法第几条, 违反了哪部法律哪一条): its citation answers.
    Cue("asks_article", ARTICLE_ASKED, "依据商标法哪一条认定侵权?"),
    # A day, not a year or a period (哪天, 几号).
    Cue("asks_day", regex.compile(r"哪一?天|(?<!第)几号|几月几[日号]|哪一?日|具体日期|\bwhat date\b|"
                               r"\bwhich day\b"), "哪天开工的?"),
    # A time of day (几点发生的, 几点钟): a clock time answers, a day alone does not.
    Cue("asks_clock", regex.compile(rf"{CLOCK_ASKED}|几时几分|什么时刻|\bwhat time\b"), "几点发生的?"),
    # "这份通知是谁发的/什么时候发的?": the document's own issuing, not a task it sets.
    Cue("asks_issued", regex.compile(r"发布|印发|下发|签发|出台|公布|颁布|发文|发出|发的|发了|落款|"
                                  r"\b(?:issued|published|signed)\b"), "这份通知是谁发的?"),
    # "Who issued 《…》?": an issuing fact answers; "who is in charge?" does not.
    Cue("issuance", regex.compile(
        r"出台|制定|印发|修订|修改|发布|颁布|起草|编制|《|条例|意见|通知|规范|标准|手册|指南|办法|规定|"
        r"revis|issu|publish|draft|regulation|notice|standard|guideline|opinion|law"),
        "哪个部门修订了畜禽屠宰管理条例?"),
    # "哪个部门?" wants a body (…部门, …局), not a place.
    Cue("asks_body", regex.compile(r"部门|单位|机构|机关|department|agency|bureau|authorit"),
        "归哪个部门管?"),
    # "哪些部门?" — a department, as …局 and …五部门 are and 州政府 is not.
    Cue("asks_department", regex.compile(r"部门|department"), "哪个部门牵头?"),
    # "会同哪些部门…?", "哪些部门联合开展的?": the partners of a joint action.
    Cue("asks_partners", regex.compile(
        r"(?:联合|会同|协同|配合|共同|与|和|同|跟)(?:了)?(?:哪些|哪几个|哪个|哪家|谁)|"
        r"(?:哪些|哪几个)[^,,??]{0,6}(?:联合|会同|协同|配合|共同)"), "会同哪些部门开展的?"),
    # A change asked for (涨了多少, 提高了几个百分点, 增幅多少): answered by the change
    # figure, not the level reached (bot/refine.py).
    # One verb may stand between (多挣了多少, 少花了多少).
    Cue("asks_change", regex.compile(r"(?:增|涨|降|减|少|多|提高|提升|下降|上升)"
                                  r"(?:[挣赚收花用卖产交]了?|了)?(?:多少|几)|"
                                  r"(?:增幅|降幅|涨幅)(?:是|为|有)?多少|"
                                  # …and in English: "how much did soil pH rise".
                                  r"\bby how much\b|\bhow (?:much|many)\b.*\b(?:rise|risen|"
                                  r"increase[ds]?|grow|grew|drop(?:ped)?|fall|fell|decline[ds]?|"
                                  r"decrease[ds]?|go up|went up|go down|went down)\b"),
        "收入涨了多少?"),
    # An answer that is one of several (哪些, 和谁, 还有谁): one name shown may be a part
    # of the answer — a signal the confidence model weighs (bot/confidence.py), read
    # more widely than asks_several.
    Cue("several_answers", regex.compile(r"哪些|哪几|几个部门|几家单位|哪两|哪三|几部门|和谁|还有谁|"
                                      r"联合|一起"), "还有谁参与了?"),
    # How often (多久上门查一次?): only a rate said per period answers (bot.measures).
    Cue("asks_frequency", FREQUENCY_ASKED, "多久上门检查一次?"),
    # A telephone number (举报打什么电话?): only a number of that length answers.
    Cue("asks_phone", PHONE_ASKED, "举报打什么电话?"),
    # Several places asked for (哪些镇).
    Cue("plural_places", regex.compile(r"哪些|哪几|\bwhich (?:places|towns|districts|counties|"
                                    r"cities)\b"), "哪些镇做到了零新增?"),
)
_BY_NAME = {c.name: c.pattern for c in CUES}


@dataclass(frozen=True)
class Intent:
    """The cues a question carries (see :data:`CUES` for what each means)."""

    about_notice: bool = False
    asks_company: bool = False
    how_done: bool = False
    asks_cause: bool = False
    implements: bool = False
    asks_several: bool = False
    asks_ordinal: bool = False
    asks_article: bool = False
    asks_day: bool = False
    asks_clock: bool = False
    asks_issued: bool = False
    issuance: bool = False
    asks_body: bool = False
    asks_department: bool = False
    # The words that asked for partners (会同哪些, 哪些…联合): "哪…" first asks for the
    # lead too.
    partners: str | None = None
    plural_places: bool = False
    asks_change: bool = False
    several_answers: bool = False
    asks_frequency: bool = False
    asks_phone: bool = False
    # -- values read from the question, not just cues -------------------------------
    # The batch it names (第一批, 首批): another batch's sentences do not answer.
    batch: str | None = None
    # "文中的《意见》指的是哪个文件?": a short name (以下简称) asked about …
    asks_alias: bool = False
    # … and asked to be spelled out in full (指的是, 全称), so a bare mention counts too.
    asks_full_name: bool = False
    # The level of place asked for (哪个州 → 州), "" when any.
    place_level: str = ""
    # "2+N监管模式里的N是哪些?": the whole term and the part of it asked about.
    part_of: tuple[str, str] | None = None
    # "…的民营医院叫什么名字?": what comes before the ask for names (…的民营医院).
    names_asked_of: str | None = None
    # The measures a how-many question wants its figure in (bot/measures.py).
    measures: tuple[str, ...] = ()
    # Neither a question word nor a question mark: a few keywords typed to look something up.
    keywords_only: bool = False
    # "什么叫住房分配货币化?", "“前收盘”指的是什么?": the term whose meaning is asked.
    defines: str | None = None
    # The number of the case the question points at (案例一, 第三个案例).
    case_asked: int | None = None
    # "哪个公安部门?", "哪个所?", "哪个派出所?": what the body's name must say — a word
    # of its own (公安) and the kind it ends in (所); ("", "") when nothing so narrow.
    body_named: tuple[str, str] = ("", "")


# The question word of a what-question (什么监管模式?): where its focus starts.
WH = regex.compile(r"什么样的|什么|哪些|哪个|哪项|哪种|哪|啥|何种|\bwhat\b|\bwhich\b")
# A batch of cases (第一批, 首批), in a question or a document.
BATCH = regex.compile(r"第[一二三四五六七八九十0-9]+批|首批")
# "案例一想说明什么?", "第三个案例里…": the case the question points at, by its number.
CASE_ASKED = regex.compile(r"(?:典型)?案例\s*([一二三四五六七八九十0-9]{1,3})|"
                        r"第([一二三四五六七八九十0-9]{1,3})个?(?:典型)?案例")
_ASKS_FULL_NAME = regex.compile(r"指的是|指什么|是指|全称|全名|哪个文件")
# (哪个城市 asks a city however the text names it: 株洲, 北京 — see bot.extract.where.of_level;
# 哪个市场, 哪个区域 ask no level.)
_PLACE_LEVEL = regex.compile(
    r"哪(?:一|几)?[个些]?(城市|州|市|县|省|地区|街道|区|镇|乡|村)(?![场民域别值面])")
# The same asked in English (which district …?).
_ENGLISH_LEVELS = {"province": "省", "prefecture": "州", "city": "市", "county": "县",
                   "district": "区", "town": "镇", "township": "乡", "village": "村"}
_ENGLISH_LEVEL = regex.compile(r"\bwhich (" + "|".join(_ENGLISH_LEVELS) + r")\b")
# … and in toneless pinyin (na ge xian: 哪个县).
PINYIN_LEVELS = {"sheng": "省", "zhou": "州", "shi": "市", "xian": "县", "qu": "区",
                 "zhen": "镇", "xiang": "乡", "cun": "村"}
PINYIN_LEVEL = regex.compile(r"\bna\s*(?:yi\s*)?(?:ge|xie)\s*(" + "|".join(PINYIN_LEVELS)
                           + r")\b")  # with its classifier: na shi may be 那是
# A letter standing for something (the N of 2+N): Chinese parts (两检 of 两检两公开)
# are often spelled out in the same sentence in other words.
_PART_OF = regex.compile(r"([^\s,,。??]{2,20}?)(?:里|中|当中)的([a-z0-9]{1,3})"
                      r"(?:具体|到底|究竟)?(?:是|指|代表|包括)")
_ASKS_NAME = regex.compile(r"(?:的)?(?:叫什么|名字|名称|是哪几家|是哪家|分别是哪|"
                        r"(?:具体|分别|都)(?:是)?哪几[个家所座位条项])")
# "哪个公安部门?", "哪个所查出来的?": the body asked for, narrowed by a word (公安) or by its
# kind (所, 局); not a post (哪个局长) nor a kind of rule (部门规章).
# The kinds of body a question asks for after 哪个 (not 场所, 住所: places).
ASKED_BODY_KINDS = r"部门|单位|机构|机关|派出所|分局|局|厅|(?<![场住处厕诊])所|法院|检察院|支队|大队|队"
_BODY_ASKED = regex.compile(r"(?:哪|什么)(?:一个|一家|个|家)?((?:(?![个些几位级的两三四五六])"
                         rf"[\u4e00-\u9fff]){{0,4}}?)({ASKED_BODY_KINDS})"
                         r"(?![\u4e00-\u9fff]?长|领导|负责人|规章)")
# Bodies named by kind only (哪个部门, 哪个单位) and words that narrow no body's name
# (哪个执法部门 may be a 市场监管局, 哪个主管部门 any).
_ANY_BODY = frozenset(("部门", "单位", "机构", "机关"))
_NARROWS_NOTHING = frozenset(("职能", "主管", "执法", "政府", "行政", "上级", "相关", "有关", "具体",
                              "责任", "监管", "业务", "牵头", "基层", "省级", "市级", "县级", "区级",
                              "国家", "中央", "地方", "管理", "主要", "其他", "别的", "专门", "哪"))


def body_named(norm: str) -> tuple[str, str]:
    """What the name of the body a question asks for must hold: the word narrowing it and
    the kind it ends in (哪个公安部门 → ("公安", ""); 哪个派出所 → ("", "派出所"); 哪个局 →
    ("", "局")); ("", "") when the question leaves it open (哪个部门, 哪个执法部门)."""
    m = _BODY_ASKED.search(norm)
    if m is None:
        return ("", "")
    word, kind = m.group(1), m.group(2)
    return ("" if len(word) < 2 or word in _NARROWS_NOTHING else word,
            "" if kind in _ANY_BODY else kind)


_QUESTION_MARK = regex.compile(r"[??吗呢]")
# What a term means: 什么叫X, 什么是X, X是什么意思, X指的是什么, 何谓X (normalised text).
_TERM = r'"?([\u4e00-\u9fffa-z0-9]{2,16}?)"?'
_DEFINES = (regex.compile(r"^(?:请问)?(?:什么(?:叫做?|是)|何谓|啥叫|啥是)" + _TERM + r"[??]?$"),
            regex.compile(_TERM + r"(?:是|指|说)?(?:的是)?(?:什么意思|啥意思|什么含义|指的是什么|"
                       r"是指什么|指什么|的意思是什么|的含义是什么|的定义是什么|是什么|是啥)[??]?$"),
            # Keywords: "资本经营 定义", "钉住汇率制 含义".
            regex.compile(_TERM + r"\s*的?(?:定义|含义|概念|意思)[??]?$"))


_FILLERS = regex.compile(r"具体|到底|究竟|主要")


def defined_term(norm: str) -> str | None:
    """The term whose meaning a question asks (什么叫X → X; …的“X”指的是什么 → X)."""
    for pattern in _DEFINES:
        m = pattern.search(norm)
        if m:
            quoted = re.findall(r'"([^"]{2,16})"', norm)
            term = quoted[-1] if quoted else _FILLERS.sub("", m.group(1).rsplit("的", 1)[-1])
            # 这是什么意思 points at something, it names no term.
            return term if len(term) >= 2 and term[0] not in "这那它其该此" else None
    return None


def read_intent(norm: str, question: str | None = None) -> Intent:
    """The :class:`Intent` of a normalised question (``question``: as typed, for its marks)."""
    partners = _BY_NAME["asks_partners"].search(norm)
    flags = {c.name: bool(c.pattern.search(norm)) for c in CUES if c.name != "asks_partners"}
    batch = BATCH.search(norm)
    full_name = bool(_ASKS_FULL_NAME.search(norm))
    level = _PLACE_LEVEL.search(norm)
    english = None if level else _ENGLISH_LEVEL.search(norm)
    pinyin = None if level or english else PINYIN_LEVEL.search(norm)
    part = _PART_OF.search(norm)
    name = _ASKS_NAME.search(norm)
    case = CASE_ASKED.search(norm)
    return Intent(
        partners=partners.group(0) if partners else None, **flags,
        batch=batch.group(0) if batch else None,
        asks_alias=full_name or "《" in norm,
        asks_full_name=full_name,
        place_level=level.group(1) if level else (
            _ENGLISH_LEVELS[english.group(1)] if english else
            PINYIN_LEVELS[pinyin.group(1)] if pinyin else ""),
        part_of=(part.group(1), part.group(2)) if part else None,
        names_asked_of=norm[:name.start()] if name else None,
        measures=wanted_units(norm),
        keywords_only=not WH.search(norm) and not _QUESTION_MARK.search(
            norm if question is None else question),
        defines=defined_term(norm),
        case_asked=cn_number(next(g for g in case.groups() if g)) if case else None,
        body_named=body_named(norm))


__all__ = ["ARTICLE_ASKED", "ASKED_BODY_KINDS", "BATCH", "CASE_ASKED", "CLOCK_ASKED", "CUES", "WH", "Cue", "Intent", "body_named", "defined_term", "read_intent"]
