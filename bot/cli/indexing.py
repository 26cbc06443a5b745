"""``casebot index`` and ``casebot remove``: what goes into the index."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli.common import (
    CliError,
    DbTarget,
    db_option,
    friendly_errors,
    main,
    matches,
    open_index,
    settings_for,
)

if TYPE_CHECKING:
    from bot.service import Casebot
    from indexer.writer import IndexSummary


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--rebuild", is_flag=True, help="Re-index everything from PATHS, dropping the rest.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def index(paths: tuple[Path, ...], db: DbTarget | None, rebuild: bool, quiet: bool) -> None:
    """Index documents (files or folders; default: the bundled corpus).

    Unchanged documents are skipped, changed ones replaced, and documents
    whose file is gone are dropped.  Readers keep seeing the previous index
    until the new one is committed.
    """
    from bot.library import upload_dir
    from corpus.loader import BUNDLED_DIR
    from indexer.storage import display_target

    settings = settings_for(db)
    uploads = upload_dir(settings)
    # By default: the bundled corpus and whatever admins uploaded through Telegram.
    targets = list(paths) or [BUNDLED_DIR, *([uploads] if uploads.is_dir() else [])]
    for p in targets:
        if not p.exists():
            raise CliError(f"{p}: no such file or folder. Give a document or a folder of "
                           "documents (.txt, .md, .html, .docx, .pdf).")
    with friendly_errors(db):
        service = _open_for_index(settings.casebot_db, rebuild)
        try:
            summary = _run_index(service, targets, rebuild, quiet)
            duplicates = service.searcher.duplicate_documents() if summary.changed else []
        except KeyboardInterrupt:
            # The writer's one transaction was never committed: what readers see is the
            # index as it was before this run.
            before = service.searcher.passage_count
            service.close()
            click.echo("", err=True)
            state = (f"the previous index is intact ({before} passages)" if before else
                     "the index is still empty: run the command again to build it")
            raise CliError(f"Interrupted: nothing was written; {state}.") from None
        finally:
            service.close()
    for _file, message in summary.errors:
        click.secho(f"error: {message}", fg="red", err=True)
    for group in duplicates:
        click.secho(f"note: {len(group)} documents have the same text (answers quote it "
                    f"once): {', '.join(group[:5])}{' …' if len(group) > 5 else ''}",
                    fg="yellow", err=True)
    verb = "re-indexed" if rebuild else "indexed"
    shown = display_target(settings.casebot_db)
    failed = (f"; {len(summary.errors)} file(s) failed: "
              + ", ".join(Path(f).name for f, _ in summary.errors) if summary.errors else "")
    if not summary.changed and not summary.errors:
        click.echo(f"Nothing to do: {len(summary.unchanged)} document(s) unchanged "
                   f"({summary.total_passages} passages in {shown}).")
    else:
        click.echo(
            f"{verb.capitalize()} in {summary.seconds:.2f}s: {len(summary.added)} added, "
            f"{len(summary.updated)} updated, {len(summary.unchanged)} unchanged, "
            f"{len(summary.removed)} removed{failed}; {summary.passages} passages written, "
            f"{summary.total_passages} in the index ({shown}).")
    if summary.errors:
        raise SystemExit(1)


def _open_for_index(db: DbTarget, rebuild: bool) -> Casebot:
    """Open (or create) the index for writing; --rebuild sets a damaged file aside."""
    import time

    from sqlalchemy.exc import DatabaseError

    from bot.service import Casebot
    from indexer.db import create_schema, make_engine
    from indexer.errors import CorruptIndex
    from indexer.storage import open_storage

    if isinstance(db, str):  # a database server: the schema is made there, nothing set aside
        storage = open_storage(db)
        try:
            storage.create_schema()
        except BaseException:
            storage.dispose()
            raise
        return Casebot(db, storage.engine, storage)

    db.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db)
    try:
        create_schema(engine)
    except DatabaseError as exc:
        engine.dispose()
        if not rebuild:
            raise CorruptIndex(db, str(exc.orig).splitlines()[0]) from exc
        aside = db.with_name(f"{db.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(db) + suffix)
            if part.exists():
                part.rename(Path(str(aside) + suffix))
        click.echo(f"The index {db} was damaged; moved it to {aside} and building anew.",
                   err=True)
        engine = make_engine(db)
        create_schema(engine)
    return Casebot(db, engine)


LOG_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal


def _run_index(service: Casebot, targets: list[Path], rebuild: bool,
               quiet: bool) -> IndexSummary:
    if quiet:
        return service.index(targets, rebuild=rebuild)
    if not sys.stderr.isatty():  # cron, nohup, a CI log: a line every few seconds
        return service.index(targets, rebuild=rebuild, progress=_log_progress())
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    # Files done / total, and an estimate averaged over the whole run (not the last few
    # seconds, which makes it jump as documents of different sizes pass).
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TimeRemainingColumn(elapsed_when_finished=True))
    with Progress(*columns, transient=True, speed_estimate_period=3600) as bar:
        tasks: dict[str, object] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        return service.index(targets, rebuild=rebuild, progress=progress)


def _log_progress() -> Callable[[str, int, int], None]:
    """A progress callback that writes ``stage: done/total`` at most every LOG_EVERY s."""
    import time

    last: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total and done >= total
        if now - last.get(stage, -LOG_EVERY) >= LOG_EVERY or (finished and stage in last):
            last[stage] = now
            click.echo(f"indexing: {stage} {done}/{total}", err=True)

    return progress


@main.command()
@click.argument("doc")
@db_option
def remove(doc: str, db: DbTarget | None) -> None:
    """Drop document DOC from the index: its id or source path (see `casebot docs`), or
    words of its title that match one document only."""
    from indexer.writer import IndexWriter

    with friendly_errors(db):
        service = open_index(db)
        rows = service.searcher.documents()
        match = ([r for r in rows if str(r["id"]) == doc or r["source"] == doc]
                 or [r for r in rows if str(r["source"]).endswith(doc)]
                 or [r for r in rows if matches(doc, {**r, "source": "", "issuer": ""})])
        if not match:
            raise CliError(f"No document matches {doc!r}; see `casebot docs` for ids and titles.")
        if len(match) > 1:
            listed = "; ".join(f"[{r['id']}] {r['title']}" for r in match[:5])
            raise CliError(f"{len(match)} documents match {doc!r} ({listed}"
                           f"{' …' if len(match) > 5 else ''}); give its id.")
        IndexWriter(service.sa_engine).remove([str(match[0]["source"])])
        click.echo(f"Removed [{match[0]['id']}] {match[0]['title']}.")


__all__ = ["index", "remove"]
