"""Drawing a chart: :func:`to_svg` for the web page's admin view (every label escaped) and
:func:`to_png` (Pillow, a CJK font from Debian's packages) for Telegram's ``/stats``."""

from __future__ import annotations

import html
import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.chart_model import FONT_FAMILY, Figure, Line, Rect, clean_label
from corpus import regex

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont, ImageFont


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def to_svg(fig: Figure) -> str:
    """The figure as a standalone SVG element (also fit to inline into HTML): scalable
    (``viewBox``), with a ``<title>`` and ``<desc>`` for screen readers, no script or
    style attribute (the page's Content-Security-Policy allows neither inline)."""
    e = html.escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(fig.width)} '
           f'{_n(fig.height)}" width="{_n(fig.width)}" height="{_n(fig.height)}" role="img" '
           f'font-family="{e(FONT_FAMILY)}">',
           f"<title>{e(clean_label(fig.title, 200))}</title>",
           f"<desc>{e(clean_label(fig.desc, 2000))}</desc>"]
    for s in fig.shapes:
        if isinstance(s, Rect):
            tip = f"<title>{e(clean_label(s.title, 200))}</title>" if s.title else ""
            out.append(f'<rect x="{_n(s.x)}" y="{_n(s.y)}" width="{_n(s.w)}" '
                       f'height="{_n(s.h)}" fill="{s.fill}">{tip}</rect>')
        elif isinstance(s, Line):
            out.append(f'<line x1="{_n(s.x1)}" y1="{_n(s.y1)}" x2="{_n(s.x2)}" '
                       f'y2="{_n(s.y2)}" stroke="{s.stroke}"/>')
        else:
            weight = ' font-weight="bold"' if s.bold else ""
            out.append(f'<text x="{_n(s.x)}" y="{_n(s.y)}" font-size="{_n(s.size)}" '
                       f'fill="{s.fill}" text-anchor="{s.anchor}"{weight}>'
                       f"{e(clean_label(s.text, 200))}</text>")
    out.append("</svg>")
    return "".join(out)


# Debian's fonts-noto-cjk first (the CI machine installs it); without any of these the
# picture is drawn with Pillow's own font, in which Chinese shows as boxes.
FONT_FILES = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
     "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),  # 2 = the SC face
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
     "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
     "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
)


@lru_cache(maxsize=32)
def _font(size: int, bold: bool) -> FreeTypeFont | ImageFont:
    from PIL import ImageFont

    for regular, heavy, index in FONT_FILES:
        path = heavy if bold else regular
        if Path(path).exists():
            return ImageFont.truetype(path, size, index=index)
    return ImageFont.load_default(size)


def has_cjk_font() -> bool:
    """Whether :func:`to_png` can draw Chinese (else it draws boxes: install fonts-noto-cjk)."""
    return any(Path(regular).exists() for regular, _, _ in FONT_FILES)


_ASTRAL = regex.compile(r"[\U00010000-\U0010ffff]")


def to_png(fig: Figure, scale: float = 2.0) -> bytes:
    """The figure as a PNG, ``scale`` times its size (sharp on a phone's screen).

    Emoji (from a logged question) are left out of PNG labels: the CJK fonts have no
    glyphs for them, and a box says nothing."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (round(fig.width * scale), round(fig.height * scale)), "white")
    draw = ImageDraw.Draw(img)
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for s in fig.shapes:
        if isinstance(s, Rect):
            if s.w > 0 and s.h > 0:
                draw.rectangle([s.x * scale, s.y * scale, (s.x + s.w) * scale,
                                (s.y + s.h) * scale], fill=s.fill)
        elif isinstance(s, Line):
            draw.line([s.x1 * scale, s.y1 * scale, s.x2 * scale, s.y2 * scale], fill=s.stroke,
                      width=max(1, round(scale)))
        else:
            text = " ".join(_ASTRAL.sub("", clean_label(s.text, 200)).split())
            if text:
                draw.text((s.x * scale, s.y * scale), text, fill=s.fill,
                          font=_font(round(s.size * scale), s.bold), anchor=anchors[s.anchor])
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


__all__ = ["FONT_FILES", "has_cjk_font", "to_png", "to_svg"]
