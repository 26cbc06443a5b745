"""Metadata found in the text itself: the date (:func:`find_date`), the issuer
(:func:`find_issuer`), the batch (:func:`find_batch`), a title (:func:`guess_title`) and the
script (:func:`detect_script`; OpenCC is imported when first needed)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from corpus import regex
from corpus.readers.chars import HANZI_RE, STRONG_END, is_heading_start

# Characters that exist in one script only.  Pairs that are standard in both
# scripts (于/於, 范/範, 并/並, 采/採, 台/臺 …) are deliberately left out: texts
# converted on the mainland keep 于, 范, 并 inside otherwise traditional prose,
# so counting them would make such texts look "mixed".
_SCRIPT_AMBIGUOUS = frozenset(
    "于范采并台系干后里面只几制准斗划才冲松谷余云丑出卷向尽志舍术朴叶借冬千升克卜困岳幸征折曲朱表致"
    "胡须筑复郁注周布汇伙游症丰群"
)
_SIMPLIFIED_ONLY = frozenset(
    "这为个国时来们对会发动过说产种学经进电现实两体机当点从业应开还义间样与关线内数么质气变条没结问无"
    "军题党员总设长头资边级图统较将组见计别论运农区强决战则据处队给门规热领东导压争济阶极联认权证转单"
    "风带场车务万达积议声报类离华确张马节话况温传许广记观织装众书儿际验连断难矿备办习响约劳团历构称号"
    "维选标写亲养层却专状厂识适属圆调满县参红细听该铁价严龙飞监链乡镇厅违罚检测药卫执审诉举险责优创"
)
_TRADITIONAL_ONLY = (
    frozenset(
        "這爲為個國時來們對會發動過說產種學經進電現實兩體機當點從業應開還義間樣與關線內數麼質氣變條沒結問"
        "無軍題黨員總設長頭資邊級圖統較將組見計別論運農區強決戰則據處隊給門規熱領東導壓爭濟階極聯認權證轉"
        "單風帶場車務萬達積議聲報類離華確張馬節話況溫傳許廣記觀織裝衆眾書兒際驗連斷難礦備辦習響約勞團歷構"
        "稱號維選標寫親養層卻專狀廠識適屬圓調滿縣參紅細聽該鐵價嚴龍飛監鏈鄉鎮廳違罰檢測藥衛執審訴舉險責優"
        "創裡範"
    )
    - _SCRIPT_AMBIGUOUS
)


# --------------------------------------------------------------------------
# Metadata found in text
# --------------------------------------------------------------------------

_CN_DIGITS = {ch: i for i, chars in enumerate(("〇零○ＯO", *"一二三四五六七八九")) for ch in chars}
_CN_DIGIT = "〇零○ＯO一二三四五六七八九"
_DATE_PATTERNS = (
    regex.compile(r"(?<![0-9])(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    regex.compile(r"(?<![0-9])(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![0-9])"),
    regex.compile(r"(?<![0-9])(\d{4})(\d{2})(\d{2})(?![0-9])"),
)
_CN_DATE = regex.compile(
    rf"([{_CN_DIGIT}]{{4}})\s*年\s*([一二三四五六七八九十]{{1,3}})\s*月\s*"
    rf"([一二三四五六七八九十]{{1,3}})\s*日"
)


def _cn_number(s: str) -> int:
    """一 … 三十一 → 1 … 31 (the small numbers of months and days)."""
    if "十" not in s:
        return _CN_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(s: str, *, compact: bool = False) -> str | None:
    """The first date in ``s`` as ISO ``YYYY-MM-DD``, or ``None``.

    Understands 2025年3月12日, 2025-03-12, 2025.3.12, 2025/3/12, full-width
    digits and 二〇二五年三月十二日; ``compact`` also accepts 20250312 (only
    safe in metadata fields, not in prose).
    """
    s = unicodedata.normalize("NFKC", s)
    patterns = _DATE_PATTERNS if compact else _DATE_PATTERNS[:2]
    found: list[tuple[int, str]] = []
    for pattern in patterns:
        for m in pattern.finditer(s):
            iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                found.append((m.start(), iso))
                break
    if cn := _CN_DATE.search(s):
        year = int("".join(str(_CN_DIGITS[c]) for c in cn.group(1)))
        iso = _iso(year, _cn_number(cn.group(2)), _cn_number(cn.group(3)))
        if iso:
            found.append((cn.start(), iso))
    return min(found)[1] if found else None


_DATE_LABEL = regex.compile(
    r"(?:^|(?<=[\s|｜【\[]))(?:发布|發布|發佈|公布|印发|印發|成文|发文|發文)?(?:时间|時間|日期)\s*[:：]"
)
_DATE_ONLY = regex.compile(
    r"^[(（\[【]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
    rf"|[{_CN_DIGIT}]{{4}}\s*年\s*[一二三四五六七八九十]{{1,3}}\s*月\s*[一二三四五六七八九十]{{1,3}}\s*日)"
    r"\s*[)）\]】]?$"
)


def find_labelled_date(lines: Sequence[str]) -> str | None:
    """The first date introduced by 发布时间: / 日期: … in a short line."""
    for line in lines:
        m = _DATE_LABEL.search(line) if len(line) <= 100 else None
        if m and (iso := parse_date(line[m.end() : m.end() + 40])):
            return iso
    return None


def find_date(lines: Sequence[str]) -> str | None:
    """Publication date from the text: a labelled date, else a date-only line.

    Dates inside sentences are ignored — they are usually about the events the
    document describes, not the document.
    """
    if iso := find_labelled_date(lines):
        return iso
    for line in lines:
        if _may_be_date_only(line) and _DATE_ONLY.match(unicodedata.normalize("NFKC", line)):
            return parse_date(line)
    return None


# A date-only line says at most 15 characters besides spaces (【2024年12月31日】); NFKC
# never turns one character into none, so a line with more is no date line — and most
# lines are sentences, which are not worth normalising to find that out.
_DATE_ONLY_MAX_CHARS = 16


def _may_be_date_only(line: str) -> bool:
    return sum(map(len, line.split())) <= _DATE_ONLY_MAX_CHARS


# The label must start the line or follow a separator: "资金来源:" in a
# sentence is not a source line.
_ISSUER_LABEL = regex.compile(
    r"(?:^|(?<=[\s|｜【\[]))(?:发布单位|發布單位|发布机构|發布機構|发文机关|發文機關|发文单位|發文單位|发布者|發布者"
    r"|信息来源|信息來源|文章来源|文章來源|来源|來源|发布部门|發布部門)\s*[:：]\s*"
)
_LABEL_STOP = regex.compile(
    r"\s|【|\[|\||｜|(?:发布|發布|發佈)?(?:时间|時間|日期)\s*[:：]|作者\s*[:：]|浏览|瀏覽|点击|點擊|字号|字號"
)
_ORG_SUFFIX = regex.compile(
    r"(?:局|厅|廳|委|委员会|委員會|办|辦|办公室|辦公室|部|院|政府|中心|会|會|所|站|处|處|署|组|組|队|隊"
    r"|协会|協會|联盟|聯盟|公司|司)$"
)


def _label_value(text: str) -> str | None:
    value = _LABEL_STOP.split(text, maxsplit=1)[0].strip("，。,.;；:：()（）“”\"' ")
    if not value or len(value) > 40 or "http" in value or "www." in value:
        return None
    return value


def find_issuer(lines: Sequence[str]) -> str | None:
    """Issuing body: a 发布单位:/来源: label, else the signature above a closing date."""
    for line in lines:
        m = _ISSUER_LABEL.search(line) if len(line) <= 100 else None
        if m and (value := _label_value(line[m.end() :])):
            return value
    tail = list(lines[-6:])
    for i in range(len(tail) - 1, 0, -1):
        if _may_be_date_only(tail[i]) and _DATE_ONLY.match(
                unicodedata.normalize("NFKC", tail[i])):
            above = tail[i - 1]
            if (
                len(above) <= 40
                and not re.search(r"[。，,；;！？!?]", above)
                and _ORG_SUFFIX.search(above)
            ):
                return above
            break
    return None


_BATCH = regex.compile(r"第[一二三四五六七八九十百零〇两兩0-9０-９]+批")


def find_batch(*texts: str | None) -> str | None:
    """第一批 / 第2批 … as written, from the title (or whatever is passed)."""
    for text in texts:
        if text and (m := _BATCH.search(text)):
            return m.group(0)
    return None


# How an official document's title ends: its kind (…的通知, …典型案例, …（第一批）).
_TITLE_END = regex.compile(
    r"(?:通知|通報|通报|公告|通告|公報|公报|意見|意见|辦法|办法|決定|决定|規定|规定|方案|報告|报告|"
    r"案例|經驗|经验|做法|批復|批复|函|細則|细则|條例|条例|規劃|规划|綱要|纲要|名單|名单)$"
    r"|[(（]第[一二三四五六七八九十\d]+批[)）]$")


# What a title line is made of: characters, figures, book-title marks and brackets — not
# sentence punctuation, and not a breadcrumb's 首页 > 曝光台 or a menu's separators.
_TITLE_TEXT = regex.compile(r"[\u4e00-\u9fff\d０-９《》“”「」〈〉()（）·、—-]+")


# The head of an official document above its title (版头): the issuer's name alone, maybe
# with 文件 (青崖县人民政府办公室, 某某省财政厅文件), and the document's number alone
# (青政办〔2025〕27号).
_MASTHEAD = regex.compile(r"[\u4e00-\u9fff]{2,30}?(?:局|厅|廳|委|委员会|委員會|办公室|辦公室|办|辦|院|"
                          r"政府|部|署)(?:文件)?")
# A document's number (文号: 青政办〔2025〕27号, 蘇交執〔2025〕12號, 国办发[2024]5号, a case's
# 青环罚〔2024〕42号): the head's, and what a 文号 question and a record's 文号 column read.
DOC_NUMBER = regex.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（][0-9]{4}[〕\]］)）]\s*[0-9]{1,4}\s*[号號]")


def masthead_lines(lines: Sequence[str]) -> int:
    """How many of the first lines are a document's head above its title (its issuer's
    name, its number), at most two, and only when a line follows them.  A name alone is a
    head only as an official document sets one: …文件, or over its number, or over a title
    that opens with it — not a headline that ends as a body's name does (走进养老院)."""
    k = 0
    while k < min(2, len(lines) - 1):
        line, below = lines[k], lines[k + 1]
        named = _MASTHEAD.fullmatch(line) is not None and (
            line.endswith("文件") or DOC_NUMBER.fullmatch(below) is not None
            or below.startswith(line))
        if not (named or DOC_NUMBER.fullmatch(line)):
            break
        k += 1
    return k


