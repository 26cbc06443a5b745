"""Extractor *who*: the authority that did what the question asks about.

"谁牵头抓总?", "哪些部门联合开展的?", "除了市场监管,还有谁?": the actor named in the
clause that answers, else the sentence's own subject as resolved at index time, else
an actor named in an earlier clause.  "哪个部门修订了《…》?" asks who issued a
document: the issuance facts answer (:mod:`bot.extract.document`).
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.extract.business import business
from bot.extract.clauses import (
    IN_CHARGE,
    JOINT,
    Acceptable,
    actors,
    as_written,
    best_clause,
    deed_words,
    earlier_actor,
    in_charge_clause,
    joint_clause,
)
from bot.extract.direct import NONE, Direct
from bot.extract.document import inherited_from_lead, issuance_pool, issued, lead_note
from bot.extract.facts import facts_for
from bot.extract.naming import PIVOT as _PIVOT
from bot.extract.naming import fuller_name, named_after_role, pivoted, says_body_asked
from bot.extract.person import holder, is_a_body, named_person, referred_to, with_officer
from bot.lookup import Lookup
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.facts import clause_spans, clause_subject
from indexer.normalize import normalize, normalize_many, occurrences
from indexer.people import asked_post
from indexer.places import places
from indexer.terms import organisations
from indexer.words import BODY_SUFFIXES, COMPANY_SUFFIXES, DEPARTMENT_SUFFIXES


def extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """Who did it: the person in the asked post when the question names one (市长是谁),
    an issuer when it is about issuing, else an actor — a body, a place, a post (县长) or a
    person a role names (领队张雄); a fragment such as 由县 is no answer."""
    found = _extract(a, ranked, searcher)
    if found.answer is not None and found.evidence is not None and deed_unsaid(a, found.evidence):
        # "哪个单位立案侦查的?" met first by the court that sentenced: a passage covering
        # nearly as much that says the deed is read instead.
        floor = ranked[0].covers - W.deed_slack
        saying = [p for p in ranked[1:W.answer_pool_size]
                  if p.covers >= floor and not deed_unsaid(a, p)]
        if not saying:
            return NONE
        found = _extract(a, saying, searcher)
        if found.answer is None or found.evidence is None or deed_unsaid(a, found.evidence):
            return NONE
    if found.answer is not None and found.evidence is not None and _POINTER.match(
            normalize(found.answer)):
        return pointed_at(found.answer, found.evidence, searcher)
    if not _PIVOT.search(a.norm):
        found = pivoted(found, deed_alts(a))  # unless it asks who had it done (谁组织的)
    found = fuller_name(named_after_role(found), searcher)
    if found.answer is not None and _TAKES_POST.search(a.norm) and places(
            normalize(found.answer)) == [normalize(found.answer)]:
        return NONE  # "谁出任了总裁?" asks for a person: 昆明市 is no answer
    if found.answer is not None and asked_post(a.norm) is None and not says_body_asked(
            a.intent.body_named, a.units, normalize(found.answer), whole=False):
        # "移交给哪个公安部门?" is not answered by 安全生产监督管理局 (a person asked, 哪个局的
        # 局长是谁, is answered by the name).
        return NONE
    return found


# A partner the question names to ask for the other (跟交警大队一起…的是哪个部门).
# (会同农业农村局搞的, 联合公安开展的: the partner needs no 一起.)
_PARTNER_ASKED = regex.compile(r"(?:跟|和|与|同)([\u4e00-\u9fff]{2,12}?)(?:一起|一道|共同|联合|一块)|"
                               r"(?:会同|联合)([\u4e00-\u9fff]{2,10}?)(?:一起|共同|搞|开展|进行|组织|检查|执法|"
                               r"查|办|的)")


def names_partner(a: Analysis, line: str) -> bool:
    """Whether a who-line names the partner the question gives to ask for the other: "跟交警
    大队一起整治的是哪个部门?" is not answered by 县公安局交警大队, nor by 联合…交警大队开展…."""
    partner = _PARTNER_ASKED.search(a.norm) if a.kind == "who" else None
    named = (partner.group(1) or partner.group(2)) if partner else ""
    # (A body: 哪几个部门联合印发的 names no partner in 印发.)
    return named.endswith(BODY_SUFFIXES) and named in normalize(line)


