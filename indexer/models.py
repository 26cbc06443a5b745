"""The index schema: SQLAlchemy 2 typed models, plus the FTS5 tables by DDL.

Rows keep the original text (what we quote) and where it stands; the FTS5
table holds the segmented, normalised tokens (what we match).  A passage's
FTS rowid is its ``passages.id``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, ForeignKey, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String, unique=True)  # the path key
    sha256: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    batch: Mapped[str | None] = mapped_column(String(16))
    script: Mapped[str | None] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(8), default="txt")
    indexed_at: Mapped[datetime] = mapped_column(default=datetime.now)
    # Passage ids first..last (a document's passages are numbered consecutively in
    # document order, so every case and section is a range too: read by rowid, no index).
    first_passage: Mapped[int]
    last_passage: Mapped[int]

    cases: Mapped[list[CaseRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="CaseRow.number"
    )


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int]
    title: Mapped[str] = mapped_column(Text)
    marker: Mapped[str] = mapped_column(String(16))
    first_passage: Mapped[int]
    last_passage: Mapped[int]

    document: Mapped[DocumentRow] = relationship(back_populates="cases")
    sections: Mapped[list[SectionRow]] = relationship(
        cascade="all, delete-orphan", order_by="SectionRow.ordinal"
    )


class SectionRow(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    ordinal: Mapped[int]
    marker: Mapped[str] = mapped_column(String(16))
    heading: Mapped[str] = mapped_column(Text)
    first_passage: Mapped[int]
    last_passage: Mapped[int]


class PassageRow(Base):
    """One sentence: the quoting unit."""

    __tablename__ = "passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="CASCADE")
    )
    seq: Mapped[int]  # order within the document
    role: Mapped[str] = mapped_column(String(12))  # title|preamble|case_title|lead|heading|body
    paragraph: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)


class DomainTermRow(Base):
    """A term the corpus itself defines (title, quoted measure, authority)."""

    __tablename__ = "domain_terms"
    __table_args__ = ({"sqlite_with_rowid": False},)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(String, primary_key=True)


class VocabRow(Base):
    """Every indexed word with its passage frequency (a copy of the FTS index's own
    vocabulary: fts5vocab counts postings on every lookup, far too slow per question)."""

    __tablename__ = "vocab"
    __table_args__ = ({"sqlite_with_rowid": False},)

    term: Mapped[str] = mapped_column(String, primary_key=True)
    df: Mapped[int]


class FactRow(Base):
    """A fact extracted at index time (see ``indexer.facts``)."""

    __tablename__ = "facts"
    # Clustered by passage (facts are looked up by a question's candidate passages;
    # whole-kind scans are rare): no rowid, no second index.
    __table_args__ = ({"sqlite_with_rowid": False},)

    passage_id: Mapped[int] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"),
                                            primary_key=True)
    ordinal: Mapped[int] = mapped_column(primary_key=True)  # order within the passage
    kind: Mapped[str] = mapped_column(String(16))  # issuance|org|place|document|measure|quantity
    subject: Mapped[str | None] = mapped_column(Text)  # actor (issuance) / entity text
    action: Mapped[str | None] = mapped_column(String(16))
    object: Mapped[str | None] = mapped_column(Text)  # document title / unit / kind
    # No normalised key: it is normalize(object) for an issuance, else normalize(subject).


class QuestionRow(Base):
    """The question log: no raw user ids or names, only a salted hash."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    asked_at: Mapped[datetime] = mapped_column(default=datetime.now)
    user_hash: Mapped[str | None] = mapped_column(String(64))
    question: Mapped[str] = mapped_column(Text)
    found: Mapped[bool]
    top_passage_id: Mapped[int | None]
    feedback: Mapped[int | None]  # +1 / -1


class MetaRow(Base):
    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# The full-text store.  ``words`` holds jieba search-mode tokens of the
# normalised sentence, space separated; unicode61 keeps a CJK run whole.
# Contentless: the tokens are not stored twice.  The writer deletes a row by
# reading its tokens back through passage_fts_instance (see indexer.writer).
# detail=full: a contentless table ranks with BM25 only when it keeps positions.
FTS_DDL = (
    DDL(
        "CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5("
        "words, content = '', tokenize = 'unicode61 remove_diacritics 0')"
    ),
    DDL("CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts_vocab USING fts5vocab(passage_fts, 'row')"),
    DDL("CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts_instance "
        "USING fts5vocab(passage_fts, 'instance')"),
)
