"""Stage *found*: whether the best passage answers the question at all.

Found is a calibrated decision over the best passage's coverage of the question — the share
of the question's weight it (or the headings above it) says — by a logistic model fitted by
``scripts/fit_found.py`` on the training sets (:data:`bot.fitted.FOUND`).  :class:`Signals`
holds other candidate signals too (the rarest word missing, words the index lacks, a short
question); the script's ``--signals`` shows that leave-one-set-out they add nothing, so the
shipped model weighs coverage alone.  Apart from the model, the best passage must not meet
the question only in ways that answer nothing: a part of a term left unexplained
(2+N里的N), things asked by name given only as a count (3家民营医院), a question's places
without its topic, another batch of cases (第一批 asked, 第二批 said) or another year
(1995年 asked, only 1997年 said), none of the places
asked (江油 asked, a 西充县 sentence), not the thing whose figure is asked (注册资本是多少?
met by a sentence on the shareholders), no figure at all for a how-many question, a figure of
a narrower scope than the one asked (全国 asked, 全市 said), no change said when one is
asked (比1996年多了多少? met by 1997's figure alone), the asked place only set aside
(除北京外), another party than the one asked (王某某 asked, only 张某某 said), a figure of
another deed than the fine or sentence asked (被罚了多少钱? met by 拖欠工资218.6万元), a
business asked by name that the passage names only as case reports withhold it (某服装加工厂),
a yes-no question whose deed the passage does not say (被处罚了没有?), a post's holder
asked and nobody named (局长叫什么? met by 局长等3名公职人员), not the thing a how-many
question counts (多少名议员? met by a count of 选民), or no time for a when-question.  When
the best passage fails those, one covering nearly as much that passes comes first
(:func:`answering_first`); and a passage failing them gives no direct answer either, though
it stands in the answer pool (:func:`answerable`)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from bot.analysis import Analysis
from bot.extract.business import businesses
from bot.fitted import FOUND
from bot.places import asked_places, is_place, none_named, said_by, whole_levels
from bot.rank import another_batch, another_year, heading_context, names_place
from bot.reply import Passage
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.figures import QUANTITY_RE, says_a_time
from indexer.normalize import normalize, occurrences
from indexer.people import SURNAMES, asked_post, names_someone
from indexer.words import PROVINCES

_COUNTED_BEFORE = regex.compile(r"(?:\d+|[一二三四五六七八九十百千两几多数]+)(?:余|多)?[家个所名位批座]$")
# …or only pointed at, the name withheld as case reports do (该公司, 某住宅项目, 有位作家).
_UNNAMED_BEFORE = regex.compile(r"(?:某|该|此|这家|那家|一家|这位|那位|有位|一位|涉事)$")
# The question ends asking a name: what stands before it is what is to be named.
_NAME_ASKED_LAST = regex.compile(r"(?:叫什么|叫啥|名字|名称|是哪家|是哪个|是谁)[^\u4e00-\u9fff]*"
                              r"(?:[呢啊呀吗])?[^\u4e00-\u9fff]*$")


@dataclass(frozen=True)
class Signals:
    """What the best passage says of the question (numbers for the found model)."""

    coverage: float  # the share of the question's weight it says (bot.rank.coverage)
    rare_missing: float  # the heaviest of the question's words it lacks, over the heaviest word
    unknown: float  # the share of the question's weight in words the index lacks altogether
    short: float  # 1 / the number of the question's words (one word is easily met)


@dataclass(frozen=True)
class FoundModel:
    """P(answers) = σ(bias + Σ weight·signal); found at ≥ threshold."""

    bias: float
    weights: Mapping[str, float]
    threshold: float

    def probability(self, s: Signals) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in asdict(s).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def coverage_needed(self) -> float | None:
        """The coverage at which a coverage-only model says found (None: other signals)."""
        w = self.weights.get("coverage", 0.0)
        if w <= 0 or any(v for k, v in self.weights.items() if k != "coverage"):
            return None
        return (math.log(self.threshold / (1 - self.threshold)) - self.bias) / w


MODEL = FoundModel(bias=FOUND["bias"], threshold=FOUND["threshold"],
                   weights={k: v for k, v in FOUND.items() if k not in ("bias", "threshold")})


def signals(a: Analysis, best: Passage) -> Signals:
    """The found model's signals for ``best``, the first of the ranked passages."""
    where = best.norm + " " + normalize(" ".join(filter(None, (best.case_title,
                                                               best.section))))
    heaviest = max((u.weight for u in a.units), default=0.0) or 1.0
    missing = [u.weight for u in a.units if not any(x in where for x in u.alts)]
    total = a.total_weight or 1.0
    return Signals(coverage=min(best.covers, 1.5),
                   rare_missing=max(missing, default=0.0) / heaviest,
                   unknown=sum(u.weight for u in a.units if not u.known) / total,
                   short=1.0 / max(1, len(a.units)))


