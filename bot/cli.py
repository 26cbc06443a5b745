"""casebot — answers questions about Chinese government case announcements with quoted, cited passages.

Every command reads its settings from the environment and ``.env``
(see ``.env.example``); the index lives in a per-user data directory
unless CASEBOT_DB or --db says otherwise.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from corpus.readers import ReaderError
from indexer.errors import IndexError_

if TYPE_CHECKING:
    from bot.service import Casebot
    from bot.settings import Settings
    from indexer.writer import IndexSummary


class CliError(click.ClickException):
    """An error shown to the user as one line with its fix, exit status 1."""


def _settings(db: Path | None) -> Settings:
    from bot.settings import Settings

    settings = Settings()
    if db is not None:
        settings.casebot_db = db
    return settings


@contextmanager
def _friendly_errors() -> Iterator[None]:
    """Named errors become one clear line; no traceback for anything we anticipated."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    try:
        yield
    except (IndexError_, ReaderError) as exc:
        raise CliError(str(exc)) from exc
    except OperationalError as exc:
        raise CliError(f"The index could not be used ({str(exc.orig).splitlines()[0]}). "
                       "If it persists, rebuild it: casebot index --rebuild") from exc
    except DatabaseError as exc:
        raise CliError(f"The index is damaged ({str(exc.orig).splitlines()[0]}). "
                       "Rebuild it: casebot index --rebuild") from exc
    except PermissionError as exc:
        raise CliError(f"Permission denied: {exc.filename}. Check the file's permissions "
                       "or choose another path with --db.") from exc


def _open(db: Path | None, quiet: bool = False) -> Casebot:
    from bot.service import Casebot

    # With --db nothing else from the settings is needed: skip loading them
    # (pydantic is a good part of a cold `casebot ask`).
    path = db if db is not None else _settings(None).casebot_db
    if not path.exists() and not quiet:
        click.echo(f"Building the index at {path} from the bundled corpus…", err=True)
    return Casebot.open(path)


