"""Where the bundled corpus and the data files live (no imports: cheap for every reader)."""

from __future__ import annotations

from pathlib import Path

BUNDLED_DIR = Path(__file__).resolve().parent / "documents"
DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = ["BUNDLED_DIR", "DATA_DIR"]
