"""Stage *about the notice*: questions about the document itself, answered from its structure.

"这是第几批?", "这份通知是谁发的?", "什么时候发的?", "文号是多少?", "贯彻哪个文件?",
"一共有几个案例?", "标题叫什么?", "是发给哪些单位的?", "第一条要求是啥?": the title, the
addressee line, the preamble, the signature, the date and number lines, the cases and a
numbered measure under the heading naming it answer, though they may share no word with
the question — or the reply says the
document does not name its issuer, date or number; "这些案例是谁组织评审的?" is answered by
the body of the preamble clause that says so.  Which document: the only one indexed, or
among the best candidates' documents the one whose title says most of the question
(:func:`this_one`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.analysis import Analysis
from bot.extract.clauses import as_written
from bot.extract.columns import cells
from bot.extract.direct import Direct
from bot.lookup import Lookup
from bot.rank import HEADLINES
from bot.reply import Passage, passage_of
from bot.weights import WEIGHTS as W
from corpus import regex
from corpus.lines import cn_number
from corpus.readers.metadata import DOC_NUMBER
from indexer.facts import clause_spans
from indexer.normalize import normalize
from indexer.terms import organisations
from indexer.words import DOC_KINDS, IMPLEMENTING_VERBS, JOINT_ACTION_VERBS, PAGE_KINDS

# "贯彻哪个文件?": what the document implements, cited in its preamble (为贯彻落实《…》).
_IMPLEMENTED = regex.compile(r"(?:" + "|".join(IMPLEMENTING_VERBS) + r")[^。；;《]{0,12}(《(?:[^《》]|《[^《》]{1,40}》){2,80}》)")
_JOINT_ACTION = "|".join(JOINT_ACTION_VERBS)
# A signature's date line: 2025年3月18日, 二〇二五年三月十八日.
_DATE_LINE = regex.compile(r"[0-9〇零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月"
                        r"[0-9一二三四五六七八九十]{1,3}日")


# What a question calls a web page's report and what its info bar labels (这篇文章来源
# 是哪个单位?): words of the page, not things the text must say.
_PAGE_WORDS = frozenset((*PAGE_KINDS, "文章", "来源", "出处"))


def with_this_document(a: Analysis, ranked: list[Passage], searcher: Lookup) -> list[Passage]:
    """"这是第几批?", "这批一共选了多少项?": about the document itself, in few words.

    Its title and preamble answer, though they may share no word with the
    question.  When the question names something else the documents lack (这个通知里
    说的高铁票价), nothing is added: that stays not found.
    """
    if any(not u.known and len(u.text) >= 2 and u.text not in _PAGE_WORDS for u in a.units):
        return ranked
    only = searcher.only_document() if not ranked else None
    if not ranked and only is None:
        return ranked  # "this" notice of several: cannot tell which
    doc_id = this_one(a, ranked, searcher) if ranked else only
    assert doc_id is not None
    # The question is about one document: another's sentences do not answer it.
    ranked = [p for p in ranked if p.doc_id == doc_id]
    seen = {p.id for p in ranked}
    own = [passage_of(row, W.found_threshold, []) for row in searcher.document_passages(
        doc_id, roles=("title", "preamble")) if row.id not in seen]
    return sorted([*ranked, *own], key=lambda p: (-p.score, p.id))


def this_one(a: Analysis, ranked: list[Passage], searcher: Lookup) -> int:
    """Which document "this notice" is, among those of the best candidates: the one whose
    title, then title and preamble, say most of the question (这些典型案例 is the
    announcement titled …典型案例, not a news item that mentions 典型案例); the best
    passage's when they say as much."""
    docs = list(dict.fromkeys(p.doc_id for p in ranked[:W.about_candidates]))
    if len(docs) == 1:
        return docs[0]

    def said(doc_id: int) -> tuple[float, float]:
        rows = searcher.document_passages(doc_id, roles=("title", "preamble"))
        title = normalize(" ".join(r.text for r in rows if r.role == "title"))
        text = normalize(" ".join(r.text for r in rows))
        return (sum(u.weight for u in a.units if any(x in title for x in u.alts)),
                sum(u.weight for u in a.units if any(x in text for x in u.alts)))

    return max(docs, key=lambda d: (*said(d), -docs.index(d)))


