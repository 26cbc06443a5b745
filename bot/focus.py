"""The focus of a question: the noun it asks about (什么监管模式 → 监管模式; 平台叫啥 → 平台).

Part of understanding: read once per question from its normalised text and its units,
and carried on :attr:`bot.analysis.Analysis.focus` for ranking (a sentence naming the
focus answers) and for picking the clause that answers (:mod:`bot.extract.clauses`).
"""

from __future__ import annotations

import re

from bot.analysis import Analysis
from bot.intent import WH


def focus_of(a: Analysis) -> str | None:
    """The noun a what-question asks about: 什么监管模式 → 监管模式; 平台叫啥 → 平台.

    The words right after the question word, up to punctuation, form the
    phrase; ``best_clause`` also accepts its head (last word) alone.
    """
    m = WH.search(a.norm)
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


__all__ = ["focus_of"]