def join_wrapped_title(lines: list[str]) -> list[str]:
    """The title's two lines as one when it is one title wrapped over two (centred titles
    of official documents often are): the first lacks the ending a title has and any
    punctuation, the second is short, unpunctuated and completes it
    (…防火和野 / 生动物保护典型案例的通知, …典型案例(第 / 一批)).  The title is the first line,
    or the one under the document's head (its issuer's name, its number)."""
    # (An issuer's name and what completes a title are one title: 某省高级人民法院 /
    # 涉农民工工资权益保护典型案例.)
    for k in dict.fromkeys((0, masthead_lines(lines))):
        if len(lines) >= k + 2 and _wraps_title(lines[k], lines[k + 1]):
            return [*lines[:k], lines[k] + lines[k + 1], *lines[k + 2:]]
    return lines


def _wraps_title(first: str, second: str) -> bool:
    return not (len(first) > 60 or len(second) > 40 or _TITLE_END.search(first)
                or not _TITLE_END.search(first + second) or is_heading_start(second)
                or not all(_TITLE_TEXT.fullmatch(x) for x in (first, second)))


def guess_title(lines: Sequence[str]) -> str | None:
    """The first line (under the document's head, if it has one: its issuer's name, its
    number), if it looks like a title rather than the start of the body."""
    if not lines:
        return None
    first = lines[masthead_lines(lines)]
    if len(first) > 100 or STRONG_END.search(first) or first.endswith(("，", ",")):
        return None
    return first


