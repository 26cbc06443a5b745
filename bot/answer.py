"""The answer core: ``answer(question) -> Answer``, pure of any channel.

Retrieval → context → answer, as separate steps:

* retrieve — the question's units (``bot.understand``) become an FTS5 OR
  query; BM25 proposes candidates;
* rank — each candidate is scored by how much of the question it covers
  (units weighted by rarity; a unit found only in the passage's case title or
  section heading counts half), plus a little BM25 and a hint of the kind of
  sentence the question wants;
* answer — a short direct answer from the index-time facts (who issued
  what, quantities, places) when the question asks for one, always with the
  quoted sentence; otherwise the best sentences.  If the best passage does not
  cover the question's key terms, the answer is "not found" — never a weak,
  unrelated quote.

The CLI, the terminal chat and every Telegram handler call :meth:`Engine.answer`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from bot.calibration import CALIBRATION
from bot.confidence import Calibration, gate
from bot.measures import wanted_units
from bot.refine import refine
from bot.reply import Answer, Passage, Status
from bot.understand import IN_CHARGE_VERBS, Analysis, Analyzer, Kind, is_askable, is_pinyin
from bot.weights import WEIGHTS as W
from indexer.facts import clause_spans, clause_subject, places
from indexer.normalize import is_cjk, normalize, normalize_many
from indexer.search import FactHit, PassageHit, Searcher
from indexer.terms import organisations

FOUND_THRESHOLD = W.found_threshold  # the public name callers use
_VAGUE_PLACE = re.compile(r"[多各全外][省市县州地国](?:市|区)?")
# "会同哪些部门…?", "哪些部门联合开展的?": the partners of a joint action are asked for.
_JOINT = r"(?:联合|会同|协同|配合|共同|与|和|同)"
# "X牵头抓总", "X负责": the authority in charge, right before its verb.
# Not the nouns: 负责人 (the person in charge), 主管部门 named as a thing.
_IN_CHARGE_A = re.compile(r"(?:具体|统一|全面)?(?:" + "|".join(IN_CHARGE_VERBS) + r")(?![人同])")
_DEPARTMENT_SUFFIXES = ("部门", "局", "厅", "委", "署", "办")
_BODY_SUFFIXES = ("部门", "单位", "机关", "机构", "委员会", "办公室", "办公厅", "政府", "中心",
                  "厅", "局", "委", "署", "院", "协会", "中办", "国办", "国务院", "中央",
                  "支队", "大队", "总队")
_COMPANY = re.compile(r"[\u4e00-\u9fff]{2,}(公司|集团|企业|合作社|厂)")
CANDIDATES = 100  # BM25's best; the weighted-coverage ranking re-scores these


NOT_FOUND = ("文件中没有找到与这个问题直接相关的内容。可以换个说法,或用文件里的词提问,"
             "例如部门名称、文件名或措施名称。")
NOT_FOUND_EN = ("The documents say nothing directly about this question. Try other words — a "
                "department, a document title or a measure — or ask in Chinese.")
EMPTY = "请输入一个问题,例如:哪个部门修订了畜禽屠宰管理条例?"


class Engine:
    """The answering service over one index."""

    def __init__(self, searcher: Searcher, analyzer: Analyzer,
                 calibration: Calibration | None = CALIBRATION, refining: bool = True) -> None:
        self.searcher = searcher
        self.analyzer = analyzer
        self.refining = refining  # check the direct answer against its quote (bot/refine.py)
        # Whether a direct answer is shown (bot/confidence.py); None shows every one
        # (scripts/fit_confidence.py fits the model on the ungated answers).
        self.calibration = calibration

    @classmethod
    def create(cls, searcher: Searcher, data_dir: Path) -> Engine:
        return cls(searcher, Analyzer(searcher, data_dir / "synonyms.tsv",
                                      data_dir / "glossary_en.tsv"))

    # -- the core ---------------------------------------------------------------
    def answer(self, question: str, top: int = 3) -> Answer:
        analysis = self.analyzer.analyze(question)
        if not is_askable(analysis.question):
            return Answer(question=analysis.question, found=False, answer=None, passages=(),
                          script=analysis.script, message=EMPTY, notice=analysis.notice,
                          status=Status.EMPTY)
        ranked = self._rank(analysis)
        about_notice = analysis.intent.about_notice
        if about_notice:
            ranked = self._with_this_document(analysis, ranked)
        if analysis.kind == "when" and ranked and about_notice:
            dated = self._issue_date(ranked[0].doc_id)
            if dated is not None:
                return Answer(question=analysis.question, found=True, answer=dated.text.strip(),
                              passages=(dated,), kind=analysis.kind, script=analysis.script,
                              notice=analysis.notice, terms=_terms(analysis))
        if analysis.kind in ("number", "when"):
            ranked = self._with_answer_type(analysis, ranked)
        elif analysis.kind == "who" and analysis.intent.asks_company:
            # "哪家企业?" is answered only by a sentence that names a business.
            ranked = [p for p in ranked[:10] if _COMPANY.search(p.norm)]
        if analysis.kind == "what" and analysis.intent.how_done:
            ranked = self._case_overview(analysis, ranked)
        found = bool(ranked) and ranked[0].score >= FOUND_THRESHOLD
        if found and (_names_part_only(analysis.norm, ranked[0].norm)
                      or _counted_only(analysis.norm, ranked[0].norm)
                      or _places_only(analysis, ranked[0])):
            found = False
        if not found:
            return Answer(question=analysis.question, found=False, answer=None, passages=(),
                          kind=analysis.kind, script=analysis.script,
                          message=self._not_found_message(analysis), notice=analysis.notice,
                          terms=_terms(analysis), status=Status.NOT_FOUND)
        direct, evidence = self._direct(analysis, ranked)
        if about_notice:
            direct, evidence = self._this_document(analysis, ranked, direct, evidence)
        if evidence is not None:
            ranked = [evidence, *[p for p in ranked if p.id != evidence.id]]
        ranked = self._expand_headings(_distinct(ranked), analysis)
        if analysis.kind == "what":
            ranked = self._followed_up(ranked, top)
        if len(ranked) < 2 * top:
            ranked = self._with_context(ranked)
        ranked = _distinct(ranked)
        answer = Answer(
            question=analysis.question, found=True, answer=direct, passages=tuple(ranked[:top]),
            kind=analysis.kind, script=analysis.script, notice=analysis.notice,
            more=tuple(ranked[top:top + 30]), terms=_terms(analysis))
        if self.refining:
            answer = refine(analysis, answer)
        if self.calibration is None or about_notice:
            # About the document itself the answer comes from its structure and
            # metadata (its batch, issuer, date), not from a sentence's wording.
            return answer
        return gate(analysis, answer, self.calibration)

    def _not_found_message(self, a: Analysis) -> str:
        """"Not covered", with what the documents do cover, so the user can rephrase —
        in English to a question asked in English."""
        titles, total = self.searcher.document_titles(3)
        english = _asked_in_english(a)
        if not titles:
            return NOT_FOUND_EN if english else NOT_FOUND
        listed = "、".join(f"《{t}》" for t in titles)
        if english:
            more = f" and {total - len(titles)} more" if total > len(titles) else ""
            return f"{NOT_FOUND_EN} Indexed: {listed}{more}."
        more = f"等 {total} 份文件" if total > len(titles) else ""
        return f"{NOT_FOUND}目前收录:{listed}{more}。"

    # -- ranking ------------------------------------------------------------------
    def _rank(self, a: Analysis) -> list[Passage]:
        # A lone digit or letter (1 OR 1=1, NEAR(a b, 2)) is no topic to answer about.
        known = [u for u in a.units if u.known and (len(u.text) >= 3 or not u.text.isascii())]
        if not known:
            return []
        # Words in more than 1 of 50 passages (管理, 部门) make BM25 score thousands
        # of rows; retrieve by the rarer words first, and fall back to all of them.
        rare = a.search_terms(min_weight=math.log(1 + 50))
        hits = self.searcher.search_passages(rare, CANDIDATES) if rare else []
        if len(hits) < CANDIDATES // 4:
            hits = self.searcher.search_passages(a.search_terms(), CANDIDATES)
        if not hits:
            return []
        top_bm25 = max(score for _, score in hits) or 1.0
        total = a.total_weight or 1.0
        scored: list[Passage] = []
        bodies = normalize_many([row.text for row, _ in hits])
        # Plain loops, not generators: this runs units × candidates times per question.
        units = [(u.alts, u.weight) for u in a.units]
        in_charge = bool(a.frame)
        # "发的是什么告知书?" asks for a 告知书 by name: a sentence naming one
        # (《…告知书》, “…”模式) answers it, whatever else the question says.
        focus = focus_of(a) if a.kind in ("what", "document") else None
        asked = [x for u in a.units for x in u.alts if len(x) >= 2]
        batch_m = _BATCH.search(a.norm)
        batch = batch_m.group(0) if batch_m else None
        named = (re.compile(rf"《[^》]*{re.escape(focus)}》|”{re.escape(focus)}")
                 if focus and len(focus) >= 2 else None)
        for (row, bm25), body in zip(hits, bodies, strict=True):
            context: str | None = None  # only looked at for units the body lacks
            covered = 0.0
            matched: list[str] = []
            for alts, weight in units:
                for x in alts:
                    if x in body:
                        covered += weight
                        matched.append(x)
                        break
                else:
                    if context is None:
                        context = _context(row.doc_title, row.case_title, row.section_heading)
                    for x in alts:
                        if x in context:
                            # Named by the case or section it stands under (西充县's
                            # 一田一档): said, though not in this sentence.  A place
                            # the case is about holds for all its sentences.
                            covered += (weight if _names_place(x, context)
                                        else W.heading_only_credit * weight)
                            break
            share = covered / total
            score = (share + W.bm25_share * (bm25 / top_bm25)
                     + _kind_hint(a.kind, body, row, in_charge))
            if batch and batch not in body:
                ctx = context or _context(row.doc_title, row.case_title, row.section_heading)
                if batch not in ctx and _BATCH.search(body + ctx):
                    # 第一批 asked, 第二批 said: another batch, not this one.
                    score -= W.other_batch_penalty
            if named is not None and named.search(body):
                score += W.named_focus_bonus
            if a.kind == "where" and any(
                    not any(x in p for x in asked) for p in places(body)):
                # "在哪?" is answered by a sentence naming a place the question does not.
                score += W.new_place_bonus
            if in_charge and row.role == "lead" and share >= W.in_charge_lead_share:
                # Who is in charge of a case is said in its lead paragraph; among
                # equally good matches it wins.
                score += W.in_charge_lead_bonus
            scored.append(_passage(row, score, matched))
        scored.sort(key=lambda p: (-p.score, p.id))
        return scored

    def _with_this_document(self, a: Analysis, ranked: list[Passage]) -> list[Passage]:
        """"这是第几批?", "这批一共选了多少项?": about the document itself, in few words.

        Its title and preamble answer, though they may share no word with the
        question.  Which document: the best match's, or the only one indexed.
        When the question names something else the documents lack (这个通知里
        说的高铁票价), nothing is added: that stays not found.
        """
        if any(not u.known and len(u.text) >= 2 for u in a.units):
            return ranked
        only = self.searcher.only_document() if not ranked else None
        if not ranked and only is None:
            return ranked  # "this" notice of several: cannot tell which
        doc_id = ranked[0].doc_id if ranked else only
        assert doc_id is not None
        seen = {p.id for p in ranked}
        own = [_passage(row, FOUND_THRESHOLD, []) for row in self.searcher.document_passages(
            doc_id, roles=("title", "preamble")) if row.id not in seen]
        return sorted([*ranked, *own], key=lambda p: (-p.score, p.id))

    def _this_document(self, a: Analysis, ranked: list[Passage], direct: str | None,
                       evidence: Passage | None) -> tuple[str | None, Passage | None]:
        """"这份通知是谁发的?" is about the document itself: its title answers.

        A title "X关于Y的通知" names its issuer X before 关于.
        """
        rows = self.searcher.document_passages(ranked[0].doc_id, roles=("title",))
        if not rows:
            return direct, evidence
        title = _passage(rows[0], ranked[0].score, [])
        preamble = self.searcher.document_passages(ranked[0].doc_id, roles=("preamble",))
        if a.intent.implements:
            # "这个通知是贯彻哪个文件的?": the preamble opens 为贯彻落实《…》.
            for row in preamble:
                m = _IMPLEMENTED.search(normalize(row.text))
                if m:
                    # 贯彻《意见》 after 《…的意见》(以下简称《意见》), maybe in an earlier
                    # sentence: the full title.
                    alias = r"(《[^》]{2,80}》)[((]以下简称" + re.escape(m.group(1))
                    for other in preamble:
                        full = re.search(alias, normalize(other.text))
                        if full:
                            return (other.text[full.start(1):full.end(1)],
                                    _passage(row, ranked[0].score, []))
                    return (row.text[m.start(1):m.end(1)],
                            _passage(row, ranked[0].score, []))
            return direct, evidence
        if a.kind == "who" and a.intent.asks_several:
            # "哪些部门一起评的?": the preamble's joint clause names them all
            # (省农业农村厅、省自然资源厅、省财政厅联合组织…); the title names one.
            for row in preamble:
                norm = normalize(row.text)
                for s, e in clause_spans(norm):
                    clause = norm[s:e]
                    if re.search(_JOINT_WORD, clause) and len(organisations(clause)) >= 2:
                        return row.text[s:e].strip(), _passage(row, ranked[0].score, [])
        if a.kind == "who":
            head = normalize(title.text).split("关于", 1)[0]
            names = organisations(head) if head != normalize(title.text) else []
            # "山东省教育厅 山东省市场监督管理局关于…": every issuer the title names.
            return ("、".join(_as_written(title.text, n) for n in names) if names
                    else direct), title
        if a.kind in ("document", "what"):
            return title.text, title
        return direct, evidence

    def _issue_date(self, doc_id: int) -> Passage | None:
        """"这份通知是什么时候发的?": the date line under the signature (2025年3月18日).

        An announcement ends with its issuer and a line holding only the date;
        it shares no word with the question, so retrieval cannot find it.
        """
        for row in reversed(self.searcher.document_passages(doc_id)[-4:]):
            line = normalize(row.text).strip()
            # The date alone, or after the issuer's name on the same line.
            m = _DATE_LINE.search(line)
            if m and m.end() == len(line) and m.start() <= 30:
                return _passage(row, FOUND_THRESHOLD, [])
        return None

    def _case_overview(self, a: Analysis, ranked: list[Passage]) -> list[Passage]:
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
        lead = next((r for r in self.searcher.case_passages(ranked[0].case_id)
                     if r.role == "lead"), None)
        if lead is None:
            return ranked
        top = _passage(lead, max(ranked[0].score, FOUND_THRESHOLD), [])
        return [top, *[p for p in ranked if p.id != lead.id]]

    def _with_answer_type(self, a: Analysis, ranked: list[Passage]) -> list[Passage]:
        """For how-many and when questions, only passages holding such a value can answer.

        "昌吉州有多少家小饭桌?" is not answered by a sentence about 小饭桌 that
        names no number of 家: the honest answer is "not covered".
        """
        pool = [p for p in ranked[:30] if p.score >= FOUND_THRESHOLD]
        if not pool:
            return ranked
        # A sentence that goes on with the best match's case (南昌…平台 ; 一是建立规则库,
        # …知识规则126条) lacks the words its case already said: nearly as good.
        pool += [p for p in ranked[len(pool):30]
                 if p.score >= FOUND_THRESHOLD - W.same_case_slack and p.case_id is not None
                 and p.case_id == pool[0].case_id]
        kind = "date" if a.kind == "when" else "quantity"
        units = wanted_units(a.norm) if a.kind == "number" else ()
        ordinal = a.intent.asks_ordinal
        # "哪天开工?" wants a day: "2023年以来" does not say it.
        day = a.kind == "when" and a.intent.asks_day
        holding = {f.passage_id for f, _ in self._facts_for([kind], pool, limit=30)
                   if (not units or any(f.norm.endswith(u) for u in units))
                   and (ordinal or not _ORDINAL.match(f.norm))
                   and (not day or "日" in f.norm or "号" in f.norm)}
        typed = [p if p.score >= FOUND_THRESHOLD else replace(p, score=FOUND_THRESHOLD)
                 for p in pool if p.id in holding]
        return [*typed, *[p for p in ranked if p.id not in holding]] if typed else []

    # -- direct answers ---------------------------------------------------------------
    def _direct(self, a: Analysis, ranked: list[Passage]) -> tuple[str | None, Passage | None]:
        direct: str | None = None
        evidence: Passage | None = None
        alias = self._alias(a, ranked)
        if alias is not None:
            return alias
        if a.kind in ("who", "document"):
            direct, evidence = self._issuance(a, ranked)
        elif a.kind in ("number", "when"):
            direct, evidence = self._quantity(a, ranked)
        elif a.kind == "where":
            direct, evidence = self._place(a, ranked)
        keywords_only = not _WH.search(a.norm) and not re.search(r"[??吗呢]", a.question)
        if direct is None and (a.kind != "what" or focus_of(a) or keywords_only):
            # No fact fits: the clause of the best sentence that answers the
            # question's focus (…探索2+N监管模式 for 探索的是什么监管模式?).
            best = evidence or ranked[0]
            direct = best_clause(best.text, a)
        return direct, evidence

    def _alias(self, a: Analysis, ranked: list[Passage]) -> tuple[str, Passage] | None:
        """"文中的《意见》指的是哪个文件?": a short name defined by 以下简称 → the full title."""
        if not re.search(r"《|指的是|指什么|是指|全称|全名|哪个文件", a.norm):
            return None
        for f in self.searcher.facts(["alias"]):
            asks_full_name = re.search(r"指的是|指什么|是指|全称|全名|哪个文件", a.norm)
            if f"《{f.norm}》" in a.norm or (asks_full_name and f.norm in a.norm):
                passage = self.passage(f.passage_id)
                if passage is not None and f.object:
                    return f"《{f.subject}》即《{f.object}》", passage
        return None

    def _facts_for(self, kinds: Sequence[str], ranked: list[Passage],
                   limit: int = 10) -> list[tuple[FactHit, int]]:
        """Facts of the given kinds in the top passages, with the passage's rank."""
        order = {p.id: i for i, p in enumerate(ranked[:limit])}
        facts = self.searcher.facts(kinds, order)
        return sorted(((f, order[f.passage_id]) for f in facts), key=lambda x: x[1])

    def _issuance(self, a: Analysis, ranked: list[Passage]) -> tuple[str | None, Passage | None]:
        best_score = ranked[0].score
        pool = [p for p in ranked[:10] if p.score >= best_score - W.issuance_pool]
        if a.kind == "who" and not a.intent.issuance:
            # "谁牵头抓总?" asks for an actor, not for who issued a document; the
            # sentence naming one may rank a little lower than one that does not.
            # Further down, a sentence of the best passage's own case (it shares the
            # case's topic without repeating it) or one saying who is in charge
            # ("归哪个部门管?" → "X部门牵头抓总") may answer too, if it names an
            # actor in the clause that answers.
            wide = [p for p in ranked[:10] if p.score >= best_score - W.actor_pool]
            lower = [p for p in ranked[len(wide):50]
                     if p.score >= best_score - W.actor_pool_lower]
            in_charge = bool(a.frame)
            wide += [p for p, body in zip(lower, normalize_many([p.text for p in lower]),
                                          strict=True)
                     if (p.case_id is not None and p.case_id == ranked[0].case_id)
                     or (in_charge and _IN_CHARGE_A.search(body))]
            return self._orgs_in(a, wide, best_score - W.actor_pool)
        by_id = {p.id: p for p in pool}
        candidates = [(f, r) for f, r in self._facts_for(["issuance"], pool)]
        if not candidates:
            return self._orgs_in(a, pool) if a.kind == "who" else (None, None)
        weights = {u.text: u.weight for u in a.units}

        def fit(f: FactHit) -> float:
            target = normalize(f.object or "") if a.kind == "who" else normalize(f.subject or "")
            other = normalize(f.subject or "") if a.kind == "who" else normalize(f.object or "")
            s = 0.0
            for u in a.units:
                if any(x in target for x in u.alts):
                    s += weights[u.text]
                elif any(x in other for x in u.alts) or (f.action and f.action in u.alts):
                    s += W.other_side_credit * weights[u.text]
            return s

        f, _ = max(candidates, key=lambda fr: (fit(fr[0]), -fr[1]))
        p = by_id[f.passage_id]
        where = f"({p.case_label or f'案例{p.case}'})" if p.case else ""
        if a.kind == "who":
            if not f.subject:
                return None, p
            return f"《{f.object}》由{f.subject}{f.action}{where}", p
        same = [g for g, _ in candidates if g.subject == f.subject and g.passage_id == f.passage_id]
        titles = "、".join(f"《{g.object}》" for g in same[:4])
        actor = f"{f.subject}" if f.subject else ""
        return f"{actor}{f.action}{titles}{where}", p

    def _orgs_in(self, a: Analysis, pool: list[Passage],
                  floor: float = 0.0) -> tuple[str | None, Passage | None]:
        """The authority named in the clause that best answers the question.

        A clause that names one wins; otherwise the sentence's subject as
        resolved at index time (its own, its section's or its case lead's).
        Not an answer: what the question itself names (…in Changji? is not
        answered by 昌吉州) or sets aside (除了市场监管…), nor a bare place when
        it asks for a department.  When the question asks who is in charge
        (归哪个部门管, who leads), a clause where the authority 牵头/负责 wins.
        Passages scoring below ``floor`` count only with an actor in that clause.
        """
        named = {x for u in a.units for x in u.alts}
        wants_body = a.intent.asks_body
        in_charge = bool(a.frame)
        asks_department = a.intent.asks_department
        partners = a.intent.partners

        def acceptable(name: str) -> bool:
            norm_name = normalize(name)
            if norm_name in named or any(x and x in norm_name for x in a.excluded):
                return False
            if norm_name.rsplit("、", 1)[-1] in _BODY_SUFFIXES:
                return False  # 政府主导、部门(联动): a bare 部门 names nobody
            if re.fullmatch(r"[全各本该][省市县州区盟]", norm_name):
                return False  # 全市 is a scope, not an actor
            if re.search(r"[为将把对是向在]", norm_name):
                # 校舍改建为…幸福院 is a clause ending in 院, not a body; so is
                # 线索直接向市医保局 (反馈) — the body is the object of 向.
                return False
            return not (wants_body and not norm_name.endswith(_BODY_SUFFIXES))

        best: tuple[float, str, Passage] | None = None
        for p in pool:
            clause = (in_charge and _in_charge_clause(p.text)) or best_clause(p.text, a)
            if partners:
                # The clause with the joint action answers, even when another one
                # holds more of the question's words (…开展“双随机”联合检查).
                clause = _joint_clause(p.text) or clause
            if not clause:
                continue
            names = _actors(clause, acceptable)
            if not names and a.excluded:
                # "除了X,还有谁?": X's clause answers nothing; the next one may
                # (X牵头抓总,教育、卫健…五部门协同作战).
                norm_text = p.norm
                clause = next((p.text[s:e].strip() for s, e in clause_spans(norm_text)
                               if _actors(p.text[s:e], acceptable)), clause)
                names = _actors(clause, acceptable)
            elif not names:
                # "责任人被谁拘留?": the clause richest in the question's words names
                # the people acted on; the one naming the actor holds the verb
                # (…责任人,公安机关依法予以行政拘留).
                norm_text = p.norm
                acting = [(sum(u.weight for u in a.units if any(x in norm_text[s:e]
                                                              for x in u.alts)), s, e)
                          for s, e in clause_spans(norm_text)
                          if _actors(p.text[s:e], acceptable)]
                acting = [c for c in acting if c[0] > 0]
                if acting:
                    _, s, e = max(acting)
                    clause = p.text[s:e].strip()
                    names = _actors(clause, acceptable)
            norm_clause = normalize(clause)
            joint = re.search(_JOINT, norm_clause) if partners else None
            if partners and joint:
                # X联合Y、Z…: the lead and its partners acted together; "会同哪些
                # 部门?" wants Y、Z, "哪些部门联合…?" all of them.
                after = [n for n in organisations(norm_clause[joint.end():]) if acceptable(n)]
                lead = names[:1] if names and norm_clause.find(names[0]) < joint.start() else []
                if after:
                    names = [*(lead if partners.startswith("哪") else []), *after]
            if names:
                # The actor stands in the very clause that answers: strongest.
                pos = norm_clause.find(names[0])
                bonus = W.actor_in_clause_bonus
                if asks_department and normalize(names[0]).endswith(_DEPARTMENT_SUFFIXES):
                    bonus += W.department_bonus  # "哪些部门?": …五部门 and …局 are departments, 州政府 is not
                if in_charge and pos >= 0 and _IN_CHARGE_A.match(
                        norm_clause, pos + len(names[0])):
                    bonus += W.in_charge_actor_bonus
                shown = [names[0]]
                if a.excluded or joint:
                    # "还有哪些?" wants all the others (市消防救援支队、市场监管局).
                    shown += [n for n in names[1:] if not any(n in m for m in shown)]
                candidate = (p.score + bonus, "、".join(_as_written(clause, n) for n in shown), p)
            else:
                own = clause_subject(p.norm)
                bonus = W.own_subject_bonus  # the sentence's own subject acts in all its clauses
                if not own or not acceptable(own):
                    # "为贯彻…,省民政厅会同…总结…,形成第二批典型经验": the actor of
                    # the answering clause stands in an earlier one.
                    own = _earlier_actor(p.text, clause, acceptable)
                    bonus = W.earlier_actor_bonus
                if not own or p.score < floor:
                    continue  # a sentence that names no actor cannot say who
                candidate = (p.score + bonus, _as_written(p.text, own), p)
            if best is None or candidate[0] > best[0]:
                best = candidate
        if best:
            return best[1], best[2]
        top = pool[0] if pool else None
        if top is None:
            return None, None
        own = clause_subject(top.norm)
        own = own if own and acceptable(own) else None
        subject = own or next(
            (f.subject for f, _ in self._facts_for(["subject"], [top]) if f.subject), None)
        return subject, top if subject else None

    def _quantity(self, a: Analysis, ranked: list[Passage]) -> tuple[str | None, Passage | None]:
        best_score = ranked[0].score
        pool = [p for p in ranked[:10] if p.score >= best_score - W.value_pool]
        units = wanted_units(a.norm) if a.kind == "number" else ()
        ordinal = a.intent.asks_ordinal
        facts = [(f, r) for f, r in self._facts_for(
            ["date" if a.kind == "when" else "quantity"], pool)
            if (not units or any(f.norm.endswith(u) for u in units))
            and (ordinal or not _ORDINAL.match(f.norm))]
        if not facts:
            return None, None
        by_id = {p.id: p for p in pool}

        def fit(item: tuple[FactHit, int]) -> tuple[float, float, int]:
            f, rank = item
            p = by_id[f.passage_id]
            body = p.norm
            pos = body.find(f.norm)
            # The words next to a figure describe it, but not across a clause
            # break (…医疗机构312家,查处…89家: 查处 belongs to the 89).
            start = max(0, pos - 12)
            before = _CLAUSE_BREAK.split(body[start:pos])[-1]
            after = _CLAUSE_BREAK.split(body[pos:pos + len(f.norm) + 4])[0]
            near = before + after
            s = sum(u.weight for u in a.units if any(x in near for x in u.alts))
            return (s, p.score, -rank)

        f, _ = max(facts, key=fit)
        p = by_id[f.passage_id]
        return _clause_around(p.text, f.norm), p

    def _place(self, a: Analysis, ranked: list[Passage]) -> tuple[str | None, Passage | None]:
        best = ranked[0]
        named = {normalize(u) for u in (x for unit in a.units for x in unit.alts)}
        # "哪个州" wants a 州: prefer places of the asked-for level.
        level = re.search(r"哪(?:一|几)?[个些]?(州|市|县|省|地区|街道|区|镇|乡|村)", a.norm)
        suffix = level.group(1) if level else ""
        # "和哪些地方…?": the place, if any, stands in the clause that answers;
        # a clause naming places only vaguely (与多省市建立…) is itself the answer.
        clause = best_clause(best.text, a)
        if clause:
            named_place = _place_in_clause(clause, named, suffix, a.intent.plural_places)
            if named_place:
                return named_place, best
            if not suffix and _VAGUE_PLACE.search(normalize(clause)):
                return clause, best
        for f, _ in sorted(self._facts_for(["place"], [best]),
                           key=lambda fr: not (fr[0].norm.endswith(suffix) and suffix)):
            if f.subject and normalize(f.subject) not in named and (
                    not suffix or f.norm.endswith(suffix)):
                return f.subject, best
        if best.case_id is not None:
            lead = self.searcher.case_passages(best.case_id, roles=("case_title", "lead"))
            ids = {p.id for p in lead}
            for f in self.searcher.facts(["place"], ids):
                if f.subject and normalize(f.subject) not in named and (
                        not suffix or f.norm.endswith(suffix)):
                    return f.subject, best
        return None, None

    def _expand_headings(self, ranked: list[Passage], a: Analysis) -> list[Passage]:
        """A bare heading (一是…。) answers nothing: follow it with its section's sentences."""
        if not ranked or ranked[0].role not in ("heading", "case_title"):
            return ranked
        head = ranked[0]
        if head.role == "case_title":
            # A case title is a headline; its lead paragraph says the same in a
            # sentence (昌吉州将"小饭桌"作为…).  When the lead answers about as well,
            # quote it first, the title after it.
            lead = next((p for p in ranked[1:10] if p.case_id == head.case_id
                         and p.role == "lead" and p.score >= head.score - W.lead_over_title),
                        None)
            if lead is not None:
                return [lead, head, *[p for p in ranked[1:] if p.id != lead.id]]
        body = self._surroundings(head)
        if body is None:
            return ranked
        extra = [_passage(row, head.score - 0.001 * (i + 1), list(head.terms))
                 for i, row in enumerate(body) if (row.id != head.id and row.role == "body")
                 or (head.role == "case_title" and row.id != head.id)]
        seen = {head.id, *(p.id for p in extra)}
        rest = [p for p in ranked[1:] if p.id not in seen]
        if head.role == "heading" and extra:
            # A heading (（二）发展助餐服务。) names the measure; its sentences say
            # what was done, and the citation shows the heading anyway.
            return [*extra[:3], head, *rest]
        return [head, *extra[:3], *rest]

    def _surroundings(self, head: Passage) -> list[PassageHit] | None:
        """The sentences ``head`` stands among: its section's, else its case's lead."""
        if head.section_id is not None:
            return self.searcher.section_passages(head.section_id)
        if head.case_id is not None:
            return self.searcher.case_passages(head.case_id, roles=("lead",))
        return None

    def _followed_up(self, ranked: list[Passage], top: int) -> list[Passage]:
        """One good match and weak ones after it: the sentences after the match say more.

        "联合河长制都有啥做法?" finds "…推行“联合河长制”。"; what it consists of
        follows in the same section (一是…, 二是…), not in sentences elsewhere that
        share a word with the question.
        """
        strong = [p for p in ranked[:top] if p.score >= FOUND_THRESHOLD]
        if len(strong) != 1 or len(ranked) < 2 or strong[0] is not ranked[0]:
            return ranked
        head = ranked[0]
        rows = self._surroundings(head)
        if rows is None:
            return ranked
        after = [r for r in rows if r.id > head.id and r.role in ("body", "lead")][:top - 1]
        if not after:
            return ranked
        follow = [_passage(r, FOUND_THRESHOLD - 0.001 * (i + 1), []) for i, r in enumerate(after)]
        ids = {p.id for p in follow}
        return [head, *follow, *[p for p in ranked[1:] if p.id not in ids]]

    def _with_context(self, ranked: list[Passage]) -> list[Passage]:
        """Few matches: follow them with the rest of the best passage's case (更多结果).

        The sentences around an answer are what a reader turns to next; they
        rank below every real match and carry no matched terms.
        """
        head = ranked[0]
        if head.case_id is None:
            return ranked
        seen = {p.id for p in ranked}
        rows = self.searcher.case_passages(head.case_id)
        # Same section first, then the rest of the case in document order.
        rows.sort(key=lambda r: (r.section_id != head.section_id, r.seq))
        low = min(p.score for p in ranked)
        extra = [_passage(r, low * W.context_score - 0.001 * i, []) for i, r in enumerate(rows)
                 if r.id not in seen and r.role in ("lead", "body")]
        return [*ranked, *extra]

    # -- browsing -------------------------------------------------------------------
    def passage(self, passage_id: int) -> Passage | None:
        row = self.searcher.passages([passage_id]).get(passage_id)
        return _passage(row, 0.0, []) if row else None


