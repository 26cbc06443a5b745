"""What the web pages show, as pure helpers the templates call: no I/O, no FastAPI.

Script mirroring and the marking of matched words are every channel's rules
(:mod:`bot.render`), so the page quotes as Telegram does: quotes, citations and the page's
own words in the asker's script (a length-preserving conversion, so the highlight spans
still line up), ``<mark>`` where Telegram has bold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answer import Passage
from bot.render import answer_pool, marked_pieces
from indexer.normalize import Script, detect_script, to_script

if TYPE_CHECKING:
    from starlette.requests import Request

    from bot.service import Casebot
    from indexer.search import PassageHit


@dataclass(frozen=True)
class Run:
    """A piece of quoted text, ``marked`` where it matched the question."""

    text: str
    marked: bool = False


def marked_runs(p: Passage, text: str) -> list[Run]:
    """``text`` (``p.text`` or its same-length conversion) cut at the matched terms."""
    return [Run(piece, matched) for piece, matched in marked_pieces(p, text)]


def shown_in(script: Script) -> Callable[[str], str]:
    """The templates' ``t()``: the page's words and the documents' text in ``script``."""
    return lambda text: to_script(text, script)


def lang(script: Script) -> str:
    return "zh-Hant" if script == "traditional" else "zh-Hans"


def other(script: Script) -> Script:
    """The script the 简/繁 switch leads to."""
    return "simplified" if script == "traditional" else "traditional"


def script_of(text: str) -> Script:
    """The script a document is written in (its title says), to show it as written."""
    return "traditional" if detect_script(text) == "traditional" else "simplified"


def script_param(request: Request) -> Script:
    """The ``script`` of the URL if it is a valid one (for error pages), else simplified."""
    return "traditional" if request.query_params.get("script") == "traditional" \
        else "simplified"


def citation_text(p: Passage, script: Script) -> str:
    """What the copy-citation button copies: the quote and where it stands."""
    return f"「{to_script(p.text, script)}」—— {to_script(p.citation(), script)}"


@dataclass(frozen=True)
class Block:
    """A piece of a document page: a heading (``level`` 1–3) or a paragraph of sentences."""

    level: int  # 0: a paragraph
    hits: tuple[PassageHit, ...]


_LEVELS = {"title": 1, "case_title": 2, "heading": 3}


def document_blocks(hits: Sequence[PassageHit]) -> list[Block]:
    """A document's passages as headings and paragraphs (sentences of one paragraph
    together), each sentence keeping its own anchor."""
    blocks: list[Block] = []
    for h in hits:
        level = _LEVELS.get(h.role, 0)
        last = blocks[-1] if blocks else None
        if level == 0 and last is not None and last.level == 0 \
                and last.hits[-1].paragraph == h.paragraph:
            blocks[-1] = Block(0, (*last.hits, h))
        else:
            blocks.append(Block(level, (h,)))
    return blocks


def examples(service: Casebot) -> list[str]:
    """Example questions for the home and not-found pages (a nicety: never an error)."""
    from bot.library import example_questions

    try:
        return example_questions(service)
    except Exception:
        return []


__all__ = ["Block", "Run", "answer_pool", "citation_text", "document_blocks", "examples",
           "lang", "marked_runs", "other", "script_of", "script_param", "shown_in"]
