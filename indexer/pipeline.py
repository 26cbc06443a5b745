"""Preparing documents for the writer: all the CPU work, over several processes for large batches.

Two passes, because segmentation needs every domain term of the batch first
(a long name defined in one document is a token in all of them):

1. :func:`load_all` — read, parse, normalise, collect domain terms and
   extract facts, one document per task; each prepared document goes to a
   :class:`Spill` file at once, and only its key, digest and terms stay in
   memory;
2. :func:`segment_all` — jieba search-mode tokens of every passage, as the
   FTS ``words`` value, yielded document by document (read back from the
   spill file) so the writer can insert while the workers are still
   segmenting, with a bounded number of chunks in flight.

So memory stays flat as the corpus grows: a batch of documents is in memory
at a time, never the corpus.

jieba and the parsers are pure Python and hold the GIL, so the parallelism
is processes.  Small batches (an upload, a re-index of one file) stay in
process: starting workers would cost more than it saves.  Where ``fork``
is safe the segmentation workers inherit the parent's initialised jieba
(loaded by a thread while the first pass runs) instead of each loading the
dictionary again.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.loader import load_document
from corpus.model import Document, DocumentMeta
from corpus.readers import ReaderError
from indexer import facts as facts_mod
from indexer.facts import Fact
from indexer.normalize import normalize, normalize_many
from indexer.passages import PassageSpec, passages_of
from indexer.segment import Segmenter, shared_tokenizer
from indexer.terms import domain_terms

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

Progress = Callable[[str, int, int], None]  # (stage, done, total)

# Below this many bytes of documents a batch is prepared in process.
PARALLEL_MIN_BYTES = 400_000


@dataclass(frozen=True)
class Task:
    """A file to prepare: its path, its key in the index and the digest of its bytes."""

    path: str
    key: str
    digest: str


@dataclass(frozen=True)
class SectionOutline:
    ordinal: int
    marker: str
    heading: str


@dataclass(frozen=True)
class CaseOutline:
    number: int
    title: str
    marker: str
    sections: tuple[SectionOutline, ...]


@dataclass(frozen=True)
class Outline:
    """What the writer keeps of a parsed document beside its passages.

    Workers send this back, not the :class:`Document`: that holds its text
    several times over (whole, per case, per sentence), five times the bytes
    to pickle across processes.
    """

    title: str
    meta: DocumentMeta
    cases: tuple[CaseOutline, ...]

    @classmethod
    def of(cls, doc: Document) -> Outline:
        return cls(doc.title, doc.meta, tuple(
            CaseOutline(case.number, case.title, case.marker, tuple(
                SectionOutline(sec.ordinal, sec.marker, sec.heading) for sec in case.sections))
            for case in doc.cases))


@dataclass
class Prepared:
    """A document ready to write, but for its tokens."""

    key: str
    digest: str
    doc: Outline
    specs: list[PassageSpec]
    norm: list[str]  # normalised text of each spec
    terms: set[str]  # the document's own domain terms
    facts: list[Fact]


def prepare(task: Task) -> Prepared | tuple[str, str]:
    """One document ready to write, or ``(file, message)`` when it cannot be read."""
    path = Path(task.path)
    try:
        doc = load_document(path)
    except ReaderError as exc:
        return task.path, str(exc)
    except OSError as exc:
        return task.path, f"{path}: cannot read ({exc.strerror})"
    specs = passages_of(doc)
    norm = normalize_many([s.text for s in specs])
    return Prepared(task.key, task.digest, Outline.of(doc), specs, norm,
                    domain_terms(normalize(doc.text)), facts_mod.extract(doc, specs, norm))


def workers_for(total_bytes: int, processes: int | None = None) -> int:
    """How many processes a batch of ``total_bytes`` deserves (1 = in process)."""
    cores = processes if processes is not None else (os.cpu_count() or 1)
    return cores if cores > 1 and total_bytes >= PARALLEL_MIN_BYTES else 1


class Spill:
    """Prepared documents on disk, in order; in memory only what the writer needs before
    it writes (key, digest, passage count, domain terms).

    A prepared document holds its text two or three times over (passages, normalised
    passages, facts): kept in memory for a whole corpus it is most of the writer's peak.
    """

    def __init__(self) -> None:
        # Closed by close() / the with block that owns the spill.
        self._file = tempfile.TemporaryFile(prefix="casebot-index-")  # noqa: SIM115
        self.keys: list[str] = []
        self.digests: dict[str, str] = {}
        self.terms: set[str] = set()
        self.passages: dict[str, int] = {}

    def add(self, item: Prepared) -> None:
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.keys.append(item.key)
        self.digests[item.key] = item.digest
        self.terms |= item.terms
        self.passages[item.key] = len(item.specs)

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[Prepared]:
        """The documents in the order they were added (one at a time from disk)."""
        self._file.flush()
        self._file.seek(0)
        for _ in self.keys:
            yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def load_all(tasks: Sequence[Task], workers: int,
             progress: Progress) -> tuple[Spill, list[tuple[str, str]]]:
    """Every task prepared (in order, spilled to disk), and the files that could not be read."""
    loaded = Spill()
    errors: list[tuple[str, str]] = []

    def collect(results: Iterator[Prepared | tuple[str, str]]) -> None:
        for i, result in enumerate(results, 1):
            if isinstance(result, Prepared):
                loaded.add(result)
            else:
                errors.append(result)
            progress("read", i, len(tasks))

    progress("read", 0, len(tasks))
    if workers <= 1:
        collect(map(prepare, tasks))
    else:
        with _pool(workers) as pool:
            results = pool.imap(prepare, tasks, chunksize=max(1, len(tasks) // (workers * 16)))
            # The workers exist now; load jieba here meanwhile, for the forked segmenters.
            loader = threading.Thread(target=shared_tokenizer, daemon=True)
            loader.start()
            collect(results)
            loader.join()
    return loaded, errors


CHUNK_PASSAGES = 2_000  # passages per task sent to a segmenting worker
IN_FLIGHT = 3  # tasks per worker queued or running: enough to keep them busy, no more


def segment_all(items: Iterable[Prepared], terms: set[str], workers: int, progress: Progress,
                total: int) -> Iterator[tuple[Prepared, list[str]]]:
    """Each item with the FTS ``words`` of its passages, in order (``total``: passages)."""
    segmenter = Segmenter(terms)
    done = 0
    progress("segment", 0, total)
    if workers <= 1:
        for item in items:
            yield item, [segmenter.words(t) for t in item.norm]
            done += len(item.norm)
            progress("segment", done, total)
        return
    segmenter.warm()  # the forked workers inherit jieba with the terms added
    with _pool(workers, initializer=_init_worker, initargs=(terms,)) as pool:
        # At most IN_FLIGHT chunks per worker are out at a time (Pool.imap would read the
        # whole input at once, and hold every result the writer has not taken yet).
        pending: deque[tuple[list[Prepared], AsyncResult[list[list[str]]]]] = deque()
        for chunk in _chunks(items, CHUNK_PASSAGES):
            pending.append((chunk, pool.apply_async(_segment_chunk,
                                                    ([i.norm for i in chunk],))))
            while len(pending) >= workers * IN_FLIGHT:
                for pair in _take(pending):
                    done += len(pair[1])
                    yield pair
                progress("segment", done, total)
        while pending:
            for pair in _take(pending):
                done += len(pair[1])
                yield pair
            progress("segment", done, total)


def _chunks(items: Iterable[Prepared], passages: int) -> Iterator[list[Prepared]]:
    chunk: list[Prepared] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.norm)
        if size >= passages:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _take(pending: deque[tuple[list[Prepared], AsyncResult[list[list[str]]]]],
          ) -> Iterator[tuple[Prepared, list[str]]]:
    chunk, result = pending.popleft()
    yield from zip(chunk, result.get(), strict=True)


_worker: Segmenter | None = None


def _init_worker(terms: set[str]) -> None:
    global _worker
    _worker = Segmenter(terms)


def _segment_chunk(docs: list[list[str]]) -> list[list[str]]:
    assert _worker is not None
    return [[_worker.words(t) for t in texts] for texts in docs]


@contextmanager
def _pool(workers: int, initializer: Callable[..., object] | None = None,
          initargs: tuple[object, ...] = ()) -> Iterator[Pool]:
    """Worker processes for one stage (``imap`` keeps the input's order).  On an
    exception — Ctrl-C among them — they are terminated at once instead of finishing
    their queue (``Pool.terminate`` waits for nothing), so an interrupt takes effect in
    a moment and the caller's transaction rolls back."""
    import multiprocessing

    # fork is quick and shares the parent's loaded jieba, but only safe while this is
    # the process's only thread (a lock another thread holds at fork time stays held
    # in the child): the CLI forks, the bot's re-index (beside its event loop) spawns.
    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if fork else "spawn")
    pool = context.Pool(workers, initializer=_worker_start, initargs=(initializer, initargs))
    try:
        yield pool
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def _worker_start(initializer: Callable[..., object] | None, initargs: tuple[object, ...],
                  ) -> None:
    # Ctrl-C is the parent's to handle (it stops the workers): no traceback per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
