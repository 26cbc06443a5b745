"""bot/charts.py as data: bars proportional to the figures, labels clean, SVG well-formed
and escaped, PNG a real picture — without comparing images."""

from __future__ import annotations

import io
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from bot import charts
from bot.charts import Label, Rect
from indexer.qlog import DayCount, Stats

END = date(2026, 3, 31)


def stats(**kw: object) -> Stats:
    base: dict[str, object] = {"questions": 10, "answered": 7, "users": 3, "thumbs_up": 4,
                               "thumbs_down": 1, "top_unanswered": [("个税怎么交", 2)]}
    return Stats(**{**base, **kw})  # type: ignore[arg-type]


def test_fill_days_gives_every_day_once_in_order() -> None:
    days = charts.fill_days([DayCount(END - timedelta(days=3), 5, 2),
                             DayCount(END - timedelta(days=99), 9, 9)], END, span=7)
    assert [d.day for d in days] == [END - timedelta(days=6 - i) for i in range(7)]
    assert [d.questions for d in days] == [0, 0, 0, 5, 0, 0, 0]


def test_bar_heights_are_proportional_to_the_counts() -> None:
    fig = charts.questions_per_day([DayCount(END, 8, 6), DayCount(END - timedelta(days=1), 4, 4)],
                                   END, span=2)
    bars = {r.title: r.h for r in fig.shapes if isinstance(r, Rect)}
    answered_today = bars[f"{END.isoformat()}:已回答 6"]
    assert bars[f"{END.isoformat()}:未回答 2"] == pytest.approx(answered_today / 3)
    assert bars[f"{(END - timedelta(days=1)).isoformat()}:已回答 4"] == \
        pytest.approx(answered_today * 4 / 6)
    assert "共 12 个问题,其中 10 个已回答" in fig.desc


def test_empty_log_draws_without_dividing_by_zero() -> None:
    empty = Stats(0, 0, 0, 0, 0, [])
    for fig in charts.stats_figures(empty, [], END):
        ElementTree.fromstring(charts.to_svg(fig))
    assert charts.stats_chart_png(empty, [], END).startswith(b"\x89PNG")


def test_share_and_feedback_bars() -> None:
    share = charts.answered_share(stats())
    answered, rest = [r for r in share.shapes if isinstance(r, Rect)]
    assert answered.w / (answered.w + rest.w) == pytest.approx(0.7)
    thumbs = [r for r in charts.feedback(stats()).shapes if isinstance(r, Rect)]
    assert thumbs[0].w == pytest.approx(4 * thumbs[1].w)


@pytest.mark.parametrize(("raw", "clean"), [
    ("a\x00b", "a b"), ("\u202e反转\u202c", "反转"), ("多行\n问题\r\n", "多行 问题"),
    ("零宽\u200b字符", "零宽 字符"), ("长" * 30, "长" * 23 + "…"),
])
def test_clean_label(raw: str, clean: str) -> None:
    assert charts.clean_label(raw) == clean


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=60), st.integers(1, 10_000)), max_size=10))
def test_any_question_text_gives_well_formed_escaped_svg(top: list[tuple[str, int]]) -> None:
    svg = charts.to_svg(charts.top_unanswered(stats(top_unanswered=top)))
    root = ElementTree.fromstring(svg)  # raises on anything unescaped or invalid in XML
    labels = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    for q, _ in top:
        if charts.clean_label(q):
            assert charts.clean_label(q) in labels


def test_png_is_a_picture_of_the_stacked_figures() -> None:
    days = [DayCount(END - timedelta(days=i), 3 + i, 2) for i in range(10)]
    png = charts.stats_chart_png(stats(top_unanswered=[("<b>x</b> 👍", 3)]), days, END)
    image = Image.open(io.BytesIO(png))
    fig = charts.stack(charts.stats_figures(stats(), days, END), "t")
    assert image.format == "PNG" and image.size == (round(fig.width * 2), round(fig.height * 2))
    colours = {c for _, c in image.getcolors(1 << 20) or []}
    assert (0x1a, 0x5f, 0xb4) in colours and (0xe6, 0x61, 0x00) in colours  # both bar kinds


def test_labels_of_stacked_figures_stay_inside_the_picture() -> None:
    fig = charts.stack(charts.stats_figures(stats(), [], END), "t")
    for s in fig.shapes:
        if isinstance(s, Label | Rect):
            assert 0 <= s.x <= fig.width and 0 <= s.y <= fig.height, s
