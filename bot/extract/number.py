"""Extractor *number* (and *when*): the figure or date that answers, in the clause it stands in.

"有多少家?" is answered by a quantity fact of the asked measure (家, or any count for
多少个), described by the question's words next to it — not across a clause break;
"什么时候?" by a date fact the same way.
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.extract.clauses import clause_around
from bot.extract.direct import NONE, Direct
from bot.extract.facts import ORDINAL, facts_for, names_a_day, said_in
from bot.extract.whose import (
    another_country,
    asked_deed,
    compared,
    countries_asked,
    dating,
    of_another,
    of_the_asked_year,
    sentence_at,
    unsaid,
)
from bot.lookup import Lookup
from bot.rank import DATELINE, HEADLINES, dateline_end, heading_context
from bot.reply import Passage
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.facts import clause_spans
from indexer.figures import CLOCK_RE, QUANTITY_RE
from indexer.normalize import normalize, occurrences
from indexer.places import places
from indexer.search import FactHit
from indexer.words import MEASURE_WORDS

_CLAUSE_BREAK = regex.compile(r"[,;:。!?|]")
_SENTENCE_BREAK = regex.compile(r"[;。!?]")
# A question asking for a total, in Chinese, pinyin or English.
_ASKS_TOTAL = regex.compile(r"一共|总共|共计|合计|总计|累计|总数|总额|总量|\b(?:yigong|zonggong|heji|"
                         r"leiji|zongshu|total|altogether|in all)\b")
# Words before a figure that make it a total (总数达到186辆, 共计, 累计) …
_TOTAL = regex.compile(r"总数|总量|总额|总计|合计|累计|共")  # 共 covers 共计, 一共, 总共
# … and ones that make it a figure per unit or a bound (每条最高2000元, 人均, 不超过).
_PER_UNIT = regex.compile(r"每[^\d]{0,6}$|最高|最多|最低|不超过|不低于|[人户亩]均|平均|单[次笔件]")
# … and one that makes the figures after it in its sentence parts of a total said before
# (共发行…2412亿元,其中凭证式国债1643亿元,无记名国债395亿元).
_PART = regex.compile(r"其中")
# … and a sentence that opens so is about a part of the total before it.
_PART_SENTENCE = regex.compile(r"\s*其中")
# Places below a city: a figure said of one is that place's.
_FINER = regex.compile(r"(?:区|县|街道|镇|乡|村)$")
# …read as a place, a preposition and what follows it is none (以整区域推进: 以整区).
_PREPOSITIONS = frozenset("以在对从向于将把")
# A question asking for a figure per unit (每户多挣多少, 人均收入, 平均每亩) — not per
# period: 每年安排多少, 每个月 ask the sum of one.
_ASKS_PER_UNIT = regex.compile(r"每(?:一)?(?:[户人亩家位名]|个(?![月年]))|[人户亩]均|平均")
# … or a ceiling, a floor or a single item's figure (单笔最高, 最多能罚多少, 单次最低).
_ASKS_BOUND = regex.compile(r"最高(?!人民|法院|检察院|法|检)|最低|(?<!哪个)最多(?!的)|最少|上限|封顶|"
                            r"单[次笔件]")
# … which a figure answers when the words before it say it is one (单笔最高2000元, 一次性
# 收取…不得跨越3个月, 每条最高).
_BOUND_SAID = regex.compile(rf"{_PER_UNIT.pattern}|最少|不得|至多|至少|上限|一次")
# A question asking what is left (还剩多少, 剩下几个) …
_ASKS_REMAINING = regex.compile(r"剩")
# … is answered by the figure a count came down to (减少到96座, 减至53个, 只剩3家).
_CAME_DOWN_TO = regex.compile(r"(?:(?:减少|下降|降低|压减|缩减|精简|减|降)(?:到|至)|剩(?:下|余)?)"
                           r"(?:了|目前的?|现在的?)?$")
# Words that make the figure after them a change (增加200元, 下降了3个百分点, 增长12%).
_CHANGE_BEFORE = regex.compile(r"(增加|增长|提高|下降|减少|上涨|下跌|降低|上升|回落|增|降|涨|跌)了?(?:约|近|超过)?$")
# A question asking what there was before (原来有多少, 以前有几家) …
_ASKS_BEFORE = regex.compile(r"原来|原先|原本|以前|过去|当初|起初|最初|本来")
# … is answered by the figure said of that time (一度有撂荒地5.3万亩, 原有…), not by what
# was done since (累计复耕4.9万亩).
_WAS = regex.compile(r"一度|原有|原来|原先|曾经?|过去|此前|最初|起初|最多时")
# A question asking when something began (从什么时候开始用的?, 哪年起施行?) …
_ASKS_START = regex.compile(r"(?:从|自)(?:什么时候|啥时候|何时|哪一?年|哪一?天|几月|几号)|"
                            r"(?:什么时候|啥时候|何时|哪一?年|哪一?天|几月|几号)(?:开始|起)")
# … is answered by the date said as a beginning (自2024年10月起, 从1月1日开始), when one is.
_START_BEFORE = regex.compile(r"(?:自|从|自从|始于|起于)$")
_START_AFTER = regex.compile(r"^(?:起|开始|以来|至今)")
# A question asking by how much something passed a limit (超标多少, 超出了几) …
# (超了多少吨, 超载多少: passed; 超限运输罚了多少 asks the fine, not by how much.)
_ASKS_EXCESS = regex.compile(r"(?:超标|超出|超过|高出|超载|超重|超限|超(?=了))了?"
                             r"(?:(?![罚赔])[\u4e00-\u9fff]){0,6}?(?:多少|几)")
# … is answered by the figure said as the excess (超过标准限值17.4分贝, 超标2.3倍).
_EXCESS = regex.compile(r"超标|超出|超过|高出")
# A figure said as the amount a named level was passed by (超过警戒水位1.2米, 高出标准限值…).
_PASSED_BY = regex.compile(r"(?:超出|超过|高出|低于|高于)[\u4e00-\u9fff]{2,8}$")
# A figure of a re-test (复测, 复检 after the fix), which only a question of one asks for.
_RETEST = regex.compile(r"复测|复检|复查|复核|复验|整改后")
# One thing asked alone (单独赔了多少, 光罚款是多少) …
_ASKS_ALONE = regex.compile(r"单独|单是|单单|光是|(?<![不])仅仅?(?=[\u4e00-\u9fff]{0,6}(?:多少|几))")
# … which a sum of things joined says nothing of (工资及经济补偿金共计, 罚没款合计).
_JOINED_SUM = regex.compile(r"[\u4e00-\u9fff]{1,8}(?:及|和|与|、)[\u4e00-\u9fff]{1,8}(?:共计|合计|总计|共)$|"
                            r"罚没款?(?:合计|共计|总计)?$")
_LATIN_HOW_MANY = regex.compile(r"\b(?:duoshao|ji|how many|how much)\b")
# What may stand between a sum's name and its figure (罚款2万元, 罚款为2万元, 处罚款计…).
_NAMING_GAP = r"(?:为|达|共|计|共计|合计|金额|人民币)?$"
# (Not 这几年, 近几天, 前几个月: a time meant, not a count asked.)
_HOW_MANY = regex.compile(r"(?:多少|(?<![这那近前头后])几)(?:个)?(?:" + "|".join(
    sorted(MEASURE_WORDS, key=len, reverse=True)) + ")?")


def extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """The figure (or date) of the best passages that the question's words describe."""
    best_score = ranked[0].score
    pool = [p for p in ranked[:W.answer_pool_size] if p.score >= best_score - W.value_pool]
    units = a.intent.measures if a.kind == "number" else ()
    ordinal = a.intent.asks_ordinal
    facts = [(f, r) for f, r in facts_for(
        searcher, ["date" if a.kind == "when" else "quantity"], pool)
        if (not units or any(said_in(f.norm, u) for u in units))
        and (ordinal or not ORDINAL.match(f.norm))]
    if a.kind == "when" and a.intent.asks_clock:
        # "几点发生的?": a time of day, when the text gives one.
        facts = [(f, r) for f, r in facts if CLOCK_RE.search(f.norm)] or facts
    elif a.kind == "when" and a.intent.asks_day:
        # "从哪天开始的?": a day; a year (a title's 2025年) says none.
        facts = [(f, r) for f, r in facts if names_a_day(f.norm)]
    by_id = {p.id: p for p in pool}
    if a.kind == "when":
        # A year inside quotes or a title names something (躋身“2025中國品牌價值評價”百強榜,
        # 《2024年工作要点》): it dates nothing the question asks about.
        facts = [(f, r) for f, r in facts
                 if not quoted(by_id[f.passage_id].norm, f.norm, a.norm)]
        # …nor does a year said only to compare with (比1997年净增约3.2万人).
        facts = [(f, r) for f, r in facts if not compared(by_id[f.passage_id].norm, f.norm)]
        # "水库什么时候被洪水冲垮的?" is not answered by 水库初建于1951年: the date's clause or
        # the one after it (a time set off by itself dates the next) must say the deed asked.
        deed = asked_deed(a)
        facts = [(f, r) for f, r in facts if not unsaid(deed, dating(by_id[f.passage_id], f))]
        # A dateline's date (本报北京1月13日讯) is when the report was filed: it dates what
        # the report tells only when its words say so (今天, 昨天, 13日在…) — not 记者…报道.
        facts = [(f, r) for f, r in facts if not filed_only(by_id[f.passage_id].norm, f.norm)]
        if not facts:
            return NONE
        if _ASKS_START.search(a.norm):
            # "从什么时候开始用的?": 自2024年10月起, not the day it was found out (2025年3月).
            facts = [(f, r) for f, r in facts if begins(by_id[f.passage_id].norm, f.norm)] or facts
    # "1997年实现多少?" is not answered by 1996年…193亿元, "第二批有多少个?" not by 第一批50个:
    # a figure whose clause names only another year or batch is that one's.
    facts = [(f, r) for f, r in facts if not of_another(a, _clause_of(by_id[f.passage_id], f))]
    if a.kind == "number":
        # "今年预定交货550架,其中中国要多少架?": a figure the question states is what it
        # starts from, never what it asks.
        facts = [(f, r) for f, r in facts if f.norm not in a.norm]
    if not facts:
        return NONE
    if a.kind == "number":
        # "2024年要改造多少公里?": the found sentence's figure whose clause names the asked
        # year (其中2024年完成1500公里), when one does — not the plan's whole beside it
        # (约6200公里).
        facts = [(f, r) for f, r in facts if f.passage_id == ranked[0].id
                 and of_the_asked_year(a, _clause_of(by_id[f.passage_id], f))] or facts
    # "有多少批不合格?", "没收了多少个煤气罐?": the words right after 多少/几 say what is
    # counted — the figure they describe answers, not another of the same sentence
    # (共抽检…580批次,其中不合格58批次).
    asked = _HOW_MANY.search(a.norm)
    tail = a.norm[asked.end():asked.end() + W.counted_words_chars] if asked else ""
    weights = [(u.alts, u.weight * (W.counted_word_factor if u.text in tail else 1.0))
               for u in a.units]
    counted = [u.alts for u in a.units if u.text in tail]
    # Keywords without a question word ("guoqi shipin bianlidian fakuan") end with what is
    # asked: the figure that word names right before it (罚款2万元) answers.
    # (A how-many typed in pinyin or English, duoshao mu gengdi, says its own.)
    last = a.units[-1].alts if (asked is None and a.intent.keywords_only and a.units
                                and not _LATIN_HOW_MANY.search(a.norm)) else ()

    def before(f: FactHit) -> str:
        body = by_id[f.passage_id].norm
        at = body.find(f.norm)
        return cell_label(body, at) or words_before(body, at)

    def after(f: FactHit) -> str:
        body = by_id[f.passage_id].norm
        pos = body.find(f.norm)
        return _CLAUSE_BREAK.split(body[pos:pos + len(f.norm) + W.figure_words_after])[0]

    def sentence_before(f: FactHit) -> str:
        body = by_id[f.passage_id].norm
        return _SENTENCE_BREAK.split(body[:max(body.find(f.norm), 0)])[-1]

    read: dict[int, list[str]] = {}

    def places_in(p: Passage) -> list[str]:
        """The places a passage names, read once for all its figures."""
        if p.id not in read:
            read[p.id] = places(p.norm)
        return read[p.id]

    if a.kind == "number" and "%" in units and units[0] != "%":
        # "罚了多少?" asks money, or a share of income set as the fine (处年收入60%的罚款) —
        # not another share the line gives (超限率37.4%).
        facts = [(f, r) for f, r in facts if not f.norm.endswith("%")
                 or "罚" in after(f)[len(f.norm):len(f.norm) + 6]]
        if not facts:
            return NONE
    # "1997年中国旅游收入是多少?" is not answered by …最多的国家仍然是美国,为750.56亿美元.
    asked_countries = countries_asked(a)
    if asked_countries:
        facts = [(f, r) for f, r in facts if not another_country(
            sentence_at(by_id[f.passage_id].norm, f.norm), asked_countries)]
        if not facts:
            return NONE
    if a.kind == "number" and not a.intent.asks_change:
        # "商品房平均卖多少钱?" asks a level (2024元/平方米), not a change said beside it
        # (比上年平均增加200元) — unless the question says that change (新增多少).
        facts = [(f, r) for f, r in facts if not changed_by(before(f), a.norm)] or facts
    if a.kind == "number" and not _RETEST.search(a.norm):
        # "化学需氧量测出来是多少?" asks what was found, not the re-test after the fix
        # (整改后复测…138mg/L), when the text gives both.
        facts = [(f, r) for f, r in facts if not _RETEST.search(before(f))] or facts
    if _ASKS_ALONE.search(a.norm):
        # "单独赔了多少经济补偿金?" is not answered by 支付工资及经济补偿金共计36.8万元: a
        # sum of several things joined is no figure of one alone — none, no line.
        facts = [(f, r) for f, r in facts if not _JOINED_SUM.search(before(f))]
        if not facts:
            return NONE
    total = asks_total(a)
    if total:
        # "一共发了多少钱?" is not answered by 每条最高2000元: a figure per unit or a
        # ceiling is no total — none of those, no line.
        facts = [(f, r) for f, r in facts
                 if not _PER_UNIT.search(before(f)) and not _PART.search(sentence_before(f))]
        if not facts:
            return NONE
    elif asks_bound(a):
        # "单笔最高给了多少钱?" is not answered by 兑现举报奖励资金28.6万元: a ceiling or a
        # figure per item asked, only one the text says so answers — none, no line.
        facts = [(f, r) for f, r in facts if _BOUND_SAID.search(before(f))]
        if not facts:
            return NONE
    elif _ASKS_PER_UNIT.search(a.norm):
        # "每户多挣了多少?": of the figures, the ones the text gives per unit, when it does.
        facts = [(f, r) for f, r in facts if _PER_UNIT.search(before(f))] or facts
    if _ASKS_REMAINING.search(a.norm):
        # "还剩多少座?": what a count came down to (由143座减少到96座), when the text says.
        facts = [(f, r) for f, r in facts if _CAME_DOWN_TO.search(before(f))] or facts
    if a.kind == "number" and _ASKS_BEFORE.search(a.norm):
        # "没人种的地原来有多少?": the figure of the time before (一度有…5.3万亩), when the
        # text says one.
        facts = [(f, r) for f, r in facts if _WAS.search(before(f))] or facts
    if _ASKS_EXCESS.search(a.norm):
        # "超标多少分贝?": by how much a limit was passed (超过标准限值17.4分贝), not the
        # level reached (最高达到72.4分贝), when the text says.
        facts = [(f, r) for f, r in facts if _EXCESS.search(before(f))] or facts
    elif a.kind == "number":
        # "警戒水位是多少米?" is not answered by 超过警戒水位1.2米: that is by how much the
        # level was passed, not the level — none else, no line.
        facts = [(f, r) for f, r in facts if not _PASSED_BY.search(before(f))]
        if not facts:
            return NONE

    if a.kind == "number":
        # "血压计那家公司最后罚款多少?": the best passage's story (its case, or its document
        # when it has none) holds the figure when it holds one in the asked measure — not
        # another case's fine that happens to sit in the pool.
        story = (ranked[0].doc_id, ranked[0].case_id)
        facts = [(f, r) for f, r in facts if (by_id[f.passage_id].doc_id,
                                               by_id[f.passage_id].case_id) == story] or facts

    head = possessed(a)
    if head:
        # "恒泰化工的主要负责人罚了多少?": the figure the possessed thing's words describe
        # (对…主要负责人处…60%的罚款), not the possessor's beside it (对恒泰化工…罚款180万元).
        facts = [(f, r) for f, r in facts if any(
            _says(_clause_of(by_id[f.passage_id], f), x, a.norm) for x in head)] or facts

    def fit(item: tuple[FactHit, int]) -> tuple[bool, bool, float, float, bool, float, int]:
        f, rank = item
        p = by_id[f.passage_id]
        body = p.norm
        pos = body.find(f.norm)
        # A dateline's date (新华社联合国1月20日电) is the report's: the place and agency
        # before it describe the report, not what the question asks about — it answers
        # only when no other date is described by the question's words.
        dateline = DATELINE.match(body)
        in_dateline = dateline is not None and pos < dateline.end()
        described = "" if in_dateline else before(f)
        near = "" if in_dateline else described + after(f)
        if a.kind == "when" and not in_dateline:
            # A time set off by itself (今天上午11时50分,…发生里氏6.2级地震) dates the clause
            # after it: that clause describes it.
            head = _CLAUSE_BREAK.split(body[dateline.end() if dateline else 0:pos])[-1]
            tail = _CLAUSE_BREAK.split(body[pos + len(f.norm):])
            if len(tail) > 1 and len(head) + len(tail[0]) <= W.set_off_time_chars:
                near += tail[1]
        s = sum(w for alts, w in weights if any(_says(near, x, a.norm) for x in alts))
        # The thing counted may stand after its modifiers (8名屡教不改的驾驶员): the words
        # after 多少 count anywhere in the rest of the figure's clause.
        rest = _CLAUSE_BREAK.split(body[pos + len(f.norm):])[0]
        s += W.counted_after_share * sum(
            w for alts, w in weights if alts in counted
            and not any(_says(near, x, a.norm) for x in alts)
            and any(_says(rest, x, a.norm) for x in alts))
        # A figure that counts another of the question's things is not the count asked:
        # "经营性自建房查出多少栋危房?" — 3.6万栋经营性自建房 counts the houses checked, the
        # question's scope; 214栋…房屋 the unsafe ones it asks about.
        counted_alts = [x for alts in counted if not any(y in f.norm for y in alts) for x in alts]
        counts_other = bool(counted_alts) and not any(_says(rest, x, a.norm) for x in counted_alts) \
            and any(rest.startswith(x) for u in a.units if u.alts not in counted for x in u.alts
                    if len(x) >= 2)
        # A total asked: of figures the question's words describe alike, the one the
        # text calls a total (校车总数达到186辆, 共计…).
        # (In a table, the row labelled 合计 or 总计 holds the totals: 城市:合计 | …:4380.2万元.)
        said_total = 1.0 if total and (_TOTAL.search(described) or _TOTAL_ROW.match(
            row_label(body, pos))) else 0.0
        # A part of a total, or one place's instance of it, answers only a question about
        # that part or place (顺德区…?), named anywhere before the figure in its sentence.
        # A place the case's own title or section names (三、台州市黄岩区：…) is the
        # case's, not one instance of it.
        sentence = sentence_before(f)
        start = pos - len(sentence)
        said = [x for x in places_in(p) if start <= body.find(x, start) < pos]
        if not any(x in a.norm for x in said):
            if _PART_SENTENCE.match(sentence):
                s -= W.part_figure_penalty
            headings = heading_context(p.doc, p.case_title, p.section)
            if any(_FINER.search(x) and x[0] not in _PREPOSITIONS and x not in headings
                   for x in said):
                s -= W.finer_place_penalty
        named_last = any(re.search(re.escape(x) + _NAMING_GAP, body[max(0, pos - len(x) - 3):pos])
                         for x in last)
        return (not counts_other, named_last, s, said_total, not in_dateline, p.score, -rank)

    f, _ = max(facts, key=fit)
    p = by_id[f.passage_id]
    if p.role in HEADLINES:
        # A headline (中国民航订购7架波音客机) sums up a sentence of its own article, and
        # its few words all stand next to the figure: the sentence saying the same figure
        # with its circumstances is the evidence to quote.
        told = [(g, r) for g, r in facts if g.norm == f.norm
                and by_id[g.passage_id].role not in HEADLINES
                and by_id[g.passage_id].doc_id == p.doc_id
                and by_id[g.passage_id].case_id == p.case_id]
        if told:
            f, _ = max(told, key=fit)
            p = by_id[f.passage_id]
    return Direct(dateline_dropped(clause_around(p, f.norm), f.norm), p)