def _distinct(ranked: list[Passage]) -> list[Passage]:
    """Each wording once: copies of a document (a re-post, an uploaded duplicate) would
    otherwise quote the same sentence two or three times."""
    seen: set[str] = set()
    out: list[Passage] = []
    for p in ranked:
        if p.text not in seen:
            seen.add(p.text)
            out.append(p)
    return out


def _asked_in_english(a: Analysis) -> bool:
    """No Chinese in the question, and a word in it that is not pinyin (geren suodeshui is
    a Chinese asker typing pinyin; "which department" is English)."""
    if any(is_cjk(ch) for ch in a.question):
        return False
    return any(not is_pinyin(w) for w in re.findall(r"[A-Za-z]{2,}", a.question))


@lru_cache(maxsize=8192)
def _names_place(word: str, context: str) -> bool:
    """Whether ``word`` stands in ``context`` as a place (佛山 in 佛山市…)."""
    pos = context.find(word)
    after = context[pos + len(word):pos + len(word) + 1] if pos >= 0 else ""
    return after in _PLACE_TAILS or word[-1:] in _PLACE_TAILS


_PLACE_TAILS = frozenset("省市县区州镇乡村旗盟")


@lru_cache(maxsize=8192)  # restored: commit a4793d9 slid _names_place between the two
def _context(doc_title: str, case_title: str | None, section_heading: str | None) -> str:
    """A sentence stands under its document's title, its case and its section (normalised;
    cached: the same headings come back question after question)."""
    return normalize(" ".join(filter(None, (doc_title, case_title, section_heading))))