db_option = click.option("--db", type=click.Path(path_type=Path, dir_okay=False),
                         help="Index database file (default: CASEBOT_DB or the user data dir).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="casebot")
def main() -> None:
    """casebot — quoted, cited answers from Chinese government case announcements."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--rebuild", is_flag=True, help="Re-index everything from PATHS, dropping the rest.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def index(paths: tuple[Path, ...], db: Path | None, rebuild: bool, quiet: bool) -> None:
    """Index documents (files or folders; default: the bundled corpus).

    Unchanged documents are skipped, changed ones replaced, and documents
    whose file is gone are dropped.  Readers keep seeing the previous index
    until the new one is committed.
    """
    from bot.library import upload_dir
    from corpus.loader import BUNDLED_DIR

    settings = _settings(db)
    uploads = upload_dir(settings)
    # By default: the bundled corpus and whatever admins uploaded through Telegram.
    targets = list(paths) or [BUNDLED_DIR, *([uploads] if uploads.is_dir() else [])]
    for p in targets:
        if not p.exists():
            raise CliError(f"{p}: no such file or folder. Give a document or a folder of "
                           "documents (.txt, .md, .html, .docx, .pdf).")
    with _friendly_errors():
        service = _open_for_index(settings.casebot_db, rebuild)
        try:
            summary = _run_index(service, targets, rebuild, quiet)
        finally:
            service.close()
    for _file, message in summary.errors:
        click.secho(f"error: {message}", fg="red", err=True)
    verb = "re-indexed" if rebuild else "indexed"
    if not summary.changed and not summary.errors:
        click.echo(f"Nothing to do: {len(summary.unchanged)} document(s) unchanged "
                   f"({summary.total_passages} passages in {settings.casebot_db}).")
    else:
        click.echo(
            f"{verb.capitalize()} in {summary.seconds:.2f}s: {len(summary.added)} added, "
            f"{len(summary.updated)} updated, {len(summary.unchanged)} unchanged, "
            f"{len(summary.removed)} removed; {summary.passages} passages written, "
            f"{summary.total_passages} in the index ({settings.casebot_db}).")
    if summary.errors:
        raise SystemExit(1)


def _open_for_index(db: Path, rebuild: bool) -> Casebot:
    """Open (or create) the index for writing; --rebuild sets a damaged file aside."""
    import time

    from sqlalchemy.exc import DatabaseError

    from bot.service import Casebot
    from indexer.db import create_schema, make_engine
    from indexer.errors import CorruptIndex

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


def _run_index(service: Casebot, targets: list[Path], rebuild: bool,
               quiet: bool) -> IndexSummary:
    if quiet or not sys.stderr.isatty():
        return service.index(targets, rebuild=rebuild)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        tasks: dict[str, object] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        return service.index(targets, rebuild=rebuild, progress=progress)


@main.command()
@click.argument("question", required=False)
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON output (JSON Lines from stdin).")
@click.option("--top", default=3, show_default=True, type=click.IntRange(1, 20),
              help="How many passages to quote.")
def ask(question: str | None, db: Path | None, as_json: bool, top: int) -> None:
    """Answer QUESTION, or one question per line from stdin."""
    from bot.render import to_json_line, to_terminal

    with _friendly_errors():
        service = _open(db)
        questions = [question] if question is not None else (
            line.rstrip("\n") for line in sys.stdin)
        color = sys.stdout.isatty()
        for q in questions:
            if question is None and not q.strip():
                continue
            answer = service.answer(q, top=top)
            click.echo(to_json_line(answer) if as_json else to_terminal(answer, color))
            if not as_json and question is None:
                click.echo()


@main.command()
@db_option
def chat(db: Path | None) -> None:
    """A terminal chat over the index (empty line or Ctrl-D to leave)."""
    from bot.render import to_terminal

    with _friendly_errors():
        service = _open(db)
        click.echo("casebot — 请提问(例如:哪个部门修订了畜禽屠宰管理条例?)。空行或 Ctrl-D 退出。")
        while True:
            try:
                q = input("问> ")
            except (EOFError, KeyboardInterrupt):
                click.echo()
                break
            if not q.strip():
                break
            click.echo(to_terminal(service.answer(q), sys.stdout.isatty()))
            click.echo()


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
def docs(db: Path | None, as_json: bool) -> None:
    """List the indexed documents with their metadata."""
    with _friendly_errors():
        rows = _open(db).searcher.documents()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return
    for r in rows:
        meta = " · ".join(str(r[k]) for k in ("issuer", "published", "batch", "format") if r[k])
        click.echo(f"[{r['id']}] {r['title']}  ({r['cases']} cases, {r['passages']} passages)")
        if meta:
            click.echo(f"     {meta}")
        click.echo(f"     {r['source']}")


@main.command()
@click.argument("doc")
@db_option
def remove(doc: str, db: Path | None) -> None:
    """Drop document DOC (its id from `casebot docs`, or its source path) from the index."""
    from indexer.writer import IndexWriter

    with _friendly_errors():
        service = _open(db)
        rows = service.searcher.documents()
        match = [r for r in rows if str(r["id"]) == doc or r["source"] == doc
                 or str(r["source"]).endswith(doc)]
        if len(match) != 1:
            raise CliError(f"No single document matches {doc!r}; see `casebot docs` for ids.")
        IndexWriter(service.sa_engine).remove([str(match[0]["source"])])
        click.echo(f"Removed [{match[0]['id']}] {match[0]['title']}.")


@main.command(name="eval")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Figures as JSON.")
def eval_(files: tuple[Path, ...], db: Path | None, as_json: bool) -> None:
    """Score the answers on question sets (JSON Lines): hit@1, hit@3, MRR, direct, out-of-scope."""
    from bot.evaluate import evaluate, format_report, load_questions

    with _friendly_errors():
        service = _open(db)
        for f in files:
            report = evaluate(load_questions(f), service.answer)
            if as_json:
                click.echo(json.dumps({"file": str(f), **report.figures()}, ensure_ascii=False))
            else:
                click.echo(format_report(report, str(f)))


@main.command()
@db_option
def bot(db: Path | None) -> None:
    """Run the Telegram bot (needs TELEGRAM_BOT_TOKEN; webhook if TELEGRAM_WEBHOOK_URL is set)."""
    from bot.telegram.app import run

    settings = _settings(db)
    if not settings.telegram_bot_token:
        raise CliError("TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather and put "
                       "TELEGRAM_BOT_TOKEN=... in .env (see .env.example).")
    with _friendly_errors():
        run(settings)


@main.command()
@click.pass_context
def run(ctx: click.Context) -> None:
    """Build the index, then start the bot if TELEGRAM_BOT_TOKEN is set, else a terminal chat."""
    settings = _settings(None)
    ctx.invoke(index, paths=(), db=None, rebuild=False, quiet=False)
    if settings.telegram_bot_token:
        ctx.invoke(bot, db=None)
    else:
        click.echo("TELEGRAM_BOT_TOKEN is not set: starting a terminal chat instead.")
        ctx.invoke(chat, db=None)


if __name__ == "__main__":
    main()
