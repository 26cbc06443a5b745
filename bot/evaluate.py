"""The evaluation harness: hit@1, hit@3, MRR, direct answers and out-of-scope rejection.

A question set is JSON Lines: ``{"id", "q", "kind", "expect", "answer"}``
(see ``tests/data/README.md``).  A hit is a returned passage whose text
contains ``expect`` once both are normalised (so script does not matter).

Direct answers are scored both ways, because a wrong bold answer line is worse than
none: of the questions with an expected short ``answer``, ``direct`` is the share whose
direct answer contains it, ``wrong`` the share that got a direct answer which does not
(the rest got evidence without a direct answer); a figure counts as written in digits or in
Chinese numerals (六点二级 holds 6.2级).  An out-of-scope question that gets a
direct answer counts in ``wrong`` too (its denominator is then all questions that have
an ``answer`` or are out of scope).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.answer import Answer
from corpus import regex
from corpus.lines import CN_DIGITS, cn_number
from indexer.normalize import normalize

# A figure written in Chinese numerals (六点二, 一千二百, 两): what "六点二级" and "6.2级"
# have in common.
_CN_FIGURE = regex.compile(r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?")


def _arabic(m: re.Match[str]) -> str:
    whole, _, decimals = m.group(0).partition("点")
    # 一九九八 is read digit by digit, 三百四十 by its units.
    number = ("".join(str(CN_DIGITS[c]) for c in whole)
              if len(whole) > 1 and not any(c in "十百千" for c in whole) else str(cn_number(whole)))
    return number + ("." + "".join(str(CN_DIGITS[c]) for c in decimals) if decimals else "")


def figures_as_digits(norm: str) -> str:
    """``norm`` (normalised) with its Chinese numerals written in digits (六点二级 → 6.2级,
    三百四十人 → 340人; 第一批 → 第1批 alike on both sides of a comparison)."""
    return _CN_FIGURE.sub(_arabic, norm)


def answers(want: str, got: str | None) -> bool:
    """Whether the direct answer ``got`` holds the expected ``want``: as text, both
    normalised, or as figures (六点二级 holds ６．２级)."""
    if not got:
        return False
    w, g = normalize(want), normalize(got)
    if w in g:
        return True
    w = figures_as_digits(w)
    # A figure whole, not a part of another (第1 is not in 第11).
    pattern = ((r"(?<![0-9.])" if w[:1].isdigit() else "") + re.escape(w)
               + (r"(?![0-9])" if w[-1:].isdigit() else ""))
    return re.search(pattern, figures_as_digits(g)) is not None


@dataclass
class Tally:
    n: int = 0
    hit1: int = 0
    hit3: int = 0
    rr: float = 0.0
    direct_n: int = 0
    direct_ok: int = 0
    oos_n: int = 0
    oos_ok: int = 0
    direct_wrong: int = 0
    oos_direct: int = 0  # out-of-scope questions given a direct answer

    def add(self, other: Tally) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def figures(self) -> dict[str, float | None]:
        def ratio(a: float, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {"questions": self.n + self.oos_n, "hit@1": ratio(self.hit1, self.n),
                "hit@3": ratio(self.hit3, self.n), "mrr": ratio(self.rr, self.n),
                "direct": ratio(self.direct_ok, self.direct_n),
                "wrong": ratio(self.direct_wrong + self.oos_direct, self.direct_n + self.oos_n),
                "oos_rejected": ratio(self.oos_ok, self.oos_n)}


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, object]:
        return {"overall": self.overall.figures(),
                "by_kind": {k: t.figures() for k, t in sorted(self.by_kind.items())},
                "misses": self.misses}


class QuestionSetError(ValueError):
    """A malformed question set; the message names the file and line and the fix."""


def load_questions(path: Path) -> list[dict[str, object]]:
    """The questions of ``path``; raises :class:`QuestionSetError` at the first bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise QuestionSetError(f"{path}: not UTF-8 text ({exc.reason}).") from exc
    questions: list[dict[str, object]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionSetError(f"{where}: not valid JSON ({exc.msg} at column "
                                   f"{exc.colno}).") from exc
        if not isinstance(item, dict) or not isinstance(item.get("q"), str):
            raise QuestionSetError(f'{where}: each line must be an object with a "q" string.')
        if "expect" not in item:
            raise QuestionSetError(
                f'{where}: no "expect" — give the quoted passage it should find, or '
                f'"expect": null for a question the documents do not answer.')
        if item["expect"] is not None and not isinstance(item["expect"], str):
            raise QuestionSetError(f'{where}: "expect" must be a string or null.')
        questions.append(item)
    return questions


def evaluate(questions: Iterable[dict[str, object]], ask: Callable[[str], Answer]) -> Report:
    report = Report()
    for q in questions:
        text = str(q["q"])
        kind = str(q.get("kind", "?"))
        expect = q.get("expect")
        want = q.get("answer")
        ans = ask(text)
        t = Tally()
        if expect is None:
            t.oos_n = 1
            t.oos_ok = int(not ans.found)
            t.oos_direct = int(bool(ans.found and ans.answer))
            if ans.found:
                report.misses.append(f"[{kind}] {text} → should be not found, got "
                                     f"「{ans.passages[0].text[:40]}」")
        else:
            t.n = 1
            target = normalize(str(expect))
            texts = [normalize(p.text) for p in ans.passages[:3]]
            rank = next((i for i, x in enumerate(texts) if target in x), None)
            t.hit1 = int(rank == 0)
            t.hit3 = int(rank is not None)
            t.rr = 1.0 / (rank + 1) if rank is not None else 0.0
            if rank != 0:
                got = ans.passages[0].text[:40] if ans.passages else "(not found)"
                report.misses.append(f"[{kind}] {text} → rank {rank}; top 「{got}」")
            if want:
                t.direct_n = 1
                t.direct_ok = int(answers(str(want), ans.answer))
                t.direct_wrong = int(bool(ans.answer) and not t.direct_ok)
                if not t.direct_ok:
                    report.misses.append(f"[{kind}] {text} → answer {ans.answer!r}, "
                                         f"want {want!r}")
        report.overall.add(t)
        report.by_kind[kind].add(t)
    return report


def format_report(report: Report, title: str) -> str:
    cols = ("questions", "hit@1", "hit@3", "mrr", "direct", "wrong", "oos_rejected")
    lines = [f"## {title}", "", "| kind | " + " | ".join(cols) + " |",
             "|---" * (len(cols) + 1) + "|"]

    def row(name: str, t: Tally) -> str:
        f = t.figures()
        cells = ["" if f[c] is None else str(f[c]) for c in cols]
        return f"| {name} | " + " | ".join(cells) + " |"

    lines.append(row("**all**", report.overall))
    for kind, t in sorted(report.by_kind.items()):
        lines.append(row(kind, t))
    if report.misses:
        lines += ["", "Misses:"] + [f"- {m}" for m in report.misses]
    return "\n".join(lines)


def expected_passages_found(questions: Iterable[dict[str, object]],
                            contains: Callable[[str], bool]) -> tuple[int, int]:
    """(how many of the set's ``expect`` strings the index holds, how many there are):
    a set scored against an index without its documents measures nothing."""
    expects = [str(q["expect"]) for q in questions if q.get("expect")]
    return sum(1 for e in expects if contains(e)), len(expects)