def _terms(a: Analysis) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for u in a.units if u.known for x in u.alts))


def _kind_hint(kind: Kind, body: str, row: PassageHit, in_charge: bool = False) -> float:
    """A small preference for the kind of sentence the question wants."""
    if row.role in ("title", "case_title", "heading"):
        # A heading names a topic; a sentence under it says something about it.
        return W.heading_hint
    if row.role == "lead":
        # Among equally good matches the case's lead paragraph is the overview.
        return W.lead_hint
    # "Who issued《…》?" wants the issuing sentence; "who is in charge?" does not.
    if kind in ("who", "document") and "《" in body and not in_charge:
        return W.kind_hint
    if kind == "number" and re.search(r"\d", body):
        return W.kind_hint
    return 0.0


def _passage(row: PassageHit, score: float, matched: Sequence[str]) -> Passage:
    section = None
    if row.section_marker or row.section_heading:
        section = f"{row.section_marker or ''}{row.section_heading or ''}" or None
    return Passage(id=row.id, text=row.text, score=score, doc=row.doc_title, doc_id=row.doc_id,
                   case=row.case_number if row.case_number else None, case_id=row.case_id,
                   case_title=row.case_title or None, section=section,
                   section_id=row.section_id, role=row.role, terms=tuple(dict.fromkeys(matched)),
                   case_label=row.case_label)