def this_document(a: Analysis, ranked: list[Passage], searcher: Lookup, direct: Direct) -> Direct:
    """"这份通知是谁发的?" is about the document itself: its title answers.

    A title "X关于Y的通知" names its issuer X before 关于.
    """
    rows = searcher.document_passages(ranked[0].doc_id, roles=("title",))
    if not rows:
        return direct
    title = passage_of(rows[0], ranked[0].score, [])
    preamble = [passage_of(row, ranked[0].score, []) for row in searcher.document_passages(
        ranked[0].doc_id, roles=("preamble",))]
    if a.intent.implements:
        # "这个通知是贯彻哪个文件的?": the preamble opens 为贯彻落实《…》.
        for p in preamble:
            m = _IMPLEMENTED.search(p.norm)
            if m:
                # 贯彻《意见》 after 《…的意见》(以下简称《意见》), maybe in an earlier
                # sentence: the full title.
                alias = r"(《(?:[^《》]|《[^《》]{1,40}》){2,80}》)[((]以下简称" + re.escape(m.group(1))
                for other in preamble:
                    full = re.search(alias, other.norm)
                    if full:
                        return Direct(other.text[full.start(1):full.end(1)], p)
                return Direct(p.text[m.start(1):m.end(1)], p)
        return direct
    if a.kind == "who" and a.intent.asks_several and not a.intent.asks_issued:
        # "哪些部门一起评的?": the preamble's joint clause names them all
        # (省农业农村厅、省自然资源厅、省财政厅联合组织…); the title names one.  (Not
        # "哪几个部门一起发的?": its issuers, whom the title or signature names.)
        for p in preamble:
            for s, e in clause_spans(p.norm):
                clause = p.norm[s:e]
                if re.search(_JOINT_ACTION, clause) and len(organisations(clause)) >= 2:
                    return Direct(p.text[s:e].strip(), p)
    if a.kind == "who" and not a.intent.asks_issued:
        # "这些案例是谁组织评审的?": not who issued it, but who did what the question
        # says — the preamble clause saying it names the actor (经省…监督局组织评审).
        acted = _actor_in_preamble(a, title, preamble)
        if acted is not None:
            return acted
    if a.kind == "who":
        # "X关于…的通知", "X发出紧急通知…": the issuer is named before 关于 or the verb.
        head = _ISSUER_HEAD.split(title.norm, 1)[0]
        names = organisations(head) if head != title.norm else []
        if names:
            # "山东省教育厅 山东省市场监督管理局关于…": every issuer the title names.
            return Direct("、".join(as_written(title.text, n, title.norm) for n in names), title)
        signed = signature(ranked[0].doc_id, searcher)
        if signed is not None:
            return signed
        # (来源 asked is answered before this, by sourced().)
        labels = page_labels(ranked[0].doc_id, searcher) if a.intent.asks_issued else None
        if labels is not None and labels.issuer is not None:
            return Direct(labels.issuer, title)
        if a.intent.asks_issued:
            # Neither title nor signature names an issuer: say so, never a body the
            # preamble names for another document (中办、国办印发的《意见》).
            return Direct(NO_ISSUER, title)
        return direct
    if a.kind in ("document", "what"):
        return Direct(title.text, title)
    return direct


def _actor_in_preamble(a: Analysis, title: Passage, preamble: list[Passage]) -> Direct | None:
    """The body named in the preamble clause holding every word of the question its title
    lacks (组织评审 in 经省…监督局组织评审); None when no clause does."""
    rest = [u for u in a.units if u.known and not any(x in title.norm for x in u.alts)]
    if not rest:
        return None
    for p in preamble:
        for s, e in clause_spans(p.norm):
            clause = p.norm[s:e]
            if all(any(x in clause for x in u.alts) for u in rest):
                names = organisations(clause)
                if names:
                    return Direct(as_written(p.text[s:e], names[0], clause), p)
    return None


_ISSUER_HEAD = regex.compile(r"关于|(?:发出|印发|发布|下发|出台|颁布)(?=[^，,。]{0,6}(?:通知|通报|公告|"
                          r"通告|意见|决定|办法|方案)"
                          # …or what the title ends with (X发布2024年度…典型案例(第二批)).
                          r"|[^，,。]{0,40}(?:案例|经验|做法|名单|清单|报告|通知|通报|公告|通告|意见|"
                          r"决定|办法|方案)(?:[(（]第[^()（）]{1,3}批[)）])?$)")
