"""Stage *extract*: the short direct answer, one extractor module per kind of question.

Each extractor takes the question's analysis, the ranked passages and the index's facts
and returns the answer line with the passage that is its evidence (or nothing).  A new
kind of direct answer is one new module here plus one row in :data:`EXTRACTORS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.analysis import Analysis, Kind
from bot.extract import document, number, where, who, whose
from bot.extract.articles import article_cited, named
from bot.extract.clauses import best_clause
from bot.extract.columns import by_column, is_header
from bot.extract.direct import NONE, Direct
from bot.extract.document import alias
from bot.extract.where import QUOTED_NAME
from bot.lookup import Lookup
from bot.measures import FREQUENCY_SAID, PHONE_SAID
from bot.reply import Passage, passage_of
from corpus import regex
from indexer.figures import CN_DATE, QUANTITY_RE, YEAR_RE, is_calendar_year, without_standard_codes
from indexer.normalize import normalize
from indexer.people import asked_post, holds_post, names_someone, people
from indexer.places import places
from indexer.terms import TITLE_RE, organisations
from indexer.words import DOC_KINDS

Extractor = Callable[[Analysis, list[Passage], Lookup], Direct]

EXTRACTORS: dict[Kind, Extractor] = {
    "who": who.extract,
    "document": document.extract,
    "number": number.extract,
    "when": number.extract,
    "where": where.extract,
}


def extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """The direct answer and its evidence: a telephone number when one is asked
    (:func:`telephone`); else a defined short name, the kind's extractor, or the clause of
    the best sentence that answers the question's focus — and for a question of how often,
    only a line that says a rate (每年至少1次, 定期): "多久上门查一次?" is not answered by
    3日内推送 or by a clause on something else."""
    if a.intent.asks_phone:
        return telephone(ranked, searcher)
    found = _extract(a, ranked, searcher)
    quoting = found.evidence or (ranked[0] if ranked else None)
    if found.answer is not None and quoting is not None and is_header(found.answer, quoting):
        return found._replace(answer=None)  # 处罚依据 labels a column; it answers nothing
    if found.answer is not None and who.names_partner(a, found.answer):
        return found._replace(answer=None)
    if a.kind == "document":
        found = document.with_standard_code(found, ranked)
    if (a.intent.asks_frequency and found.answer is not None
            and not FREQUENCY_SAID.search(normalize(found.answer))):
        return found._replace(answer=None)
    return found


def telephone(ranked: list[Passage], searcher: Lookup) -> Direct:
    """"举报打什么电话?": the telephone number the best passage gives, or the sentence right
    after it (鼓励公众举报… ; 全省统一燃气服务热线为12319), as written — or no line: an
    amount or a clause is no number to dial."""
    if not ranked:
        return NONE
    best = ranked[0]
    m = PHONE_SAID.search(best.norm)
    if m:
        return Direct(best.text[m.start():m.end()], best)
    after = searcher.passages([best.id + 1]).get(best.id + 1)
    if after is not None and after.doc_id == best.doc_id:
        m = PHONE_SAID.search(normalize(after.text))
        if m:
            # The number's sentence is the evidence; the one that matched goes with it.
            told = passage_of(after, best.score, [])
            return Direct(after.text[m.start():m.end()], told, (best,))
    return Direct(None, best)


def _extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    defined = alias(a, searcher)
    if defined is not None:
        return defined
    if a.intent.asks_article:
        # "按商标法第几条处罚的?": the citation of the best sentence — not an issuance.
        cited = article_cited(a, ranked[0], best_clause(ranked[0], a), searcher)
        if cited is not None:
            return cited
    # A table row (处罚机关:… | 处罚决定日期:…) answers by the column the question asks.
    column = by_column(a, ranked)
    if column is not None:
        return column
    kind_extractor = EXTRACTORS.get(a.kind)
    found = kind_extractor(a, ranked, searcher) if kind_extractor else NONE
    if found.answer is None and (a.kind != "what" or a.focus or a.intent.keywords_only):
        # No fact fits: the clause of the best sentence that answers the
        # question's focus (…探索2+N监管模式 for 探索的是什么监管模式?) — for a question
        # of a type (who, where, how many, when, which document) only when the clause holds
        # a span of that type: "在哪些地方?" is not answered by 但一些地方仍存在…问题.
        best = found.evidence or ranked[0]
        # A news dateline's place and date are the report's (本报北京1月9日讯): they make
        # no clause an answer to where or when.
        scan = where.without_dateline(best) if a.kind in ("where", "when") else best
        clause = (best_clause(scan, a) or "").strip()
        if a.kind == "document":
            # "通过了哪个法案?": the titles the clause names are the answer, not the clause.
            titles = titled(a, best, clause)
            if titles:
                return found._replace(answer=titles)
            if TITLE_RE.search(clause):
                return found  # only the titles the question names itself
        if clause and not holds_asked_type(a.kind, normalize(clause), a.intent.measures,
                                           a.intent.place_level):
            return found
        if clause and a.kind == "when" and a.intent.asks_day and not _DAY_SAID.search(
                normalize(clause)):
            return found  # "从哪天开始的?" is not answered by a title's 2025年
        if clause and a.kind == "where" and not _new_place(
                QUOTED_NAME.sub("", normalize(clause)), a):
            # "博物馆准备设在哪?" is not answered by the 福州 it names, nor by a place
            # inside a quoted name (“…地区留京学生新春团拜会”在这里举行).
            return found
        if clause and a.intent.asks_company and not who.names_a_business(clause):
            return found  # "被哪家企业承包?" wants a business, not any body
        post = asked_post(a.norm) if clause and a.kind == "who" else None
        if post is not None and not names_holder(normalize(clause), post):
            # "团长是谁?": a person holds a post, a body's clause names none — nor does one
            # naming a person by another (检察长是谁? is not answered by 农民季正清).
            return found
        if clause and a.kind == "who" and who.deed_unsaid(a, best):
            return found  # "哪个单位立案侦查的?" is not answered by the court that sentenced
        if clause and whose.deed_unsaid(a, normalize(clause)):
            return found  # "什么时候被洪水冲垮的?" is not answered by 初建于1951年
        if clause and number.no_total(a, normalize(clause)):
            return found  # "一共发了多少钱?" is not answered by 每条最高2000元
        if clause and number.passed_by_only(a, normalize(clause)):
            return found  # "警戒水位是多少米?" is not answered by 超过警戒水位1.2米
        if clause and number.joined_only(a, normalize(clause)):
            return found  # "单独赔了多少?" is not answered by 工资及经济补偿金共计36.8万元
        if clause and number.no_bound(a, normalize(clause)):
            return found  # "单笔最高给了多少?" is not answered by 兑现奖励资金28.6万元
        if clause and a.kind == "number" and whose.of_another_country(a, best.norm,
                                                                      normalize(clause)):
            return found  # "我国和德国的贸易额?" is not answered by 我国与美国…贸易额298亿美元
        return found._replace(answer=clause)
    return found


def names_holder(clause: str, post: str) -> bool:
    """Whether a (normalised) clause names someone in ``post`` (anyone, when ``post`` is
    ``""``), by the post written before the name; loosely, where no post is written there."""
    if not post:
        return names_someone(clause)
    named = people(clause, lambda candidates: candidates)
    if named:
        # The posts listed before a name are all held (国家档案局局长、中央档案馆馆长王刚).
        return any(holds_post(held, post) for p in named
                   for held in (p.post, *re.split(r"[,;:]", clause[:p.start])[-1].split("、"))
                   if held)
    return names_someone(clause)


def titled(a: Analysis, best: Passage, clause: str) -> str | None:
    """"依据的是什么文件?", "通过了哪个法案?": the 《》 titles of the answering clause that
    the question does not name itself — else the one title of the whole sentence
    (美国国会通过了《普雷斯勒修正案》,以…为由 when the clause matched is the reason), as
    written; None when neither gives one."""
    def unnamed(text: str) -> list[str]:
        return list(dict.fromkeys(t for t in TITLE_RE.findall(text) if not named(t, a.norm)))

    titles = unnamed(clause) if clause else []
    if not titles:
        titles = unnamed(best.text)
        if len(titles) != 1:
            return None
    return "、".join(f"《{t}》" for t in titles)




# A ministry and its departments (农业农村部农田建设管理司), which the index's body names
# leave out: 部 and 司 end too many other words (干部, 全部, 公司) to be body suffixes there.
_MINISTRY = regex.compile(r"[\u4e00-\u9fff]{2}(?<![干内全局东西南北外上下总本支分])部(?![门分长署位件落])|"
                       r"[\u4e00-\u9fff]{2}(?<!公)司(?![机法])")


# Words ending in a place level that name no place (示范区, 开发区 …); two-character ones (城区,
# 社区) are not listed: they end real names too (婺城区).
_GENERIC_AREAS = frozenset(("示范区", "开发区", "保护区", "试验区", "功能区", "风景区", "旅游区",
                            "生活区", "办公区", "工业区", "经济区"))


def _figures(clause: str) -> list[str]:
    """The figures of a clause that count something (2023年 is a date, not a count)."""
    return [m.group(0) for m in QUANTITY_RE.finditer(clause) if not is_calendar_year(m.group(0))]


# A document named by its kind without brackets ends its phrase there (…合格证制度。,
# 紧急通知和…); 紧急通知确保减负 goes on to say what the notice is for, and 做法, 执法, 依法
# are no laws.
_UNBRACKETED_DOCUMENT = regex.compile(
    "(?:" + "|".join(k for k in (*DOC_KINDS, "制度") if k != "法")
    + r"|(?<![做方说看想执违依合非守立司办])法)(?=$|[的和与及、,，。;；)）\"”])")


# What a clause must hold to answer a question of each typed kind.
_TYPED: dict[Kind, Callable[[str], bool]] = {
    "who": lambda c: bool(organisations(c)) or _MINISTRY.search(c) is not None,
    # A vague place (全国, 各地) answers only a question of places in the plural, which
    # the where extractor reads itself: "在哪个城市开的?" is not answered by 全国….
    "where": lambda c: bool(places(c)),
    "number": lambda c: bool(_figures(c)) or "%" in c,
    # A date outside a quoted name: 跻身"2025中国品牌价值评价"百强榜 names a ranking, it dates
    # nothing (the extractor keeps it when the question names the ranking); nor does a year
    # said only to compare with (比1997年净增约3.2万人).
    "when": lambda c: _dated(whose.uncompared(number.QUOTED.sub("", c))),
    # A titled document, or one named by its kind without brackets (承诺达标合格证制度).
    "document": lambda c: "《" in c or _UNBRACKETED_DOCUMENT.search(c) is not None,
}


def _new_place(clause: str, a: Analysis) -> bool:
    """Whether a (normalised) clause names a place the question does not (福州 asked in
    "福州工艺美术博物馆准备设在哪?" is the thing asked of, not where it is), a landmark or
    venue (南通兴东国际机场)."""
    named = {x for unit in a.units for x in unit.alts}
    return any(p not in a.norm and (len(p) < 3 or p[:-1] not in a.norm)
               for p in places(clause)) or bool(where.landmarks(clause, named)
                                                or where.venues(clause, named))


# A day said (4月1日, 1日起, 一月十日, 当天): what "哪天?" asks.
_DAY_SAID = regex.compile(r"\d{1,2}[日号]|[一二三四五六七八九十]日|当天|当日|次日|今天|昨天|前天")


def _dated(clause: str) -> bool:
    clause = without_standard_codes(clause)  # (GB 21900-2008 dates no event)
    return YEAR_RE.search(clause) is not None or re.search(r"\d{1,2}月|\d{1,2}日", clause) \
        is not None or CN_DATE.search(clause) is not None


def holds_asked_type(kind: Kind, clause: str, measures: tuple[str, ...] = (),
                     level: str = "") -> bool:
    """Whether a (normalised) clause holds a span of the type a ``kind`` question asks for
    (a body, a place — of the asked ``level`` (哪个区), if any —, a figure — in one of the
    asked ``measures``, if any —, a date, a titled document); any clause answers "what"."""
    if kind == "where" and level:
        return any(where.of_level(name, level) for name in places(clause)) or any(
            m.group(0)[-3:] not in _GENERIC_AREAS
            for m in re.finditer(rf"[\u4e00-\u9fff]{{2,3}}{level}", clause))
    if kind == "number" and measures:
        return any(f.endswith(measures) for f in _figures(clause)) or (
            "%" in measures and "%" in clause)
    test = _TYPED.get(kind)
    return test is None or test(clause)


__all__ = ["EXTRACTORS", "Direct", "Extractor", "extract", "holds_asked_type"]