def begins(body: str, figure: str) -> bool:
    """Whether ``body`` says the date ``figure`` as a beginning (自2024年10月起, 从…开始)."""
    return any(_START_BEFORE.search(body[:at]) or _START_AFTER.match(body[at + len(figure):])
               for at in occurrences(body, figure))


# A quoted name or a title, in a normalised passage (normalising makes “” and 「」 "): short,
# no clause inside — quoted speech (“1月8日是周总理的忌日,我选定这一天…”) says when.
QUOTED = regex.compile(r'"[^",，。;；!！?？"]{1,24}"|《(?:[^《》]|《[^《》]{1,40}》){1,40}》')


def quoted(body: str, figure: str, question: str = "") -> bool:
    """Whether every mention of ``figure`` in ``body`` stands inside a quoted name or a
    title that the (normalised) ``question`` does not name: "哪一年的中国品牌价值评价?"
    asks the year of 跻身"2025中国品牌价值评价" itself."""
    spans = [m.span() for m in QUOTED.finditer(body)
             if not question or body[m.start() + 1:m.end() - 1].replace(figure, "")
             not in question]
    at = occurrences(body, figure)
    return bool(at) and bool(spans) and all(any(s < i < e for s, e in spans) for i in at)


# "X的Y…多少": the possessive before the person the question asks the figure of …
_POSSESSIVE = regex.compile(r"的(?!话)")
_ASKED_FIGURE = regex.compile(r"多少|几")
# … a person by role: a company is fined beside its people (对公司处罚款…,对主要负责人处…).
_PERSON_ROLE = regex.compile(r"(?:人|长|员|者|员工|职工|主任|书记|代表|经理|董事)$")


