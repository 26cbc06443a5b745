"""The measure a how-many question asks its figure in: 多少家 → 家, 多少个 → any classifier
of a count (名, 处, 座 …), 多少钱 → 元, 第几 → 位, 占比多少 → %.

Read by the extractor that picks a figure (:mod:`bot.answer`) and by the confidence stage
that checks it (:mod:`bot.confidence`), from one table.  Also what a question of how often
or of a telephone number asks, and what in a text answers it (a rate per period, a number
of telephone length): :data:`FREQUENCY_ASKED`, :data:`PHONE_ASKED` and their ``_SAID``.
"""

from __future__ import annotations

import re

from corpus import regex
from indexer.words import PINYIN_MEASURES

# Measure words a how-many question may name, each answered by a count in it (多少张 → …张).
_COUNTED = ("公里", "小时", "张", "处", "户", "所", "座", "条", "吨", "批", "辆", "台", "天", "场",
            "起", "例", "间", "套", "支", "头", "宗", "只", "块", "份", "票", "架", "艘",
            # Parts (由几部分组成 → 四部分), read before 部 (几部法律 → 三部).
            "部分", "部",
            # Containers (最多能放几瓶 → 2瓶) and writings (收了多少篇 → 200篇).
            "瓶", "罐", "箱", "袋", "桶", "盒", "篇", "首", "幅", "册",
            # Couples (多少对新人 → 106对); times a limit (超标几倍 → 2.2倍).
            "对", "倍",
            # Floors (几楼先着的 → 二层).
            "层", "楼",
            # …and units of measurement asked by name (多少毫米, 多少立方米, 多少分贝).
            "毫米", "厘米", "千米", "平方米", "平方公里", "立方米", "公顷", "分贝", "千克", "公斤",
            "毫克")
# A currency asked by name (多少美元) is answered in it, not in another (750亿元 is no dollars).
_CURRENCIES = ("美元", "日元", "港元", "欧元", "英镑", "马克", "法郎", "卢布", "韩元", "泰铢")
# Money is counted in 元 (美元, 日元, 港元 end so) or in a currency of another name.
_MONEY = ("元", "马克", "英镑", "法郎", "卢布", "比索", "里拉", "卢比", "泰铢", "韩元")
_NUMBER_UNITS = {
    "钱": _MONEY, "元": ("元",), "万元": ("元",), "亿元": ("元",), "面积": ("亩", "平方米", "公顷", "平方公里", "平方千米"),
    "家": ("家",), "项": ("项",),
    # 个 is the everyday classifier: 多少个田长 is answered by 1028名, 多少个站点 by 412处.
    "个": ("个", "名", "人", "位", "家", "所", "座", "处", "项", "条", "台", "辆", "张", "支", "套",
          "户", "件", "起", "例", "间", "宗", "批", "只", "头", "块"),
    "亩": ("亩",), "级": ("级",), "位": ("位",),
    # People are counted in 名, 人 or 位 alike (多少名嫌疑人 → 抓获…35人).
    "名": ("名", "位", "人"), "件": ("件", "大", "起", "宗"), "人": ("人", "人次", "名", "位"), "次": ("次",), "部门": ("部门",),
    "月": ("个月", "月"), "年": ("年",), **{u: (u,) for u in _COUNTED},
    # Samples are counted in 批次 (不合格58批次 answers 多少批).
    "批": ("批", "批次"),
    # Cases and incidents are counted in 起, 件 or 宗 alike (多少起违法案件 → 案件2622件).
    "起": ("起", "件", "宗"), "宗": ("宗", "起", "件"),
    # Visits and trips asked as such (多少家次, 多少辆次) are answered in that measure.
    **{u: (u,) for u in ("家次", "辆次", "户次", "台次", "车次", "架次", "艘次", "批次")},
    "人次": ("人次",),
    # A floor is said as 层 or 楼 alike (二层, 3楼).
    "层": ("层", "楼"), "楼": ("层", "楼"),
    **{c: (c,) for c in _CURRENCIES},
    # An area or a weight asked in one unit may be said in another (多少平方米 → 12亩).
    **{u: ("亩", "平方米", "公顷", "平方公里", "平方千米") for u in ("平方米", "平方公里", "公顷")},
    **{u: ("吨", "公斤", "千克", "克", "斤") for u in ("公斤", "千克")},
}
# Nouns that begin with a measure word (条目, 项目, 家庭, 块钱), as a how-many question names
# them: counted in the measures given here, not in the one they begin with (3.1万个条目).
_MEASURE_NOUNS = {
    "条目": ("个", "条"), "条款": ("条", "款", "个"), "项目": ("个", "项"),
    "家庭": ("户", "个", "家"), "名额": ("个", "名"), "块钱": _MONEY,
}
_VISITS = ("家次", "人次", "辆次", "户次", "台次", "车次", "架次", "艘次", "批次")
# How long something lasts (多长时间, 多久, 要几天): a count of time, not a date.
# (多久…一次 asks how often: 每周一次 answers it, no count of days.)
DURATION = regex.compile(r"(?:多长时间|多久)(?![^,，。?？]{0,8}一次)|多少(?:个)?(?:天|小时|分钟|个月|周)"
                      r"|(?<![哪那这])几(?:天|个小时|小时|分钟|个月|周)|\bhow long\b")
