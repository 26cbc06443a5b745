"""The corpus model: what a document is, before any indexing.

A reader (``corpus.readers``) turns a file into a :class:`RawDocument` — plain
text plus whatever metadata and headings the format already knew.  The
structure parser (``corpus.parse``) turns that into a :class:`Document`:
preamble → cases → sections → sentences, every piece carrying character
offsets into ``Document.text`` so that a quote is always a verbatim slice of
the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DocumentMeta:
    """Facts about a document as a whole; any of them may be unknown."""

    title: str | None = None
    issuer: str | None = None  # issuing body, e.g. 自治区市场监管局
    published: str | None = None  # ISO date, YYYY-MM-DD
    batch: str | None = None  # 第一批, 第二批 …
    script: str | None = None  # "traditional" | "simplified"
    format: str = "txt"  # txt, md, html, docx, pdf


@dataclass(frozen=True)
class RawDocument:
    """What a reader hands to the structure parser.

    ``text`` is the document body, one paragraph per line.  ``headings`` lists
    lines of ``text`` that the source format itself marked as headings (docx
    heading styles, HTML <h1>-<h4>); the parser treats them as heading
    candidates in addition to the patterns it knows.
    """

    text: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    headings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """The quoting unit: one sentence, verbatim, with its place."""

    text: str
    start: int
    end: int
    paragraph: int = 0  # 0-based paragraph (line) number, for citing unstructured documents


@dataclass(frozen=True)
class Section:
    """A measure inside a case, e.g. 一是抓政策保障,夯實產業基礎。…"""

    ordinal: int  # 1, 2, 3 … in document order within the case
    marker: str  # the heading marker as written: 一是, 一、, (一), 1.
    heading: str  # the heading phrase, e.g. 抓政策保障,夯實產業基礎 ("" if none)
    text: str  # the whole section paragraph(s), verbatim
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Case:
    """A numbered case (案例N) or top-level part of the announcement."""

    number: int
    title: str
    marker: str  # 案例1、, 一、 …
    lead: str  # the lead paragraph(s) before the first section ("" if none)
    lead_sentences: tuple[Sentence, ...]
    sections: tuple[Section, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A parsed announcement."""

    title: str
    source: str  # path as given, or a display name
    sha256: str
    text: str  # the full original text; every offset points here
    meta: DocumentMeta
    preamble: tuple[Sentence, ...]
    cases: tuple[Case, ...]
