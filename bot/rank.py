"""Stage *rank*: each candidate scored by how much of the question it covers.

Units are weighted by rarity (``bot.understand``).  For each candidate the stage measures a
few :class:`Features` — the share of the question's weight the sentence says, the share only
its case title or section heading says (as a place the case is about, or otherwise), BM25's
opinion, and small hints about the kind of sentence — and scores it by their weighted sum
(:data:`RANKING`).  The weights are fitted by ``scripts/fit_rank.py`` (pairwise logistic
regression on the training sets) and live in :mod:`bot.weights`.  Pure: the candidates come
from :mod:`bot.retrieve`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.analysis import Analysis, Kind
from bot.intent import BATCH
from bot.lookup import Lookup
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.figures import QUANTITY_RE, says_a_time
from indexer.normalize import normalize, normalize_many
from indexer.places import places
from indexer.search import PassageHit
from indexer.words import PLACE_TAILS


class Features(NamedTuple):
    """What the ranking weighs for one candidate; its score is Σ weight × feature."""

    body: float  # share of the question's weight the sentence says
    heading: float  # share said only by the case title or section heading above it …
    place: float  # … as a place the case is about (西充县's 一田一档): said for all its sentences
    bm25: float  # BM25's score relative to the best candidate's
    heading_role: float  # 1: the passage is a title or heading (names a topic, says nothing)
    lead_role: float  # 1: the case's lead paragraph (its overview)
    issuing: float  # 1: a who/document question and an issuing sentence (《…》)
    figure: float  # 1: how-many and a figure in the asked measure; when and a date said
    other_batch: float  # 1: 第一批 asked, another batch said
    named_focus: float  # 1: the thing a what/document question names, in 《》 or quotes
    new_place: float  # 1: "在哪?" and the sentence names a place the question does not
    in_charge_lead: float  # 1: "谁负责?" and the case's lead covering most of the question
    focus_said: float  # 1: the sentence says what the question word asks about (第二轮哪天?)


# The weight of each feature, from the table (the sentence's own coverage is the unit).
RANKING = Features(
    body=1.0, heading=W.heading_only_credit, place=W.heading_place_credit, bm25=W.bm25_share,
    heading_role=W.heading_hint, lead_role=W.lead_hint, issuing=W.issuing_hint,
    figure=W.figure_hint, other_batch=W.other_batch_weight, named_focus=W.named_focus_bonus,
    new_place=W.new_place_bonus, in_charge_lead=W.in_charge_lead_bonus,
    focus_said=W.focus_said_bonus)


def score(f: Features, weights: Features = RANKING) -> float:
    """A candidate's score: its features weighed."""
    total = 0.0
    for w, x in zip(weights, f, strict=True):
        total += w * x
    return total


def coverage(f: Features) -> float:
    """How much of the question a candidate says — what "found" is decided on, apart from
    the score that orders candidates: a word only its heading says counts partly."""
    return f.body + W.coverage_heading_credit * f.heading + f.place


def rank(a: Analysis, hits: list[tuple[PassageHit, float]],
         weights: Features = RANKING, before: dict[int, str] | None = None) -> list[Passage]:
    """The candidates as passages, best first (ties by passage id); ``before`` holds what a
    candidate that opens with 此/该/这 refers back to (:func:`referred_to`)."""
    scored = [passage_of(row, score(f, weights), matched, coverage(f))
              for (row, _), (f, matched) in zip(hits, features(a, hits, before), strict=True)]
    scored.sort(key=lambda p: (-p.score, p.id))
    return scored


