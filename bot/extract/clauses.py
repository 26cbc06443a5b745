"""Clause helpers the extractors share: which clause of a sentence answers, who acts in it.

They read a passage's normalised form (:attr:`bot.reply.Passage.norm`, normalised once)
and return pieces of its text as written: normalisation keeps offsets, so a match in
the normalised form cuts the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.analysis import Analysis
from bot.intent import ASKED_BODY_KINDS
from bot.reply import Passage
from bot.weights import WEIGHTS as W
from corpus import regex
from indexer.facts import clause_spans, clause_subject
from indexer.normalize import normalize
from indexer.terms import organisations
from indexer.words import IN_CHARGE_VERBS, JOINT_VERBS

# "会同哪些部门…?", "哪些部门联合开展的?": the partners of a joint action are asked for.
JOINT = "(?:" + "|".join(JOINT_VERBS) + ")"
# "X牵头抓总", "X负责": the authority in charge, right before its verb.
# Not the nouns: 负责人 (the person in charge), 主管部门 named as a thing.
IN_CHARGE = regex.compile(r"(?:具体|统一|全面)?(?:" + "|".join(IN_CHARGE_VERBS) + r")(?![人同])")
# Whether a (normalised) name may answer "who?" (not what the question itself names, …).
Acceptable = Callable[[str], bool]


def best_clause(p: Passage, a: Analysis) -> str | None:
    """The clause of ``p`` that holds the question's focus, else covers most of it."""
    text, norm = p.text, p.norm
    focus = a.focus
    # The focus in any of its forms (什么设备 → 装置).
    forms = next((u.alts for u in a.units if u.text == focus), (focus,)) if focus else ()
    deed = deed_words(a)
    best: tuple[float, int, tuple[int, int]] | None = None
    for s, e in clause_spans(norm):
        piece = norm[s:e]
        score = sum(u.weight * (W.deed_word_factor if u.text in deed else 1.0)
                    for u in a.units if any(x in piece for x in u.alts))
        if focus and any(x and x in piece for x in forms):
            score += W.focus_in_clause
        elif focus and len(focus) > 2 and focus[-2:] in piece:
            score += W.focus_head_in_clause  # the head noun (…模式, …机制) alone
        key = (score, -(e - s), (s, e))
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None or best[0] <= 0:
        return None
    s, e = best[2]
    return text[s:e].strip()


# 谁, or which body or person (哪个单位, 哪家法院, 哪位): what follows is the deed asked about.
# (A body may be narrowed by a word: 哪个公安部门了 asks no deed.)
_AFTER_WHO = regex.compile(r"(?:谁|哪(?:个|些|家|位|一个|一家)(?:[\u4e00-\u9fff]{0,4}?"
                        rf"(?:{ASKED_BODY_KINDS})(?!长)|人|领导|官员)?)([^,;:。!?]+)")


def deed_words(a: Analysis) -> str:
    """What a who-question asks about after 谁 or 哪个单位 (是谁作的报告 → 作的报告,
    是哪个单位立案侦查的 → 立案侦查的), or ``""``."""
    m = _AFTER_WHO.search(a.norm) if a.kind == "who" else None
    return m.group(1) if m else ""


def clause_around(p: Passage, norm_piece: str) -> str:
    """The clause of ``p`` that holds ``norm_piece`` (as written in the passage)."""
    text, norm = p.text, p.norm
    pos = norm.find(norm_piece)
    if pos < 0:
        return norm_piece
    s, e = next(((s, e) for s, e in clause_spans(norm) if s <= pos < e), (0, len(text)))
    clause = text[s:e].strip()
    # An item's number (2.罚款4.2万元, (三)…) is the list's, not the answer's.
    marker = _ITEM_MARKER.match(clause)
    return clause[marker.end():] if marker and pos >= s + marker.end() else clause


_ITEM_MARKER = regex.compile(r"\s*(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                             r"[一二三四五六七八九十]{1,2}、)\s*")


def as_written(text: str, norm_piece: str, norm: str | None = None) -> str:
    """``norm_piece`` as ``text`` writes it (normalisation keeps offsets); ``norm``: ``text``
    normalised, when the caller has it."""
    pos = (normalize(text) if norm is None else norm).find(norm_piece)
    return text[pos:pos + len(norm_piece)] if pos >= 0 else norm_piece


def actors(clause: str, acceptable: Acceptable, norm: str | None = None) -> list[str]:
    """The authorities a clause names (its opening subject first) that may answer;
    ``norm``: the clause normalised, when the caller has it."""
    norm = normalize(clause) if norm is None else norm
    subject = clause_subject(norm)
    return [n for n in ([subject] if subject else []) + organisations(norm) if acceptable(n)]


def earlier_actor(p: Passage, norm_clause: str, acceptable: Acceptable) -> str | None:
    """The nearest authority named in a clause of ``p`` before the (normalised) clause."""
    text, norm = p.text, p.norm
    end = norm.find(norm_clause)
    if end <= 0:
        return None
    for s, e in reversed(clause_spans(norm[:end])):
        names = actors(text[s:e], acceptable, norm[s:e])
        if names:
            return names[0]
    return None


def joint_clause(p: Passage) -> str | None:
    """The clause of ``p`` where a body acts with partners (X联合Y、Z…), if any."""
    text, norm = p.text, p.norm
    for s, e in clause_spans(norm):
        m = re.search(JOINT, norm[s:e])
        if m and organisations(norm[s + m.end():e]):
            return text[s:e].strip()
    return None


def in_charge_clause(p: Passage) -> str | None:
    """The clause of ``p`` that says who is in charge (市场监管部门牵头抓总), if any."""
    text, norm = p.text, p.norm
    for s, e in clause_spans(norm):
        subject = clause_subject(norm[s:e])
        if subject and IN_CHARGE.match(norm, norm.find(subject, s) + len(subject)):
            return text[s:e].strip()
    return None


__all__ = ["IN_CHARGE", "JOINT", "Acceptable", "actors", "as_written", "best_clause",
           "clause_around", "earlier_actor", "in_charge_clause", "joint_clause"]
