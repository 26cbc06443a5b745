"""Rendering an :class:`~bot.answer.Answer` for the terminal and as JSON, and what every
channel shows alike: a quote cut at the terms it matched (:func:`marked_pieces`) and the
passages a reply pages through (:func:`answer_pool`).

Finding the answer is the core's job; this module only formats it.  Telegram's HTML lives
in ``bot.telegram.format``, the web page's in ``bot.web.views`` and its templates.
"""

from __future__ import annotations

import json

from bot.answer import Answer, Passage
from indexer.normalize import to_script

# Above the passages a not-found reply shows: they do not answer the question.
RELATED = "以下段落可能相关,但没有直接回答这个问题:"


def to_json_line(answer: Answer) -> str:
    return json.dumps(answer.to_json(), ensure_ascii=False)


def answer_pool(answer: Answer) -> tuple[Passage, ...]:
    """Every ranked passage of ``answer``, in order: what 更多结果 pages through."""
    return answer.passages + answer.more


def marked_pieces(p: Passage, text: str) -> list[tuple[str, bool]]:
    """``text`` (``p.text`` or its same-length conversion) cut at the terms the question
    matched: ``(piece, matched)`` in order, no empty piece; unmarked when a conversion
    moved the offsets."""
    if len(text) != len(p.text):
        return [(text, False)] if text else []
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for s, e in p.highlight_spans():
        s, e = max(s, pos), min(e, len(text))
        if s >= e:
            continue
        pieces.extend([(text[pos:s], False), (text[s:e], True)])
        pos = e
    pieces.append((text[pos:], False))
    return [(piece, matched) for piece, matched in pieces if piece]


def _marked(p: Passage, text: str, start: str, end: str) -> str:
    """``text`` with matched terms between ``start`` and ``end``."""
    return "".join(f"{start}{piece}{end}" if matched else piece
                   for piece, matched in marked_pieces(p, text))


def to_terminal(answer: Answer, color: bool = True, original: bool = False) -> str:
    """Plain text with optional ANSI bold for matched terms, in the asker's script
    (as Telegram and the web page reply); ``original`` quotes the document's own wording."""
    bold, reset = ("\x1b[1;33m", "\x1b[0m") if color else ("", "")

    def shown(text: str) -> str:
        return text if original else to_script(text, answer.script)

    lines: list[str] = []
    if answer.notice:
        lines.append(f"({to_script(answer.notice, answer.script)})")
    if not answer.found:
        lines.append(to_script(answer.message or "没有找到。", answer.script))
        if answer.related:
            lines.append(to_script(RELATED, answer.script))
            for i, p in enumerate(answer.related, 1):
                lines.append(f"[{i}] 「{_marked(p, shown(p.text), bold, reset)}」")
                lines.append(f"    —— {shown(p.citation())}")
        return "\n".join(lines)
    if answer.answer:
        lines.append(f"答:{shown(answer.answer)}")
    for i, p in enumerate(answer.passages, 1):
        lines.append(f"[{i}] 「{_marked(p, shown(p.text), bold, reset)}」")
        lines.append(f"    —— {shown(p.citation())}")
    return "\n".join(lines)
