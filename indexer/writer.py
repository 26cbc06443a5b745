"""The index writer: documents in, an atomic, incremental index out.

Documents are keyed by source path and content hash: unchanged ones are
skipped, changed ones replaced, vanished ones dropped.  All slow work
(reading, parsing, segmenting) happens before the write transaction; the
database changes in ONE transaction, so under WAL a reader sees either the
old index or the new one, never half of either.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, delete, insert, select, text
from sqlalchemy.orm import Session

from corpus.loader import discover, load_document, source_key, source_path
from corpus.model import Document
from corpus.readers import ReaderError
from indexer import facts as facts_mod
from indexer.db import create_schema
from indexer.models import (
    CaseRow,
    DocumentRow,
    DomainTermRow,
    FactRow,
    PassageRow,
    SectionRow,
    VocabRow,
)
from indexer.normalize import normalize
from indexer.segment import Span, decode_spans, encode_spans, segment_all, words_of
from indexer.terms import domain_terms

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class IndexSummary:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    passages: int = 0  # passages written in this run
    total_passages: int = 0  # passages in the index afterwards
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass(frozen=True)
class PassageSpec:
    """A sentence to index, with where it stands in its document."""

    role: str
    case: int | None  # index into Document.cases
    section: int | None  # index into Case.sections
    paragraph: int
    start: int
    end: int
    text: str


def passages_of(doc: Document) -> list[PassageSpec]:
    """Every quotable sentence of ``doc`` in document order, with its role."""
    out: list[PassageSpec] = []
    title_end = doc.text.find(doc.title)
    if title_end >= 0:
        out.append(PassageSpec("title", None, None, 0, title_end, title_end + len(doc.title),
                               doc.title))
    for s in doc.preamble:
        out.append(PassageSpec("preamble", None, None, s.paragraph, s.start, s.end, s.text))
    for ci, case in enumerate(doc.cases):
        if case.title:
            line = doc.text[case.start:].split("\n", 1)[0].strip()
            out.append(PassageSpec("case_title", ci, None, -1, case.start,
                                   case.start + len(line), line))
        for s in case.lead_sentences:
            out.append(PassageSpec("lead", ci, None, s.paragraph, s.start, s.end, s.text))
        for si, sec in enumerate(case.sections):
            for k, s in enumerate(sec.sentences):
                is_heading = k == 0 and bool(sec.heading) and len(s.text) <= len(
                    sec.marker) + len(sec.heading) + 2
                out.append(PassageSpec("heading" if is_heading else "body", ci, si, s.paragraph,
                                       s.start, s.end, s.text))
    return out


@dataclass
class _Loaded:
    key: str
    digest: str  # of the file's bytes: what "unchanged" is judged by
    doc: Document
    specs: list[PassageSpec]
    norm: list[str]
    terms: set[str]


class IndexWriter:
    """Writes documents into the index at ``engine``."""

    def __init__(self, engine: Engine, progress: Progress | None = None,
                 processes: int | None = None) -> None:
        self.engine = engine
        self.progress = progress or (lambda stage, done, total: None)
        self.processes = processes
        create_schema(engine)

    # -- public API -------------------------------------------------------
    def index_paths(self, paths: Sequence[Path], rebuild: bool = False) -> IndexSummary:
        """Index files and folders; drop indexed documents whose file is gone."""
        started = time.perf_counter()
        summary = IndexSummary()
        known = self._known()
        files = list(discover(paths))
        loaded: list[_Loaded] = []
        for i, path in enumerate(files):
            self.progress("read", i, len(files))
            key = source_key(path)
            try:
                digest = _file_sha(path)
                if not rebuild and key in known and known[key] == digest:
                    summary.unchanged.append(key)
                    continue
                doc = load_document(path)
            except ReaderError as exc:
                summary.errors.append((str(path), str(exc)))
                continue
            except OSError as exc:
                summary.errors.append((str(path), f"{path}: cannot read ({exc.strerror})"))
                continue
            loaded.append(self._prepare(key, doc, digest))
        self.progress("read", len(files), len(files))
        seen = {source_key(p) for p in files}
        # A rebuild starts from nothing: whatever this run did not see goes.
        gone = [k for k in known if k not in seen and (rebuild or not source_path(k).exists())]
        self._write(loaded, gone, known, summary, rebuild=rebuild)
        summary.seconds = time.perf_counter() - started
        return summary

    def remove(self, keys: Iterable[str]) -> IndexSummary:
        summary = IndexSummary()
        self._write([], list(keys), self._known(), summary, rebuild=False)
        return summary

    # -- internals --------------------------------------------------------
    def _known(self) -> dict[str, str]:
        with Session(self.engine) as s:
            return {k: v for k, v in s.execute(select(DocumentRow.source, DocumentRow.sha256))}

    def _prepare(self, key: str, doc: Document, digest: str) -> _Loaded:
        specs = passages_of(doc)
        return _Loaded(key, digest, doc, specs, [normalize(s.text) for s in specs],
                       domain_terms(normalize(doc.text)))

    def _write(self, loaded: list[_Loaded], gone: list[str], known: dict[str, str],
               summary: IndexSummary, rebuild: bool) -> None:
        existing_terms: set[str] = set()
        if not rebuild:
            with Session(self.engine) as s:
                existing_terms = set(s.scalars(select(DomainTermRow.term)).all())
        user_terms = existing_terms.union(*(item.terms for item in loaded))
        texts = [t for item in loaded for t in item.norm]
        self.progress("segment", 0, len(texts))
        spans = segment_all(texts, user_terms, self.processes)
        self.progress("segment", len(texts), len(texts))

        with Session(self.engine) as s, s.begin():
            replace_keys = [item.key for item in loaded if item.key in known]
            for key in [*replace_keys, *gone]:
                self._delete_document(s, key)
            summary.removed.extend(gone)
            pos = 0
            for item in loaded:
                n = len(item.specs)
                self._insert_document(s, item, spans[pos:pos + n])
                pos += n
                (summary.updated if item.key in known else summary.added).append(item.key)
                summary.passages += n
            if loaded or gone:
                self._rebuild_vocab(s)
            summary.total_passages = s.scalar(text("SELECT count(*) FROM passages")) or 0

    def _delete_document(self, s: Session, key: str) -> None:
        doc_id = s.scalar(select(DocumentRow.id).where(DocumentRow.source == key))
        if doc_id is None:
            return
        rows = s.execute(select(PassageRow.id, PassageRow.text, PassageRow.tokens)
                         .where(PassageRow.document_id == doc_id)).all()
        # A contentless FTS5 table forgets a row only when told exactly what it indexed.
        if rows:
            s.execute(text("INSERT INTO passage_fts(passage_fts, rowid, words) "
                           "VALUES ('delete', :id, :w)"),
                      [{"id": pid, "w": words_of(normalize(t), decode_spans(tok))}
                       for pid, t, tok in rows])
        s.execute(text("DELETE FROM facts WHERE passage_id IN "
                       "(SELECT id FROM passages WHERE document_id = :d)"), {"d": doc_id})
        s.execute(delete(PassageRow).where(PassageRow.document_id == doc_id))
        s.execute(delete(DomainTermRow).where(DomainTermRow.document_id == doc_id))
        doc = s.get(DocumentRow, doc_id)
        s.delete(doc)
        s.flush()

    def _insert_document(self, s: Session, item: _Loaded, spans: Sequence[list[Span]]) -> None:
        doc = item.doc
        meta = doc.meta
        row = DocumentRow(source=item.key, sha256=item.digest,
                          title=doc.title, issuer=meta.issuer, published=meta.published,
                          batch=meta.batch or _batch(doc.title), script=meta.script,
                          format=meta.format)
        s.add(row)
        s.flush()
        case_rows: list[CaseRow] = []
        section_rows: list[list[SectionRow]] = []
        for case in doc.cases:
            c = CaseRow(document_id=row.id, number=case.number, title=case.title,
                        marker=case.marker)
            secs = [SectionRow(ordinal=sec.ordinal, marker=sec.marker, heading=sec.heading)
                    for sec in case.sections]
            c.sections = secs
            s.add(c)
            case_rows.append(c)
            section_rows.append(secs)
        s.flush()
        # Passages, FTS rows and facts in bulk (Core inserts with our own ids):
        # the ORM's unit of work costs more than SQLite on large batches.
        first_id = (s.scalar(text("SELECT max(id) FROM passages")) or 0) + 1
        ids = list(range(first_id, first_id + len(item.specs)))
        passages = []
        for pid, seq, spec, sp in zip(ids, range(len(ids)), item.specs, spans, strict=True):
            case_id = case_rows[spec.case].id if spec.case is not None else None
            sec_id = (section_rows[spec.case][spec.section].id
                      if spec.case is not None and spec.section is not None else None)
            passages.append({"id": pid, "document_id": row.id, "case_id": case_id,
                             "section_id": sec_id, "seq": seq, "role": spec.role,
                             "paragraph": spec.paragraph, "start": spec.start, "end": spec.end,
                             "text": spec.text, "tokens": encode_spans(sp)})
        if passages:
            s.execute(insert(PassageRow), passages)
            s.execute(text("INSERT INTO passage_fts(rowid, words) VALUES (:id, :w)"),
                      [{"id": pid, "w": words_of(norm, sp)}
                       for pid, norm, sp in zip(ids, item.norm, spans, strict=True)])
        if item.terms:
            s.execute(insert(DomainTermRow),
                      [{"document_id": row.id, "term": t} for t in sorted(item.terms)])
        facts = facts_mod.extract(doc, item.specs, item.norm)
        if facts:
            s.execute(insert(FactRow), [
                {"passage_id": ids[f.index], "kind": f.kind, "subject": f.subject,
                 "action": f.action, "object": f.object, "norm": f.norm} for f in facts])

    def _rebuild_vocab(self, s: Session) -> None:
        """Vocabulary = the FTS index's own terms, with pinyin keys for the question side."""
        old = {k: v for k, v in s.execute(select(VocabRow.term, VocabRow.pinyin))}
        rows = s.execute(text("SELECT term, doc FROM passage_fts_vocab")).all()
        s.execute(delete(VocabRow))
        if rows:  # an empty executemany would insert one row of defaults
            s.execute(insert(VocabRow), [
                {"term": t, "df": df, "pinyin": old[t] if t in old else pinyin_key(t)}
                for t, df in rows])


