"""Whose figure or date a clause gives: the year, the country and the deed the question asks
about, or another's.

A how-many or when answer is a figure or a date the question's words describe; these say
when the clause around it is about something else — a year it only compares with
(比1997年净增约3.2万人), another country (…最多的国家仍然是美国,为750.56亿美元 for China's
income), another year or batch (1996年…193亿元 for 1997), another deed (水库初建于1951年 for
什么时候被洪水冲垮的).  Pure: normalised text in, a verdict out.
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.rank import YEAR_SAID, another_batch, another_year, dateline_end
from bot.reply import Passage
from corpus import regex
from corpus.lines import TABLE_CELLS
from indexer.facts import clause_spans
from indexer.normalize import occurrences
from indexer.search import FactHit
from indexer.words import COUNTRIES

# A year said only to compare with (比1996年增长, 较上年, 与1996年相比): not the figure's own.
_COMPARED_YEAR = regex.compile(r"(?:比|较|与|同|相比)(?:(?:19|20)[0-9]{2}年|去年|上年|前年)")


def uncompared(clause: str) -> str:
    """``clause`` without the years it only compares with (比1996年增长12% → 增长12%)."""
    return _COMPARED_YEAR.sub("", clause)


def compared(body: str, date: str) -> bool:
    """Whether every mention of ``date`` in ``body`` (both normalised) is a year said only to
    compare with (比1997年净增, 较上年, 与1996年相比): it dates nothing that happened."""
    spots = [m.start() for m in _COMPARED_YEAR.finditer(body)]
    found = occurrences(body, date)
    return bool(found) and all(any(s < i <= s + 3 for s in spots) for i in found)


# A country by name (我国 is 中国), the longer names first (印度尼西亚 before 印度).
_COUNTRY = regex.compile("|".join(sorted((*COUNTRIES, "我国"), key=len, reverse=True)))


def countries_asked(a: Analysis) -> frozenset[str]:
    """The countries the question names (我国 is 中国)."""
    return frozenset("中国" if u.text == "我国" else u.text for u in a.units
                     if u.text in COUNTRIES or u.text == "我国")


def another_country(text: str, asked: frozenset[str]) -> bool:
    """Whether ``text`` (normalised: a figure's sentence) names countries and not
    every one ``asked`` — in full, or as news shortens one it has named (中美, 美方, 以军):
    去年旅游收入最多的国家仍然是美国,为750.56亿美元 is America's, whatever the question
    asks of China; 我国与美国直接贸易额 is not the trade with Germany."""
    named = {"中国" if m.group(0) == "我国" else m.group(0) for m in _COUNTRY.finditer(text)}
    return bool(named) and not all(c in named or _shortened(c, text) for c in asked)


def _shortened(country: str, text: str) -> bool:
    """Whether ``text`` names ``country`` by its first character, as news does once it has
    named it in full (中美, 对日, 美方, 以军, 德总理)."""
    c = re.escape(country[0])
    return re.search(f"[中对与和同、]{c}(?!国)|{c}(?:方|军|政府|总统|总理|首相|外长)",
                     text) is not None


def of_another_country(a: Analysis, body: str, clause: str) -> bool:
    """Whether ``clause`` of ``body`` (both normalised), given as a how-many answer, tells
    another country's figure than the question asks about (:func:`another_country`)."""
    asked = countries_asked(a)
    return bool(asked) and another_country(sentence_at(body, clause), asked)


def sentence_at(body: str, piece: str) -> str:
    """The sentence of ``body`` that holds ``piece`` (all of ``body`` if none does)."""
    at = body.find(piece)
    if at < 0:
        return body
    start = max(body.rfind(x, 0, at) for x in "。;!?") + 1
    return body[start:sentence_end(body, at + len(piece))]


def dating(p: Passage, f: FactHit) -> str:
    """What a date may describe: its clause and the one after it (今天上午11时50分,…发生
    地震; 各省…于2月15日前,将…完成情况报…) — a deed said further off is another's."""
    at = p.norm.find(f.norm)
    if TABLE_CELLS in p.norm and at >= 0:
        # A table row's date dates its cell, headed by what it is (作出处罚决定的日期:…): the
        # next cell (整改情况:…复测达标) is another field, no deed the date is of.
        start = p.norm.rfind(TABLE_CELLS, 0, at)
        end = p.norm.find(TABLE_CELLS, at)
        return p.norm[start + len(TABLE_CELLS) if start >= 0 else 0:end if end >= 0 else None]
    spans = clause_spans(p.norm)
    opening = dateline_end(p.norm)
    if opening is not None and at < opening[0]:
        # The report's date (本报北京1月7日讯…:今天上午,…) dates what it tells, and the
        # place before it is where the report was filed: the first clauses after it (and
        # after the byline).
        start = opening[1]
        spans = [(max(s, start), e) for s, e in spans if e > start]
        i: int | None = 0 if spans else None
    else:
        i = next((i for i, (s, e) in enumerate(spans) if s <= at < e), None)
    if i is None:
        return ""
    start, end = spans[i]
    clause = p.norm[start:end]
    if len(re.sub(r"[^\u4e00-\u9fff]", "", clause.replace(f.norm, ""))) <= 2 or (
            _SINCE.search(clause.replace(f.norm, "@"))):
        # A time set off by itself at the head (2024年5月9日,县市场监管局…对某车行进行检查),
        # or a time from which the rest holds (当事人自2024年10月起,在…使用…标识), dates the
        # sentence it opens, down to its verb however many clauses on.
        return p.norm[start:sentence_end(p.norm, end)]
    return p.norm[start:spans[min(i + 1, len(spans) - 1)][1]]


# A clause that is only a beginning in time: its subject, then 自/从 the date 起/开始 (the
# date written @).
_SINCE = regex.compile(r"^[\u4e00-\u9fff]{0,6}?(?:自|从)@(?:起|开始|以来)$")


def sentence_end(text: str, at: int) -> int:
    """Where the sentence holding offset ``at`` of ``text`` ends (its 。, ; ! ?, or the end)."""
    ends = [e for e in (text.find(x, at) for x in "。;!?") if e >= 0]
    return min(ends) if ends else len(text)


# The words a when-question asks with, and what follows them: the deed it dates
# (什么时候被洪水冲垮的 → 被洪水冲垮的).
_AFTER_WHEN = regex.compile(r"(?:什么时候|啥时候|啥时|几时|何时|哪一?年|哪[一几]?[天日]|哪些天|几月|"
                            r"几号|几点|(?:什么|哪个|具体)时间)(.+)$")


# …of which these place the deed in time, and are no deed (什么时候之前要报上去), nor are
# the directions a verb takes (报上去, 引出来): the text says 报送, 引出.
_NO_DEEDS = frozenset(("之前", "以前", "之后", "以后", "以来", "前后", "左右", "期间", "当时", "时候",
                       "上去", "下去", "上来", "下来", "出来", "出去", "进来", "进去", "回来",
                       "回去", "过来", "过去", "起来", "开来"))


def asked_deed(a: Analysis) -> list[tuple[str, ...]]:
    """The words a when-question names the deed it dates with, after its question word,
    each as its forms (什么时候被洪水冲垮的 → 洪水, 冲垮); none when it names none.  A word
    no document says counts too: 什么时候结束, over a text without 结束, is dated by no
    clause.  Single characters do not (几点才灭, 什么时候打: the text says 扑灭, 举行)."""
    if a.kind != "when":
        return []
    m = _AFTER_WHEN.search(a.norm)
    if m is None:
        return []
    return [u.alts for u in a.units
            if len(u.text) >= 2 and u.text in m.group(1) and u.text not in _NO_DEEDS]


def unsaid(deed: list[tuple[str, ...]], clause: str) -> bool:
    """Whether ``clause`` (normalised) says fewer than half of the ``deed``'s words, a word
    in any of its forms — or in another, when all its characters are said (开业: 开张营业);
    False with no deed.  Half, not one: 1952年加入中国共产党,担任过…玉溪行署人事科长 says
    玉溪 but not 当上…卷烟厂厂长."""
    said = sum(any(x in clause or all(c in clause for c in x) for x in forms)
               for forms in deed)
    return bool(deed) and said * 2 < len(deed)


def deed_unsaid(a: Analysis, clause: str) -> bool:
    """Whether a when-question names the deed it dates after its question word
    (什么时候被洪水冲垮的, 哪一年当上厂长的) and ``clause`` (normalised) says none of its
    words, in any of their forms: 初建于1951年 dates another deed."""
    return unsaid(asked_deed(a), clause)


def of_the_asked_year(a: Analysis, clause: str) -> bool:
    """Whether a figure's clause names the year the question asks about (2024年 asked:
    其中2024年完成1500公里 does, 计划用4年时间改造约6200公里 does not)."""
    asked = set(YEAR_SAID.findall(a.norm))
    return bool(asked) and bool(asked & set(YEAR_SAID.findall(uncompared(clause))))


def of_another(a: Analysis, clause: str) -> bool:
    """Whether a figure's clause names only another year or another batch than the question
    asks about (a year it only compares with does not count: 比1996年增长12%)."""
    own = uncompared(clause)
    return another_year(a.norm, own, "") or another_batch(a.intent.batch, own, "")


__all__ = ["another_country", "asked_deed", "compared", "countries_asked", "dating",
           "deed_unsaid", "of_another", "of_another_country", "of_the_asked_year",
           "sentence_at", "uncompared", "unsaid"]
