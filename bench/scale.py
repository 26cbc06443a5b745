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
from collections.abc import Callable
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


# Targets of issue #16 (every one an upper bound).
TARGET_PG_RATIO = 3.0  # PostgreSQL p50 ≤ 3 × SQLite's
TARGET_MEMORY_GROWTH = 2.0  # indexing peak RSS at 10 × ≤ 2 × the 1 × run's
TARGET_LATENCY_GROWTH = 2.0  # per-question p50 at 10 × ≤ 2 × the 1 × p50

Targets = list[tuple[str, str, str, str]]  # (name, measured, limit, verdict)


def section(quick: bool, tmp: Path, questions: list[str], passes: int, warmup: int,
            log: Callable[[str], None]) -> tuple[str, Targets]:
    """The "Scale and stores" section of the report, and its targets."""
    from bench.measure import Latency, mib, ms, secs, table, verdict
    from bench.news import bench_corpus
    from bot.service import Casebot

    news, why = bench_corpus(0.02 if quick else 1.0, allow_synthetic=quick)
    sizes = {"1×": news.path, "10×": copies(news.path, 10, tmp / "scale")}
    cluster = None
    pg_note = ""
    try:
        from deploy.pgcluster import PgCluster

        cluster = PgCluster().start()
    except Exception as exc:  # no PostgreSQL here: SQLite is still measured
        pg_note = f"PostgreSQL not measured: {exc}"
        log(pg_note)
    builds: dict[tuple[str, str], BuildRun] = {}
    latency: dict[tuple[str, str], Latency] = {}
    differ: dict[str, int] = {}
    try:
        for label, folder in sizes.items():
            slug = label.replace("×", "x")
            targets = {"sqlite": str(tmp / f"scale-{slug}.db")}
            if cluster is not None:
                targets["postgresql"] = cluster.create_database(f"scale_{slug}")
            for store, target in targets.items():
                log(f"scale {label}: building the {store} index")
                builds[(label, store)] = index_in_child(target, [folder], store)
            log(f"scale {label}: answering on every store, alternating")
            services = {store: Casebot.open(t, build=False) for store, t in targets.items()}
            try:
                samples: dict[str, list[float]] = {store: [] for store in services}
                answers: dict[str, list[object]] = {store: [] for store in services}
                for q in questions[:warmup]:
                    for svc in services.values():
                        svc.answer(q)
                for _ in range(passes):
                    for q in questions:
                        for store, svc in services.items():
                            started = time.perf_counter()
                            answer = svc.answer(q)
                            samples[store].append(time.perf_counter() - started)
                            answers[store].append(answer.to_json())
                for store in services:
                    latency[(label, store)] = Latency(tuple(samples[store]))
                if "postgresql" in answers:
                    differ[label] = sum(a != b for a, b in zip(
                        answers["sqlite"], answers["postgresql"], strict=True))
            finally:
                for svc in services.values():
                    svc.close()
    finally:
        if cluster is not None:
            cluster.stop()

    rows = []
    for (label, store), b in builds.items():
        lat = latency[(label, store)]
        rows.append([label, store, b.passages, secs(b.seconds), mib(b.peak_bytes),
                     mib(b.workers_peak_bytes), ms(lat.p50), ms(lat.p99)])
    found: Targets = []
    stores = sorted({store for _, store in builds})
    for store in stores:
        one, ten = builds[("1×", store)], builds[("10×", store)]
        growth = ten.peak_bytes / one.peak_bytes
        found.append((f"indexing peak RSS 10× / 1× ({store})", f"{growth:.2f}×",
                      f"≤ {TARGET_MEMORY_GROWTH:g}×", verdict(growth, TARGET_MEMORY_GROWTH)))
        p50 = latency[("10×", store)].p50 / latency[("1×", store)].p50
        found.append((f"answer p50 10× / 1× ({store})", f"{p50:.2f}×",
                      f"≤ {TARGET_LATENCY_GROWTH:g}×", verdict(p50, TARGET_LATENCY_GROWTH)))
    if "postgresql" in stores:
        for label in sizes:
            ratio = latency[(label, "postgresql")].p50 / latency[(label, "sqlite")].p50
            found.append((f"PostgreSQL p50 / SQLite p50 ({label})", f"{ratio:.2f}×",
                          f"≤ {TARGET_PG_RATIO:g}×", verdict(ratio, TARGET_PG_RATIO)))
    md = ["## Scale and stores", "",
          f"The news corpus ({news.label}{'; ' + why if why else ''}) at 1 × and as ten copies "
          "(10 ×), indexed into SQLite and into PostgreSQL (a throw-away cluster on this "
          "machine, `deploy/pgcluster.py`). Each build runs in a fresh child process that "
          "reports its own peak RSS and its largest worker's. Latency: "
          f"{len(questions)} dev questions × {passes} pass(es) after {warmup} warm-up ones, "
          "the stores alternating question by question.", "",
          table(["size", "store", "passages", "build s", "peak RSS", "worker peak RSS",
                 "p50 ms", "p99 ms"], rows), ""]
    if differ:
        md += ["Answers that differ between the stores (JSON, every pass): " + ", ".join(
            f"{label}: {n}" for label, n in differ.items()) + ".", ""]
    if pg_note:
        md += [pg_note, ""]
    md += [table(["target", "measured", "limit", "verdict"], [list(t) for t in found])]
    return "\n".join(md), found


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "index":
        _child_index(sys.argv[2], [Path(p) for p in sys.argv[3:]])
    else:
        raise SystemExit("usage: python -m bench.scale index TARGET PATH...")