# A day of a month (1月5日, 3月18日): a dateline or a date of issue near the top.
_DAY = regex.compile(r"[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日")
NO_ISSUER = "文件未写明发布单位"
NO_DATE = "文件未写明发布日期"
# "一共有几个案例?": the cases of the document, counted.
_CASES_ASKED = regex.compile(r"(?:几|多少)(个|项|起|件|宗)?(?:典型)?(?:案例|经验|做法)|"
                          r"(?:案例|经验|做法)(?:一共|总共|共)?(?:有|是)?(?:几|多少)(个|起|件|宗)?")


def signature(doc_id: int, searcher: Lookup) -> Direct | None:
    """The issuer signed under the text: a closing line of bodies' names alone, maybe with
    the date (江西省医疗保障局 / 2025年3月18日)."""
    for row in reversed(searcher.document_passages(doc_id)[-4:]):
        line = _DATE_LINE.sub("", normalize(row.text)).strip(" ，,。")
        names = organisations(line) if line and len(line) <= W.issuer_before_date else []
        if names and not re.sub(r"[\s、，,]", "", _strip(line, names)):
            passage = passage_of(row, W.found_threshold, [])
            return Direct("、".join(as_written(row.text, n, passage.norm) for n in names),
                          passage)
    return None


def _strip(line: str, names: list[str]) -> str:
    for n in names:
        line = line.replace(n, "")
    return line


def counted_cases(a: Analysis, doc_id: int, searcher: Lookup) -> tuple[str, list[Passage]] | None:
    """"这份通知一共有几个案例?": the document's cases counted (answer line, their titles), when
    the question asks for them and the document has cases."""
    asked = _CASES_ASKED.search(a.norm) if a.kind == "number" else None
    if asked is None:
        return None
    titles = [passage_of(row, W.found_threshold, [])
              for row in searcher.document_passages(doc_id, roles=("case_title",))]
    # Counted as asked (几起案例: 共8起案例), cases being counted in 起 or 个 alike.
    measure = next((m for m in asked.groups() if m and m != "项"), "个")
    return (f"共{len(titles)}{measure}案例", titles) if titles else None


# Words that name the document itself (这份通知是什么时候的?), not something it tells.
_ITSELF = frozenset((*DOC_KINDS, "文件", "通报", "通告", "案例", "典型案例", "批", "这批"))


def dated(a: Analysis, ranked: list[Passage], searcher: Lookup
          ) -> tuple[str, list[Passage]] | None:
    """"这份通知是什么时候发的?": the date a web page labels 发布时间 under its title, else
    the date line under the signature, or — when the document has neither — that it does
    not say, with its title (answer line, passages)."""
    if a.kind != "when" or not ranked:
        return None
    if a.intent.asks_issued or not [u for u in a.units if u.text not in _ITSELF]:
        # (Not "这批案例要求什么时候完成整改?": a deadline the notice sets, which its text
        # may give.)
        labelled = published(ranked[0].doc_id, searcher)
        if labelled is not None:
            return labelled
        line = issue_date(ranked[0].doc_id, searcher)
        if line is not None:
            return line.text.strip(), [line]
        labels = page_labels(ranked[0].doc_id, searcher)
        if labels is not None and labels.published is not None:
            return labels.published, labels.cited
    if not a.intent.asks_issued:
        return None  # "这个通知要求什么时候完成?": a date the text may give
    rows = searcher.document_passages(ranked[0].doc_id)
    if any(_DAY.search(normalize(r.text)) for r in rows[:W.dateline_passages]):
        return None  # a news item's dateline (本报北京1月5日电): the text answers
    titles = [r for r in rows if r.role == "title"]
    return (NO_DATE, [passage_of(titles[0], W.found_threshold, [])]) if titles else None


# "这份通报的文号是多少?": the document's number (苏交执〔2025〕12号, 国办发[2024]5号).
_NUMBER_ASKED = regex.compile(r"文号|发文字号|发文号|文件编号")
NO_NUMBER = "文件未写明文号"


def numbered(a: Analysis, ranked: list[Passage], searcher: Lookup
             ) -> tuple[str, list[Passage]] | None:
    """"这份通报的文号是多少?": the number under the title (苏交执〔2025〕12号), or — when the
    top of the document has none — that it does not say, with its title."""
    if not ranked or not _NUMBER_ASKED.search(a.norm):
        return None
    if any(_NUMBER_ASKED.search(header) for header, _, _ in cells(ranked[0])):
        return None  # "驰远汽修的处罚决定书文号?": a case's, which its record's field gives
    rows = searcher.document_passages(ranked[0].doc_id)
    for row in rows[:W.dateline_passages]:
        m = DOC_NUMBER.search(normalize(row.text))
        if m:
            return row.text[m.start():m.end()], [passage_of(row, W.found_threshold, [])]
    titles = [r for r in rows if r.role == "title"]
    return (NO_NUMBER, [passage_of(titles[0], W.found_threshold, [])]) if titles else None


