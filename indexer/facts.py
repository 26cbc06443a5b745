"""Facts extracted at index time: who issued which document, and the entities a passage names.

General patterns of Chinese government announcements, not of any one file:

* issuance — ``X出台《Y》``, ``X制定《Y》``, ``X、Z联合印发《Y》``,
  ``X联合Z、W印发《Y》``, ``修订《Y》``, ``牵头起草的…办法``.  A clause without a
  subject takes the nearest preceding subject in its section, else the
  subject of its case's lead paragraph.
* entities — authorities (…厅/…局/…部门/州政府), places (:mod:`indexer.places`), 《》
  documents with their kind, quoted measures and slogans, and the batches, dates and
  quantities with units a passage says (:mod:`indexer.figures`).

Everything works on normalised text; offsets equal the original's, so the
stored strings are sliced from the ORIGINAL passage (quoted as written).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from corpus import regex
from indexer.figures import NEEDS as FIGURE_NEEDS
from indexer.figures import figure_facts, matches
from indexer.normalize import normalize
from indexer.places import JOINING_VERBS, VERB_LEAD, known_places, places
from indexer.terms import QUOTED_RE, TITLE_RE, TITLE_TEXT, organisations
from indexer.words import DOC_KINDS, ISSUING_ACTIONS

if TYPE_CHECKING:
    from corpus.model import Document
    from indexer.passages import PassageSpec

_CJK = "\u4e00-\u9fff"

# How the name of a body a clause opens with ends (and not 厅级, 局长).
_BODY_END = "委员会|办公室|办公厅|政府|中心|支队|大队|总队|法院|检察院|厅|局|委"
_ORG_HEAD_RE = regex.compile(
    rf"^([{_CJK}、和及]{{1,40}}?(?<![格布大结全开当])(?:等部门|部门|单位|机关|{_BODY_END}))"
    r"(?![级长])")
# …and another written right after it, not a partner joined to it (市民政局会同公安局).
_ORG_MORE_RE = regex.compile(
    rf"(?!{JOINING_VERBS}|[和与及同向对在将把被等])[{_CJK}]{{1,4}}?(?:{_BODY_END})(?![级长])")
# What no name holds: a pronoun opening it, a verb's aspect (了, 着), a party to a case, a
# preposition (被告人在渔政部门监督下: the defendants, at the department's).
_NO_NAME = regex.compile(r"^(?:他|她|我|你|它|咱)|[了着]|被告|当事人|嫌疑人|(?<!所)在(?!线)")
# A figure right after a name: the name is what was counted (单位1432家, 企业37家).
_COUNT_AFTER = regex.compile(r"\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千万]+)[余多]?"
                          r"[家个所名位批座人件起项条处户]")
_ADVERBS = regex.compile(r"^(?:并|同时|同步|还|也|已|先后|进一步|积极|主动|率先|首次|近年来|目前|此外|"
                         r"随即|随后|立即|当即|及时|迅速|依法|第一时间|因此|为此|对此)+")
# What an authority's name ends with — a body's ending, not a 中心's (a company, 建设单位 or
# 总包单位 is none) …
_AUTHORITY_END = regex.compile(rf"(?:{_BODY_END}|部门|机关|派出所|管理处|执法队)$")
# … and the verbs of a sanction, which an authority takes (约谈, 责令, 督促其…).
_SANCTION_LEAD = regex.compile(r"^(?:约谈|责令|督促|通报|查处|处以|给予|作出|移送|立案|暂扣|吊销|没收|"
                               r"罚款|对其)")  # (依法 is one of the _ADVERBS stripped first)


def is_authority(name: str) -> bool:
    """Whether ``name`` (normalised) is a public authority by its ending (市劳动保障监察支队,
    县政府, 等部门) — not a business or a party to a case (建设单位, 某置业有限公司)."""
    return bool(name) and _AUTHORITY_END.search(name) is not None and not name.endswith(
        ("单位", "公司", "中心"))


# A clause opening with its verb has no subject of its own (同时约谈了…负责人, 随即约谈建设单位):
# what ends in 政府 or 单位 there is the object, and the actor is the one said before.
_ACTION_LEAD = regex.compile(r"^(?:约谈|责令|落实|协助|帮助|敦促|提醒|告知|走访|通报|查处|处以|给予|作出|启动|印发|出台|下达|移送|"
                             r"立案|暂扣|吊销|没收|罚款)|^[\u4e00-\u9fff]{1,3}了(?![解结])")


@dataclass(frozen=True)
class Fact:
    index: int  # into the document's passage list
    kind: str  # issuance | org | place | document | measure | quantity
    subject: str | None
    action: str | None
    object: str | None
    norm: str



def doc_kind(title: str) -> str | None:
    """条例/意见/通知/… from a document title, or None."""
    for kind in sorted(DOC_KINDS, key=len, reverse=True):
        if title.endswith(kind):
            return kind
    return None




def clause_subject(clause: str) -> str | None:
    """The authority or place a clause opens with, if any (e.g. 自治区市场监管局 / 巴州)."""
    # A list item's number (4. 县市场监管局对…) is no part of its subject.
    clause = _ITEM_NUMBER.sub("", clause.strip())
    if _CONSENT.match(clause):
        return None  # 经县政府同意: who approved, not who acts (the issuer does)
    # 由县政府统筹: the actor 由 or 经 introduces opens the clause.
    body = _BY.sub("", _ADVERBS.sub("", clause))
    if VERB_LEAD.match(body):
        return None  # 会同章贡区住建局…: a partner, the actor is named before the clause
    if _ACTION_LEAD.match(body):
        return None
    # A conjoined list counts as one subject: 自治区市场监管、农业农村、公安等部门.
    m = _ORG_HEAD_RE.match(body)
    if m:
        end = m.end()
        # Bodies written together are one actor: 县纪委监委, 县委县政府, 省委办公厅.
        while more := _ORG_MORE_RE.match(body, end):
            end = more.end()
        # 共排查持证排污单位1432家: what was counted, not who acts; 他们还进一步强化了分局
        # (住房管理): a clause, not a name.
        if _COUNT_AFTER.match(body, end) or _NO_NAME.search(body[m.start(1):end]):
            return None
        return body[m.start(1):end]
    m = _PLACE_HEAD_RE.match(body)
    if m:
        return m.group(1)
    # A known place the clause opens with (longest first: 昌吉州 before 昌吉).
    for size in _place_lengths():
        if len(body) > size and body[:size] in known_places():
            return body[:size]
    return None


# The number a list item opens with: 4. / 4、 / (4) / (四) / 四是.  (Not the pattern
# bot.extract.clauses leaves off an answer line: that one keeps 一是, which an answer's
# clause may open with, and drops 三、; one pattern for both changes answers.)
_ITEM_NUMBER = regex.compile(r"^(?:[0-9]{1,2}[、.．](?![0-9])|[(（][0-9一二三四五六七八九十]{1,3}[)）]|"
                             r"[一二三四五六七八九十]是[，,:：]?)\s*")
# A clause of consent alone (经县政府同意, 经市政府批准): the body that consented does not act.
_CONSENT = regex.compile(r"^经[\u4e00-\u9fff]{2,20}?(?:同意|批准|授权|审定|认可)$")
# 由/经 introduce an actor (not 由于, 经济, 经营…), and so does a passive's 被 (被县纪委监委问责;
# not 被告, 被害人); 因/由于 a cause, whose own subject follows (因总包单位未结算…).
_BY = regex.compile(r"^(?:由(?![于此])|经(?![济营贸验历过常费信])|被(?![告害服子褥迫动捕执])|"
                    r"因为|因(?![此而素])|由于)")
# A place the clause opens with; not a preposition's object (在巴州, 对该县, 向市里).
_PLACE_HEAD_RE = regex.compile(rf"(?![对向在被将把从据])([{_CJK}]{{1,4}}?(?:州|市|县|盟))(?=[{_CJK}])")


@lru_cache(maxsize=1)
def _place_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in known_places()}, reverse=True))


def _actor_before(clause_head: str) -> str | None:
    """The actor written before an action verb inside one clause."""
    head = _ADVERBS.sub("", clause_head.strip())
    if not head:
        return None
    head = re.sub(r"(联合|会同)$", "", head)
    head = head.replace("联合", "、").replace("会同", "、")
    orgs = organisations(head)
    if orgs:
        start = head.find(orgs[0])
        return head[start:].strip("、")
    return clause_subject(head)


def extract(doc: Document, specs: Sequence[PassageSpec], norm: Sequence[str]) -> list[Fact]:
    """All facts of one document; ``norm[i]`` is the normalised text of ``specs[i]``."""
    facts: list[Fact] = []
    lead_subject: dict[int | None, str | None] = {}
    last_subject: dict[tuple[int | None, int | None, int | None], str | None] = {}
    # The last authority among them: who takes a sanction the text leaves its actor out of.
    last_authority: dict[tuple[int | None, int | None, int | None], str] = {}
    for i, (spec, text) in enumerate(zip(specs, norm, strict=True)):
        original = spec.text
        clauses = _clauses(text)
        subjects = [clause_subject(clause) for _, clause in clauses]
        first = next((subj for subj in subjects if subj), None)
        if spec.role == "lead" and spec.case not in lead_subject:
            lead_subject[spec.case] = _orig(original, text, first) if first else None
        scope = _scope(doc, spec)
        facts.extend(entities(i, text, original))
        for (clause_start, clause), subj in zip(clauses, subjects, strict=True):
            for verb_pos, verb in _verbs(clause):
                objects = _objects_after(clause, verb_pos + len(verb), clause_start, original)
                if not objects:
                    continue
                actor = _actor_before(clause[:verb_pos])
                actor_orig: str | None
                if actor:
                    actor_orig = "、".join(_orig(original, text, a) for a in actor.split("、"))
                else:
                    actor_orig = last_subject.get(scope) or lead_subject.get(spec.case)
                vstart = clause_start + verb_pos + (2 if verb.startswith("联合") else 0)
                action = original[vstart:clause_start + verb_pos + len(verb)]
                for title in objects:
                    facts.append(Fact(i, "issuance", actor_orig, action, title,
                                      _norm_key(text, original, title)))
                if actor:
                    last_subject[scope] = actor_orig
            if subj:
                said = _orig(original, text, subj)
                last_subject[scope] = said
                if is_authority(subj) and said:
                    last_authority[scope] = said
        # Who acts in this sentence: its own opening subject, else the section's,
        # else the case lead's — answers "who" for sentences that omit it.
        # Stored only when inherited: a sentence's own subject is read off it at answer time.
        own = first if spec.role not in ("title", "case_title") else None
        inherited = None if own else (last_subject.get(scope) or lead_subject.get(spec.case))
        if not own and clauses and _SANCTION_LEAD.match(
                _ADVERBS.sub("", clauses[0][1].strip())) and not is_authority(inherited or ""):
            # 经核查,建设单位…拖欠…。随即约谈建设单位,督促其…: the offender was the last
            # subject; the one who sanctions is the authority said before it (…支队接到投诉后…).
            lead = lead_subject.get(spec.case)
            inherited = last_authority.get(scope) or (
                lead if lead and is_authority(lead) else None) or inherited
        if inherited:
            facts.append(Fact(i, "subject", inherited, None, None, normalize(inherited)))
        # "《X》(以下简称《Y》)": Y is an alias of X.
        for m in matches(_ALIAS_RE, text, NEEDS):
            facts.append(Fact(i, "alias", original[m.start(2):m.end(2)], None,
                              original[m.start(1):m.end(1)], m.group(2)))
        # "X《Y》(以下简称…)印发以来": the actor precedes the title, the verb follows it.
        for m in matches(_TITLE_THEN_VERB, text, NEEDS):
            actor = _actor_before(m.group(1))
            if actor:
                o = m.start(2)
                facts.append(Fact(i, "issuance",
                                  "、".join(_orig(original, text, a) for a in actor.split("、")),
                                  original[m.start(4):m.end(4)], original[o:o + len(m.group(2))],
                                  m.group(2)))
    return facts


def _scope(doc: Document, spec: PassageSpec) -> tuple[int | None, int | None, int | None]:
    """Where a sentence's actor carries over to the next sentences that leave it out: its
    section (一是…, (一)…), or its paragraph in a section no heading opens (a news article,
    whose paragraphs each say who acts)."""
    if spec.case is None or spec.section is None:
        return (spec.case, spec.section, None)
    section = doc.cases[spec.case].sections[spec.section]
    return (spec.case, spec.section,
            None if section.marker or section.heading else spec.paragraph)


_ALIAS_RE = regex.compile(rf"《({TITLE_TEXT}{{2,60}})》\((?:以下)?简称\s*《?([^《》()]{{1,20}})》?\)")


# (Not a title an event is named after: …联合举行《测绘法》颁布五周年座谈会 issues nothing.)
_TITLE_THEN_VERB = regex.compile(
    rf"([^,,。;;::《》]{{1,30}}?)(?<!举行|召开|庆祝|纪念)《({TITLE_TEXT}{{2,60}})》(\([^()]{{0,30}}\))?"
    r"(印发|出台|发布|颁布|施行)(?![0-9一二三四五六七八九十百]*周年)")


def clause_spans(norm: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each clause of normalised text: split at , ; : 。 ! ? and a table's
    | outside 《》, brackets and quotes.  Offsets hold for the original text too."""
    spans: list[tuple[int, int]] = []
    start = depth = 0
    quoted = False
    # Only the characters that open, close or split matter: visit just those.
    for m in _CLAUSE_MARKS.finditer(norm):
        ch = m.group()
        if ch in "《(":
            depth += 1
        elif ch in "》)":
            depth = max(0, depth - 1)
        elif ch == '"':  # both “ and ” normalise to ": a toggle
            quoted = not quoted
        elif depth == 0 and not quoted:
            i = m.start()
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(norm)))
    return [(s, e) for s, e in spans if norm[s:e].strip()]


