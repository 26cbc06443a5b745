"""The question sets of tests/data and the documents each is scored against.

Shared by `python -m bench.baseline`, `scripts/fit_confidence.py` and `scripts/golden.py`:
a set's documents are indexed alone, as `casebot eval` scores them — the development set
over the bundled corpus, the news set over the benchmark's People's Daily corpus plus the
bundled announcement, every other set over its own `announcement.*`.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
NEWS = ROOT / "bench" / ".cache" / "news-v1" / "pct-100"


def documents(name: str) -> list[Path]:
    """What to index for set ``name`` (empty: the set has no documents here)."""
    if name == "dev":
        return [ROOT / "corpus" / "documents"]
    if name == "news":
        return [ROOT / "corpus" / "documents", NEWS] if NEWS.exists() else []
    return sorted((DATA / name).glob("announcement.*"))


def questions_file(name: str) -> Path:
    return DATA / "qa_dev.jsonl" if name == "dev" else DATA / name / "qa.jsonl"


def announcement_sets() -> list[str]:
    """Every set with an announcement of its own, by name."""
    return sorted(p.name for p in DATA.iterdir()
                  if p.is_dir() and any(p.glob("announcement.*")) and (p / "qa.jsonl").exists())


__all__ = ["DATA", "NEWS", "ROOT", "announcement_sets", "documents", "questions_file"]
