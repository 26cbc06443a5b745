"""Module-level regular expressions, compiled on first use.

The rules of the reader, the indexer and the answer core are some three hundred
module-level patterns. CPython compiles a character class such as ``[\\u4e00-\\u9fff]``
by visiting each of its 21,000 code points in Python, so compiling them all took
about 140 ms of every fresh process — a quarter of a cold ``casebot ask`` — while
one question uses fewer than half of them.

``compile`` returns a :class:`LazyPattern`: the pattern text is there at once
(``.pattern``, for building other patterns), the ``re.Pattern`` is made at the
first match, and from then on its bound methods stand in the instance's own
attributes, so later calls go straight to ``re`` with no wrapper in between.

Use it for module-level constants only; a pattern built inside a function is
compiled there (``re`` caches those). Long-running processes (the web page, the
bot) call :func:`compile_all` while they start, so no user's question pays for a
first compile.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

# The methods the first call binds onto the instance.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
# Every pattern made by compile(): module-level constants, which live as long as the process.
_MADE: list[LazyPattern] = []


class LazyPattern:
    """A ``re.Pattern[str]`` that compiles itself when first matched."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getstate__(self) -> tuple[str, int]:
        # Pickle the text, not the bound methods of a compiled pattern.
        return self.pattern, self.flags

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state

    def __repr__(self) -> str:
        return f"regex.compile({self.pattern!r})"

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; its methods now answer this instance's calls."""
        compiled = re.compile(self.pattern, self.flags)
        # Instance attributes shadow the methods below: later calls skip this class.
        self.__dict__.update({name: getattr(compiled, name) for name in _METHODS})
        return compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0,
                  endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str,
             count: int = 0) -> tuple[str, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)


def compile(pattern: str, flags: int = 0) -> LazyPattern:
    """Like ``re.compile``, compiled at first use."""
    made = LazyPattern(pattern, flags)
    _MADE.append(made)
    return made


def compile_all() -> int:
    """Compile every pattern not compiled yet (for a process that is starting); how many."""
    waiting = [made for made in _MADE if "search" not in vars(made)]
    for made in waiting:
        made.compiled()
    return len(waiting)
