"""The cheap checks that let the parser skip a pattern are never wrong.

The facts pass and the readers skip a regular expression on text that lacks what it needs
(:data:`indexer.facts.NEEDS`, the place-suffix characters of :func:`indexer.places.places`,
the length bound of a date-only line, the invisible characters).  A skip that is wrong
loses a fact silently, so each is held here to its pattern: on every sentence of the test
documents, on sentences made up to match, and on random strings of the characters that
matter, whatever the pattern matches holds what its guard looks for.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.readers.metadata import _DATE_ONLY, _may_be_date_only, find_date
from corpus.readers.paragraphs import _INVISIBLE, clean_line, visible
from indexer import facts
from indexer import places as place_module
from indexer.normalize import normalize

DATA = Path(__file__).resolve().parent.parent / "data"

# Sentences made up so that every guarded pattern matches at least once.
MADE_UP = [
    "《食品安全法》(以下简称《食安法》)印发以来", '开展"铁拳"行动', "首批、第二批典型案例",
    "2024年3月5日发布", "今年6月底前", "5月20日起施行", "当天11时50分许", "晚上8点30分",
    "行政拘留十日", "第217号国务院令", "责令其在10日内改正", "十五个工作日之内办结",
    "《乡村振兴促进法》施行", "1998年1月", "二〇二四年十月", "镉检出值为0.31mg/kg",
    "菌落总数520CFU/g,水温48.5℃",
]


def sentences() -> Iterator[str]:
    yield from MADE_UP
    for path in sorted(DATA.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        yield from (line for line in text.splitlines() if line.strip())


def random_strings(alphabet: str, n: int = 3000, seed: int = 7) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))


# The characters the guarded patterns are made of, and a few they are not.
ALPHABET = ("0123456789一二三十百千零年月日时点分许号内拘留役第首批简称以下《》()\"、,。个工作之底初份今去当同市县区"
            "mgl/℃")


@pytest.mark.parametrize("pattern", list(facts.NEEDS), ids=lambda p: repr(p)[:40])
def test_every_match_holds_what_its_guard_looks_for(pattern: object) -> None:
    needs = facts.NEEDS[pattern]  # type: ignore[index]
    matched = 0
    for text in [*map(normalize, sentences()), *random_strings(ALPHABET)]:
        if pattern.search(text):  # type: ignore[attr-defined]
            matched += 1
            assert any(piece in text for piece in needs), (pattern, text)
    assert matched, f"{pattern!r} matched nothing: the test proves nothing for it"


def test_place_suffix_guard() -> None:
    pat = place_module._place_patterns()
    chunks = [c for text in map(normalize, sentences())
              for c in place_module._NOT_CJK.split(text) if c]
    chunks += list(random_strings("某白沙宝安瑶族自治州市县区旗镇乡村街道地和与", seed=11))
    matched = 0
    for chunk in chunks:
        if any(p.search(chunk) for p in (pat.suffix, pat.autonomous, pat.local)):
            matched += 1
            assert place_module._PLACE_SUFFIX_CHAR.search(chunk), chunk
    assert matched > 100


DATE_LINES = ["2024年12月31日", "【2024年12月31日】", "(２０２４年１２月３１日)", "2024 年 3 月 5 日",
              "2024-03-05", "2024.3.5", "二〇二四年十二月三十一日", "（二〇二四年十二月三十一日）",
              "２０２４\u3000年\u3000１２\u3000月\u3000３１\u3000日"]


@pytest.mark.parametrize("line", DATE_LINES)
def test_date_only_lines_pass_the_length_bound(line: str) -> None:
    assert _DATE_ONLY.match(unicodedata.normalize("NFKC", line))
    assert _may_be_date_only(line)
    assert find_date(["正文第一句。", line]) is not None


def test_length_bound_never_hides_a_date_line() -> None:
    for line in [*sentences(), *random_strings("2024年12月31日-/.()【】 \u3000二〇十三", seed=3)]:
        if _DATE_ONLY.match(unicodedata.normalize("NFKC", line)):
            assert _may_be_date_only(line), line


@pytest.mark.parametrize("text", ["普通的一句话", "带\u200b零宽\ufeff字符", "\u00ad软连字符", "控制\x07字符", ""])
def test_visible_is_translate(text: str) -> None:
    assert visible(text) == text.translate(_INVISIBLE)
    assert clean_line(f"  {text}  ") == text.translate(_INVISIBLE).strip()
