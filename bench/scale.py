"""Scale: both stores at 1 × and 10 × the news corpus — index build (time, peak memory) and
per-question latency.

Each build runs in a fresh child process (``python -m bench.scale index TARGET PATH…``,
started through ``/bin/sh`` for the reason given in :mod:`bench.memory`) that reports
its own peak RSS and its worker processes' (``RUSAGE_CHILDREN``) as one JSON line, so
one build's memory never counts towards another's.  The 10 × corpus is ten copies of
the news documents in ten folders (ten times the documents, passages and postings;
the words are the news corpus's own).

PostgreSQL runs as a throw-away cluster (:mod:`deploy.pgcluster`) on this machine;
latency is measured in this process, SQLite and PostgreSQL alternating question by
question so that outside load hits both alike.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildRun:
    store: str
    seconds: float
    peak_bytes: int  # the indexing process itself
    workers_peak_bytes: int  # the largest worker process
    passages: int


def copies(source: Path, n: int, where: Path) -> Path:
    """A folder holding ``n`` copies of the documents under ``source`` (files of their own:
    a document is known by its resolved path, so links would be one document)."""
    import shutil

    folder = where / f"x{n}"
    if not (folder / ".complete").exists():
        for k in range(n):
            sub = folder / f"copy-{k:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            for doc in sorted(source.glob("*.txt")):
                shutil.copyfile(doc, sub / doc.name)
        (folder / ".complete").touch()
    return folder


def index_in_child(target: str, paths: list[Path], store: str) -> BuildRun:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    cmd = ["/bin/sh", "-c", '"$@"; exit $?', "sh", sys.executable, "-m", "bench.scale",
           "index", target, *map(str, paths)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False,
                          timeout=7200)
    if proc.returncode != 0:
        raise RuntimeError(f"index child failed ({proc.returncode}): {proc.stderr[-800:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return BuildRun(store, float(report["seconds"]), int(report["peak_bytes"]),
                    int(report["workers_peak_bytes"]), int(report["passages"]))


def _child_index(target: str, paths: list[Path]) -> None:
    from indexer.storage import open_storage
    from indexer.writer import IndexWriter

    storage = open_storage(target)
    start = time.perf_counter()
    summary = IndexWriter(storage.engine, storage=storage).index_paths(paths)
    seconds = time.perf_counter() - start
    storage.dispose()
    scale = 1 if sys.platform == "darwin" else 1024
    print(json.dumps({
        "seconds": seconds,
        "peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale,
        "workers_peak_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale,
        "passages": summary.total_passages}))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "index":
        _child_index(sys.argv[2], [Path(p) for p in sys.argv[3:]])
    else:
        raise SystemExit("usage: python -m bench.scale index TARGET PATH...")