@lru_cache(maxsize=1)
def _opencc() -> tuple[Any, Any] | None:
    try:
        import opencc

        return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    except Exception:  # not installed, or its config files are missing
        return None


# Character → (changes under t2s, changes under s2t), learnt once per process:
# a batch of documents shares most of its characters.
_CHAR_SCRIPT: dict[str, tuple[bool, bool]] = {}


def _script_counts(counts: Counter[str]) -> tuple[int, int]:
    chars = [c for c in counts if c not in _SCRIPT_AMBIGUOUS]
    converters = _opencc()
    if converters is not None and chars:
        t2s, s2t = converters
        unseen = [c for c in chars if c not in _CHAR_SCRIPT]
        if unseen:
            joined = "\n".join(unseen)
            to_simp = t2s.convert(joined).split("\n")
            to_trad = s2t.convert(joined).split("\n")
            if len(to_simp) == len(to_trad) == len(unseen):
                for c, s, t in zip(unseen, to_simp, to_trad, strict=True):
                    _CHAR_SCRIPT[c] = (s != c, t != c)
        if all(c in _CHAR_SCRIPT for c in chars):
            trad = sum(counts[c] for c in chars if _CHAR_SCRIPT[c][0])
            simp = sum(counts[c] for c in chars if _CHAR_SCRIPT[c][1])
            return trad, simp
    trad = sum(counts[c] for c in chars if c in _TRADITIONAL_ONLY)
    simp = sum(counts[c] for c in chars if c in _SIMPLIFIED_ONLY)
    return trad, simp


def detect_script(text: str) -> str | None:
    """Return "traditional" if traditional-only characters clearly outnumber simplified-only ones.

    ``None`` when there is no Chinese at all.  OpenCC is used when available;
    otherwise a built-in list of a few hundred frequent characters.
    """
    counts = Counter(HANZI_RE.findall(text))
    if not counts:
        return None
    trad, simp = _script_counts(counts)
    return "traditional" if trad > 2 * simp else "simplified"
