"""Stage *narrow*: keep the passages that can answer the kind of question asked.

After ranking and before the found decision: a how-many question keeps sentences holding
a figure in the asked measure, a when-question a date, "哪家企业?" a sentence naming a
business; "怎么做的?" about a whole case puts the case's overview (its lead) first.
"""

from __future__ import annotations

from dataclasses import replace

from bot.analysis import Analysis
from bot.extract.business import POINTED_BUSINESS
from bot.extract.facts import ORDINAL, facts_for, names_a_day, said_in
from bot.lookup import Lookup
from bot.places import asked_places, none_named, said_by
from bot.rank import heading_context
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from corpus import regex
from corpus.lines import cn_number
from indexer.figures import CLOCK_RE
from indexer.normalize import normalize
from indexer.words import COMPANY_SUFFIXES

_COMPANY = regex.compile(r"[\u4e00-\u9fff]{2,}(" + "|".join(COMPANY_SUFFIXES) + ")")


def narrow(a: Analysis, ranked: list[Passage], searcher: Lookup) -> list[Passage]:
    """The passages that can answer this kind of question, best first."""
    ranked = same_ordinal(a, ranked)
    if a.kind in ("number", "when") and not a.intent.asks_phone:
        # (A telephone number is no count: "hotline number?" is read by the extractor.)
        ranked = with_answer_type(a, ranked, searcher)
    elif a.kind == "who" and a.intent.asks_company:
        # "哪家企业?" is answered only by a sentence that names a business — or points back
        # (此外,该公司未开设…) at one the sentence before names.
        pool = ranked[:W.answer_pool_size]
        pointing = [p for p in pool if POINTED_BUSINESS.search(p.norm)
                    and not _COMPANY.search(p.norm)]
        before = searcher.passages([p.id - 1 for p in pointing]) if pointing else {}
        ranked = [p for p in pool if _COMPANY.search(p.norm) or (
            (prev := before.get(p.id - 1)) is not None and prev.doc_id == p.doc_id
            and _COMPANY.search(normalize(prev.text)) is not None)]
    if a.kind == "what" and a.intent.how_done:
        ranked = case_overview(a, ranked, searcher)
    elif a.kind == "what" and a.intent.asks_cause:
        ranked = with_cause(ranked)
    if a.intent.case_asked is not None:
        ranked = in_asked_case(a.intent.case_asked, ranked)
    return with_case_openings(a, ranked, searcher)


# The round, edition or stage a question or a sentence names (第二轮, 第十二届, 首轮, 最后一轮).
_ORDINAL = regex.compile(r"(?:第([一二三四五六七八九十百零〇两0-9]{1,5})|(首)|(最后一|末))"
                      r"(轮|届|期|场|局|季|阶段)")


def ordinals(norm: str) -> set[tuple[str, int]]:
    """The (counter, number) pairs ``norm`` names; the last of a series is number 0."""
    return {(m.group(4), 1 if m.group(2) else 0 if m.group(3) else cn_number(m.group(1)))
            for m in _ORDINAL.finditer(norm)}


def same_ordinal(a: Analysis, ranked: list[Passage]) -> list[Passage]:
    """"第二轮哪天下?": a sentence about another round of it (首轮, 最后一轮) and not this one
    tells of another event — left out when a candidate names the asked one."""
    asked = ordinals(a.norm)
    if not asked:
        return ranked
    pool = ranked[:W.typed_pool_size]
    said = {p.id: ordinals(p.norm) for p in pool}
    other: set[int] = set()
    for counter, number in asked:
        if not any((counter, number) in said[p.id] for p in pool):
            continue  # no candidate names the asked one: nothing to tell them apart by
        other |= {p.id for p in pool if (counter, number) not in said[p.id]
                  and any(c == counter for c, _ in said[p.id])}
    return [p for p in ranked if p.id not in other]


def in_asked_case(number: int, ranked: list[Passage]) -> list[Passage]:
    """"案例一想说明什么?", "第三个案例罚了多少?": only the passages of case ``number``, in
    their order — when the best candidates hold any (a document without that case leaves
    the ranking as it is)."""
    inside = [p for p in ranked[:W.typed_pool_size] if p.case == number]
    return inside or ranked


# A sentence giving a cause: 直接原因是, 导致, 引发, 由于, 所致.
_CAUSE = regex.compile(r"原因|导致|引发|引起|致使|由于|因为|起因|所致|诱因")


def gives_cause(p: Passage) -> bool:
    """Whether ``p`` gives a cause: says one (原因是, 导致) or stands under a heading of causes
    (原因分析)."""
    return bool(_CAUSE.search(p.norm)) or "原因" in normalize(p.section or "")


