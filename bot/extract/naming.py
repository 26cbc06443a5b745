"""What the name in a who-answer must say, and the name a sentence means by the one it writes.

A question may narrow the body it asks for (哪个公安部门, 哪个所): a name that does not say so
answers nothing (:func:`says_body_asked`).  A sentence may name the actor by its role, short,
or as the one who had others act; the answer is the name it means:

* 医保局组织乡镇医保专干每季度…巡查 — those had to do the deed do it (:func:`pivoted`);
* 建设单位某某置业有限公司拖欠… — the party's name, not its role (:func:`named_after_role`);
* 执法支队随即约谈… — the body as its case named it in full before (:func:`fuller_name`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.analysis import Unit
from bot.extract.business import businesses
from bot.extract.clauses import as_written
from bot.extract.direct import Direct
from bot.lookup import Lookup
from bot.reply import passage_of
from corpus import regex
from indexer.facts import clause_spans
from indexer.normalize import normalize, occurrences
from indexer.places import places
from indexer.search import PassageHit
from indexer.terms import organisations


def says_body_asked(narrowed: tuple[str, str], units: Sequence[Unit], norm_name: str,
                    whole: bool = True) -> bool:
    """Whether a name is of the body the question narrows to (``narrowed``, the question's
    ``intent.body_named``): 哪个公安部门 → it says 公安 or one of that word's other forms;
    哪个所 → it ends in 所.  ``whole``: ``norm_name`` is one name, else a line that may name
    it among others (《…》由…修订)."""
    word, kind = narrowed
    if word and word not in norm_name and not any(
            x in norm_name for u in units if u.text == word for x in u.alts):
        return False
    return not kind or (norm_name.endswith(kind) if whole else kind in norm_name)


# Verbs by which one has another do a deed (医保局组织乡镇医保专干每季度…巡查).
PIVOT = regex.compile(r"组织|安排|指派|派出|选派|督促|指导|动员|委托|责成|带领|发动")
# Who is had to do it: a post or a group of people (医保专干, 网格员, 执法人员, 工作组).
_DOER = regex.compile(r"[\u4e00-\u9fff]{0,8}?(?:专干|人员|干部|网格员|监督员|志愿者|队员|民警|"
                   r"工作组|专班|小组|队伍)")


def pivoted(found: Direct, deeds: Sequence[str]) -> Direct:
    """"村卫生室由谁每季度巡查?" — 医保局组织乡镇医保专干每季度对…巡查: the deed asked
    (``deeds``: its words in all their forms) is done by those the body has do it, written after the
    verb, when the deed is said after them in the same clause."""
    if found.answer is None or found.evidence is None or not deeds:
        return found
    ev, actor = found.evidence, normalize(found.answer)
    for at in occurrences(ev.norm, actor):
        pivot = PIVOT.match(ev.norm, at + len(actor))
        doer = _DOER.match(ev.norm, pivot.end()) if pivot else None
        if doer is None:
            continue
        end = next((e for s, e in clause_spans(ev.norm) if s <= at < e), len(ev.norm))
        if any(x in ev.norm[doer.end():end] for x in deeds):
            return found._replace(answer=ev.text[doer.start():doer.end()])
    return found


def named_after_role(found: Direct) -> Direct:
    """A party named by its role and then by its name (建设单位彩云某置业有限公司拖欠…): the
    name, not the role."""
    if found.answer is None or found.evidence is None:
        return found
    role, ev = normalize(found.answer), found.evidence
    if not role.endswith("单位"):
        return found
    for at in occurrences(ev.norm, role):
        after = ev.norm[at + len(role):at + len(role) + 24]
        name = next((n for n in businesses(after) + organisations(after)
                     if after.startswith(n)), None)
        if name is not None:
            return found._replace(answer=as_written(ev.text, name, ev.norm))
    return found


# A place's level opening a name (市场监管局 is not short for 自治区市场监管局: 市 may be a city).
_LEVEL_OPENING = regex.compile(r"^[省市县区州乡镇村]")


def fuller_name(found: Direct, searcher: Lookup) -> Direct:
    """A body named short (执法支队采取…) as its case named it in full before (南京市交通运输
    综合行政执法支队在…发现): the full name, with the sentence saying it quoted after the
    evidence; ``found`` when the name is not short or the case gives no single full name."""
    ev = found.evidence
    if found.answer is None or ev is None or ev.case_id is None:
        return found
    short = normalize(found.answer)
    if (len(short) > 6 or organisations(short) != [short] or places(short)
            or _LEVEL_OPENING.match(short)):
        return found
    full: dict[str, PassageHit] = {}
    for row in searcher.case_passages(ev.case_id):
        if row.id > ev.id:
            break
        for name in organisations(normalize(row.text)):
            if name.endswith(short) and len(name) > len(short) and places(name):
                full.setdefault(name, row)
    if len(full) != 1:
        return found
    (name, row), = full.items()
    said = () if row.id == ev.id else (passage_of(row, ev.score, []),)
    return Direct(as_written(row.text, name), ev, found.support + said)


__all__ = ["PIVOT", "fuller_name", "named_after_role", "pivoted", "says_body_asked"]
