"""What a search returns: cited passages and facts, and the FTS5 quoting of query terms.

Every user string reaches FTS5 only as quoted tokens built by :func:`fts_query`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from indexer.normalize import normalize_many


def fts_quote(token: str) -> str:
    """One FTS5 string token: double quotes doubled, wrapped in quotes.

    Whatever ``token`` holds (AND, NEAR, *, ^, :, parentheses, column names)
    it is matched as text, never parsed as query syntax.
    """
    # NUL would end the string inside SQLite's FTS5 parser; it carries no meaning.
    return '"' + token.replace("\x00", "").replace('"', '""') + '"'


def fts_query(terms: Iterable[str]) -> str | None:
    """An OR of quoted terms, or None when there is nothing to search for."""
    quoted = [fts_quote(t) for t in dict.fromkeys(terms) if t.strip()]
    return " OR ".join(quoted) if quoted else None


@dataclass(frozen=True)
class PassageHit:
    """A passage with everything needed to cite it."""

    id: int
    text: str
    role: str
    seq: int
    paragraph: int
    doc_id: int
    doc_title: str
    doc_source: str
    case_id: int | None
    case_number: int | None
    case_title: str | None
    section_id: int | None
    section_marker: str | None
    section_heading: str | None
    case_marker: str | None = None  # as the document writes it: 案例1、, 一、, （一）…

    @property
    def case_label(self) -> str | None:
        """How the document itself names the case: 案例N, or its own marker and title
        (一、甲州做法) — never a 案例N the document does not have."""
        return case_label(self.case_number, self.case_marker, self.case_title)


# The fields every passage of a document (or case, section) repeats: one string each, not
# one per cached row — the search cache holds thousands of rows of a few hundred documents.
_SHARED = frozenset(("role", "doc_title", "doc_source", "case_title", "section_marker",
                     "section_heading", "case_marker"))
_FIELDS = tuple(PassageHit.__dataclass_fields__)


def passage_hit(row: Sequence[object]) -> PassageHit:
    """The :class:`PassageHit` of a result row (its columns in field order), with the
    strings its document, case and section share interned."""
    values = [sys.intern(v) if isinstance(v, str) and name in _SHARED else v
              for name, v in zip(_FIELDS, row, strict=False)]
    return PassageHit(*values)  # type: ignore[arg-type]


def case_label(number: int | None, marker: str | None, title: str | None) -> str | None:
    if not number:
        return None
    if not marker or "案例" in marker:
        return f"案例{number}"
    return f"{marker}{title or ''}".strip()


@dataclass(frozen=True)
class FactHit:
    passage_id: int
    kind: str
    subject: str | None
    action: str | None
    object: str | None
    norm: str




def fact_hits(rows: Sequence[tuple[Any, ...]]) -> list[FactHit]:
    # The matching key is not stored: it is the normalised document title of an
    # issuance, else of the subject (normalisation keeps offsets, so the two agree).
    keys = normalize_many([(r[4] if r[1] == "issuance" else r[2]) or "" for r in rows])
    return [FactHit(r[0], r[1], r[2], r[3], r[4], key) for r, key in zip(rows, keys, strict=True)]


__all__ = ["FactHit", "PassageHit", "case_label", "fact_hits", "fts_query", "fts_quote", "passage_hit"]