def with_cause(ranked: list[Passage]) -> list[Passage]:
    """"为什么会炸?", "火是怎么烧起来的?": the sentences giving a cause first — of those that
    answer as well as the best match does, or go on with its case saying nearly as much
    (起火原因为…, under a case titled by the fire).  A cause taken from the case is lifted
    to the found threshold, as a figure continuing it is (:func:`with_answer_type`)."""
    if not ranked:
        return ranked
    best = ranked[0]
    same_case = best.case_id is not None
    causes = [p if p.covers >= W.found_threshold
              else replace(p, score=max(p.score, W.found_threshold), coverage=W.found_threshold)
              for p in ranked[:W.typed_pool_size] if gives_cause(p) and (
                  p.covers >= W.found_threshold or (
                      same_case and p.case_id == best.case_id
                      and p.covers >= best.covers - W.cause_case_slack))]
    # A sentence saying the cause (直接原因是, 导致) before one only standing under 原因分析.
    causes.sort(key=lambda p: _CAUSE.search(p.norm) is None)
    held = {p.id for p in causes}
    return [*causes, *[p for p in ranked if p.id not in held]] if causes else ranked


def with_case_openings(a: Analysis, ranked: list[Passage], searcher: Lookup) -> list[Passage]:
    """The best candidates of numbered cases that name none of the places the question
    asks, with their case's opening sentences (:attr:`Passage.opening`): the found stage
    reads them for the places a case is about."""
    pool = ranked[:W.answer_pool_size]
    asked = asked_places(a, said_by(pool))
    if not asked:
        return ranked
    unnamed = [p for p in pool
               if none_named(asked, p.norm + " " + heading_context(p.doc, p.case_title,
                                                                     p.section))]
    if not unnamed:
        return ranked
    numbered = [p for p in unnamed if p.case is not None and p.case_id is not None]
    openings = {c: normalize(" ".join(r.text for r in searcher.case_passages(c, ("lead",))
                                      [:W.case_opening_sentences]))
                for c in {p.case_id for p in numbered if p.case_id is not None}}
    # …and of its section, which may name the place in its first sentence (（一）查处夜间
    # 违规施工。婺城区城北街道某住宅项目… then 该工地夜间噪声…).
    sections = {s: normalize(" ".join(r.text for r in searcher.section_passages(s)
                                      [:W.case_opening_sentences + 1]))
                for s in {p.section_id for p in numbered if p.section_id is not None}}
    # A report that is one story (no numbered cases: news, an interview) is about the
    # place its opening names — the subtitle, the dateline, the lead (——访安庆市…局长;
    # 新华社合肥3月14日电) — in every sentence, a turn of the interview included.
    heads = searcher.document_openings({p.doc_id for p in unnamed if p.case is None},
                                       W.story_opening_passages)
    stories = {d: normalize(" ".join(r.text for r in rows)) for d, rows in heads.items()}
    return [replace(p, opening=" ".join(filter(None, (openings.get(p.case_id, ""),
                                                      sections.get(p.section_id or -1, "")))))
            if p.case is not None and p.case_id in openings
            else replace(p, opening=stories[p.doc_id])
            if p.case is None and p.doc_id in stories else p for p in ranked]


def with_answer_type(a: Analysis, ranked: list[Passage], searcher: Lookup) -> list[Passage]:
    """For how-many and when questions, only passages holding such a value can answer.

    "昌吉州有多少家小饭桌?" is not answered by a sentence about 小饭桌 that
    names no number of 家: the honest answer is "not covered".
    """
    pool = [p for p in ranked[:W.typed_pool_size] if p.covers >= W.found_threshold]
    if not pool:
        return weakly_typed(a, ranked, searcher)
    # A sentence that goes on with the best match's case (南昌…平台 ; 一是建立规则库,
    # …知识规则126条) lacks the words its case already said: nearly as good.
    # (Ranked by score, not coverage: such a sentence may stand before the best match.)
    pool += [p for p in ranked[:W.typed_pool_size]
             if W.found_threshold - W.same_case_slack <= p.covers < W.found_threshold
             and p.case_id is not None and p.case_id == pool[0].case_id]
    held = holding(a, pool, searcher)
    typed = [p if p.covers >= W.found_threshold
             else replace(p, score=max(p.score, W.found_threshold), coverage=W.found_threshold)
             for p in pool if p.id in held]
    if not typed:
        after = following(a, pool[0], searcher)
        held = holding(a, after, searcher)
        typed = [p for p in after if p.id in held]
    return [*typed, *[p for p in ranked if p.id not in held]] if typed else []