# "这个通报标题叫什么?", "通知的题目是啥?": the document's title.
_TITLE_ASKED = regex.compile(r"标题|题目|题名|\btitle\b")


def titled(a: Analysis, ranked: list[Passage], searcher: Lookup
           ) -> tuple[str, list[Passage]] | None:
    """"这个通报标题叫什么?": the document's title line, as written."""
    if not ranked or not _TITLE_ASKED.search(a.norm):
        return None
    titles = searcher.document_passages(ranked[0].doc_id, roles=("title",))
    if not titles:
        return None
    title = passage_of(titles[0], W.found_threshold, [])
    return title.text.strip(), [title]


# "这文件是发给哪些单位的?", "主送哪些部门?": who the document is addressed to.
_ADDRESSEES_ASKED = regex.compile(r"发给|发到|发往|下发给|主送|印发给|送给|\baddressed\b")
# The addressee line under the title: bodies, often opening 各, ending with a colon
# (各市（州）应急管理局、住房和城乡建设局，各消防救援支队：).
_ADDRESSEE_LINE = regex.compile(r"^[^。;；!?！？]{2,120}[:：]$")


def addressed(a: Analysis, ranked: list[Passage], searcher: Lookup
              ) -> tuple[str, list[Passage]] | None:
    """"这文件是发给哪些单位的?": the addressee line under the title, without its colon —
    a line of bodies alone (organisations, or 各… as addressees are named) ending in a
    colon among the document's first lines; None when it has none (the text may say)."""
    if not ranked or not _ADDRESSEES_ASKED.search(a.norm):
        return None
    for row in searcher.document_passages(ranked[0].doc_id)[:W.dateline_passages]:
        line = normalize(row.text).strip()
        if row.role in ("title", "preamble") and _ADDRESSEE_LINE.match(line) and (
                line.startswith("各") or organisations(line)):
            text = row.text.strip().rstrip(":：")
            return text, [passage_of(row, W.found_threshold, [])]
    return None


# "最后提的第一条要求是啥?": the N-th numbered measure under a heading naming what is asked.
_NTH_ASKED = regex.compile(r"第([一二三四五六七八九十0-9]{1,3})(?:条|项|点|个)(要求|措施|任务|意见|建议|举措|"
                        r"做法|经验)")
_MARKER_NUMBER = regex.compile(r"[一二三四五六七八九十0-9]{1,3}")
# …not an article of a law (办法第十四条要求…): that is the text's to quote.
_ARTICLE = regex.compile(r"(?:法|条例|办法|规定|规则|细则|标准|》)\s*第[一二三四五六七八九十百0-9]+条")


def nth_measure(a: Analysis, ranked: list[Passage], searcher: Lookup
                ) -> tuple[str, list[Passage]] | None:
    """"通报最后提的第一条要求是啥?": in the best match's document, the N-th numbered measure
    (一是…, （一）…, 1.…) of the part whose heading names what is asked (下一步工作要求) —
    its heading phrase as the line, its sentences as the evidence; None when no heading
    names it, the part has no N-th measure, or an article of a law is asked (办法第十四条)."""
    m = _NTH_ASKED.search(a.norm)
    if m is None or not ranked or _ARTICLE.search(a.norm):
        return None
    n, asked = cn_number(m.group(1)), m.group(2)
    part: int | None = None
    rows = searcher.document_passages(ranked[0].doc_id)
    for at, row in enumerate(rows):
        if row.role in HEADLINES and asked in normalize(row.text):
            part = row.case_id
            continue
        marker = _MARKER_NUMBER.search(row.section_marker or "")
        if (part is not None and row.case_id == part and marker is not None
                and cn_number(marker.group()) == n):
            # The measure's heading sentence and what it goes on to say.
            said = [r for r in rows[at:at + 3] if r.section_id == row.section_id]
            line = (row.section_heading or row.text).strip()
            return line, [passage_of(r, W.found_threshold, []) for r in said]
    return None


# "案例四说的是哪起事故?", "第二个案例讲的什么?": what the case pointed at is about.
_CASE_ABOUT = regex.compile(r"(?:说|讲|写)的?(?:是|了)?(?:什么|啥|哪|谁)|是(?:什么|啥|哪)|关于(?:什么|啥)|"
                         r"标题|题目|内容")