# Who took a post (谁出任/担任/接任…): a person.
_TAKES_POST = regex.compile(r"谁(?:来)?(?:出任|担任|兼任|当选|接任|继任|接替)")


# A body pointed back at (该局, 此单位, 上述公司): what it points at is the answer.
_POINTER = regex.compile(r"(?:该|此|其|本|上述)([\u4e00-\u9fff]{1,4})$")
_GENERIC_POINTED = ("单位", "部门", "机关", "机构")


def pointed_at(line: str, evidence: Passage, searcher: Lookup) -> Direct:
    """"该局会同市水利局开展专项检查": 该局 is no answer — the body it points back at is,
    the nearest of its kind (…局) named before it in the evidence or the sentences before
    (quoted after the evidence); none named, no line."""
    m = _POINTER.match(normalize(line))
    if m is None:
        return NONE
    kind = m.group(1)

    def last_of_kind(norm: str) -> str | None:
        names = [n for n in organisations(norm) if not _POINTER.match(n)
                 and (kind in _GENERIC_POINTED or n.endswith(kind))]
        return names[-1] if names else None

    at = evidence.norm.find(normalize(line))
    before = evidence.norm[:at] if at >= 0 else ""
    name = last_of_kind(before)
    if name is not None:
        return Direct(as_written(evidence.text, name, evidence.norm), evidence)
    ids = list(range(evidence.id - W.pointer_lookback, evidence.id))
    rows = searcher.passages(ids)
    for i in reversed(ids):
        row = rows.get(i)
        if row is None or row.doc_id != evidence.doc_id:
            break
        name = last_of_kind(normalize(row.text))
        if name is not None:
            earlier = passage_of(row, evidence.score, [])
            return Direct(as_written(row.text, name), evidence, (earlier,))
    return NONE


def deed_unsaid(a: Analysis, evidence: Passage) -> bool:
    """"音乐会是谁指挥的?" met by 由…协会主办的音乐会: the deed asked after 谁 (指挥) — none of
    its words, in any of their forms — is not said by the evidence, so whoever it names did
    something else."""
    if a.frame:
        # Who leads (谁负责, 哪个局牵头) is said by the sentence's shape as often as by a
        # word (X会同Y开展…): the in-charge frame reads it (clauses.in_charge_clause).
        return False
    words = deed_alts(a)
    said = _CEREMONY.sub("", evidence.norm)
    return bool(words) and not any(x in said for x in words)


# A deed named as the ceremony of it (出席了揭牌仪式): who attended did not do it.
_CEREMONY = regex.compile(r"[\u4e00-\u9fff]{2}(?=仪式|典礼)")


def deed_alts(a: Analysis) -> list[str]:
    """The forms of the question's words that name the deed asked after 谁 (带队 → 率领)."""
    deed = deed_words(a)
    return [x for u in a.units if u.known and len(u.text) >= 2 and u.text in deed
            for x in u.alts]