# | separates the cells of a table row (with_table_headers writes them so).
_CLAUSE_MARKS = regex.compile(r'[《()》",;:。!?|]')


def _clauses(text: str) -> list[tuple[int, str]]:
    return [(s, text[s:e]) for s, e in clause_spans(text)]


_ANY_ACTION = regex.compile("|".join(ISSUING_ACTIONS))


def _verbs(clause: str) -> list[tuple[int, str]]:
    if not _ANY_ACTION.search(clause):  # most clauses: no need to try every verb
        return []
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for verb in sorted(ISSUING_ACTIONS, key=len, reverse=True):
        for m in re.finditer(verb, clause):
            if m.start() in taken or _inside_title(clause, m.start()):
                continue
            found.append((m.start(), verb))
            taken.update(range(m.start(), m.end()))
    return sorted(found)


def _inside_title(text: str, pos: int) -> bool:
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _objects_after(clause: str, pos: int, clause_start: int, original: str) -> list[str]:
    """Titles right after a verb: 《A》《B》, 《A》和《B》, …专项法规《A》, 的…办法."""
    rest = clause[pos:]
    titles: list[str] = []
    last_end = 0
    m = re.match(r"[^《》]{0,16}?《", rest)
    if m:
        for t in TITLE_RE.finditer(rest):
            between = rest[:t.start()] if not titles else rest[last_end:t.start()]
            if titles and not re.fullmatch(r"\s*(?:、|和|及|与|以及|,)?\s*", between):
                break
            o = clause_start + pos + t.start(1)
            titles.append(original[o:o + len(t.group(1))])
            last_end = t.end()
        return titles
    # An untitled document: 牵头起草的管理暂行办法 / 制定实施方案.
    kinds = "|".join(sorted(DOC_KINDS, key=len, reverse=True))
    m = re.match(rf"(?:的|了)?([{_CJK}]{{2,14}}?(?:{kinds}))", rest)
    if m and len(m.group(1)) >= 4:
        o = clause_start + pos + m.start(1)
        return [original[o:o + len(m.group(1))]]
    return []