def possessed(a: Analysis) -> tuple[str, ...]:
    """The spellings of the person a how-many question asks about as someone's (恒泰化工的主要
    负责人罚了多少 → 负责人): the first of its words after the last 的 before 多少/几, when it
    names a person by role and a word of the question stands before that 的; () otherwise
    (…占着床位的医院查出多少家 asks about 医院 itself, described, not someone's)."""
    asked = _ASKED_FIGURE.search(a.norm)
    if asked is None:
        return ()
    marks = [m.end() for m in _POSSESSIVE.finditer(a.norm, 0, asked.start())]
    if not marks:
        return ()
    mark = marks[-1]
    found = [(at, u) for u in a.units if u.known
             for at in [a.norm.find(u.text)] if at >= 0]
    if not any(at + len(u.text) < mark for at, u in found):
        return ()
    heads = sorted((at, u.text, u.alts) for at, u in found if mark <= at < asked.start())
    return heads[0][2] if heads and _PERSON_ROLE.search(heads[0][1]) else ()


def changed_by(words: str, question: str) -> bool:
    """Whether the words before a figure make it a change (增加200元, 下降了3%) that the
    question does not ask about in those words."""
    m = _CHANGE_BEFORE.search(words)
    return m is not None and m.group(1) not in question


def dateline_dropped(line: str, figure: str) -> str:
    """``line`` without the dateline it opens with (新华社北京1月10日电今天上午11时50分 →
    今天上午11时50分), unless the figure is the dateline's own."""
    opening = dateline_end(normalize(line))
    if opening is None or figure in normalize(line[:opening[0]]) or opening[0] >= len(line):
        return line
    # … and the byline after it ((记者孙杰)), which says who reported, not what.
    return line[opening[1]:] or line[opening[0]:]


