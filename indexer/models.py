"""The index schema: SQLAlchemy 2 typed models, plus the FTS5 tables by DDL.

Rows keep the original text (what we quote) and where it stands; the FTS5
table holds the segmented, normalised tokens (what we match).  A passage's
FTS rowid is its ``passages.id``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DDL, ForeignKey, Index, LargeBinary, String, Text, text
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


class PassageRow(Base):
    """One sentence: the quoting unit."""

    __tablename__ = "passages"
    __table_args__ = (Index("ix_passages_doc_seq", "document_id", "seq"),)

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
    # Token spans into normalize(text) (see indexer.segment.encode_spans): what the
    # contentless FTS table indexed for this passage, needed to delete it again.
    tokens: Mapped[bytes] = mapped_column(LargeBinary)


class DomainTermRow(Base):
    """A term the corpus itself defines (title, quoted measure, authority)."""

    __tablename__ = "domain_terms"
    __table_args__ = ({"sqlite_with_rowid": False},)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(String, primary_key=True)


class VocabRow(Base):
    """Every indexed word with its passage frequency, and its toneless pinyin key."""

    __tablename__ = "vocab"
    # Partial: most index terms (numbers, Latin, single characters) have no key.
    __table_args__ = (Index("ix_vocab_pinyin", "pinyin", sqlite_where=text("pinyin IS NOT NULL")),
                      {"sqlite_with_rowid": False})

    term: Mapped[str] = mapped_column(String, primary_key=True)
    df: Mapped[int]
    pinyin: Mapped[str | None] = mapped_column(String)


class FactRow(Base):
    """A fact extracted at index time (see ``indexer.facts``)."""

    __tablename__ = "facts"
    # Looked up by passage (the candidates of a question); whole-kind scans are rare.
    __table_args__ = (Index("ix_facts_passage", "passage_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # issuance|org|place|document|measure|quantity
    subject: Mapped[str | None] = mapped_column(Text)  # actor (issuance) / entity text
    action: Mapped[str | None] = mapped_column(String(16))
    object: Mapped[str | None] = mapped_column(Text)  # document title / unit / kind
    norm: Mapped[str] = mapped_column(Text)  # normalised matching key


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
# Contentless: the tokens are not stored twice (passages.tokens can rebuild them).
FTS_DDL = (
    DDL(
        "CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5("
        "words, content = '', tokenize = 'unicode61 remove_diacritics 0')"
    ),
    DDL("CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts_vocab USING fts5vocab(passage_fts, 'row')"),
)
