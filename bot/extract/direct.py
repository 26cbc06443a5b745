"""What an extractor returns: :class:`Direct`, the answer line with the passages it rests on."""

from __future__ import annotations

from typing import NamedTuple

from bot.reply import Passage


class Direct(NamedTuple):
    """An answer line (or None), the passage that is its evidence, and passages to quote
    right after it because the line rests on them too (the case's lead that names an actor
    the evidence sentence leaves out)."""

    answer: str | None = None
    evidence: Passage | None = None
    support: tuple[Passage, ...] = ()


NONE = Direct()

__all__ = ["NONE", "Direct"]
