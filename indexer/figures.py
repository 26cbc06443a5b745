"""The figures and dates a passage says: quantities with their measure words (12家, 3.4万人次,
五部门, 仅用一年时间), dates and times (2024年5月20日, 今年6月, 一九六二年, 星期三, 14时20分), and
whether a text says a time at all — the quantity and date facts of :mod:`indexer.facts` when
indexing, and what how-many and when questions look for when answering.

Everything works on normalised text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from corpus import regex
from indexer.words import MEASURE_WORDS

_CN_NUM = "一二三四五六七八九十百千两"
# Measures a figure in Chinese numerals counts in (五部门, 三项, 四级; news text writes
# money and people so too: 三万元, 十四点八万元, 六十四人).
_CN_COUNTED = ("部门", "项", "个", "家", "级", "大", "元", "万元", "亿元", "人", "名", "万人",
               "人次",
               # Spans of time (间隔期不少于六个月, 三天内) and kinds (分为四类).
               "个月", "天", "小时", "分钟", "周", "种", "类", "部分", "个工作日", "工作日",
               # Writings counted in words (共十一篇).
               "篇", "首", "幅",
               # Floors (起火点位于二层).
               "层")
# The penalties whose length a sentence gives in words (有期徒刑六年, 行政拘留十日), read in
# the four characters before the length, and the units of that length.
_TERM_BEFORE = regex.compile(r"(?:徒刑|拘役|缓刑|拘留|管制|监禁|禁业|禁止从业)$")
_TERM_UNITS = ("年", "个月", "月", "天")
# How long something took, in words (仅用一年时间, 历时一个月): a span, though 一年 alone is "a
# year" in passing (一年来).
_SPAN_BEFORE = regex.compile(r"(?:用|用了|历时|花了|耗时|经过|不到|仅)$")
_SPAN_AFTER = ("时间", "之久", "就", "便")
_SPAN_UNITS = (*_TERM_UNITS, "小时", "周")
# Days a penalty lasts, written with 日 after its verb (行政拘留十日, 责令停产整顿45日, 停业
# 7日): a span; a bare 20日 elsewhere is as often a day of the month (２０日在此间宣布).
_PENALTY_DAYS = regex.compile(rf"(?<=拘留|拘役|整顿|停产|停业|停工|暂扣|为期)"
                              rf"((?:\d{{1,3}}|[{_CN_NUM}]{{1,3}})日)(?![电晚上下午凌])")
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
# A month without its year, as news and case reports write it: 今年6月, 去年3月份, 5月底,
# 今年2月1日 (the day with it).
_MONTH = regex.compile(r"(?:今年|去年|前年|明年|当年|同年)(?:1[0-2]|[1-9])月"
                    r"(?:(?:[12]\d|3[01]|[1-9])日|份|初|中旬|上旬|下旬|底|末)?"
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


# A standard's code (GB 21900-2008, GB/T 2762-2022, HJ 91.1-2019; normalised, so lower case
# and a plain hyphen): the year after it dates the standard's edition, not an event.
STANDARD_CODE = regex.compile(r"(?<![a-z])[a-z]{1,4}(?:/[a-z])?\s?\d{1,6}(?:\.\d+)*-(?:19|20)\d{2}(?!\d)")


def without_standard_codes(text: str) -> str:
    """``text`` (normalised) with its standards' codes blanked out, offsets kept."""
    return STANDARD_CODE.sub(lambda m: " " * len(m.group(0)), text) if "-" in text else text


def says_a_time(text: str) -> bool:
    """Whether ``text`` (normalised) says when something happened: a date, a month, a year,
    a time of day or a time said relatively (今天, 春节前) — what a when-question needs."""
    text = without_standard_codes(text)
    return bool(YEAR_RE.search(text) or _MONTH_DAY.search(text) or _MONTH.search(text)
                or CLOCK_RE.search(text) or _RELATIVE_TIME.search(text))


def is_calendar_year(quantity: str) -> bool:
    """Whether a figure of 年 (a QUANTITY_RE match) is a year of the calendar, not a count
    of years: 2023年 is a date, 30年 and 2000余年 are durations."""
    return re.fullmatch(r"(?:19|20)\d{2}年", quantity) is not None