_BATCH = re.compile(r"第[一二三四五六七八九十0-9]+批|首批")
# A rank or a batch (第16位, 第二批, 首批) answers 第几, never 多少/几个.
_ORDINAL = re.compile(r"第|首批")


_CLAUSE_BREAK = re.compile(r"[,;:。!?]")
# "贯彻哪个文件?": what the document implements, cited in its preamble (为贯彻落实《…》).
_IMPLEMENTED = re.compile(r"(?:贯彻|落实|依据|根据|按照|遵照)[^。；;《]{0,12}(《[^》]{2,80}》)")
_JOINT_WORD = r"联合|会同|共同|协同"
# A signature's date line: 2025年3月18日, 二〇二五年三月十八日.
_DATE_LINE = re.compile(r"[0-9〇零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月"
                        r"[0-9一二三四五六七八九十]{1,3}日")
_WH = re.compile(r"什么样的|什么|哪些|哪个|哪项|哪种|哪|啥|何种|\bwhat\b|\bwhich\b")


def focus_of(a: Analysis) -> str | None:
    """The noun a what-question asks about: 什么监管模式 → 监管模式; 平台叫啥 → 平台.

    The words right after the question word, up to punctuation, form the
    phrase; ``best_clause`` also accepts its head (last word) alone.
    """
    m = _WH.search(a.norm)
    if not m:
        return None
    after = re.split(r"[,,。??!!;;]", a.norm[m.end():])[0].lstrip("的了是样")
    after = re.sub(r"[的了吗呢吧啊呀]+$", "", after)
    units = [u for u in a.units if u.known]
    phrase = ""
    for u in units:
        alt = next((x for x in (u.text, *u.alts) if after.startswith(phrase + x)), None)
        if alt is not None and u.text in after:
            phrase = after[:len(phrase) + len(u.text)]
            if phrase == after:
                break
    if phrase:
        return phrase
    before = a.norm[:m.start()].rstrip("叫是的了为")
    for u in reversed(units):
        if before.endswith(u.text):
            return u.alts[0]
    return None


