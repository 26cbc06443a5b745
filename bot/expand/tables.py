"""The word tables of ``corpus/data`` (synonyms, glossary) as the understanding stage reads them."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from indexer.normalize import normalize_many

# A table read-only: what the expansions take (a plain dict in tests).
WordTable = Mapping[str, tuple[str, ...]]


@lru_cache(maxsize=8)
def read_table(path: Path) -> dict[str, tuple[str, ...]]:
    """A word table from ``corpus/data`` (synonyms, glossary): key<TAB>value|value, normalised."""
    rows: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        head, tail = line.split("\t", 1)
        rows.append((head.strip(), [v.strip() for v in tail.split("|")]))
    # One OpenCC call for the whole table (hundreds of calls cost a cold start ~50 ms).
    flat = normalize_many([word for head, words in rows for word in (head, *words)])
    table: dict[str, tuple[str, ...]] = {}
    pos = 0
    for _, words in rows:
        table[flat[pos]] = tuple(flat[pos + 1:pos + 1 + len(words)])
        pos += 1 + len(words)
    return table
