"""The library: browsing and managing what is indexed, for every channel.

Cases by number, the documents an announcement names (with who issued
them), example questions the index can answer, and storing an uploaded
document then indexing it.  Blocking functions (SQLite, jieba): callers in
async code run them in a worker thread.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, cast

from corpus import regex
from corpus.readers import ReaderError
from indexer.normalize import to_simplified

if TYPE_CHECKING:
    from bot.service import Casebot
    from bot.settings import Settings
    from indexer.search import Searcher
    from indexer.writer import IndexSummary


@dataclass(frozen=True)
class NamedDocument:
    """A regulation, standard or notice named in the corpus, with who issued it where."""

    title: str
    issuers: tuple[str, ...]  # "自治區農業農村廳 制定"
    cases: tuple[int, ...]
    source: str  # the announcement that names it


def named_documents(searcher: Searcher) -> list[NamedDocument]:
    """Every regulation, standard and notice the corpus names, with issuers and cases."""
    facts = searcher.facts(["issuance", "document"])
    hits = searcher.passages([f.passage_id for f in facts])
    found: dict[tuple[int, str], dict[str, object]] = {}
    for f in facts:
        hit = hits.get(f.passage_id)
        title = f.object if f.kind == "issuance" else f.subject
        # Very short titles are aliases (以下简称《意见》), not documents of their own.
        if hit is None or not title or len(title) < 4:
            continue
        entry = found.setdefault((hit.doc_id, f.norm), {
            "title": title, "issuers": [], "cases": [], "source": hit.doc_title})
        issuers = cast(list[str], entry["issuers"])
        cases = cast(list[int], entry["cases"])
        if f.kind == "issuance" and f.subject:
            who = f"{f.subject}{f.action or ''}"
            if who not in issuers:
                issuers.append(who)
        if hit.case_number and hit.case_number not in cases:
            cases.append(hit.case_number)
    return [NamedDocument(str(e["title"]), tuple(cast(list[str], e["issuers"])),
                              tuple(cast(list[int], e["cases"])), str(e["source"]))
            for e in found.values()]



_CASE_ARG = regex.compile(r"(?:(\d+)\s*[::]\s*)?(?:案例)?\s*(\d+)")


def find_cases(searcher: Searcher, arg: str) -> list[dict[str, object]]:
    """The cases ``arg`` names (blocking): ``doc:N`` names one; ``N`` names case N of
    every document that has one, so the caller can offer a choice when there are several."""
    m = _CASE_ARG.fullmatch(arg.strip())
    if m is None:
        return []
    number = int(m.group(2))
    return [c for c in searcher.cases() if c["number"] == number
            and (m.group(1) is None or int(str(c["doc_id"])) == int(m.group(1)))]


def example_questions(service: Casebot, count: int = 3) -> list[str]:
    """Questions the index can answer, from different cases (blocking; cached by callers).

    Built from the index's own facts — who issued which document, what a named
    measure is — and kept only if the answer core really finds them.
    """
    searcher = service.searcher
    facts = searcher.facts(["issuance", "measure"])
    hits = searcher.passages([f.passage_id for f in facts])
    candidates: list[tuple[int, str, str]] = []  # (case id, kind, question)
    for f in facts:
        hit = hits.get(f.passage_id)
        case = hit.case_id if hit and hit.case_id is not None else -1
        if f.kind == "issuance" and f.object and f.action and len(f.object) <= 20:
            candidates.append((case, "who", f"哪个部门{f.action}了《{to_simplified(f.object)}》?"))
        elif f.kind == "measure" and f.subject and 3 <= len(f.subject) <= 8 \
                and "、" not in f.subject:
            candidates.append((case, "what", f"什么是“{to_simplified(f.subject)}”?"))
    candidates.sort(key=lambda c: len(c[2]))
    chosen: list[tuple[int, str, str]] = []
    while candidates and len(chosen) < count:
        used = {c[0] for c in chosen}
        last_kind = chosen[-1][1] if chosen else ""

        def preference(c: tuple[int, str, str], used: set[int] = used,
                       last_kind: str = last_kind) -> tuple[bool, bool]:
            return (c[0] in used, c[1] == last_kind)  # new cases first, then alternate kinds

        best = min(candidates, key=preference)
        candidates.remove(best)
        if best[2] not in {c[2] for c in chosen} and service.answer(best[2]).found:
            chosen.append(best)
    return [q for _, _, q in chosen]


def upload_dir(settings: Settings) -> Path:
    """Where uploads are kept: CASEBOT_CORPUS_DIR, else ``uploads`` next to the database."""
    if settings.casebot_corpus_dir is not None:
        return Path(settings.casebot_corpus_dir)
    return settings.data_dir / "uploads"


def safe_name(name: str) -> str:
    """A plain file name from whatever the client sent (no paths, no dot files)."""
    base = PurePath(name.replace("\\", "/")).name
    suffix = PurePath(base).suffix.lower()
    stem = re.sub(r"[^\w\-.()() ]+", "_", base[: len(base) - len(suffix)]).strip(" ._")
    return (stem[:100] or "upload") + suffix


@dataclass(frozen=True)
class Added:
    summary: IndexSummary
    stored: Path


def store_and_index(service: Casebot, settings: Settings, data: bytes, name: str) -> Added:
    """Store a validated upload and index it (blocking).  On failure nothing is left behind.

    The file name is the key: re-sending ``x.txt`` replaces the earlier ``x.txt``.
    """
    folder = upload_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe_name(name)
    backup = target.with_name(target.name + ".bak")
    had_old = target.exists()
    if had_old:
        os.replace(target, backup)
    tmp = target.with_name("." + target.name + ".part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
        summary = service.index([target])
        if summary.errors:
            raise ReaderError(name, summary.errors[0][1])
    except BaseException:
        tmp.unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        if had_old:
            os.replace(backup, target)
        raise
    backup.unlink(missing_ok=True)
    return Added(summary, target)