def is_found(a: Analysis, ranked: list[Passage], model: FoundModel | None = MODEL,
             asked: list[tuple[str, ...]] | None = None) -> bool:
    """Whether ``ranked[0]`` answers the question (else the reply is "not found"); with no
    model, whenever it meets the question in a way that can answer (for fitting).
    ``asked`` are the places the question names (:func:`asked_of`), if already read."""
    if not ranked or answers_nothing(a, ranked[0], asked_of(a, ranked) if asked is None
                                     else asked):
        return False
    return model is None or model.probability(signals(a, ranked[0])) >= model.threshold


def answers_nothing(a: Analysis, p: Passage,
                    asked: list[tuple[str, ...]] | None = None) -> bool:
    """``p`` meets the question only in ways that answer nothing (see the module);
    ``asked`` are the places the question names (:func:`asked_of`)."""
    context = heading_context(p.doc, p.case_title, p.section) + " " + p.carried
    return (names_part_only(a, p.norm) or counted_only(a, p.norm) or places_only(a, p)
            or another_batch(a.intent.batch, p.norm, context)
            or another_year(a.norm, p.norm, context)
            or attribute_missing(a, p.norm + " " + context)
            or counted_missing(a, p.norm + " " + context)
            or (a.kind == "when" and not says_a_time(p.norm))
            or no_figure(a, p.norm) or change_unsaid(a, p.norm + " " + p.carried)
            or narrower_scope(a, p.norm) or broader_scope(a, p.norm)
            or set_aside(a, p.norm)
            or another_party(a, p.norm + " " + context) or name_withheld(a, p.norm)
            or holder_unnamed(a, p.norm)
            or yes_no_unanswered(a, p.norm + " " + context)
            or none_named(asked_places(a) if asked is None else asked,
                          p.norm + " " + context + " " + p.opening))


def asked_of(a: Analysis, ranked: list[Passage]) -> list[tuple[str, ...]]:
    """The places the question names, read once against the best candidates."""
    return asked_places(a, said_by(ranked[:W.answer_pool_size]))


def place_missing(a: Analysis, where: str, candidates: str = "") -> bool:
    """"明天乌鲁木齐天气怎么样?" met by a forecast for 黄河以南: the question names places
    below a province — by their suffix, the place lists, or a place suffix after them in
    the candidates (嘉兴市) — and the passage, its case, section and document name none."""
    return none_named(asked_places(a, candidates), where)


def answering_first(a: Analysis, ranked: list[Passage]) -> list[Passage]:
    """The best passage meets the question only in ways that answer nothing (历下区 and
    给 in a preamble): a passage covering nearly as much that can answer comes first."""
    if not ranked:
        return ranked
    asked = asked_of(a, ranked)
    if not answers_nothing(a, ranked[0], asked):
        return ranked
    floor = ranked[0].covers - W.answering_slack
    for p in ranked[1:W.answer_pool_size]:
        if p.covers >= floor and not answers_nothing(a, p, asked):
            return [p, *[q for q in ranked if q is not p]]
    return ranked


def answerable(a: Analysis, ranked: list[Passage],
               asked: list[tuple[str, ...]] | None = None) -> list[Passage]:
    """The found passage and those of the answer pool that can answer: a passage found would
    refuse (see :func:`answers_nothing`) gives no direct answer either — an asked 2025年,
    a found 2025年 sentence, and 2024年…约6200公里 beside it.  ``asked`` as for
    :func:`is_found`."""
    if len(ranked) < 2:
        return ranked
    asked = asked_of(a, ranked) if asked is None else asked
    pool = [p for p in ranked[1:W.answer_pool_size] if not answers_nothing(a, p, asked)]
    return [ranked[0], *pool, *ranked[W.answer_pool_size:]]