def _extract(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    asked = asked_post(a.norm)
    if asked is not None:
        return holder(a, ranked, asked, searcher)
    taking = role_taker(a, ranked) or done_by(a, ranked) or handed_to(a, ranked) or (
        joint_lead(a, ranked))
    if taking is None and not (a.intent.asks_body or a.intent.asks_company):
        taking = referred_to(a, ranked, searcher)  # 他要求…: the one named just before
    if taking is not None:
        return taking
    if a.intent.asks_company:
        # "被哪家企业承包?" is answered by a business, never by 医院 or 人社局.
        return business(a, ranked, searcher)
    if not a.intent.issuance:
        found = actor(a, ranked, searcher)
        if not (a.intent.asks_body or a.intent.asks_company):
            # "开馆仪式是谁主持的?" — 开馆仪式由…首任大使王学贤主持: the person the answering
            # clause names by a post acts, not a body named elsewhere.
            acting = named_person(a, ranked, searcher, near=(0,))
            if acting is not None and not _in_answering_clause(a, found, ranked[0]):
                return acting
            if acting is not None and does_deed(a, acting) and not does_deed(a, found):
                # 由美国人斯科特·里特率领的联合国核查小组: the person right before the deed
                # asked does it, not the body after it — unless the person is the body's
                # own officer (新闻出版署署长于友先总结…): then both.
                led = with_officer(found, searcher) if is_a_body(found) else None
                return led if led is not None and acting.answer and normalize(
                    acting.answer) in normalize(led.answer or "") else acting
            if not is_a_body(found):
                # "谁说队员进行了高原训练?": news names people, not only bodies — the
                # person the answering clause names, before a place or a post taken for
                # the actor.
                named = named_person(a, ranked, searcher)
                if named is not None:
                    return named
            else:
                # "是谁总结的?" — 新闻出版署署长于友先总结了…: the body's officer acts.
                led = with_officer(found, searcher)
                if led is not None:
                    return led
    else:
        pool = issuance_pool(ranked)
        found = issued(a, pool, searcher) or orgs_in(a, pool, searcher)
    if found.answer is None or "《" in found.answer or names_an_actor(found.answer):
        return found
    post = _POST.search(found.evidence.norm) if found.evidence is not None else None
    if post is not None and found.evidence is not None:
        return Direct(found.evidence.text[post.start(1):post.end(1)], found.evidence)
    return NONE


# "谁当总田长?", "由谁担任组长?": a role, and who takes it — 由县长担任总田长.
_ASKS_ROLE = regex.compile(r"谁(?:来)?(?:当|担任|兼任|出任)(?:了)?([\u4e00-\u9fff]{2,8}?)(?:[?？呢吗啊]|$)")
_TAKES = r"(?:担任|兼任|出任)(?:了)?"


def role_taker(a: Analysis, ranked: list[Passage]) -> Direct | None:
    """"谁当总田长?": who the best passages say takes the role (由县长担任总田长 → 县长),
    written after 由 or opening its clause; None when none says it."""
    m = _ASKS_ROLE.search(a.norm)
    if m is None:
        return None
    takes = re.compile(rf"(?:由|^|(?<=[,，、;；。:：]))([\u4e00-\u9fff]{{2,10}}?){_TAKES}"
                       + re.escape(m.group(1)))
    for p in ranked[:W.answer_pool_size]:
        found = takes.search(p.norm)
        if found:
            return Direct(p.text[found.start(1):found.end(1)], p)
    return None


# "由省住房和城乡建设厅负责起草", "经县计量检定测试所检测": who does the deed is named
# after 由 or 经, whoever the clause opens with (省政府将《条例》列入计划,由…负责起草) — 经
# not of a word (已经, 经济, 经营); after 被, the agent of a passive (已被检察机关批准逮捕);
# after 接到 or 收到, who made the complaint or report received (接到安平香梨协会投诉).
# (The name never runs on past another 由: the search goes on to that one.)
_BY = r"(?:由|被|接到|收到|接获|(?<![已曾神途业行历])经(?![济营过历验常费理典纪销手办]))"
_MAX_NAME, _MAX_HOW = 24, 2
_NAME = regex.compile(rf"((?:(?!由)[\u4e00-\u9fff、]){{2,{_MAX_NAME}}}?)"
                      r"(?:负责|牵头|组织|统一|具体|依法|依规|依纪|批准|决定){0,2}")
# … a name, not a phrase (由法院设立的工作室开展, 由州应急管理局联合州公安局组成).
_NOT_A_NAME = regex.compile(r"的|联合|会同|组成|设立|开展|配合|协同")


def done_by(a: Analysis, ranked: list[Passage]) -> Direct | None:
    """"条例是哪个单位起草的?": the body the found sentence names after 由 or 经, right
    before the deed asked (由省住房和城乡建设厅负责起草, 经省级产品质量检验机构检验); None
    when it names none so."""
    words = deed_alts(a)
    if not words or not ranked:
        return None
    best = ranked[0]
    deed = re.compile("|".join(map(re.escape, words)))
    norm = best.norm
    for by in re.finditer(_BY, norm):
        at = by.end()
        # The shortest name first, then longer ones: the deed's word may be a word of
        # the name too (经省级产品质量检验机构检验).
        for d in deed.finditer(norm, at, at + _MAX_NAME + _MAX_HOW):
            m = _NAME.fullmatch(norm, at, d.start())
            if m and not _NOT_A_NAME.search(m.group(1)) and names_an_actor(m.group(1)):
                return Direct(best.text[at:at + len(m.group(1))], best)
    return None


def joint_lead(a: Analysis, ranked: list[Passage]) -> Direct | None:
    """"检查是哪个部门牵头的?": the body that acts with partners in the best passage (鹤原市
    市场监督管理局联合市商务局、市农业农村局开展…检查) leads it — named right before 联合
    or 会同; None when the question asks no lead or the passage names none so."""
    if not ranked or not a.frame or a.intent.partners:
        return None
    best = ranked[0]
    for s, e in clause_spans(best.norm):
        joint = re.search(JOINT, best.norm[s:e])
        if joint is None:
            continue
        before = best.norm[s:s + joint.start()]
        lead = next((o for o in reversed(organisations(before)) if before.endswith(o)), None)
        if lead and organisations(best.norm[s + joint.end():e]):
            at = s + joint.start() - len(lead)
            return Direct(best.text[at:at + len(lead)], best)
    return None


# "案子移交给谁了?", "移送到哪个部门?": the body a case or a person was handed to …
ASKS_RECIPIENT = regex.compile(r"(?:移交|移送|转交|交|送|转)(?:给|到|至)了?(?:谁|哪)")
# … named right after the verb of handing over (将案件移送南屏市公安局, 移交司法机关).
_HANDED = regex.compile(r"(?:移送|移交|转交|转送|送交|交由|交给)(?:给|至|到)?")


def handed_to(a: Analysis, ranked: list[Passage]) -> Direct | None:
    """"案子最后移交给谁了?": the body the best passage says it was handed to (将案件移送
    南屏市公安局 → 南屏市公安局); None when the question asks no such thing or the passage
    names no body right after a verb of handing over."""
    if not ranked or not ASKS_RECIPIENT.search(a.norm):
        return None
    best = ranked[0]
    for m in _HANDED.finditer(best.norm):
        rest = best.norm[m.end():m.end() + _MAX_NAME]
        named = next((o for o in organisations(rest) if rest.startswith(o)), None)
        if named:
            return Direct(best.text[m.end():m.end() + len(named)], best)
    return None


def names_a_business(line: str) -> bool:
    """Whether an answer line names a business (…集团公司, …合作社, …厂)."""
    return any(x in line for x in COMPANY_SUFFIXES)


def does_deed(a: Analysis, found: Direct) -> bool:
    """Whether the deed asked after 谁 (带队 → 率领) stands right after ``found``'s name in
    its evidence — where the doer of a deed stands."""
    if not found.answer or found.evidence is None:
        return False
    words = deed_alts(a)
    norm, name = found.evidence.norm, normalize(found.answer)
    ends = [at + len(name) for at in occurrences(norm, name)]
    return any(norm.startswith(x, end + gap) for end in ends
               for gap in range(W.deed_gap_chars + 1) for x in words)


def _in_answering_clause(a: Analysis, found: Direct, best: Passage) -> bool:
    """Whether ``found`` names a body of the clause of ``best`` that answers."""
    clause = best_clause(best, a) if found.answer and found.evidence is best else None
    return bool(clause and found.answer and normalize(found.answer) in normalize(clause))


# "由县长担任总田长": a post, named by what it heads (县长, 镇党委书记, 站长).
_POST = regex.compile(r"由([\u4e00-\u9fff]{0,6}?(?:长|书记|主任|负责人|专干))(?:担任|兼任|任|牵头|负责)")
_PREPOSITION = regex.compile(r"^(?:由|经|对|向|在|被|将|把|从)")


def names_an_actor(line: str) -> bool:
    """Whether an answer line names a body, a place or a post (not 由县, not 对确实…)."""
    core = _PREPOSITION.sub("", normalize(line).strip())
    if len(core) < 2:
        return False
    return bool(organisations(core) or places(core) or clause_subject(core)
                or _POST_WORD.search(core))


_POST_WORD = regex.compile(r"(?:长|书记|主任|负责人|专干|员)$")


def actor(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """"谁牵头抓总?" asks for an actor, not for who issued a document.

    The sentence naming one may rank a little lower than one that does not.
    Further down, a sentence of the best passage's own case (it shares the
    case's topic without repeating it) or one saying who is in charge
    ("归哪个部门管?" → "X部门牵头抓总") may answer too, if it names an
    actor in the clause that answers.
    """
    best_score = ranked[0].score
    # (…and says at least a share of what the best one says: "金球奖给了谁?" is not answered
    # by a sentence on football that names a sports official.)
    least = W.actor_pool_coverage * ranked[0].covers
    wide = [p for p in ranked[:W.answer_pool_size] if p.score >= best_score - W.actor_pool
            and (p is ranked[0] or p.covers >= least)]
    lower = [p for p in ranked[len(wide):W.actor_search_depth]
             if p.score >= best_score - W.actor_pool_lower]
    in_charge = bool(a.frame)
    wide += [p for p, body in zip(lower, normalize_many([p.text for p in lower]), strict=True)
             if (p.case_id is not None and p.case_id == ranked[0].case_id)
             or (in_charge and IN_CHARGE.search(body))]
    return orgs_in(a, wide, searcher, best_score - W.actor_pool)


# Kinds of body a question asks for by name (哪家单位, 哪个部门).
_ASKED_KINDS = ("单位", "部门", "机构", "机关", "企业", "公司")


def acceptable_for(a: Analysis) -> Acceptable:
    """Which names may answer: not what the question itself names (…in Changji? is not
    answered by 昌吉州) or sets aside (除了市场监管…), not a scope (全市), and a body
    when it asks for one."""
    named = {x for u in a.units for x in u.alts}
    # …nor one its words spell with the kind of body asked (哪家单位欠了总包的工程款? is not
    # answered by 总包单位).
    spelling = named | {kind for kind in _ASKED_KINDS if kind in a.norm}
    wants_body = a.intent.asks_body

    def acceptable(norm_name: str) -> bool:
        # Names come from normalised text (organisations, clause_subject): no re-normalising.
        if spelled_by(norm_name, spelling) or any(x and x in norm_name for x in a.excluded):
            return False
        if norm_name.rsplit("、", 1)[-1] in BODY_SUFFIXES:
            return False  # 政府主导、部门(联动): a bare 部门 names nobody
        if re.fullmatch(r"[全各本该][省市县州区盟]", norm_name):
            return False  # 全市 is a scope, not an actor
        if re.search(r"[为将把对是向在]", norm_name):
            # 校舍改建为…幸福院 is a clause ending in 院, not a body; so is
            # 线索直接向市医保局 (反馈) — the body is the object of 向.
            return False
        if not says_body_asked(a.intent.body_named, a.units, norm_name):
            return False
        return not (wants_body and not norm_name.endswith(BODY_SUFFIXES))

    return acceptable


def spelled_by(name: str, words: set[str]) -> bool:
    """Whether ``name`` is written with the question's words alone, one after another:
    龙脊镇人民政府 is 龙脊 + 镇 + 人民政府 when 谁约谈了龙脊镇政府负责人? asks (政府 ↔ 人民政府)."""
    if name in words:
        return True
    reach = [True] + [False] * len(name)
    for end in range(1, len(name) + 1):
        reach[end] = any(reach[start] and name[start:end] in words for start in range(end))
    return reach[-1]


def answering_clause(a: Analysis, p: Passage, acceptable: Acceptable) -> tuple[str, list[str]]:
    """The clause of ``p`` that answers and the acceptable actors it names."""
    clause = (bool(a.frame) and in_charge_clause(p)) or best_clause(p, a)
    if a.intent.partners:
        # The clause with the joint action answers, even when another one
        # holds more of the question's words (…开展“双随机”联合检查).
        clause = joint_clause(p) or clause
    if not clause:
        return "", []
    names = actors(clause, acceptable)
    if not names and a.excluded:
        # "除了X,还有谁?": X's clause answers nothing; the next one may
        # (X牵头抓总,教育、卫健…五部门协同作战).
        norm_text = p.norm
        clause = next((p.text[s:e].strip() for s, e in clause_spans(norm_text)
                       if actors(p.text[s:e], acceptable, norm_text[s:e])), clause)
        names = actors(clause, acceptable)
    elif not names:
        # "责任人被谁拘留?": the clause richest in the question's words names
        # the people acted on; the one naming the actor holds the verb
        # (…责任人,公安机关依法予以行政拘留).
        norm_text = p.norm
        acting = [(sum(u.weight for u in a.units if any(x in norm_text[s:e]
                                                      for x in u.alts)), s, e)
                  for s, e in clause_spans(norm_text)
                  if actors(p.text[s:e], acceptable, norm_text[s:e])]
        acting = [c for c in acting if c[0] > 0]
        if acting:
            _, s, e = max(acting)
            clause = p.text[s:e].strip()
            names = actors(clause, acceptable)
    return clause, names


def orgs_in(a: Analysis, pool: list[Passage], searcher: Lookup,
            floor: float = 0.0) -> Direct:
    """The authority named in the clause that best answers the question.

    A clause that names one wins; otherwise the sentence's subject as
    resolved at index time (its own, its section's or its case lead's).
    When the question asks who is in charge (归哪个部门管, who leads), a clause
    where the authority 牵头/负责 wins.  Passages scoring below ``floor`` count
    only with an actor in that clause.
    """
    acceptable = acceptable_for(a)
    in_charge = bool(a.frame)
    partners = a.intent.partners
    best: tuple[float, Direct] | None = None
    for p in pool:
        clause, names = answering_clause(a, p, acceptable)
        if not clause:
            continue
        norm_clause = normalize(clause)
        joint = re.search(JOINT, norm_clause) if partners else None
        if partners and joint:
            # X联合Y、Z…: the lead and its partners acted together; "会同哪些
            # 部门?" wants Y、Z, "哪些部门联合…?" all of them.
            after = [n for n in organisations(norm_clause[joint.end():]) if acceptable(n)]
            lead = names[:1] if names and norm_clause.find(names[0]) < joint.start() else []
            if after:
                names = [*(lead if partners.startswith("哪") else []), *after]
        if names and in_charge:
            # 政府成立由市应急管理局牵头…的调查组: the one in charge is the name before
            # 牵头, not the clause's first.
            leading = [n for n in names if any(IN_CHARGE.match(norm_clause, at + len(n))
                                               for at in occurrences(norm_clause, n))]
            names = leading[:1] + [n for n in names if n not in leading[:1]]
        if names:
            # The actor stands in the very clause that answers: strongest.
            pos = norm_clause.find(names[0])
            bonus = W.actor_in_clause_bonus
            if a.intent.asks_department and names[0].endswith(DEPARTMENT_SUFFIXES):
                bonus += W.department_bonus  # "哪些部门?": …五部门 and …局 are departments, 州政府 is not
            if in_charge and pos >= 0 and IN_CHARGE.match(norm_clause, pos + len(names[0])):
                bonus += W.in_charge_actor_bonus
            shown = [names[0]]
            if a.excluded or joint:
                # "还有哪些?" wants all the others (市消防救援支队、市场监管局).
                shown += [n for n in names[1:] if not any(n in m for m in shown)]
            elif a.intent.several_answers:
                # "是哪三个部门?": the bodies listed with the first (X局、Y局和Z局三部门).
                shown = listed_with_first(norm_clause, names)
            candidate = (p.score + bonus, Direct(
                "、".join(as_written(clause, n, norm_clause) for n in shown), p))
        else:
            own = clause_subject(p.norm)
            bonus = W.own_subject_bonus  # the sentence's own subject acts in all its clauses
            if not own or not acceptable(own):
                # "为贯彻…,省民政厅会同…总结…,形成第二批典型经验": the actor of
                # the answering clause stands in an earlier one.
                own = earlier_actor(p, norm_clause, acceptable)
                bonus = W.earlier_actor_bonus
            if p.score < floor:
                continue
            if own:
                candidate = (p.score + bonus, Direct(as_written(p.text, own, p.norm), p))
            else:
                # 随即约谈建设单位,督促其…: the best match names no actor; the one it carries
                # over from the sentences before (or its case's lead) acts, as the index read
                # — for the best match only: further down, a sentence naming its own wins.
                told = subject_of(p, searcher, acceptable) if p is pool[0] else NONE
                if told.answer is None:
                    continue  # a sentence that names no actor cannot say who
                candidate = (p.score + W.inherited_actor_bonus, told)
        if best is None or candidate[0] > best[0]:
            best = candidate
    if best:
        return best[1]
    return subject_of(pool[0], searcher, acceptable) if pool else NONE


# What joins the names of one list (X局、Y局和Z局).
_LIST_JOIN = regex.compile(r"、|和|及|以及|与|、以及")


def listed_with_first(norm_clause: str, names: list[str]) -> list[str]:
    """The first name and those written in one list with it, in order: 广汉市自然资源局、
    市农业农村局和市综合行政执法局 → all three; a name in another phrase ends the list."""
    run = names[:1]
    if not run:
        return run
    end = norm_clause.find(run[0]) + len(run[0])
    for name in names[1:]:
        if name in run:
            continue  # named twice: as an actor and as the clause's subject
        at = norm_clause.find(name, end)
        if at < 0 or not _LIST_JOIN.fullmatch(norm_clause, end, at):
            break
        run.append(name)
        end = at + len(name)
    return run


def subject_of(top: Passage, searcher: Lookup, acceptable: Acceptable) -> Direct:
    """The best passage's own subject, else the one resolved at index time (its section's,
    its case lead's), when no clause names an actor.

    An actor only the case's lead paragraph names is shown as the lead's (…(案例2 导语)),
    with the lead quoted after the sentence: the sentence itself does not say who acted.
    """
    own = clause_subject(top.norm)
    if own and acceptable(own):
        return Direct(own, top)
    subject = next((f.subject for f, _ in facts_for(searcher, ["subject"], [top]) if f.subject),
                   None)
    if subject is None:
        return NONE
    lead = inherited_from_lead(subject, top, searcher)
    if lead is not None:
        return Direct(f"{subject}{lead_note(top)}", top, (passage_of(lead, 0.0, []),))
    return Direct(subject, top)


__all__ = ["ASKS_RECIPIENT", "acceptable_for", "actor", "answering_clause", "extract", "names_a_business", "names_partner", "orgs_in",
           "role_taker", "spelled_by", "subject_of"]
