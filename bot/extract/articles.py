"""Extractor *article*: which article of a law a question asks for (商标法第几条?, 违反了哪部
法律哪一条?), read from the best sentence's citation 《…》第N条(第N款)(第(N)项).

A case report cites its grounds as a title followed by the article (依据《中华人民共和国专利
法》第六十八条), and a second citation of the same law by 该法 (违反了《商标法》第五十七条…
依据该法第六十条), often in the next sentence.  An article question is answered by a citation
— of the law the question names, when it names one; the ground of the decision when it asks
the ground (依据), the rule broken when it asks that (违反) — and by nothing else: the title
alone, or the penalty the article led to, is not which article.  An answer read through 该法
names the law it refers to, and quotes the sentence that names it.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.analysis import Analysis
from bot.extract.direct import Direct
from bot.lookup import Lookup
from bot.reply import Passage, passage_of
from corpus import regex
from indexer.normalize import normalize
from indexer.terms import TITLE_RE

_NUMERAL = r"[一二三四五六七八九十百零〇两0-9]+"
_ARTICLE = (rf"第{_NUMERAL}条(?:之{_NUMERAL})?(?:第{_NUMERAL}款)?"
            rf"(?:第?[(（]{_NUMERAL}[)）]项|第{_NUMERAL}项)?")
# A title and its article, in normalised text (《》 kept; 條 is 条 there) …
CITATION = regex.compile(rf"《([^》]{{2,60}})》({_ARTICLE})")
# … or the law named before, pointed back at (依据该法第六十条).
_REFERENCE = regex.compile(rf"(?:该|本|此)(?:法|条例|办法|规定|细则)({_ARTICLE})")
_GROUND_ASKED = regex.compile(r"依据|根据|按照|依照|按哪|按什么|按.{0,6}第几")
_GROUND_SAID = regex.compile(r"(?:依据|根据|按照|依照)$")
_BREACH_ASKED = regex.compile(r"违反|违背|触犯|构成|认定")
_BREACH_SAID = regex.compile(r"(?:违反了?|违背了?|触犯了?|构成了?|属于)$")
_STATE = "中华人民共和国"
# How many sentences after the best one may cite the law it names (…违反了《商标法》第五十七条
# 的规定。/ 县局依据该法第六十条…).
_FOLLOWING = 2


class _Cited(NamedTuple):
    passage: Passage
    start: int  # where the citation stands in the passage
    end: int
    title: str  # the law's title, normalised
    line: str  # the answer line, as written
    named_in: Passage  # the passage that names the title (the same, or one before)


def named(title: str, question: str) -> bool:
    """Whether a (normalised) ``question`` names the document ``title`` itself: said in
    it, whole or but for the state's name before a law (违反了安全生产法第几条 names
    《中华人民共和国安全生产法》)."""
    core = normalize(title).removeprefix(_STATE)
    return len(core) >= 2 and core in question


def citations(p: Passage, last_title: tuple[str, str, Passage] | None) -> list[_Cited]:
    """The citations of ``p`` in order: 《…》第N条 as written, and 该法第N条 as the law named
    last before it (``last_title``: its title normalised and as written, and where)."""
    found: list[_Cited] = []
    titles = [(m.start(), m.group(1), p.text[m.start(1):m.end(1)]) for m in TITLE_RE.finditer(p.norm)]
    for m in CITATION.finditer(p.norm):
        found.append(_Cited(p, m.start(), m.end(), m.group(1), p.text[m.start():m.end()], p))
    for m in _REFERENCE.finditer(p.norm):
        before = [(norm, text) for at, norm, text in titles if at < m.start()]
        if before:
            title, written, source = before[-1][0], before[-1][1], p
        elif last_title is not None:
            title, written, source = last_title
        else:
            continue
        article = p.text[m.start(1):m.end(1)]
        found.append(_Cited(p, m.start(), m.end(), title, f"《{written}》{article}", source))
    return sorted(found, key=lambda c: c.start)


def article_cited(a: Analysis, best: Passage, clause: str | None,
                  searcher: Lookup | None = None) -> Direct | None:
    """The citation that answers an article question, from ``best`` and the sentences right
    after it in its document; None when none cites an article of the law asked."""
    found = citations(best, None)
    last = next(((m.group(1), best.text[m.start(1):m.end(1)], best)
                 for m in reversed(list(TITLE_RE.finditer(best.norm)))), None)
    if searcher is not None and last is not None:
        rows = searcher.passages(list(range(best.id + 1, best.id + 1 + _FOLLOWING)))
        for i in range(best.id + 1, best.id + 1 + _FOLLOWING):
            row = rows.get(i)
            if row is None or row.doc_id != best.doc_id:
                break
            found += citations(passage_of(row, best.score, []), last)
    if not found:
        return None
    asked = [c for c in found if named(c.title, a.norm)]
    if any(named(t, a.norm) for t in TITLE_RE.findall(best.norm)) and not asked:
        return None  # the law asked is cited without an article here
    pool = asked or found
    # "处罚依据是第几条?" asks the ground of the decision (依据《…》第六十条), "违反了哪一条?"
    # the rule broken (违反了《…》第五十七条): a case report often cites both.
    # (A breach named asks the breach, whatever ground it says: 依据商标法哪一条认定侵权?)
    for asks, said in ((_BREACH_ASKED, _BREACH_SAID), (_GROUND_ASKED, _GROUND_SAID)):
        if asks.search(a.norm):
            pool = [c for c in pool
                    if said.search(c.passage.norm[max(0, c.start - 4):c.start])] or pool
            break
    within = normalize(clause) if clause else ""
    # The best sentence's own citation first: in its answering clause, else any of it.
    chosen = next((c for c in pool if c.passage is best and within
                   and best.norm[c.start:c.end] in within), None) or next(
        (c for c in pool if c.passage is best), pool[0])
    # The sentence that names the law a 该法 points back at is quoted after the evidence.
    support = (chosen.named_in,) if chosen.named_in is not chosen.passage else ()
    return Direct(chosen.line, chosen.passage, support)


__all__ = ["CITATION", "article_cited", "citations", "named"]
