"""What the answer core returns: :class:`Answer` (with its :class:`Status`) and the quoted
:class:`Passage` s — the public contract every channel formats (terminal, JSON, Telegram,
web).  Its own module so that the stages after the core (:mod:`bot.refine`,
:mod:`bot.confidence`) read it without importing the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from indexer.normalize import Script, normalize

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bot.analysis import Kind
    from indexer.search import PassageHit


@dataclass(frozen=True)
class Passage:
    """A quoted sentence and where it stands."""

    id: int
    text: str  # verbatim original
    score: float
    doc: str
    doc_id: int
    case: int | None
    case_id: int | None
    case_title: str | None
    section: str | None  # marker + heading, e.g. 一是抓政策保障,夯實產業基礎
    section_id: int | None
    role: str
    terms: tuple[str, ...] = ()  # normalised words of the question found in ``text``
    case_label: str | None = None  # the case as the document names it (案例2, 一、甲州做法)
    # The share of the question's weight the passage (or the headings above it) says: what
    # decides "found", apart from the ranking score that orders passages.  A passage placed
    # by a rule rather than ranked (a date line, a lead) covers what its score says.
    coverage: float | None = None
    # A sentence that goes on with the one before it (共投资了3亿元 after the sentence naming
    # the project): that sentence, normalised — read with the headings as what it is about.
    carried: str = field(default="", repr=False, compare=False)
    # The opening sentences of its case, normalised: where a case report names its place
    # (江阴市某公司…) when its title names the city above it (无锡市查处…).
    opening: str = field(default="", repr=False, compare=False)

    @property
    def covers(self) -> float:
        return self.score if self.coverage is None else self.coverage

    @cached_property
    def norm(self) -> str:
        """``text`` normalised (simplified script, half-width; same length), once."""
        return normalize(self.text)

    def highlight_spans(self) -> list[tuple[int, int]]:
        """Merged ``(start, end)`` ranges of ``text`` where matched terms occur."""
        norm = self.norm
        spans: list[tuple[int, int]] = []
        for term in self.terms:
            for m in re.finditer(re.escape(term), norm):
                spans.append((m.start(), m.end()))
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        return merged

    def citation(self) -> str:
        parts = [self.doc]
        if self.case:
            parts.append(self.case_label or f"案例{self.case}")
        elif self.case_title:
            parts.append(self.case_title)  # a news article: its headline
        if self.section:
            parts.append(self.section)
        return " · ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "case": self.case, "case_title": self.case_title,
                "section": self.section, "text": self.text, "score": round(self.score, 4)}


def passage_of(row: PassageHit, score: float, matched: Sequence[str],
               coverage: float | None = None) -> Passage:
    """The :class:`Passage` quoting an index row, with its score and the question's words in it."""
    section = None
    if row.section_marker or row.section_heading:
        section = f"{row.section_marker or ''}{row.section_heading or ''}" or None
    return Passage(id=row.id, text=row.text, score=score, doc=row.doc_title, doc_id=row.doc_id,
                   case=row.case_number if row.case_number else None, case_id=row.case_id,
                   case_title=row.case_title or None, section=section,
                   section_id=row.section_id, role=row.role, terms=tuple(dict.fromkeys(matched)),
                   case_label=row.case_label, coverage=coverage)


class Status(StrEnum):
    """What kind of reply an :class:`Answer` is; callers branch on this, never on messages."""

    ANSWERED = "answered"  # passages found (with or without a direct answer line)
    NOT_FOUND = "not_found"  # the documents do not cover the question
    EMPTY = "empty"  # nothing askable was typed (blank, emoji, control characters)


@dataclass(frozen=True)
class Answer:
    question: str
    found: bool
    answer: str | None
    passages: tuple[Passage, ...]
    kind: Kind = "what"
    script: Script = "simplified"
    message: str | None = None  # for the user when nothing was found, or the input was odd
    notice: str | None = None  # the question was cut (the only notice there is)
    more: tuple[Passage, ...] = field(default=(), repr=False)  # further ranked passages
    terms: tuple[str, ...] = ()
    status: Status = Status.ANSWERED
    # Not found: passages that share some of the question's words without answering it,
    # shown as "possibly related" so the asker can look further — never as an answer.
    related: tuple[Passage, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The public JSON contract."""
        return {"question": self.question, "status": self.status.value,
                "truncated": self.notice is not None, "found": self.found,
                "answer": self.answer, "passages": [p.to_json() for p in self.passages],
                "related": [p.to_json() for p in self.related]}



__all__ = ["Answer", "Passage", "Status", "passage_of"]