# Words that date a report's deed by its dateline: a day relative to it, or its own day.
_FILED_DAY = regex.compile(r"今天|今日|昨天|昨日|前天|当天|当日|本月")
_DAY = regex.compile(r"(\d{1,2})日")


def filed_only(body: str, figure: str) -> bool:
    """Whether ``figure`` is the date of the dateline ``body`` opens with (新华社雅温得1月30日电)
    and nothing after it dates a deed by it: no 今天/昨天 …, no 30日 again."""
    m = DATELINE.match(body)
    if m is None or figure not in body[:m.end()]:
        return False
    rest = body[m.end():]
    day = _DAY.search(figure)
    return _FILED_DAY.search(rest) is None and (
        day is None or re.search(rf"(?<!\d){day.group(1)}[日号]", rest) is None)


def _says(near: str, word: str, question: str) -> bool:
    """Whether the words describing a figure say ``word`` — not only negated, as 不合格率
    does not say the 合格 of "合格的占多少?"."""
    if not word or word not in near:
        return False
    if "不" + word in question:
        return True
    return word in near.replace("不" + word, "")


def _clause_of(p: Passage, f: FactHit) -> str:
    """The normalised clause a figure stands in (``""`` if the passage does not hold it)."""
    at = p.norm.find(f.norm)
    return next((p.norm[s:e] for s, e in clause_spans(p.norm) if s <= at < e), "")


