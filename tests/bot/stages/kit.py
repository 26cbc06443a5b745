"""Tiny inputs for testing one answer stage alone: a question's analysis built by hand and
an in-memory :class:`bot.lookup.Lookup` over a few rows — no index, no jieba."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from bot.analysis import Analysis, Kind, Unit
from bot.focus import focus_of
from bot.intent import read_intent
from bot.reply import Passage, passage_of
from bot.understand import classify
from indexer.normalize import detect_script, normalize
from indexer.search import FactHit, PassageHit


def analysis(question: str, units: Sequence[str | tuple[str, float]],
             kind: Kind | None = None, frame: tuple[str, ...] = (),
             excluded: tuple[str, ...] = ()) -> Analysis:
    """The analysis of ``question`` with the given units (word, or (word, weight); 1.0)."""
    norm = normalize(question)
    made = [Unit(text=u, alts=(u,), weight=1.0, known=True) if isinstance(u, str)
            else Unit(text=u[0], alts=(u[0],), weight=u[1], known=True) for u in units]
    a = Analysis(question, norm, detect_script(question), kind or classify(norm), units=made,
                 frame=frame, excluded=excluded, intent=read_intent(norm, question))
    a.focus = focus_of(a)  # as the Analyzer sets it
    return a


def row(id: int, text: str, role: str = "body", *, doc_id: int = 1, doc_title: str = "通知",
        case: int | None = None, case_title: str | None = None, section: int | None = None,
        heading: str | None = None, seq: int | None = None) -> PassageHit:
    """One indexed passage (case ``case`` has case id ``case`` and number ``case``)."""
    return PassageHit(id=id, text=text, role=role, seq=id if seq is None else seq, paragraph=id,
                      doc_id=doc_id, doc_title=doc_title, doc_source="t.txt", case_id=case,
                      case_number=case, case_title=case_title, section_id=section,
                      section_marker=None, section_heading=heading)


def ranked(*scored: tuple[PassageHit, float]) -> list[Passage]:
    """Rows with their scores as the ranking stage would hand them on."""
    return [passage_of(r, s, []) for r, s in scored]


@dataclass
class MemoryLookup:
    """An in-memory :class:`bot.lookup.Lookup`: passages in document order, facts by hand."""

    rows: list[PassageHit]
    fact_rows: list[FactHit] = field(default_factory=list)
    words: dict[int, tuple[str, ...]] = field(default_factory=dict)  # row id → its tokens
    # document id → (issuer, ISO date), as a web page's info bar gives them
    labels: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)

    def search_passages(self, terms: Sequence[str],
                        limit: int = 200) -> list[tuple[PassageHit, float]]:
        hits = [(r, float(sum(normalize(r.text).count(t) for t in terms))) for r in self.rows]
        return sorted([h for h in hits if h[1]], key=lambda h: -h[1])[:limit]

    def passages(self, ids: Sequence[int]) -> dict[int, PassageHit]:
        return {r.id: r for r in self.rows if r.id in ids}

    def section_passages(self, section_id: int) -> list[PassageHit]:
        return [r for r in self.rows if r.section_id == section_id]

    def case_passages(self, case_id: int,
                      roles: Collection[str] | None = None) -> list[PassageHit]:
        return [r for r in self.rows if r.case_id == case_id and (not roles or r.role in roles)]

    def document_passages(self, doc_id: int,
                          roles: Collection[str] | None = None) -> list[PassageHit]:
        return [r for r in self.rows if r.doc_id == doc_id and (not roles or r.role in roles)]

    def document_openings(self, doc_ids: Collection[int],
                          limit: int) -> dict[int, list[PassageHit]]:
        return {d: self.document_passages(d)[:limit] for d in doc_ids}

    def only_document(self) -> int | None:
        docs = {r.doc_id for r in self.rows}
        return docs.pop() if len(docs) == 1 else None

    def facts(self, kinds: Collection[str],
              passage_ids: Collection[int] | None = None) -> list[FactHit]:
        return [f for f in self.fact_rows if f.kind in kinds
                and (passage_ids is None or f.passage_id in passage_ids)]

    def document_titles(self, limit: int) -> tuple[list[str], int]:
        titles = list(dict.fromkeys(r.doc_title for r in self.rows))
        return titles[:limit], len(titles)

    def document_labels(self, doc_id: int) -> tuple[str | None, str | None]:
        return self.labels.get(doc_id, (None, None))

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]:
        """The terms the rows' words hold (``words``: the index's tokens, by hand), with how
        many rows hold each."""
        counts = {t: sum(t in self.words.get(r.id, ()) for r in self.rows) for t in terms}
        return {t: n for t, n in counts.items() if n}


def fact(passage_id: int, kind: str, norm: str, subject: str | None = None,
         action: str | None = None, object: str | None = None) -> FactHit:
    return FactHit(passage_id=passage_id, kind=kind, subject=subject, action=action,
                   object=object, norm=norm)
