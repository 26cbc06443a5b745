"""Where something was sent: "那批鞋要运到哪里?" is answered by the place after the verb of
sending in the best sentence (申报出口至东南亚, 销往广东、浙江等地) — a country or a region of the
world as well as a place below one, since goods and people go abroad."""

from __future__ import annotations

from bot.analysis import Analysis
from bot.extract.direct import Direct
from bot.reply import Passage
from corpus import regex
from indexer.places import places
from indexer.words import COUNTRIES, PROVINCES, WORLD_REGIONS

# A question asking where to (运到哪里, 卖到哪去了, 发往何处, 出口到哪些国家).
ASKS_TO = regex.compile(r"(?:运|送|发|卖|销|出口|寄|开|飞|去|迁|搬|逃|跑|转移)了?(?:到|往|至|去)了?"
                        r"(?:哪|什么地方|何处|何地)")
# The verbs of sending that a destination follows (出口至东南亚, 销往外省, 运到上海).
_TO = regex.compile(r"(?:运往|销往|发往|寄往|送往|飞往|开往|迁往|逃往|出口至|出口到|运至|运到|送至|送到|"
                    r"寄到|迁至|发运至|销售至|销售到|销至|转移至|转移到)")
_NAMED = sorted({*COUNTRIES, *WORLD_REGIONS, *PROVINCES}, key=len, reverse=True)
_LOOK_AHEAD = 16


def destination(a: Analysis, best: Passage) -> Direct | None:
    """The place ``best`` says something was sent to, when the question asks where to;
    None when it asks no such thing or the sentence names none after a verb of sending."""
    if not ASKS_TO.search(a.norm):
        return None
    norm = best.norm
    for m in _TO.finditer(norm):
        rest = norm[m.end():m.end() + _LOOK_AHEAD]
        named = [x for x in _NAMED if rest.startswith(x)]
        named += [x for x in places(rest) if rest.startswith(x)]
        if named:
            place = max(named, key=len)
            return Direct(best.text[m.end():m.end() + len(place)], best)
    return None


__all__ = ["ASKS_TO", "destination"]
