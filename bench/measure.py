"""Measuring primitives: percentiles, latency summaries, the machine line, Markdown tables.

Everything here is independent of casebot, so every section of the benchmark
summarises and prints its figures the same way.
"""

from __future__ import annotations

import math
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def percentile(samples: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0–100) by linear interpolation between closest ranks."""
    if not samples:
        return math.nan
    xs = sorted(samples)
    k = (len(xs) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


@dataclass(frozen=True)
class Latency:
    """A latency distribution in seconds."""

    samples: tuple[float, ...]

    @property
    def n(self) -> int:
        return len(self.samples)

    def p(self, q: float) -> float:
        return percentile(self.samples, q)

    @property
    def p50(self) -> float:
        return self.p(50)

    @property
    def p95(self) -> float:
        return self.p(95)

    @property
    def p99(self) -> float:
        return self.p(99)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.samples) if self.samples else math.nan


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """``fn()`` and its wall time in seconds."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else math.nan


# --- formatting ----------------------------------------------------------------

def ms(seconds: float) -> str:
    """Milliseconds with a precision that suits the magnitude."""
    if math.isnan(seconds):
        return "n/a"
    v = seconds * 1000
    return f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:.0f}"


def secs(seconds: float) -> str:
    return "n/a" if math.isnan(seconds) else f"{seconds:.2f}"


def mib(n_bytes: float) -> str:
    return f"{n_bytes / 2**20:.1f} MiB"


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def verdict(value: float, limit: float) -> str:
    """PASS when ``value`` is at most ``limit`` (every target here is an upper bound)."""
    if math.isnan(value):
        return "n/a"
    return "PASS" if value <= limit else "MISS"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table."""
    def cell(x: object) -> str:
        return str(x).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# --- the machine ---------------------------------------------------------------

def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def proc_kib_field(path: str, field: str) -> int | None:
    """A ``Field:  N kB`` line of a /proc file, in bytes (None off Linux)."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def _ram_bytes() -> int | None:
    return proc_kib_field("/proc/meminfo", "MemTotal")


def machine_line() -> str:
    """CPU model, cores, RAM, Python version and date: what the figures were measured on."""
    ram = _ram_bytes()
    ram_s = f"{ram / 2**30:.1f} GiB RAM" if ram else "RAM unknown"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{_cpu_model()} · {cores} cores · {ram_s} · Python {platform.python_version()} "
            f"({platform.system()} {platform.release()}) · "
            f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
