"""The index writer: documents in, an atomic, incremental index out.

Documents are keyed by source path and content hash: unchanged ones are
skipped, changed ones replaced, vanished ones dropped.  The CPU work
(reading, parsing, facts, segmenting; see :mod:`indexer.pipeline`) runs
before and beside the write transaction; the database changes in ONE
transaction, so under WAL a reader sees either the old index or the new
one, never half of either.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from corpus.loader import discover, source_key, source_path
from indexer.normalize import normalize
from indexer.pipeline import (
    Prepared,
    Spill,
    Task,
    load_all,
    segment_all,
    workers_for,
)
from indexer.storage import IndexTxn, Storage, storage_for

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


class IndexWriter:
    """Writes documents into the index at ``engine`` (whichever store it is, see
    :mod:`indexer.storage`: the statements are the store's, the logic is this)."""

    def __init__(self, engine: Engine, progress: Progress | None = None,
                 processes: int | None = None, storage: Storage | None = None) -> None:
        self.engine = engine
        self.storage = storage or storage_for(engine)
        self.progress = progress or (lambda stage, done, total: None)
        self.processes = processes  # None: one per core, for large batches
        self.storage.create_schema()

    # -- public API -------------------------------------------------------
    def index_paths(self, paths: Sequence[Path], rebuild: bool = False) -> IndexSummary:
        """Index files and folders; drop indexed documents whose file is gone."""
        started = time.perf_counter()
        summary = IndexSummary()
        known = self._known()
        files = list(discover(paths))
        tasks: list[Task] = []
        size = 0
        for path in files:
            key = source_key(path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                summary.errors.append((str(path), f"{path}: cannot read ({exc.strerror})"))
                continue
            digest = _sha(data)
            if not rebuild and known.get(key) == digest:
                summary.unchanged.append(key)
                continue
            tasks.append(Task(str(path), key, digest))
            size += len(data)
        workers = workers_for(size, self.processes)
        loaded, errors = load_all(tasks, workers, self.progress)
        with loaded:
            summary.errors.extend(errors)
            seen = {source_key(p) for p in files}
            # A rebuild starts from nothing: whatever this run did not see goes.
            gone = [k for k in known
                    if k not in seen and (rebuild or not source_path(k).exists())]
            self._write(loaded, gone, summary, workers, rebuild)
        summary.seconds = time.perf_counter() - started
        return summary

    def remove(self, keys: Iterable[str]) -> IndexSummary:
        summary = IndexSummary()
        with Spill() as nothing:
            self._write(nothing, list(keys), summary, workers=1, rebuild=False)
        return summary

    # -- internals --------------------------------------------------------
    def _known(self) -> dict[str, str]:
        with self.engine.connect() as c:
            return {str(k): str(v) for k, v in
                    c.exec_driver_sql("SELECT source, sha256 FROM documents")}

    def _write(self, loaded: Spill, gone: list[str], summary: IndexSummary,
               workers: int, rebuild: bool) -> None:
        with self.engine.begin() as c:
            txn = self.storage.txn(c)
            txn.begin()
            # As this transaction sees the index (another writer may have committed
            # since the documents were read: what it wrote already is not written twice).
            known = txn.known()
            skip: set[str] = set()
            if not rebuild:
                skip = {k for k in loaded.keys if known.get(k) == loaded.digests[k]}
                summary.unchanged.extend(k for k in loaded.keys if k in skip)
            replace = [k for k in loaded.keys if k in known and k not in skip]
            # Every term the index defines: this batch's and the documents' that stay.
            terms = txn.staying_terms(set(replace) | set(gone))
            terms |= loaded.terms
            txn.delete_documents([*replace, *gone])
            summary.removed.extend(gone)
            ids = _NextIds(txn.next_ids())
            txn.prepare_inserts()
            items = (item for item in loaded if item.key not in skip)
            # Rows go in while the workers still segment later documents.
            total = sum(n for k, n in loaded.passages.items() if k not in skip)
            for item, words in segment_all(items, terms, workers, self.progress, total):
                _insert_document(txn, ids, item, words)
                (summary.updated if item.key in known else summary.added).append(item.key)
                summary.passages += len(item.specs)
            self.progress("write", 0, 1)
            txn.finish(len(loaded) > len(skip) or bool(gone))
            summary.total_passages = txn.passage_count()
        self.progress("write", 1, 1)


class _NextIds:
    """Row ids handed out by the writer, so that rows can be inserted in bulk."""

    def __init__(self, first: dict[str, int]) -> None:
        self.next = dict(first)

    def take(self, table: str, n: int) -> int:
        first = self.next[table]
        self.next[table] += n
        return first


def _insert_document(txn: IndexTxn, ids: _NextIds, item: Prepared, words: list[str]) -> None:
    doc, meta = item.doc, item.doc.meta
    doc_id = ids.take("documents", 1)
    # A document's passages get consecutive ids in document order, so the
    # document, each case and each section own a range of them.
    first_id = ids.take("passages", len(item.specs))
    case_range: dict[int, list[int]] = {}
    section_range: dict[tuple[int, int], list[int]] = {}
    for seq, spec in enumerate(item.specs):
        pid = first_id + seq
        if spec.case is not None:
            case_range.setdefault(spec.case, [pid, pid])[1] = pid
            if spec.section is not None:
                section_range.setdefault((spec.case, spec.section), [pid, pid])[1] = pid
    empty = [first_id, first_id - 1]
    _insert_many(txn, "documents", ("id", "source", "sha256", "title", "issuer", "published",
                                    "batch", "script", "format", "indexed_at", "first_passage",
                                    "last_passage"),
                 [(doc_id, item.key, item.digest, doc.title, meta.issuer, meta.published,
                   meta.batch or _batch(doc.title), meta.script, meta.format,
                   datetime.now().isoformat(sep=" "), first_id,
                   first_id + len(item.specs) - 1)])
    case_ids: list[int] = []
    section_ids: list[list[int]] = []
    cases: list[tuple[object, ...]] = []
    sections: list[tuple[object, ...]] = []
    for ci, case in enumerate(doc.cases):
        case_id = ids.take("cases", 1)
        case_ids.append(case_id)
        cases.append((case_id, doc_id, case.number, case.title, case.marker,
                      *case_range.get(ci, empty)))
        first = ids.take("sections", len(case.sections))
        section_ids.append(list(range(first, first + len(case.sections))))
        sections.extend((first + k, case_id, sec.ordinal, sec.marker, sec.heading,
                         *section_range.get((ci, k), empty))
                        for k, sec in enumerate(case.sections))
    _insert_many(txn, "cases", ("id", "document_id", "number", "title", "marker",
                                "first_passage", "last_passage"), cases)
    _insert_many(txn, "sections", ("id", "case_id", "ordinal", "marker", "heading",
                                   "first_passage", "last_passage"), sections)
    passages: list[tuple[object, ...]] = []
    for seq, spec in enumerate(item.specs):
        pcase = case_ids[spec.case] if spec.case is not None else None
        sec_id = (section_ids[spec.case][spec.section]
                  if spec.case is not None and spec.section is not None else None)
        passages.append((first_id + seq, doc_id, pcase, sec_id, seq, spec.role,
                         spec.paragraph, spec.start, spec.end, spec.text))
    _insert_many(txn, "passages", ("id", "document_id", "case_id", "section_id", "seq", "role",
                                   "paragraph", "start", '"end"', "text"), passages)
    txn.insert_fts([(first_id + seq, w) for seq, w in enumerate(words)])
    _insert_many(txn, "domain_terms", ("document_id", "term"),
                 [(doc_id, t) for t in sorted(item.terms)])
    ordinal: dict[int, int] = {}
    facts = []
    for f in item.facts:
        n = ordinal[f.index] = ordinal.get(f.index, -1) + 1
        facts.append((first_id + f.index, n, f.kind, f.subject, f.action, f.object))
    _insert_many(txn, "facts", ("passage_id", "ordinal", "kind", "subject", "action", "object"),
                 facts)


def _insert_many(txn: IndexTxn, table: str, columns: Sequence[str],
                 rows: Sequence[tuple[object, ...]]) -> None:
    if rows:  # an empty executemany would insert one row of defaults
        txn.insert(table, columns, rows)


def _batch(title: str) -> str | None:
    m = re.search(r"第[一二三四五六七八九十0-9]+批", normalize(title))
    return title[m.start():m.end()] if m else None


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


__all__ = ["IndexSummary", "IndexWriter"]
