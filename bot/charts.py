"""Charts of the question log, drawn on the server: one drawing model, two outputs.

This module owns what the admin charts show and how they are laid out.  Each chart is
built by a pure function into a :class:`Figure` — rectangles, lines and labels in pixel
coordinates — and only then drawn: :func:`to_svg` for the web page's admin view,
:func:`to_png` (Pillow) for Telegram's ``/stats`` picture.  So both channels show the same
chart, nothing is fetched from the internet, and a chart is tested as data (its bars and
labels) rather than by comparing images.

Every label is text from the question log — user input — so :func:`to_svg` escapes it and
:func:`clean_label` removes what could break or reorder a drawing (control characters,
bidirectional overrides) before any layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from bot.chart_draw import has_cjk_font, to_png, to_svg
from bot.chart_model import (
    ANSWERED,
    DAYS,
    INK,
    MUTED,
    THUMBS_DOWN,
    THUMBS_UP,
    UNANSWERED,
    WIDTH,
    Figure,
    Label,
    Line,
    Rect,
    Shape,
    clean_label,
    text_width,
)
from indexer.qlog import DayCount, Stats


def _nice_ceiling(value: int) -> int:
    """The smallest 1/2/5 × 10^k at or above ``value`` (at least 1): the y axis' top."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return max(1, m * step)
        step *= 10


# -- the charts -----------------------------------------------------------------------------

def fill_days(days: Sequence[DayCount], end: date, span: int = DAYS) -> list[DayCount]:
    """One entry for each of the ``span`` days up to ``end``, zeros where none were asked."""
    known = {d.day: d for d in days}
    first = end - timedelta(days=span - 1)
    return [known.get(first + timedelta(days=i), DayCount(first + timedelta(days=i), 0, 0))
            for i in range(span)]