def places_only(a: Analysis, best: Passage) -> bool:
    """"成都到绵阳高铁票多少钱?" matched by a sentence of the 绵阳 case on its places
    alone: the places scope a question, its topic must be met as well."""
    body = best.norm
    where = body + " " + normalize(" ".join(filter(None, (best.doc, best.case_title,
                                                          best.section)))) + " " + best.carried
    topic = [u for u in a.units
             if not any(x in where and names_place(x, where) for x in u.alts)]
    if len(topic) == len(a.units) or not topic:
        return False  # no place in the question, or nothing but places
    # Its words, not lone characters (到, 高 match anything), said here or by the
    # case the sentence stands under — a word a lone character stands for counts (查 →
    # 排查).
    return not any(any(len(x) >= 2 and x in where for x in u.alts) for u in topic)


# "X是多少" names the thing X whose figure is asked; "改了多少次", "超标多少" name a deed,
# which the text may say in other words (修改, 超过标准).
_HOW_MUCH = regex.compile(r"(?:是|为|有|达到|共计?)(?:多少|几)")
# "被罚了多少钱?", "发行了多少钞票?": the deed whose figure is asked, right before 了多少 — a
# word of two characters, or one of the one-character deeds of money and sentences that a
# text always names (罚 → 罚款, 判 → 判处); everyday light verbs (凑了, 挣了, 修了, 给了) are
# said in the text's own words (筹集, 增加收入, 新建, 下达).
_DEED_HOW_MUCH = regex.compile(r"了(?:多少|几)")
_NAMED_DEEDS = frozenset("罚赔判捐贷奖")
_TIME_LAST = regex.compile(r"(?:(?:到|截至|截止)?(?:去年|今年|前年|当年|上年|本年)?"
                        r"(?:年底|年末|年初|月底|底|目前|现在|如今|至今|为止))+$")


# "选出多少名议员?", "有多少员工?": the thing counted, right after 多少 and its measure word.
_COUNTED = regex.compile(r"(?:多少|几)(?:个|名|位|家|条|项|件|起|只|头|辆|艘|架|所|座|部|台|种|类|"
                      r"批|次|对|支|篇|本|套|口|张|块|根|棵|匹)?")
# What ends a question after the thing counted (多少名议员啊?).
_ASKING_END = regex.compile(r"[?？!！。呢啊呀吗吧]*$")
# Things counted in the asker's own general words (查出多少问题 → 安全隐患1372项).
_GENERIC_THINGS = frozenset(("问题", "方面", "事情", "事儿", "情况", "内容", "措施", "做法", "部分",
                             "地方", "东西", "单位", "部门"))
# …unless it is a measure itself (多少万吨, 几个百分点): the figure's unit, not a thing.
_MEASURE_WORD = regex.compile(r"^(?:万|亿|千|百)?(?:元|吨|米|公里|千米|平方米|立方米|亩|公顷|人次|人|户|"
                           r"斤|公斤|千克|克|度|天|年|月|小时|分钟|岁|倍|成|百分点|美元|港元|欧元)")


def counted_missing(a: Analysis, where: str) -> bool:
    """"一共要选出多少名议员?" met by a sentence counting 选民: the thing a how-many
    question counts — the word right after 多少 and its measure word, ending the question
    (not a general word: 问题, 情况) — is not said by the passage or its headings."""
    if a.kind != "number":
        return False
    for m in _COUNTED.finditer(a.norm):
        after = a.norm[m.end():]
        thing = _ASKING_END.sub("", after)
        if thing.startswith("钱"):
            continue  # 多少钱一张: a price per unit, no thing counted
        # The thing ends the question: "多少种必须审批" counts what its verb says.  Of a
        # phrase (多少燃气用户), its head — the last word — is the thing counted.
        unit = next((u for u in a.units if u.known and len(u.text) >= 2
                     and thing.endswith(u.text) and len(thing) <= W.counted_thing_chars), None)
        if unit is not None and unit.text not in _GENERIC_THINGS and not _MEASURE_WORD.match(
                unit.text) and not any(x and x in where for x in unit.alts):
            return True
    return False


def attribute_missing(a: Analysis, where: str) -> bool:
    """"注册资本是多少?" met by a sentence on the club's shareholders: the thing whose figure
    is asked — the word right before 是多少 — is not said by the passage or its headings;
    nor the deed before 了多少 ("被罚了多少钱?" met by 拖欠…工资218.6万元), in any of its
    forms (罚款, 处罚)."""
    if a.kind != "number":
        return False
    for pattern, deed in ((_HOW_MUCH, False), (_DEED_HOW_MUCH, True)):
        m = pattern.search(a.norm)
        if m is None:
            continue
        # A time said last (外汇储备到去年年底有多少?) dates the figure: the thing is
        # named before it.
        before = _TIME_LAST.sub("", a.norm[:m.start()])
        # A word the index lacks altogether counts when it is a word of three characters
        # or more (起征点: jieba's dictionary knows it, no document says it).
        unit = next((u for u in a.units if (u.known or len(u.text) >= 3)
                     and before.endswith(u.text)
                     and (len(u.text) >= 2 or (deed and u.text in _NAMED_DEEDS))), None)
        if unit is not None and not any(x and x in where for x in unit.alts):
            return True
    return False