_CHAR_PINYIN: dict[str, str] = {}


def _char_pinyin(ch: str) -> str:
    """A character's most common reading, toneless (the first entry of pypinyin's table)."""
    found = _CHAR_PINYIN.get(ch)
    if found is None:
        import unicodedata

        from pypinyin.pinyin_dict import pinyin_dict

        reading = pinyin_dict.get(ord(ch), "").split(",")[0]
        bare = unicodedata.normalize("NFD", reading)
        found = "".join(c for c in bare if not unicodedata.combining(c)).replace("ü", "v")
        _CHAR_PINYIN[ch] = found
    return found


def pinyin_key(term: str) -> str | None:
    """Toneless pinyin, joined, for CJK words of two to six characters.

    Character by character (a dictionary lookup each) rather than pypinyin's
    phrase-aware conversion: ten times faster on a large vocabulary, and a
    word's keys only need to match how people type it, mostly the common reading.
    """
    if not 2 <= len(term) <= 6 or not all("\u4e00" <= c <= "\u9fff" for c in term):
        return None
    key = "".join(_char_pinyin(c) for c in term)
    return key or None


def _batch(title: str) -> str | None:
    m = re.search(r"第[一二三四五六七八九十0-9]+批", normalize(title))
    return title[m.start():m.end()] if m else None


def _file_sha(path: Path) -> str:
    return _sha(path.read_bytes())


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()

