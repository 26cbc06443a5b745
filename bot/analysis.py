"""The typed result of understanding a question: :class:`Analysis` of weighted
:class:`Unit` s, its :data:`Kind`, and the :class:`Vocabulary` the understanding stage reads
the index through.

Its own module so that the stages after understanding (ranking, confidence, refinement) and
the expansion modules (:mod:`bot.expand`) share the types without importing the stage.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal, Protocol

from bot.intent import Intent
from indexer.normalize import Script

Kind = Literal["who", "document", "number", "when", "where", "what"]


class Vocabulary(Protocol):
    """What question analysis needs from the index (``indexer.search.Searcher``)."""

    @property
    def passage_count(self) -> int: ...

    def document_frequencies(self, terms: Collection[str]) -> dict[str, int]: ...

    def terms_by_pinyin(self, keys: Collection[str]) -> dict[str, list[tuple[str, int]]]: ...

    def vocabulary(self) -> list[tuple[str, int]]: ...

    def vocabulary_of_length(self, size: int) -> list[str]: ...


@dataclass(frozen=True)
class Unit:
    """One thing the question asks to be present, with interchangeable spellings."""

    text: str  # as matched in the question (normalised)
    alts: tuple[str, ...]  # any of these in a passage satisfies the unit
    weight: float
    known: bool  # the index has at least one of ``alts``
    source: str = "question"  # question | partial | typo | pinyin | english | synonym
    # Index words to retrieve candidates by, when ``alts`` are not index words
    # themselves (牛羊杂 → 牛羊, 杂…; matching still checks ``alts`` in the text).
    search: tuple[str, ...] = ()


@dataclass
class Analysis:
    """What the understanding stage made of one question: its kind, its weighted units, the
    words it sets aside and the frame it asks in, and the rest of its intent."""

    question: str  # as cleaned, original script
    norm: str
    script: Script
    kind: Kind
    units: list[Unit] = field(default_factory=list)
    notice: str | None = None  # e.g. the question was cut
    # Words the question sets aside (除了市场监管,还有哪些部门…): not to be matched,
    # and not an acceptable answer.
    excluded: tuple[str, ...] = ()
    # Words of the answer's frame to retrieve by, not to be covered: "归哪个部门管?"
    # is answered by "X部门牵头抓总", which need not repeat the question's topic.
    frame: tuple[str, ...] = ()
    # What else it asks (about this notice, several bodies, a day, partners …).
    intent: Intent = field(default_factory=Intent)
    # The noun a what-question asks about (什么监管模式 → 监管模式), see bot/focus.py.
    focus: str | None = None

    @property
    def total_weight(self) -> float:
        return sum(u.weight for u in self.units)

    def search_terms(self, min_weight: float = 0.0) -> list[str]:
        """Words to retrieve candidates by; ``min_weight`` keeps only rarer units' words."""
        terms: list[str] = []
        for u in self.units:
            if u.weight >= min_weight:
                terms.extend(a for a in u.alts if a)
                terms.extend(u.search)
        terms.extend(self.frame)
        return terms