def features(a: Analysis, hits: list[tuple[PassageHit, float]],
             before: dict[int, str] | None = None) -> list[tuple[Features, list[str]]]:
    """Each candidate's features, with the question's words it says (in ``hits`` order)."""
    before = before or {}
    if not hits:
        return []
    top_bm25 = max(s for _, s in hits) or 1.0
    total = a.total_weight or 1.0
    out: list[tuple[Features, list[str]]] = []
    bodies = normalize_many([row.text for row, _ in hits])
    # Plain loops, not generators: this runs units × candidates times per question.
    units = [(u.alts, u.weight) for u in a.units]
    in_charge = bool(a.frame)
    # "发的是什么告知书?" asks for a 告知书 by name: a sentence naming one
    # (《…告知书》, “…”模式) answers it, whatever else the question says.
    focus = a.focus if a.kind in ("what", "document") else None
    asked = [x for u in a.units for x in u.alts if len(x) >= 2]
    batch = a.intent.batch
    named = (re.compile(rf"《[^》]*{re.escape(focus)}》|”{re.escape(focus)}")
             if focus and len(focus) >= 2 else None)
    if a.intent.defines:
        # "什么叫X?" is answered by the sentence that defines X (所谓X,就是…; X是指…).
        named = defining(a.intent.defines)
    # What the question word asks about (第二轮 of 第二轮哪天下?) — else its last word
    # (纪念邮票设计者, 修订了哪部条例 → 条例): a Chinese noun phrase ends in its head.
    asked_about = next((u.alts for u in a.units if a.focus and u.text == a.focus),
                       (a.focus,) if a.focus else ())
    if not asked_about and a.units:
        asked_about = a.units[-1].alts
    for (row, bm25), body in zip(hits, bodies, strict=True):
        context: str | None = None  # only looked at for units the body lacks
        said = heading = place = 0.0
        matched: list[str] = []
        for alts, weight in units:
            for x in alts:
                if x in body:
                    said += weight
                    matched.append(x)
                    break
            else:
                if context is None:
                    context = heading_context(row.doc_title, row.case_title, row.section_heading)
                    if row.id in before:
                        # 此项工程…总投资4579万元 says what the sentence before named.
                        context = context + " " + before[row.id]
                for x in alts:
                    if x in context:
                        # Named by the case or section it stands under: said, though not
                        # in this sentence.  A place the case is about holds for all its
                        # sentences.
                        if names_place(x, context):
                            place += weight
                        else:
                            heading += weight
                        break
        focus_said = 0.0
        for x in asked_about:
            if x in body:
                focus_said = 1.0
                break
        other = 0.0
        if batch and batch not in body and another_batch(batch, body, context or heading_context(
                row.doc_title, row.case_title, row.section_heading)):
            other = 1.0
        share = (said + W.coverage_heading_credit * heading + place) / total
        role_heading, role_lead, issuing, figure = hints(a.kind, body, row, in_charge,
                                                         a.intent.measures, a.intent.asks_issued)
        out.append((Features(
            body=said / total, heading=heading / total, place=place / total,
            bm25=bm25 / top_bm25, heading_role=role_heading, lead_role=role_lead,
            issuing=issuing, figure=figure, other_batch=other,
            named_focus=1.0 if named is not None and named.search(body) else 0.0,
            new_place=1.0 if a.kind == "where" and any(
                not any(x in p for x in asked) for p in places(body)) else 0.0,
            # Who is in charge of a case is said in its lead paragraph.
            in_charge_lead=1.0 if (in_charge and row.role == "lead"
                                   and share >= W.in_charge_lead_share) else 0.0,
            focus_said=focus_said,
        ), matched))
    return out


@lru_cache(maxsize=256)
def defining(term: str) -> re.Pattern[str]:
    """A sentence defining ``term`` (normalised): 所谓X, X是指, "X",就是, X即…"""
    t = re.escape(term)
    return re.compile(rf'所谓"?{t}|{t}"?,?(?:就是|是指|指的是|系指|即|意思是|的意思是|'
                      rf'是一种|是一个|是指的)')


def another_batch(batch: str | None, body: str, context: str) -> bool:
    """第一批 asked, 第二批 said by the sentence or the headings above it: another batch of
    cases, not the one asked about."""
    if not batch or batch in body or batch in context:
        return False
    return BATCH.search(body + context) is not None


# A year of the calendar written out (1997年), its four digits the group.
YEAR_SAID = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
_RELATIVE_YEAR = regex.compile(r"去年|今年|前年|上年|当年|同年|本年|明年")


def another_year(question: str, body: str, context: str) -> bool:
    """1995年 asked, only 1997年 said by the sentence or the headings above it: a figure of
    another year, not the one asked about (a sentence that names no year may still be)."""
    asked = set(YEAR_SAID.findall(question))
    if not asked:
        return False
    text = body + " " + context
    said = set(YEAR_SAID.findall(text))
    if not said or asked & said:
        return False
    # 去年 in January 1998's news is 1997, said beside 比1996年: a year said relatively is
    # the latest of the sentence, so it may be the asked one only when that is later than
    # every year written out.
    return not (_RELATIVE_YEAR.search(text) and min(asked) > max(said))


# A sentence opening with a demonstrative (此项工程, 该公司, 这部话剧, 上述企业) goes on
# about what the sentence before it named.
_REFERS_BACK = regex.compile(r"^(?:此|该|这|上述|其)")

# A measure's label inside a paragraph (…持续提升执法质效。一是推行"执法+专家"模式。从全市…):
# a short numbered phrase, one clause, naming the measure the sentences after it tell.  It
# names a topic as a heading does, and heads the sentence after it, though the paragraph
# runs on.
LABEL = regex.compile(r"^(?:其)?[一二三四五六七八九十]是[^,，;；:：。!?！？]{2,18}[。;；]?$")


def is_label(text: str) -> bool:
    """Whether ``text`` (normalised or not) is a measure's label (:data:`LABEL`)."""
    return LABEL.match(text.strip()) is not None


