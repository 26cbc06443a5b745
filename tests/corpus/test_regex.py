"""corpus.regex: a lazily compiled pattern answers exactly as ``re`` does."""

from __future__ import annotations

import pickle
import re

import pytest

from corpus import regex

PATTERN = r"([\u4e00-\u9fff]{1,4}?(?:州|市|县))(?!政府)"
TEXT = "新疆巴音郭楞州库尔勒市的香梨, 市政府"


@pytest.mark.parametrize(("method", "args"), [
    ("search", (TEXT,)),
    ("search", (TEXT, 3)),
    ("search", (TEXT, 3, 5)),
    ("match", (TEXT,)),
    ("fullmatch", ("库尔勒市",)),
    ("findall", (TEXT,)),
    ("split", (TEXT,)),
    ("split", (TEXT, 1)),
    ("sub", ("<>", TEXT)),
    ("sub", (lambda m: m.group(1)[::-1], TEXT, 1)),
    ("subn", ("<>", TEXT)),
])
def test_same_answers_as_re_before_and_after_compiling(method: str, args: tuple) -> None:
    lazy, eager = regex.compile(PATTERN), re.compile(PATTERN)

    def spans(found: object) -> object:
        return found.span() if isinstance(found, re.Match) else found

    first = spans(getattr(lazy, method)(*args))  # compiles
    assert first == spans(getattr(eager, method)(*args))
    assert spans(getattr(lazy, method)(*args)) == first  # the bound method of re's pattern


def test_finditer_and_flags() -> None:
    lazy = regex.compile(r"fire|plant", re.I)
    assert [m.group() for m in lazy.finditer("Fire at the PLANT")] == ["Fire", "PLANT"]


def test_text_is_there_without_compiling() -> None:
    lazy = regex.LazyPattern(r"[")  # invalid: compiling would fail (not registered either,
    # so compile_all in another test never meets it)
    assert lazy.pattern == "["
    assert "search" not in vars(lazy)
    with pytest.raises(re.error):
        lazy.search("x")


def test_compiled_once_then_re_answers_directly() -> None:
    lazy = regex.compile(r"\d+")
    assert lazy.search("a12").group() == "12"
    assert getattr(lazy.search, "__self__", None) is not None
    assert isinstance(lazy.search.__self__, re.Pattern)


def test_pickles_before_and_after_compiling() -> None:
    lazy = regex.compile(r"案例[一二三]", re.I)
    assert pickle.loads(pickle.dumps(lazy)).search("第案例二").group() == "案例二"
    lazy.search("案例一")
    again = pickle.loads(pickle.dumps(lazy))
    assert (again.pattern, again.flags) == (lazy.pattern, lazy.flags)
    assert again.search("案例三").group() == "案例三"


def test_compile_all_compiles_what_waits() -> None:
    waiting = regex.compile(r"第([一二三])批")
    assert regex.compile_all() >= 1
    assert "search" in vars(waiting)
    assert regex.compile_all() == 0