# From the widest place to the narrowest: "where?" is answered by the narrowest.
_PLACE_LEVELS = (("自治区", 0), ("省", 0), ("地区", 1), ("州", 1), ("盟", 1), ("市", 1),
                 ("县", 2), ("旗", 2), ("区", 3), ("镇", 4), ("乡", 4), ("街道", 5), ("村", 6))


def _place_level(name: str) -> int:
    return next((rank for suffix, rank in _PLACE_LEVELS if name.endswith(suffix)), 1)


def _place_in_clause(clause: str, named: set[str], suffix: str, plural: bool) -> str | None:
    """The narrowest place ``clause`` names that the question does not (with the places
    written right before it: 顺德区勒流街道); all of that level for 哪些/哪几个."""
    norm = normalize(clause)
    found: list[tuple[int, str]] = []
    for name in places(norm):
        pos = norm.find(name)
        if pos < 0 or normalize(name) in named or any(
                len(x) >= 2 and name.startswith(x) for x in named):
            continue
        if suffix and not name.endswith(suffix):
            continue
        found.append((pos, name))
    if not found:
        return None
    narrowest = max(_place_level(name) for _, name in found)
    chosen = sorted((pos, name) for pos, name in found if _place_level(name) == narrowest)
    if plural and len(chosen) > 1:
        return "、".join(clause[pos:pos + len(name)] for pos, name in chosen)
    pos, name = chosen[0]
    start = pos
    # Wider places written just before it qualify it (乳源瑶族自治县大桥镇).
    for other_pos, other in sorted(found, reverse=True):
        if other_pos + len(other) == start and _place_level(other) < narrowest:
            start = other_pos
    return clause[start:pos + len(name)]