def no_figure(a: Analysis, body: str) -> bool:
    """"一共要选出多少名议员?" met by a sentence that gives no figure at all (筹备选举是特区
    政府的重要工作): a how-many question needs one said (a rank or a batch asked excepted)."""
    if a.kind != "number" or a.intent.asks_ordinal:
        return False
    return not (QUANTITY_RE.search(body) or "%" in body or re.search(r"\d", body))


# The words a change is said in (增长, 下降, 同比, 比上年, 翻了一番, 净增): a passage with none
# of them states no change.
_CHANGE_WORDS = regex.compile(r"比|较|同比|环比|增|减|降|升|涨|跌|翻|提高|回落|缩小|扩大")


def change_unsaid(a: Analysis, body: str) -> bool:
    """"1997年缴获冰毒比1996年多了多少?" met by a sentence that gives 1997's figure alone
    (缴获冰毒1吨): a change asked needs one said, or at least the words of one."""
    return (a.kind == "number" and a.intent.asks_change
            and _CHANGE_WORDS.search(body) is None)


def narrower_scope(a: Analysis, body: str) -> bool:
    """"住房公积金全国累计归集了多少?" met by 全市…累计归集房改资金36亿元: the figure asked is
    of the whole country, the sentence gives one only for a narrower whole."""
    if a.kind != "number":
        return False
    # (a how-many question names the scope its figure is of: bot.places.WHOLES)
    asked, said = whole_levels(a.norm), whole_levels(body)
    return bool(asked and said) and min(said) > min(asked)


def broader_scope(a: Analysis, body: str) -> bool:
    """"上海全年比上年涨了多少?" met by 全年全国商品零售…上涨0.7%: the figure asked is of a
    place the question names, the sentence gives one for the whole country without naming
    that place."""
    if a.kind != "number" or 0 not in whole_levels(body) or 0 in whole_levels(a.norm):
        return False
    named = [u for u in a.units if len(u.text) >= 2 and (
        is_place(u.text) or u.text.removesuffix("省") in PROVINCES)]
    return bool(named) and not any(x in body for u in named for x in u.alts)


# "除北京、天津外", "除上海以外": what the sentence sets aside.
_SET_ASIDE = regex.compile(r"除(?:了)?[^,，。;；]{1,24}?(?:以外|之外|外)")


def set_aside(a: Analysis, body: str) -> bool:
    """"北京的公房卖了多少?" met by 除北京、天津外,全国…50%以上已出售: every place the question
    names that the sentence says, it says only to set aside."""
    named = [u for u in a.units if len(u.text) >= 2 and (
        is_place(u.text) or u.text.removesuffix("省") in PROVINCES)]
    spans = [m.span() for m in _SET_ASIDE.finditer(body)]
    if not named or not spans:
        return False
    said = [i for u in named for x in u.alts for i in occurrences(body, x)]
    return bool(said) and all(any(s <= i < e for s, e in spans) for i in said)


# A party named the way case reports name them (王某某, 李某): each case has its own.
_PARTY = regex.compile(f"[{''.join(sorted(SURNAMES))}]某某?")


def another_party(a: Analysis, body: str) -> bool:
    """"王某某被判处罚金多少钱?" met by …判处张某某有期徒刑六年,并处罚金20万元: the question
    names a party as case reports do, and the passage (with its case title) names others,
    never that one — it tells another party's case."""
    asked = set(_PARTY.findall(a.norm))
    said = set(_PARTY.findall(body))
    return bool(asked) and bool(said) and not asked & said


# A yes-no question: "…被处罚了没有?", "…是真的吗?" end on it, "有没有申请行政复议?" opens with it.
# (A bare 吗 asks other things too: 有啥文件规定吗, 有人管吗.)
_YES_NO_END = regex.compile(r"(?:了(?:没有|没)|与否|(?:是真的|属实|是假的)吗)[?!。,呢啊吧呀]*$")
_YES_NO_START = regex.compile(r"有没有|是否|是不是|有无")