def referred_to(hits: list[tuple[PassageHit, float]], searcher: Lookup) -> dict[int, str]:
    """For each candidate that opens with a demonstrative, or follows a measure's label in
    its paragraph, the sentence before it, normalised (one read of the index for all)."""
    by_id = {row.id: row for row, _ in hits}
    # A label that names a word of the question is a candidate itself: no read needed
    # (one that names none adds nothing to what the sentence after it says).
    labelled = [(row.id, prev.text) for row, _ in hits
                if row.role not in HEADLINES and (prev := by_id.get(row.id - 1)) is not None
                and prev.doc_id == row.doc_id and prev.paragraph == row.paragraph
                and is_label(prev.text) and not is_label(row.text)]
    back = [row for row, _ in hits if _REFERS_BACK.match(row.text)]
    rows = searcher.passages([row.id - 1 for row in back]) if back else {}
    pairs = [*labelled, *[(row.id, prev.text) for row in back
                          if (prev := rows.get(row.id - 1)) is not None
                          and prev.doc_id == row.doc_id]]
    return dict(zip([i for i, _ in pairs], normalize_many([t for _, t in pairs]), strict=True))


@lru_cache(maxsize=8192)
def names_place(word: str, context: str) -> bool:
    """Whether ``word`` stands in ``context`` as a place (佛山 in 佛山市…)."""
    pos = context.find(word)
    after = context[pos + len(word):pos + len(word) + 1] if pos >= 0 else ""
    return after in PLACE_TAILS or word[-1:] in PLACE_TAILS


@lru_cache(maxsize=8192)
def heading_context(doc_title: str, case_title: str | None, section_heading: str | None) -> str:
    """A sentence stands under its document's title, its case and its section (normalised;
    cached: the same headings come back question after question)."""
    return normalize(" ".join(filter(None, (doc_title, case_title, section_heading))))


def hints(kind: Kind, body: str, row: PassageHit, in_charge: bool = False,
          measures: tuple[str, ...] = (), issued: bool = False) -> tuple[float, float, float, float]:
    """The kind of sentence, as (heading, lead, issuing, figure) indicators: a heading names a
    topic, a lead is the case's overview, "who issued《…》?" wants the issuing sentence (but
    "who is in charge?" does not) — and "…的通报是谁发的?" the document's title naming its
    issuer (X关于…的通报) —, "how many?" a sentence with a figure — in the asked
    ``measures`` when the question names one (多少钱 → …元) —, "when?" one that dates
    something other than the report (not only 本报北京1月13日讯)."""
    if kind == "who" and issued and row.role == "title" and _ISSUER_TITLE.search(body):
        return (0.0, 0.0, 1.0, 0.0)
    if row.role in HEADLINES or is_label(body):
        return (1.0, 0.0, 0.0, 0.0)
    if row.role == "lead":
        return (0.0, 1.0, 0.0, 0.0)
    if kind in ("who", "document") and "《" in body and not in_charge:
        return (0.0, 0.0, 1.0, 0.0)
    if kind == "number" and (any(m.group(0).endswith(measures) for m in QUANTITY_RE.finditer(body))
                             if measures else re.search(r"\d", body)):
        return (0.0, 0.0, 0.0, 1.0)
    if kind == "when" and says_a_time(DATELINE.sub("", body)):
        return (0.0, 0.0, 0.0, 1.0)
    return (0.0, 0.0, 0.0, 0.0)


# A document's title naming its issuer before 关于 (岚州市应急管理局关于…的通报).
_ISSUER_TITLE = regex.compile(r"^[\u4e00-\u9fff、\s]{2,60}?关于")
# The passages that name a topic rather than say something: a title, a case title, a heading.
HEADLINES = frozenset({"title", "case_title", "heading"})

# A news dateline (本报北京1月13日讯, 据新华社华盛顿1月19日电): the date of the report.
DATELINE = regex.compile(r"^(?:据)?(?:本报|新华社|中新社)[^,:;。]{0,24}?[电讯]")
# … and the reporter's byline after it ((记者孙杰), 记者刘华新报道:): who reported, not what.
BYLINE = regex.compile(r"[(（]?记者[^,，:：)）]{0,12}(?:报道)?[)）]?[:：]?")


def dateline_end(norm: str) -> tuple[int, int] | None:
    """Where the news dateline a (normalised) text opens with ends (本报北京1月14日讯), and
    where the reporter's byline after it ends (记者刘华新报道:) — the same offset when there
    is none; None when the text opens with no dateline."""
    m = DATELINE.match(norm)
    if m is None:
        return None
    byline = BYLINE.match(norm, m.end())
    return m.end(), byline.end() if byline else m.end()


__all__ = ["BYLINE", "DATELINE", "HEADLINES", "RANKING", "YEAR_SAID", "Features", "another_batch", "another_year", "coverage", "dateline_end", "features", "heading_context", "hints", "names_place", "rank",
           "score"]