def holding(a: Analysis, passages: list[Passage], searcher: Lookup) -> set[int]:
    """The ids of ``passages`` that hold a fact of the asked type: a figure in the asked
    measure for a how-many question, a date for a when question — a day for "哪天开工?"
    ("2023年以来" says none), a time of day for "几点发生的?" ("1月10日" says none)."""
    kind = "date" if a.kind == "when" else "quantity"
    units = a.intent.measures if a.kind == "number" else ()
    day = a.kind == "when" and a.intent.asks_day
    clock = a.kind == "when" and a.intent.asks_clock
    return {f.passage_id for f, _ in facts_for(searcher, [kind], passages,
                                                limit=W.typed_pool_size)
            if typed_fact(f.norm, units, a.intent.asks_ordinal, day, clock)}


def weakly_typed(a: Analysis, ranked: list[Passage], searcher: Lookup) -> list[Passage]:
    """No strong match: the weak ones the found model still accepts must hold the asked
    type too (a 0.52 match of "出动了几架直升机?" naming only 9个小时 answers nothing) —
    first if they do, none if none does; nothing is raised to a strong match."""
    pool = [p for p in ranked[:W.typed_pool_size] if p.covers >= W.weak_match_floor]
    if not pool:
        return ranked
    held = holding(a, pool, searcher)
    typed = [p for p in pool if p.id in held]
    return [*typed, *[p for p in ranked if p.id not in held]] if typed else []


def typed_fact(norm: str, units: tuple[str, ...], ordinal: bool, day: bool,
               clock: bool = False) -> bool:
    """Whether a fact (normalised) is of the asked type: in an asked measure, an ordinal
    only when one is asked, a day when a day is asked, a time of day when one is asked."""
    clocked = CLOCK_RE.search(norm) is not None
    if day and clock:
        timed = names_a_day(norm) or clocked  # 哪天几点: the day and the time are two facts
    else:
        timed = (not day or names_a_day(norm)) and (not clock or clocked)
    return ((not units or any(said_in(norm, u) for u in units))
            and (ordinal or not ORDINAL.match(norm)) and timed)


def following(a: Analysis, best: Passage, searcher: Lookup) -> list[Passage]:
    """The sentences right after the best match that say what it lacks.

    "首都机场搞雷达管制花了多少钱?": the best match names the airport and the radar control,
    the next sentence goes on "共投资了3亿元" — together they say every word of the
    question, the figure only the second.  Such a sentence (of the same document, at most
    :attr:`Weights.following_sentences` after) is a candidate for the figure or the date
    when it says a word the best match lacks and the two together say nearly all."""
    rows = searcher.passages(list(range(best.id + 1, best.id + 1 + W.following_sentences)))
    total = a.total_weight or 1.0
    out: list[Passage] = []
    for i in range(best.id + 1, best.id + 1 + W.following_sentences):
        row = rows.get(i)
        if row is None or row.doc_id != best.doc_id:
            break
        body = normalize(row.text)
        adds = [u for u in a.units if not any(x in best.norm for x in u.alts)
                and any(len(x) >= 2 and x in body for x in u.alts)]
        said = sum(u.weight for u in a.units
                   if any(x in best.norm or (len(x) >= 2 and x in body) for x in u.alts))
        if adds and said >= W.following_coverage * total:
            out.append(replace(passage_of(row, max(best.score, W.found_threshold), [],
                                          max(best.covers, W.found_threshold)),
                               carried=best.norm))
    return out


def case_overview(a: Analysis, ranked: list[Passage], searcher: Lookup) -> list[Passage]:
    """"湘潭市的医养结合怎么做的?" asks about a whole case: its lead paragraph answers.

    When the best passage's case title holds (nearly) all the question's
    words, the question names the case, and the lead is its overview.
    """
    if not ranked or ranked[0].case_id is None or not ranked[0].case_title:
        return ranked
    title = normalize(ranked[0].case_title)
    covered = sum(u.weight for u in a.units if any(x in title for x in u.alts))
    if covered < W.case_title_share * (a.total_weight or 1.0):
        return ranked
    lead = next((r for r in searcher.case_passages(ranked[0].case_id)
                 if r.role == "lead"), None)
    if lead is None:
        return ranked
    top = passage_of(lead, max(ranked[0].score, W.found_threshold), [],
                     max(ranked[0].covers, W.found_threshold))
    return [top, *[p for p in ranked if p.id != lead.id]]


__all__ = ["case_overview", "narrow", "with_answer_type"]