def yes_no_unanswered(a: Analysis, where: str) -> bool:
    """"张某某后来被处罚了没有?" met by a sentence on what 张某某 said, "有没有申请行政复议?"
    by the fine the sentence tells: a yes-no question asks whether a deed happened — the
    word of it (the last before 了没有, a few characters before at most, or the last after
    有没有) — and a passage that does not say it cannot tell."""
    words = [u for u in a.units if len(u.text) >= 2]
    end = _YES_NO_END.search(a.norm)
    if end is not None:
        spots = [(a.norm.rfind(u.text, 0, end.start()), u) for u in words]
        spots = [(at, u) for at, u in spots
                 if at >= 0 and end.start() - at - len(u.text) <= W.yes_no_deed_chars]
    elif (start := _YES_NO_START.search(a.norm)) is not None:
        spots = [(a.norm.find(u.text, start.end()), u) for u in words]
        spots = [(at, u) for at, u in spots if at >= 0]
    else:
        return False
    if not spots:
        return False
    _, deed = max(spots, key=lambda spot: spot[0])
    return not any(x and x in where for x in deed.alts)


# What a business or a unit is called by its kind (服装厂, 施工单位, 中介机构).
_BUSINESS_KIND = regex.compile(r"(?:厂|公司|企业|集团|单位|机构|中介|商户|商家|门店|酒店|饭店|作坊)$")
_REAL_NAME = regex.compile(r"真名|真实名称|全称|全名")


def name_withheld(a: Analysis, body: str) -> bool:
    """"李某某开的服装厂叫什么名字?", "施工单位叫什么?": a business asked by name, and the
    passage names none but as case reports withhold them (某服装加工厂, 施工单位) — nor
    when the question already holds the withheld name and asks the real one (青屏某建筑
    工程有限公司真名叫什么?)."""
    thing = a.intent.names_asked_of
    if thing is None:
        real = _REAL_NAME.search(a.norm)
        if real is None:
            return False
        thing = a.norm[:real.start()]
    thing = thing.rstrip("的")
    if not (_BUSINESS_KIND.search(thing) or "某" in thing):
        return False
    return all("某" in name for name in businesses(body))


def holder_unnamed(a: Analysis, body: str) -> bool:
    """"园区安全监管局局长叫什么?": a post's holder asked for, the passage saying the post
    and naming nobody (:func:`indexer.people.names_someone`): 局长等3名公职人员 only."""
    post = asked_post(a.norm)
    if not post:
        return False
    return post in body and not names_someone(body)


def names_part_only(a: Analysis, body: str) -> bool:
    """"2+N监管模式里的N是哪些部门?": the passage has N only inside 2+N监管模式.

    A question about a part of a term is not answered by a sentence that
    names the term without spelling out the part: "not found" is honest.
    """
    if a.intent.part_of is None:
        return False
    whole, part = a.intent.part_of
    if whole not in body or part not in whole:
        return False
    return part not in body.replace(whole, " ")


def counted_only(a: Analysis, body: str) -> bool:
    """"被解除协议的民营医院叫什么名字?": the passage only counts them (3家民营医院) or
    points at them with the name withheld (该医院, 某民营医院).

    A question asking for names is not answered by a sentence that gives the
    things it asks about only as a number or a pointer: "not found" is honest.
    """
    before = a.intent.names_asked_of
    if before is None:
        return False
    thing = next((before[-n:] for n in range(min(W.asked_thing_chars, len(before)), 1, -1)
                  if before[-n:] in body), None)
    if thing is None:
        return False
    starts = [i for i in range(len(body)) if body.startswith(thing, i)]
    # The pointer counts only when the thing's own name is asked (那家公司叫什么名字?), not
    # a body that did something to it (该企业是被哪家法院判的?).
    pointed = _NAME_ASKED_LAST.search(a.norm) is not None
    prefixes = [body[max(0, i - W.counted_before_chars):i] for i in starts]
    return all(_COUNTED_BEFORE.search(b) or (pointed and _UNNAMED_BEFORE.search(b))
               for b in prefixes)


__all__ = ["MODEL", "FoundModel", "Signals", "another_party", "answerable",
           "answering_first", "answers_nothing", "broader_scope", "counted_missing",
           "counted_only", "holder_unnamed", "is_found", "name_withheld",
           "names_part_only", "narrower_scope", "places_only", "set_aside", "signals",
           "yes_no_unanswered"]