def _as_written(text: str, norm_piece: str) -> str:
    """``norm_piece`` as ``text`` writes it (normalisation keeps offsets)."""
    pos = normalize(text).find(norm_piece)
    return text[pos:pos + len(norm_piece)] if pos >= 0 else norm_piece


def _actors(clause: str, acceptable: Callable[[str], bool]) -> list[str]:
    """The authorities a clause names (its opening subject first) that may answer."""
    norm = normalize(clause)
    subject = clause_subject(norm)
    return [n for n in ([subject] if subject else []) + organisations(norm) if acceptable(n)]


# A letter standing for something (the N of 2+N): Chinese parts (两检 of 两检两公开)
# are often spelled out in the same sentence in other words.
_PART_OF = re.compile(r"([^\s,,。??]{2,20}?)(?:里|中|当中)的([a-z0-9]{1,3})"
                      r"(?:具体|到底|究竟)?(?:是|指|代表|包括)")


def _places_only(a: Analysis, best: Passage) -> bool:
    """"成都到绵阳高铁票多少钱?" matched by a sentence of the 绵阳 case on its places
    alone: the places scope a question, its topic must be met as well."""
    body = best.norm
    where = body + " " + normalize(" ".join(filter(None, (best.doc, best.case_title,
                                                          best.section))))
    topic = [u for u in a.units
             if not any(x in where and _names_place(x, where) for x in u.alts)]
    if len(topic) == len(a.units) or not topic:
        return False  # no place in the question, or nothing but places
    # Its words, not lone characters (到, 高 match anything), said here or by the
    # case the sentence stands under.
    return not any(len(u.text) >= 2 and any(x in where for x in u.alts) for u in topic)