def questions_per_day(days: Sequence[DayCount], end: date, span: int = DAYS) -> Figure:
    """Stacked bars: answered and unanswered questions on each of the last ``span`` days."""
    series = fill_days(days, end, span)
    left, right, top, bottom = 40.0, 12.0, 34.0, 30.0
    height = 220.0
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    peak = _nice_ceiling(max((d.questions for d in series), default=0))
    shapes: list[Shape] = [
        Label(left, 22, "■ 已回答", 12, ANSWERED),
        Label(left + 70, 22, "■ 未回答", 12, UNANSWERED),
    ]
    for tick in (0, peak // 2, peak) if peak > 1 else (0, peak):
        y = top + plot_h - plot_h * tick / peak
        shapes += [Line(left, y, WIDTH - right, y, "#e2e2e2"),
                   Label(left - 6, y + 4, str(tick), 11, MUTED, "end")]
    slot = plot_w / len(series)
    bar = max(2.0, slot * 0.7)
    every = max(1, round(len(series) / 6))  # about six date labels, never overlapping
    for i, d in enumerate(series):
        x = left + i * slot + (slot - bar) / 2
        unanswered = d.questions - d.answered
        h_ans = plot_h * d.answered / peak
        h_un = plot_h * unanswered / peak
        base = top + plot_h
        if d.answered:
            shapes.append(Rect(x, base - h_ans, bar, h_ans, ANSWERED,
                               f"{d.day.isoformat()}:已回答 {d.answered}"))
        if unanswered:
            shapes.append(Rect(x, base - h_ans - h_un, bar, h_un, UNANSWERED,
                               f"{d.day.isoformat()}:未回答 {unanswered}"))
        if (len(series) - 1 - i) % every == 0:
            shapes.append(Label(x + bar / 2, height - 10, d.day.strftime("%m-%d"), 11, MUTED,
                                "middle"))
    shapes.append(Line(left, top + plot_h, WIDTH - right, top + plot_h))
    total = sum(d.questions for d in series)
    answered = sum(d.answered for d in series)
    return Figure(WIDTH, height, f"最近 {span} 天每天的问题数",
                  f"最近 {span} 天共 {total} 个问题,其中 {answered} 个已回答。",
                  tuple(shapes))


def answered_share(stats: Stats) -> Figure:
    """One bar split into the answered and unanswered share of all questions."""
    left, right, height = 12.0, 12.0, 70.0
    full = WIDTH - left - right
    share = stats.answered_share
    unanswered = stats.questions - stats.answered
    shapes: list[Shape] = [
        Label(left, 22, f"已回答 {share:.0%}({stats.answered}/{stats.questions})", 13, INK,
              bold=True)]
    if stats.questions:
        shapes += [Rect(left, 34, full * share, 22, ANSWERED, f"已回答 {stats.answered}"),
                   Rect(left + full * share, 34, full * (1 - share), 22, UNANSWERED,
                        f"未回答 {unanswered}")]
    else:
        shapes.append(Rect(left, 34, full, 22, "#e2e2e2", "还没有问题"))
    return Figure(WIDTH, height, "已回答的比例",
                  f"{stats.questions} 个问题中 {stats.answered} 个已回答({share:.0%})。",
                  tuple(shapes))


def _bars(rows: Sequence[tuple[str, int, str]], label_w: float, top: float = 8.0
          ) -> tuple[list[Shape], float]:
    """Horizontal bars, one per ``(label, value, colour)`` row; returns shapes and height."""
    row_h, bar_h = 28.0, 18.0
    left = 12.0 + label_w
    room = WIDTH - left - 60.0
    peak = max((v for _, v, _ in rows), default=0) or 1
    shapes: list[Shape] = []
    for i, (label, value, colour) in enumerate(rows):
        y = top + i * row_h
        w = room * value / peak
        shapes.append(Label(left - 8, y + 14, label, 12, INK, "end"))
        if value:
            shapes.append(Rect(left, y + 1, w, bar_h, colour, f"{label}:{value}"))
        shapes.append(Label(left + w + 6, y + 14, str(value), 12, MUTED))
    return shapes, top + len(rows) * row_h + 4


def feedback(stats: Stats) -> Figure:
    """👍 and 👎 given to answers, as two bars (labelled in words: a machine without an
    emoji font would draw the emoji as boxes)."""
    shapes, height = _bars([("有用", stats.thumbs_up, THUMBS_UP),
                            ("没用", stats.thumbs_down, THUMBS_DOWN)], 40)
    return Figure(WIDTH, height, "回答的反馈(有用 / 没用)",
                  f"有用(👍){stats.thumbs_up} 次,没用(👎){stats.thumbs_down} 次。",
                  tuple(shapes))


def top_unanswered(stats: Stats) -> Figure:
    """The most frequent unanswered questions, most frequent first, as bars."""
    rows = [(clean_label(q), n, UNANSWERED) for q, n in stats.top_unanswered]
    if not rows:
        return Figure(WIDTH, 36, "最常见的未回答问题", "没有未回答的问题。",
                      (Label(12, 22, "没有未回答的问题。", 12, MUTED),))
    label_w = min(WIDTH * 0.55, max(text_width(r[0], 12) for r in rows))
    shapes, height = _bars(rows, label_w)
    desc = ";".join(f"{clean_label(q, 80)}:{n} 次" for q, n in stats.top_unanswered)
    return Figure(WIDTH, height, "最常见的未回答问题", desc, tuple(shapes))


def stats_figures(stats: Stats, days: Sequence[DayCount], end: date) -> list[Figure]:
    """Every admin chart, in the order the admin page and the picture show them."""
    return [questions_per_day(days, end), answered_share(stats), feedback(stats),
            top_unanswered(stats)]


def stack(figures: Sequence[Figure], title: str) -> Figure:
    """``figures`` one below the other, each under its own title: one picture for Telegram."""
    shapes: list[Shape] = [Label(12, 28, title, 18, INK, bold=True)]
    y = 44.0
    for fig in figures:
        shapes.append(Label(12, y + 18, fig.title, 14, INK, bold=True))
        y += 26
        shapes += [_moved(s, 0, y) for s in fig.shapes]
        y += fig.height + 12
    return Figure(WIDTH, y, title, " ".join(f.desc for f in figures), tuple(shapes))


def _moved(shape: Shape, dx: float, dy: float) -> Shape:
    if isinstance(shape, Line):
        return replace(shape, x1=shape.x1 + dx, y1=shape.y1 + dy, x2=shape.x2 + dx,
                       y2=shape.y2 + dy)
    return replace(shape, x=shape.x + dx, y=shape.y + dy)


# -- drawing --------------------------------------------------------------------------------


def stats_chart_png(stats: Stats, days: Sequence[DayCount], end: date | None = None,
                    title: str = "casebot 使用统计") -> bytes:
    """Every admin chart in one PNG, for Telegram's ``/stats`` (``end``: the last day shown,
    default today).  The caller reads ``stats`` and ``days`` from the question log::

        png = stats_chart_png(log.stats(), log.per_day(date.today() - timedelta(days=29)))
    """
    end = end or date.today()
    return to_png(stack(stats_figures(stats, days, end), title))


__all__ = ["DAYS", "Figure", "Label", "Line", "Rect", "answered_share", "clean_label", "feedback",
           "fill_days", "has_cjk_font", "questions_per_day", "stack", "stats_chart_png",
           "stats_figures", "to_png", "to_svg", "top_unanswered"]