# How often (多久上门查一次, 几天巡查一次, 检查频次, how often): a rate, said per period
# (每年至少1次, 每季度开展一次, 一年两次) or as 定期 — a delay (3日内推送) or a
# date says none.
FREQUENCY_ASKED = regex.compile(r"(?:多长时间|多久|隔多久|多少天|几天|几个月|几年|几周)"
                             r"[^,，。?？]{0,8}一次|频次|频率|\bhow often\b|\bfrequency\b")
FREQUENCY_SAID = regex.compile(r"每(?:个|一)?[\d一二两三四五六七八九十半]*个?(?:年|季度|季|月|周|"
                            r"星期|礼拜|天|日|小时)|定期|一年[\d一两二三四五六七八九十]+次|"
                            r"[\d一两二三四五六七八九十]+(?:年|个月|月|周|天|日)一次")
# A telephone number asked (打什么电话, 热线是多少, hotline): only a number of telephone
# length answers (12319, 0991-1234567), not an amount (32000元) or a clause.
PHONE_ASKED = regex.compile(r"(?:什么|啥|哪个|几号)电话|电话(?:号码)?(?:是|为)?(?:多少|几号|什么|啥)|"
                         r"(?:热线|号码|专线)(?:电话)?(?:是|为)?(?:多少|什么|啥|几号)|"
                         r"\b(?:phone|hotline|telephone)\b")
PHONE_SAID = regex.compile(r"(?<![\d.])(?:\d{3,4}-)?(?:1\d{10}|\d{5,8})"
                        r"(?![\d.%万亿元人名个家项吨米亩户次件起辆台套张条])")
_TIME_SPANS = ("分钟", "小时", "天", "日", "周", "个月", "月", "年")
_COUNT_NAMED = regex.compile(r"(?:(人|户|家|件|次|起|所|座|辆|台)数|数量)(?:是|为|有|达到|一共|共|总共)?"
                          r"(?:多少|几)")