def cell_label(text: str, at: int) -> str:
    """A table cell's label, when the figure at ``at`` is the cell's value: the readers
    write a row as 区县:高新区 | 发现隐患(项):574项 | 已整改(项):562项, and the label, not the
    cell before, says what the figure counts (""  when the figure is no cell's value)."""
    if "|" not in text or not text[:at].rstrip().endswith(":"):
        return ""
    return text[:at].rstrip()[:-1].rsplit("|", 1)[-1].strip()


# A table row of totals (合计, 总计, 全省合计).
_TOTAL_ROW = regex.compile(r"^(?:[\u4e00-\u9fff]{0,4}:)?(?:全[省市县区州]|总|全部)?(?:合计|总计|总数)")


def row_label(text: str, at: int) -> str:
    """The first cell of the table row holding offset ``at`` (城市:合计), "" outside a row."""
    if "|" not in text[:at]:
        return ""
    return text.split("|", 1)[0].strip()


def words_before(text: str, at: int) -> str:
    """The words before a figure at ``at`` that describe it — not across a clause break
    (…医疗机构312家,查处…89家: 查处 belongs to the 89) — unless the figure restates the
    clause before (并处违法所得2倍的罚款,即47万元: that clause describes it)."""
    clauses = _CLAUSE_BREAK.split(text[max(0, at - W.figure_words_before):at])
    if len(clauses) > 1 and _RESTATING.fullmatch(clauses[-1]):
        return clauses[-2] + clauses[-1]
    return clauses[-1]