# What each pattern of :func:`figure_facts` cannot match without: a text holding none of
# these pieces is not searched (tests/indexer/test_fact_guards.py holds every pattern to
# its pieces).
# A measurement in the symbols of a lab report (0.31mg/kg, 38.6μg/kg, 520cfu/g, 48.5℃; the
# text normalised, so lower case): a test result or a limit, which sampling and monitoring
# notices give in these and in no measure word.
LATIN_MEASURE = regex.compile(
    r"(?<![a-z0-9.+\-])\d+(?:\.\d+)?\s?(?:(?:mg|μg|µg|ug|ng|kg|g|ml|l|cfu|mpn)(?:/(?:100ml|100g|kg|g|l|ml|m3|m³))?"
    r"|℃)(?![a-z])")
NEEDS: dict[regex.LazyPattern, tuple[str, ...]] = {
    _BATCH: ("批",), YEAR_RE: ("19", "20"), _MONTH_DAY: ("月",), _MONTH: ("月",),
    CLOCK_RE: ("时", "点"), _PENALTY_DAYS: ("拘", "整顿", "停", "暂扣", "为期"),
    _NUMBERED: ("号",), _DAYS_WITHIN: ("内",),
    CN_DATE: ("年", "月"), _WEEKDAY: ("星期", "礼拜", "周"),
    LATIN_MEASURE: ("g", "l", "cfu", "mpn", "℃"),
}


def matches(pattern: regex.LazyPattern, text: str,
            needs: Mapping[regex.LazyPattern, tuple[str, ...]] = NEEDS) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, skipped when ``text`` lacks every piece ``needs`` says
    it needs (:mod:`indexer.facts` passes its own table)."""
    if any(piece in text for piece in needs[pattern]):
        yield from pattern.finditer(text)


def figure_facts(text: str) -> Iterator[tuple[str, str]]:
    """The batch, date and quantity facts of a passage (``text`` normalised) as (kind, the
    figure as ``text`` writes it), in the order the index stores them."""
    # 首批 is the first batch (这是第几批? → 首批).
    for m in matches(_BATCH, text):
        yield "quantity", m.group(0)
    for m in matches(YEAR_RE, without_standard_codes(text)):
        yield "date", m.group(0)
    # A day without its year, as news datelines and reports write it (1月6日电, 5月20日起).
    for m in matches(_MONTH_DAY, text):
        yield "date", m.group(0)
    for m in matches(_MONTH, text):
        if not _MONTH_DAY.match(text, m.start() + (2 if m.group(0)[0] in "今去前明当同" else 0)):
            yield "date", m.group(0)
    # A time of day, a date in Chinese numerals, a day of the week (每星期三出版, 周一至周五:
    # what 星期几? asks).
    for pattern in (CLOCK_RE, CN_DATE, _WEEKDAY):
        for m in matches(pattern, text):
            yield "date", m.group(0)
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
        counted = not digits and m.group(2) != "一" and m.group(4) in _CN_COUNTED
        if ((digits and m.group(4) not in ("级", "大")) or grade or spelled or ordinal or term
                or span or counted):
            yield "quantity", m.group(0)
    # Days of a penalty (行政拘留十日, 停产整顿45日): 日 is no measure word, as it ends every date.  A
    # numbered order or document (第217号国务院令, 国务院令第217号): 号 is no measure word
    # (18号楼, 5号 as a day), but after 第 it numbers.  And a time limit in days (责令其在10日内
    # 支付, 15个工作日内办结).  (The figure is the group named.)
    for pattern, group in ((_PENALTY_DAYS, 1), (_NUMBERED, 0), (_DAYS_WITHIN, 1),
                           (LATIN_MEASURE, 0)):
        for m in matches(pattern, text):
            yield "quantity", m.group(group)


__all__ = ["CLOCK_RE", "CN_DATE", "LATIN_MEASURE", "NEEDS", "QUANTITY_RE", "YEAR_RE", "figure_facts",
           "is_calendar_year", "matches", "says_a_time"]