def wanted_units(norm_question: str) -> tuple[str, ...]:
    """The unit a how-many question asks for: 多少家 → 家, 多大面积 → 亩, 第几 → 位."""
    m = re.search(r"第几([批项位名次届期号])", norm_question)
    if m:
        # A place in a ranking is 第3名 or 第3位 alike: the asked one first.
        return (m.group(1), "位" if m.group(1) == "名" else "名") if m.group(1) in "位名" else (
            m.group(1),)
    if re.search(r"第几|排名|排第|名次|\brank", norm_question):
        return ("位", "名")
    # A grade of an award (立了几等功, 得了几等奖).
    m = re.search(r"几等(功|奖)", norm_question)
    if m:
        return ("等" + m.group(1),)
    # A share or a change in one (几个百分点, 增幅多少, 占比多少) is a percentage.
    # …率 (复耕率, 覆盖率, 合格率) is a share too, however high it is asked (改好率有多高):
    # read before heights.
    # 百分之多少 and 几成 ask for a share in so many words.
    # 合格的占多少 asks a share too (占地多少 does not: 占 is followed by 地 there; nor
    # 占了多少亩: a measure after 多少 asks it).
    if re.search(r"百分点|百分比|百分之(?:多少|几)|几成|比例|比重|占比|增幅|降幅|"
                 r"占(?:了|到)?多少(?![\u4e00-\u9fff])|占(?:了|到)?多少(?=[呢啊呀])|"
                 r"率(?:是|为|有|达到|达|控制在|保持在|降到|降至|提高到|提升到|上升到)?(?:多少|几|多高|多大)|"
                 r"\bpercent|\brate\b", norm_question):
        return ("%", "百分点", "‰")
    if DURATION.search(norm_question):
        return _TIME_SPANS
    # A height, a depth, a length or a distance (多高, 海拔多少, 多长, 多远).
    if re.search(r"多高|多深|海拔多少|有多高", norm_question):
        return ("米", "千米")
    if re.search(r"多长|多远|距离多少|长度(?:是|为|有)?多少", norm_question):
        return ("公里", "千米", "米")
    # A weight (有多重, 重量是多少).
    if re.search(r"多重|重量(?:是|为|有)?多少|\bhow heavy\b|\bweigh", norm_question):
        return ("吨", "公斤", "千克", "克", "斤", "磅")
    # The size of a room, a plot or a site (隔断间有多大, 厂区多大).
    if re.search(r"(?:间|房|屋|地|场|园|区|馆)(?:有|是)?多大(?!岁|年)", norm_question):
        return _NUMBER_UNITS["面积"]
    # An age (多大岁数, 多大年纪, 几岁, 多少周岁).
    if re.search(r"多大(?:岁数|年纪|年龄)|(?:几|多少)周?岁|年龄多大|(?:今年|现在)多大了?(?:[??呢啊呀]|$)"
                 r"|\bhow old\b", norm_question):
        return ("岁", "周岁")
    # 那几家/这几个/哪几家 point at things (those few companies), they do not ask a count.
    # A magnitude may stand before the measure (多少万吨, 几百名, 几十个): the measure asks.
    m = re.search(r"(?:多少|(?<![那这哪])几)(?:十|百|千|万|亿)?(个)?(" + "|".join(_VISITS) + r"|"
                  + "|".join(_CURRENCIES) + r"|钱|万元|亿元|元|家|项|亩|级|位|名|件|人|次|部门|月|年(?!级)|"
                  + "|".join(_COUNTED) + ")?", norm_question)
    if m and m.group(2):
        # 多少条目, 多少项目, 几块钱: the measure begins a noun, which says what is counted.
        noun = norm_question[m.start(2):m.end(2) + 1]
        return _MEASURE_NOUNS.get(noun) or _NUMBER_UNITS[m.group(2)]
    if m and m.group(1):
        return _NUMBER_UNITS["个"]
    # A count asked by its name (报名人数多少, 企业户数是多少, 数量有多少): a count of those,
    # not a share or a sum.
    counted = _COUNT_NAMED.search(norm_question)
    if counted:
        return _NUMBER_UNITS[counted.group(1) or "个"]
    if "面积" in norm_question:
        return _NUMBER_UNITS["面积"]
    # "收费多少?", "how much is the fee?" ask for money, as 多少钱 does.
    if re.search(r"(?:收费|费用|价格|工资|补贴|补助|罚款)(?:标准)?(?:是|为|有)?多少", norm_question):
        return _NUMBER_UNITS["钱"]
    # "超市被罚了多少?", "店主罚了几万?", "赔了多少?": a penalty or damages paid is money.
    # (A fine may be set as a share of income: 处上一年年收入60%的罚款.)
    if re.search(r"(?:罚|赔|赔偿)了?(?:款|金)?(?:是|为|有)?(?:多少|几[十百千万])", norm_question):
        return (*_NUMBER_UNITS["钱"], "%")
    # A sum of money named a few words before a bare 多少 (钱要回来多少了, 损失有多少).
    if re.search(r"(?:钱|资金|经费|金额|罚金|罚没款|赔偿金|赔偿款|补偿金|工资|薪酬|奖金|补贴|补助|"
                 r"损失|赃款|货值|产值|营收|价值|片酬|报酬|酬金|利润|税款|租金|票价|外汇储备|"
                 # Allowances as people name them (房补, 车补, 餐补: a subsidy for …).
                 r"[房车餐饭话]补|"
                 r"销售额|营业额|成交额|交易额|出口额|进口额|投资额)"
                 r"[^,，。;；?？]{0,6}多少(?:[了呢啊呀吗啦]|[^\u4e00-\u9fff]|$)", norm_question):
        return _NUMBER_UNITS["钱"]
    if re.search(r"\bhow much\b|\bamount\b|\btotal\b|\bsum\b", norm_question) and (
            _ENGLISH_MONEY.search(norm_question) or re.search(r"\bfines?\b", norm_question)):
        return _NUMBER_UNITS["钱"]
    # …率 in pinyin keywords (chuzhilv, hegelv): a share.
    if re.search(r"\b[a-z]{2,}lv\b", norm_question):
        return ("%", "百分点")
    return _english_units(norm_question) or _pinyin_units(norm_question)


