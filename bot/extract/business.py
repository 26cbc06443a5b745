"""Extractor *who*, for businesses: "哪家公司没开工资专用账户?" is answered by the business
the answering sentence names (青屏某建筑工程有限公司), or the one its 该公司 points back at.

Authority names (:func:`indexer.terms.organisations`) end in 局, 委, 厅 …; a business ends
in 公司, 集团, 合作社, 厂 and is named after what the sentence says of it (施工总承包单位
青屏某建筑工程有限公司): its name runs back from the suffix to a role word, a verb of the
report or a break.  Case reports withhold a name with 某 (某物流公司): that is the name the
text gives, and it answers.
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.extract.clauses import as_written, best_clause
from bot.extract.direct import NONE, Direct
from bot.lookup import Lookup
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.normalize import normalize
from indexer.words import COMPANY_SUFFIXES

_SUFFIX = r"(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团|合作社|厂)"
# The longest run of characters before a suffix that may belong to the name.
_NAME = regex.compile(r"([\u4e00-\u9fff]{1,16}?" + _SUFFIX + r")(?![\u4e00-\u9fff]{0,2}" + _SUFFIX + ")")
# Where a name cannot reach back past: what the report says of the business (施工总承包单位,
# 经查, 对), and pointing words (该公司 is no name).
_BEFORE_NAME = regex.compile(r"^.*(?:单位|经查|发现|查明|对|由|与|和|及|同|跟|向|给|把|让|的|是|为|系|"
                          r"被|将|在|从|到|据|涉事|当事|所属|旗下|下属|其|称|以|经营者|反映|举报|"
                          r"投诉|约谈|责令|督促|要求|查处|处罚|罚款|起诉|承包给)")
_SUFFIX_END = regex.compile(_SUFFIX + "$")
_POINTER = regex.compile(r"^(?:该|此|上述|这家|那家|本|[一二三四五六七八九十两几多0-9]+(?:余|多)?家)")
# A business only pointed back at (此外,该公司…): the sentence before names it.
POINTED_BUSINESS = regex.compile(r"(?:该|此|上述)(?:" + "|".join(COMPANY_SUFFIXES) + ")")


def businesses(norm: str) -> list[str]:
    """The businesses a (normalised) text names, in order: 青屏某建筑工程有限公司, 某物流公司."""
    out: list[str] = []
    for chunk in re.split(r"[^\u4e00-\u9fff]", norm):
        for m in _NAME.finditer(chunk):
            name = _BEFORE_NAME.sub("", m.group(1))
            if len(name) >= 4 and not _POINTER.match(name):
                out.append(name)
    return out


def business(a: Analysis, ranked: list[Passage], searcher: Lookup) -> Direct:
    """"哪家企业…?": the business the answering clause of the best passages names, not one
    the question names; a sentence that points back (此外,该公司…) is answered by the last
    business the sentence before it names (quoted after it)."""
    named = {x for u in a.units for x in u.alts if len(x) >= 2}
    # The businesses the question itself names, by the name before the suffix (中联煤层气公司
    # asked is 中国中联煤层气有限责任公司 said): the one asked about, not the one asked for.
    own = [core for n in businesses(a.norm) if not n.startswith(("哪", "什么"))
           and len(core := _SUFFIX_END.sub("", n)) >= 2]
    best_score = ranked[0].score if ranked else 0.0
    for p in ranked[:W.answer_pool_size]:
        if p.score < best_score - W.actor_pool:
            break
        clause = normalize(best_clause(p, a) or p.text)
        names = [n for n in businesses(clause) or businesses(p.norm)
                 if n not in named and not any(core in n for core in own)]
        if names:
            return Direct(as_written(p.text, names[0], p.norm), p)
        if POINTED_BUSINESS.search(p.norm):
            before = searcher.passages([p.id - 1]).get(p.id - 1)
            if before is not None and before.doc_id == p.doc_id:
                earlier = [n for n in businesses(normalize(before.text)) if n not in named]
                if earlier:
                    support = passage_of(before, p.score, [])
                    return Direct(as_written(before.text, earlier[-1]), p, (support,))
    return NONE


__all__ = ["POINTED_BUSINESS", "business", "businesses"]
