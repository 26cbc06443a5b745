"""What a document yields to the index: its quotable sentences, each with its role (title,
preamble, case title, lead, heading, body) and where it stands (case, section, offsets).

Its own module so that the fact extractor (:mod:`indexer.facts`) and the preparation
pipeline (:mod:`indexer.pipeline`) both read it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.model import Document


@dataclass(frozen=True)
class PassageSpec:
    """A sentence to index, with where it stands in its document."""

    role: str
    case: int | None  # index into Document.cases
    section: int | None  # index into Case.sections
    paragraph: int
    start: int
    end: int
    text: str


def passages_of(doc: Document) -> list[PassageSpec]:
    """Every quotable sentence of ``doc`` in document order, with its role."""
    out: list[PassageSpec] = []
    title_end = doc.text.find(doc.title)
    if title_end >= 0:
        out.append(PassageSpec("title", None, None, 0, title_end, title_end + len(doc.title),
                               doc.title))
    for s in doc.preamble:
        out.append(PassageSpec("preamble", None, None, s.paragraph, s.start, s.end, s.text))
    for ci, case in enumerate(doc.cases):
        if case.title:
            start = case.start
            named_at = doc.text.find(case.title, start, case.end)
            if named_at >= 0 and "\n" in doc.text[start:named_at]:
                # The name on the line under a marker alone (案例一 / ◆ …案 ◆): that line.
                start = doc.text.rfind("\n", 0, named_at) + 1
            line = doc.text[start:].split("\n", 1)[0].strip()
            out.append(PassageSpec("case_title", ci, None, -1, start, start + len(line), line))
        for s in case.lead_sentences:
            out.append(PassageSpec("lead", ci, None, s.paragraph, s.start, s.end, s.text))
        for si, sec in enumerate(case.sections):
            for k, s in enumerate(sec.sentences):
                is_heading = k == 0 and bool(sec.heading) and len(s.text) <= len(
                    sec.marker) + len(sec.heading) + 2
                out.append(PassageSpec("heading" if is_heading else "body", ci, si, s.paragraph,
                                       s.start, s.end, s.text))
    return out


__all__ = ["PassageSpec", "passages_of"]