_PINYIN_MEASURE = "(" + "|".join(sorted(PINYIN_MEASURES, key=len, reverse=True)) + ")"
# A magnitude may come between (duoshao wanmu: 多少万亩).
_PINYIN_HOW_MANY = regex.compile(r"\b(?:duoshao|ji)\s*(?:(?:wan|yi|bai)\s*)?" + _PINYIN_MEASURE
                              + r"\b")
# A how-many typed as one word (duoshaoge, jisuo): a frame, not a word of the topic.
PINYIN_HOW_MANY_WORD = regex.compile(r"^(?:duoshao|ji)" + _PINYIN_MEASURE + "$")
# Sums of money named in pinyin (fakuan 罚款, sunshi 损失, touzi 投资).
_PINYIN_SUMS = (r"(?:fakuan|jine|feiyong|butie|buzhu|gongzi|shoufei|jiage|zijin|touru|touzi|"
                r"sunshi|kaizhi)")
# Money asked in pinyin: a sum before duoshao (fakuan duoshao), or a sum as the last keyword
# (huaibei meicengqi xiangmu zong touzi), as English keywords end in what is asked.
_PINYIN_MONEY = regex.compile(rf"\b{_PINYIN_SUMS}\b[\sa-z]*\bduoshao\b|\bduoshao\s*qian\b"
                           rf"|\b{_PINYIN_SUMS}\s*[?？]?$")
# An area as the last keyword (suanhua gengdi mianji: 酸化耕地面积).
_PINYIN_AREA = regex.compile(r"\bmianji\s*[?？]?$")
# A count named as the last keyword (duanlian renshu: 锻炼人数; anjian cishu: 案件次数).
_PINYIN_COUNTS = {"renshu": "人", "cishu": "次", "hushu": "户", "jiashu": "家", "jianshu": "件"}
_PINYIN_COUNT = regex.compile(r"\b(" + "|".join(_PINYIN_COUNTS) + r")\s*[?？]?$")