def case_titled(a: Analysis, ranked: list[Passage], searcher: Lookup
                ) -> tuple[str, list[Passage]] | None:
    """"案例四说的是哪起事故?": the title of the case the question points at by number, in
    the best match's document (or the only one); None when it has no such case."""
    number = a.intent.case_asked
    if number is None or not _CASE_ABOUT.search(a.norm):
        return None
    doc_id = ranked[0].doc_id if ranked else searcher.only_document()
    if doc_id is None:
        return None
    for row in searcher.document_passages(doc_id, roles=("case_title",)):
        if row.case_number == number:
            return (row.case_title or row.text).strip(), [passage_of(row, W.found_threshold, [])]
    return None


def issue_date(doc_id: int, searcher: Lookup) -> Passage | None:
    """"这份通知是什么时候发的?": the date line under the signature (2025年3月18日).

    An announcement ends with its issuer and a line holding only the date;
    it shares no word with the question, so retrieval cannot find it.
    """
    for row in reversed(searcher.document_passages(doc_id)[-4:]):
        line = normalize(row.text).strip()
        # The date alone, or after the issuer's name on the same line.
        m = _DATE_LINE.search(line)
        if m and m.end() == len(line) and m.start() <= W.issuer_before_date:
            return passage_of(row, W.found_threshold, [])
    return None


# "这篇文章来源是哪个单位?": a web page's source, which its info bar labels 来源.
_SOURCE_ASKED = regex.compile(r"来源|出处")
_SOURCE_LABEL = regex.compile(r"(?:来源|來源)\s*[:：]\s*([^\s|｜:：]{2,40}?)(?=\s|$|[|｜]|发布|發布|时间|時間|日期)")


class PageLabels(NamedTuple):
    """What a web page's info bar labels (来源：…, 发布时间：2024-07-16 09:31) — kept by the
    reader as the document's own, not among its passages — and the title to cite for it."""

    issuer: str | None
    published: str | None
    cited: list[Passage]


def page_labels(doc_id: int, searcher: Lookup) -> PageLabels | None:
    """The document's :class:`PageLabels` (None when it has no title to cite)."""
    titles = searcher.document_passages(doc_id, roles=("title",))
    if not titles:
        return None
    issuer, published = searcher.document_labels(doc_id)
    return PageLabels(issuer, published, [passage_of(titles[0], W.found_threshold, [])])


def sourced(a: Analysis, ranked: list[Passage], searcher: Lookup
            ) -> tuple[str, list[Passage]] | None:
    """"这篇文章来源是哪个单位?": the source a web page's info bar labels 来源 (answer line,
    passages) — None when it labels none, so the text may answer."""
    if not ranked or not _SOURCE_ASKED.search(a.norm):
        return None
    for row in searcher.document_passages(ranked[0].doc_id)[:W.dateline_passages]:
        m = _SOURCE_LABEL.search(row.text)  # a text that keeps its info line quotes it
        if m:
            return m.group(1), [passage_of(row, W.found_threshold, [])]
    labels = page_labels(ranked[0].doc_id, searcher)
    if labels is None or labels.issuer is None:
        return None
    return labels.issuer, labels.cited


# A web page's line under its title: 发布时间：2025年6月18日, 發布日期: …, 日期：….
_LABELLED_DATE = regex.compile(r"(?:发布|发文|印发|成文)?(?:时间|日期)\s*[:：]\s*(" + _DATE_LINE.pattern
                            + ")")


def published(doc_id: int, searcher: Lookup) -> tuple[str, list[Passage]] | None:
    """"这批案例是哪天发布的?" on a web page: the date its top lines label 发布时间
    (answer line, passages)."""
    for row in searcher.document_passages(doc_id)[:W.dateline_passages]:
        m = _LABELLED_DATE.search(normalize(row.text))
        if m:
            return row.text[m.start(1):m.end(1)], [passage_of(row, W.found_threshold, [])]
    return None


__all__ = [
    "NO_DATE",
    "NO_ISSUER",
    "NO_NUMBER",
    "PageLabels",
    "addressed",
    "case_titled",
    "counted_cases",
    "dated",
    "issue_date",
    "nth_measure",
    "numbered",
    "page_labels",
    "published",
    "signature",
    "sourced",
    "this_document",
    "this_one",
    "titled",
    "with_this_document",
]
