"""Finding documents on disk and turning each into a parsed :class:`Document`.

The bundled corpus ships inside the package (``corpus/documents``); its
documents are keyed ``bundled:<name>`` so that the key survives moving or
re-cloning the project.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corpus.model import Document
from corpus.parse import parse_document
from corpus.paths import BUNDLED_DIR, DATA_DIR
from corpus.readers import SUPPORTED_SUFFIXES, ReaderError, read_bytes, read_document

BUNDLED_PREFIX = "bundled:"

__all__ = [
    "BUNDLED_DIR",
    "DATA_DIR",
    "ReaderError",
    "discover",
    "load_bytes",
    "load_document",
    "source_key",
]


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Supported files among ``paths``; folders are walked recursively, hidden files skipped.

    A path that does not exist raises ``FileNotFoundError`` naming it.
    """
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                # A broken link is yielded too, so that reading it reports the file.
                wanted = child.is_file() or (child.is_symlink() and not child.exists())
                if wanted and not any(p.startswith(".") for p in rel) \
                        and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield path


def source_key(path: Path) -> str:
    """The stable key a document is indexed under."""
    resolved = path.resolve()
    if resolved.is_relative_to(BUNDLED_DIR):
        return BUNDLED_PREFIX + resolved.relative_to(BUNDLED_DIR).as_posix()
    return str(resolved)


def source_path(key: str) -> Path:
    """The file a key stands for."""
    if key.startswith(BUNDLED_PREFIX):
        return BUNDLED_DIR / key[len(BUNDLED_PREFIX):]
    return Path(key)


def load_document(path: Path) -> Document:
    """Read and parse one file (raises ``ReaderError`` subclasses naming the file)."""
    return parse_document(read_document(path), source=source_key(path))


def load_bytes(data: bytes, name: str) -> Document:
    """Read and parse a document held in memory (an upload)."""
    return parse_document(read_bytes(data, name), source=name)