def pinyin_asks_figure(norm_question: str) -> bool:
    """Whether toneless pinyin keywords ask a figure: a how-many (duoshao ge, ji zhi,
    jisuo) or a sum or an area as the last keyword."""
    return bool(_PINYIN_HOW_MANY.search(norm_question) or _PINYIN_MONEY.search(norm_question)
                or _PINYIN_AREA.search(norm_question) or _PINYIN_COUNT.search(norm_question))


def _pinyin_units(norm_question: str) -> tuple[str, ...]:
    """The measure of a how-many question typed in toneless pinyin."""
    if _PINYIN_MONEY.search(norm_question):
        return _NUMBER_UNITS["钱"]
    if _PINYIN_AREA.search(norm_question):
        return _NUMBER_UNITS["面积"]
    count = _PINYIN_COUNT.search(norm_question)
    if count:
        return _NUMBER_UNITS[_PINYIN_COUNTS[count.group(1)]]
    m = _PINYIN_HOW_MANY.search(norm_question)
    return _NUMBER_UNITS[PINYIN_MEASURES[m.group(1)]] if m else ()


# English keywords naming what is measured.  Keyword questions end with the attribute asked
# ("Qingyang gas explosion supplier fine", "Costa Rica coffee export value 1996"); a sentence
# asks for people right after "how many" / "number of".
_ENGLISH_ASKED = r"(?:\bhow many (?:[a-z]+ )?|\bnumber of (?:[a-z]+ )?)"
ENGLISH_LAST = r"\s*(?:(?:in )?(?:19|20)[0-9]{2}\s*)?[?？]?$"  # a year may close the keywords
# Sums asked by name as the last keyword ("… supplier fine"); the kind cue reads them too.
ENGLISH_SUMS = ("prices?|costs?|fines?|funding|budget|revenue|earnings|investment|compensation|"
                "salary|wages?")
_ENGLISH_PEOPLE = ("people|persons|suspects|teachers|volunteers|workers|employees|staff|"
                   "students|doctors|nurses|officers|residents|villagers|farmers|patients|victims")
_ENGLISH_UNITS: tuple[tuple[regex.LazyPattern, tuple[str, ...]], ...] = (
    # People counted: named right after "how many" (one word may qualify them), or the dead
    # and injured as the last keyword ("… collapse deaths").
    (regex.compile(rf"{_ENGLISH_ASKED}(?:{_ENGLISH_PEOPLE}|dead|injured)\b"
                   rf"|\b(?:deaths|dead|casualties|injured|killed){ENGLISH_LAST}"),
     ("人", "名", "位")),
    (regex.compile(r"\b(?:length|distance|how far)\b"), ("米", "公里", "千米")),
    (regex.compile(r"\b(?:height|how tall|how high|altitude)\b"), ("米", "千米")),
    (regex.compile(r"\b(?:area|hectares?)\b"), ("亩", "平方米", "公顷", "平方公里", "平方千米")),
    (regex.compile(rf"\b(?:{ENGLISH_SUMS}|value){ENGLISH_LAST}"), _MONEY),
)


def _english_units(norm_question: str) -> tuple[str, ...]:
    """The measure an English question asks in: people (how many suspects, … deaths),
    a length, a height, an area, or money named as the last keyword (… supplier fine)."""
    for pattern, units in _ENGLISH_UNITS:
        if pattern.search(norm_question):
            return units
    return ()


_ENGLISH_MONEY = regex.compile(
    r"\b(fees?|prices?|costs?|money|yuan|charges?|tariffs?|funds?|funding|subsid\w*|budgets?|"
    r"invest\w*|spen[dt]|pay|paid|salar\w*|wages?|pensions?|allowances?)\b")


__all__ = ["ENGLISH_LAST", "ENGLISH_SUMS", "FREQUENCY_ASKED", "FREQUENCY_SAID", "PHONE_ASKED",
           "PHONE_SAID", "PINYIN_HOW_MANY_WORD", "pinyin_asks_figure", "wanted_units"]