def _names_part_only(question: str, body: str) -> bool:
    """"2+N监管模式里的N是哪些部门?": the passage has N only inside 2+N监管模式.

    A question about a part of a term is not answered by a sentence that
    names the term without spelling out the part: "not found" is honest.
    """
    m = _PART_OF.search(question)
    if not m:
        return False
    whole, part = m.group(1), m.group(2)
    if whole not in body or part not in whole:
        return False
    return part not in body.replace(whole, " ")


_ASKS_NAME = re.compile(r"(?:的)?(?:叫什么|名字|名称|是哪几家|是哪家|分别是哪)")
_COUNTED_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两几多数]+)(?:余|多)?[家个所名位批座]$")


def _counted_only(question: str, body: str) -> bool:
    """"被解除协议的民营医院叫什么名字?": the passage only counts them (3家民营医院).

    A question asking for names is not answered by a sentence that gives the
    things it asks about only as a number: "not found" is honest.
    """
    m = _ASKS_NAME.search(question)
    if not m:
        return False
    before = question[:m.start()]
    thing = next((before[-n:] for n in range(min(8, len(before)), 1, -1)
                  if before[-n:] in body), None)
    if thing is None:
        return False
    starts = [i for i in range(len(body)) if body.startswith(thing, i)]
    return all(_COUNTED_BEFORE.search(body[max(0, i - 6):i]) for i in starts)