def entities(i: int, text: str, original: str) -> list[Fact]:
    """The place, document, measure, quantity and date facts of passage ``i`` (``text``
    normalised, ``original`` as written)."""
    out: list[Fact] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, norm: str, obj: str | None = None) -> None:
        if (kind, norm) in seen:
            return
        seen.add((kind, norm))
        out.append(Fact(i, kind, _orig(original, text, norm), None, obj, norm))

    for place in places(text):
        add("place", place)
    for m in matches(TITLE_RE, text, NEEDS):
        add("document", m.group(1), doc_kind(m.group(1)))
    for m in matches(QUOTED_RE, text, NEEDS):
        add("measure", m.group(1))
    for kind, figure in figure_facts(text):
        add(kind, figure)
    return out


# What each pattern of :func:`entities` cannot match without: a text holding none of these
# pieces is not searched.  Most sentences have no 《, 批 or 月, and the facts pass is most of
# parsing's time (tests/indexer/test_fact_guards.py holds every pattern to its pieces).
NEEDS: dict[regex.LazyPattern, tuple[str, ...]] = {
    TITLE_RE: ("《",), QUOTED_RE: ('"',), _ALIAS_RE: ("简称",), _TITLE_THEN_VERB: ("《",),
    **FIGURE_NEEDS,
}


def _orig(original: str, norm: str, piece: str) -> str:
    """``piece`` (normalised) as written in the original (same offsets)."""
    pos = norm.find(piece)
    return original[pos:pos + len(piece)] if pos >= 0 else piece


def _norm_key(norm: str, original: str, orig_piece: str) -> str:
    pos = original.find(orig_piece)
    return norm[pos:pos + len(orig_piece)] if pos >= 0 else orig_piece
