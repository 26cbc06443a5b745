"""Rendering an :class:`~bot.answer.Answer` for the terminal and as JSON.

Finding the answer is the core's job; this module only formats it.
Telegram's HTML lives in ``bot.telegram.format``.
"""

from __future__ import annotations

import json

from bot.answer import Answer, Passage
from indexer.normalize import to_script

# Above the passages a not-found reply shows: they do not answer the question.
RELATED = "以下段落可能相关,但没有直接回答这个问题:"


def to_json_line(answer: Answer) -> str:
    return json.dumps(answer.to_json(), ensure_ascii=False)


def _marked(p: Passage, text: str, start: str, end: str) -> str:
    """``text`` (``p.text`` or its same-length conversion) with matched terms marked."""
    if len(text) != len(p.text):  # a conversion that moved offsets: no marks
        return text
    out, pos = [], 0
    for s, e in p.highlight_spans():
        out.extend([text[pos:s], start, text[s:e], end])
        pos = e
    out.append(text[pos:])
    return "".join(out)


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
