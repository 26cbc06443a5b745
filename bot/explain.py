"""``casebot ask --explain``: how one question was answered, stage by stage.

What the understanding stage made of the question, what retrieval and ranking kept, which
direct answer the rules proposed, how it was refined against its quote, and what the
confidence stage weighed to show or withhold it — each stage's intermediate result, as
sqlite-utils' ``search --sql`` shows the query it ran.  It re-runs the stages of
:meth:`bot.answer.Engine.answer` on the side (a diagnostic, not the answer path).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer import Engine
from bot.confidence import signals
from bot.found import answering_first, is_found
from bot.found import signals as found_signals
from bot.narrow import narrow


@dataclass(frozen=True)
class Stage:
    """One stage's name and what it kept, dropped or scored, as lines of text."""

    name: str
    lines: tuple[str, ...]


def explain(engine: Engine, question: str, top: int = 3) -> list[Stage]:
    analysis = engine.understand(question)
    stages = [Stage("understand", (
        f"cleaned: {analysis.question!r} ({analysis.script}); matched as {analysis.norm!r}",
        f"kind: {analysis.kind}",
        *(f"unit {u.text!r} weight {u.weight:.2f} via {u.source}"
          f"{'' if u.known else ' — not in the index'}: " + ", ".join(u.alts[:8])
          for u in analysis.units),
        *([f"frame (retrieve by, need not cover): {', '.join(analysis.frame)}"]
          if analysis.frame else []),
        *([f"set aside: {', '.join(analysis.excluded)}"] if analysis.excluded else []),
    ))]
    ranked = engine.ranked(analysis)
    stages.append(Stage("retrieve and rank", (
        f"{len(ranked)} candidates; the score orders them, their coverage of the question "
        "decides found",
        *(f"{i}. {p.score:.3f} (covers {p.covers:.2f}) #{p.id} {p.role}: {p.text[:60]}"
          for i, p in enumerate(ranked[:8], 1)),
    )))
    kept = answering_first(analysis, narrow(analysis, ranked, engine.searcher))
    if kept is not ranked:
        dropped = len({p.id for p in ranked[:30]} - {p.id for p in kept})
        stages.append(Stage("narrow", (
            f"kept {len(kept)} passages of the asked answer type; dropped {dropped} of the top 30",
            *(f"{i}. {p.score:.3f} #{p.id}: {p.text[:60]}" for i, p in enumerate(kept[:3], 1)),
        )))
    found = is_found(analysis, kept, engine.found)
    model = engine.found
    why = ""
    if kept and model is not None:
        needed = model.coverage_needed()
        why = (f"; P(answers) {model.probability(found_signals(analysis, kept[0])):.2f}, needs "
               f"{model.threshold}" + (f" (coverage ≥ {needed:.2f})" if needed else ""))
    stages.append(Stage("found", (
        f"found: {found}" + why + ("" if found or not kept else
                                   "; and it must meet the topic, not only places, a count or "
                                   "part of a term"),
    )))
    proposed = Engine(engine.searcher, engine.analyzer, calibration=None).answer(question, top)
    final = engine.answer(question, top)
    stages.append(Stage("extract", (
        f"status: {proposed.status.value}; found: {proposed.found}",
        f"proposed direct answer: {proposed.answer!r}",
        *(f"evidence: #{proposed.passages[0].id} {proposed.passages[0].text[:60]}"
          for _ in [0] if proposed.passages),
    )))
    unrefined = _unrefined(engine, question, top)
    stages.append(Stage("refine", (
        "unchanged" if unrefined == proposed.answer
        else f"{unrefined!r} → {proposed.answer!r} (checked against its quote)",
    )))
    s = signals(analysis, proposed)
    cal = engine.calibration
    if s is None or cal is None:
        lines: tuple[str, ...] = ("no direct answer to weigh" if s is None
                                  else "no confidence model: every direct answer is shown",)
    else:
        p = cal.probability(s)
        lines = (
            *(f"{name} = {value:.2f} × {cal.weights.get(name, 0.0):+.2f}"
              for name, value in s.vector().items() if value),
            f"bias {cal.bias:+.2f} → P(right) = {p:.3f}; threshold {cal.threshold:.2f}",
            "shown" if final.answer else "withheld: the reply shows the evidence only",
        )
    stages.append(Stage("confidence", lines))
    stages.append(Stage("answer", (f"direct answer: {final.answer!r}",
                                   *(f"[{i}] {p.citation()}"
                                     for i, p in enumerate(final.passages, 1)),
                                   *(f"possibly related: #{p.id} {p.score:.3f} {p.citation()}"
                                     for p in final.related))))
    return stages


def _unrefined(engine: Engine, question: str, top: int) -> str | None:
    """The direct answer the rules gave before :mod:`bot.refine` checked it."""
    bare = Engine(engine.searcher, engine.analyzer, calibration=None, refining=False)
    return bare.answer(question, top).answer


def format_stages(stages: list[Stage]) -> str:
    out: list[str] = []
    for stage in stages:
        out.append(f"── {stage.name}")
        out.extend(f"   {line}" for line in stage.lines)
    return "\n".join(out)


__all__ = ["Stage", "explain", "format_stages"]
