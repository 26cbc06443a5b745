"""Rendering an :class:`~bot.answer.Answer` for the terminal and as JSON.

Finding the answer is the core's job; this module only formats it.
Telegram's HTML lives in ``bot.telegram.format``.
"""

from __future__ import annotations

import json

from bot.answer import Answer, Passage


def to_json_line(answer: Answer) -> str:
    return json.dumps(answer.to_json(), ensure_ascii=False)


def _marked(p: Passage, start: str, end: str) -> str:
    out, pos = [], 0
    for s, e in p.highlight_spans():
        out.extend([p.text[pos:s], start, p.text[s:e], end])
        pos = e
    out.append(p.text[pos:])
    return "".join(out)


def to_terminal(answer: Answer, color: bool = True) -> str:
    """Plain text with optional ANSI bold for matched terms."""
    bold, reset = ("\x1b[1;33m", "\x1b[0m") if color else ("", "")
    lines: list[str] = []
    if answer.notice:
        lines.append(f"({answer.notice})")
    if not answer.found:
        lines.append(answer.message or "没有找到。")
        return "\n".join(lines)
    if answer.answer:
        lines.append(f"答:{answer.answer}")
    for i, p in enumerate(answer.passages, 1):
        lines.append(f"[{i}] 「{_marked(p, bold, reset)}」")
        lines.append(f"    —— {p.citation()}")
    return "\n".join(lines)