def _earlier_actor(text: str, clause: str, acceptable: Callable[[str], bool]) -> str | None:
    """The nearest authority named in a clause of ``text`` before ``clause``."""
    norm = normalize(text)
    end = norm.find(normalize(clause))
    if end <= 0:
        return None
    for s, e in reversed(clause_spans(norm[:end])):
        names = _actors(text[s:e], acceptable)
        if names:
            return names[0]
    return None


def _joint_clause(text: str) -> str | None:
    """The clause of ``text`` where a body acts with partners (X联合Y、Z…), if any."""
    norm = normalize(text)
    for s, e in clause_spans(norm):
        m = re.search(_JOINT, norm[s:e])
        if m and organisations(norm[s + m.end():e]):
            return text[s:e].strip()
    return None


def _in_charge_clause(text: str) -> str | None:
    """The clause of ``text`` that says who is in charge (市场监管部门牵头抓总), if any."""
    norm = normalize(text)
    for s, e in clause_spans(norm):
        subject = clause_subject(norm[s:e])
        if subject and _IN_CHARGE_A.match(norm, norm.find(subject, s) + len(subject)):
            return text[s:e].strip()
    return None


def best_clause(text: str, a: Analysis) -> str | None:
    """The clause of ``text`` that holds the question's focus, else covers most of it."""
    norm = normalize(text)
    focus = focus_of(a)
    best: tuple[float, int, tuple[int, int]] | None = None
    for s, e in clause_spans(norm):
        piece = norm[s:e]
        score = sum(u.weight for u in a.units if any(x in piece for x in u.alts))
        if focus and focus in piece:
            score += 100.0
        elif focus and len(focus) > 2 and focus[-2:] in piece:
            score += 50.0  # the head noun (…模式, …机制) alone
        key = (score, -(e - s), (s, e))
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] <= 0:
        return None
    s, e = best[2]
    return text[s:e].strip()


def _clause_around(text: str, norm_piece: str) -> str:
    """The clause of ``text`` that holds ``norm_piece`` (as written in ``text``)."""
    norm = normalize(text)
    pos = norm.find(norm_piece)
    if pos < 0:
        return norm_piece
    s, e = next(((s, e) for s, e in clause_spans(norm) if s <= pos < e), (0, len(text)))
    return text[s:e].strip()