# What opens a figure that restates the clause before it (即47万元, 也就是3成).
_RESTATING = regex.compile(r"即|亦即|也就是|也即|合计|计|共计")


def asks_total(a: Analysis) -> bool:
    """"一共多少辆?", "yigong duoshao": a total is asked."""
    return a.kind == "number" and _ASKS_TOTAL.search(a.norm) is not None


def asks_bound(a: Analysis) -> bool:
    """"单笔最高奖励多少?", "最多能罚多少?": a ceiling, a floor or a figure per single item
    is asked (最高人民法院 names a court, not a ceiling)."""
    return a.kind == "number" and _ASKS_BOUND.search(a.norm) is not None


def _every_figure(clause: str, said: regex.LazyPattern, *, negate: bool = False) -> bool:
    """Whether ``clause`` (normalised) has figures and the words before each match ``said``
    (or, with ``negate``, before none of them)."""
    spots = [m.start() for m in QUANTITY_RE.finditer(clause)]
    hits = [bool(said.search(words_before(clause, at))) for at in spots]
    return bool(spots) and (not any(hits) if negate else all(hits))


def no_bound(a: Analysis, clause: str) -> bool:
    """A ceiling or a figure per item asked and ``clause`` (normalised) gives none of its
    figures as one (兑现举报奖励资金28.6万元 for 单笔最高…): it cannot answer."""
    return asks_bound(a) and _every_figure(clause, _BOUND_SAID, negate=True)


def no_total(a: Analysis, clause: str) -> bool:
    """A total asked and ``clause`` (normalised) gives figures only per unit or as a bound
    (每条最高2000元): it cannot answer, even as a whole clause."""
    return asks_total(a) and _every_figure(clause, _PER_UNIT)


def passed_by_only(a: Analysis, clause: str) -> bool:
    """A level asked and ``clause`` (normalised) gives figures only of how much a named
    level was passed by (超过警戒水位1.2米): it cannot answer, even as a whole clause."""
    return (a.kind == "number" and not _ASKS_EXCESS.search(a.norm)
            and _every_figure(clause, _PASSED_BY))


def joined_only(a: Analysis, clause: str) -> bool:
    """One thing asked alone and ``clause`` (normalised) gives figures only of things joined
    (工资及经济补偿金共计36.8万元): it cannot answer, even as a whole clause."""
    return bool(_ASKS_ALONE.search(a.norm)) and _every_figure(clause, _JOINED_SUM)


__all__ = ["asks_bound", "extract", "joined_only", "no_bound", "no_total", "passed_by_only"]
