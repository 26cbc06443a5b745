"""casebot — answers questions about Chinese government case announcements with quoted, cited passages.

Every command reads its settings from the environment and ``.env``
(see ``.env.example``); the index lives in a per-user data directory
unless CASEBOT_DB or --db says otherwise.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
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


DbTarget = Path | str  # --db / CASEBOT_DB: a file (SQLite) or a database URL (PostgreSQL)


def _settings(db: DbTarget | None) -> Settings:
    from bot.settings import Settings

    settings = Settings()
    if db is not None:
        settings.casebot_db = db
    return settings


@contextmanager
def _friendly_errors(db: DbTarget | None = None) -> Iterator[None]:
    """Named errors become one clear line; no traceback for anything we anticipated.
    ``db`` is the --db the user gave, repeated in the fix."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    from indexer.storage import display_target

    fix = "casebot index --rebuild" + (f" --db {display_target(db)}" if db is not None else "")

    try:
        yield
    except (IndexError_, ReaderError) as exc:
        raise CliError(str(exc)) from exc
    except OperationalError as exc:
        raise CliError(f"The index could not be used ({str(exc.orig).splitlines()[0]}). "
                       f"If it persists, rebuild it: {fix}") from exc
    except DatabaseError as exc:
        raise CliError(f"The index is damaged ({str(exc.orig).splitlines()[0]}). "
                       f"Rebuild it: {fix}") from exc
    except PermissionError as exc:
        raise CliError(f"Permission denied: {exc.filename}. Check the file's permissions "
                       "or choose another path with --db.") from exc


def _open(db: DbTarget | None, quiet: bool = False) -> Casebot:
    """The index to answer from.

    Only the default path is built on first use: a path the user named (``--db`` or
    ``CASEBOT_DB``) that holds no index is a typo or a missing step, and building a
    fresh index there would look like an index that lost its documents.
    """
    from bot.service import Casebot

    # With --db nothing else from the settings is needed: skip loading them
    # (pydantic is a good part of a cold `casebot ask`).
    if db is None:
        settings = _settings(None)
        path, default = settings.casebot_db, settings.uses_default_db
    else:
        path, default = db, False
    if isinstance(path, str):  # a database server: its index is built by `casebot index`
        return _open_url(path)
    if not path.exists() and not default:
        raise CliError(f"No index at {path} — build one with `casebot index --db {path}` "
                       "(or check the path for a typo).")
    if not path.exists() and not quiet:
        click.echo(f"Building the index at {path} from the bundled corpus…", err=True)
    service = Casebot.open(path)
    if service.searcher.passage_count == 0:
        if not default:
            service.close()
            raise CliError(f"The index at {path} holds no documents (an interrupted first "
                           f"build, or everything removed) — run `casebot index --db {path}`.")
        if not quiet:
            click.echo(f"The index at {path} is empty; building it from the bundled corpus…",
                       err=True)
        service.index([_bundled()])
    return service


def _open_url(url: str) -> Casebot:
    from bot.service import Casebot
    from indexer.errors import IndexMissing, IndexOutdated
    from indexer.storage import display_target

    shown = display_target(url)
    try:
        service = Casebot.open(url, build=False)
    except IndexMissing as exc:
        if isinstance(exc, IndexOutdated):
            raise
        raise CliError(f"No index in {shown} — build one with `casebot index --db {shown}`."
                       ) from exc
    if service.searcher.passage_count == 0:
        service.close()
        raise CliError(f"The index in {shown} holds no documents — run "
                       f"`casebot index --db {shown}`.")
    return service


def _bundled() -> Path:
    from corpus.loader import BUNDLED_DIR

    return BUNDLED_DIR


class _DbType(click.ParamType):
    """A file path (SQLite), or a database URL kept as written (postgresql+psycopg://…)."""

    name = "FILE|URL"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> DbTarget:
        from indexer.storage import db_target

        target = db_target(value if isinstance(value, Path) else str(value))
        if isinstance(target, Path) and target.is_dir():
            self.fail(f"{target} is a folder; give the index's file name", param, ctx)
        return target


db_option = click.option("--db", type=_DbType(),
                         help="Index database file, or a PostgreSQL URL "
                              "(postgresql+psycopg://…; default: CASEBOT_DB or the user data dir).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="casebot")
def main() -> None:
    """casebot — quoted, cited answers from Chinese government case announcements."""


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

    settings = _settings(db)
    uploads = upload_dir(settings)
    # By default: the bundled corpus and whatever admins uploaded through Telegram.
    targets = list(paths) or [BUNDLED_DIR, *([uploads] if uploads.is_dir() else [])]
    for p in targets:
        if not p.exists():
            raise CliError(f"{p}: no such file or folder. Give a document or a folder of "
                           "documents (.txt, .md, .html, .docx, .pdf).")
    with _friendly_errors(db):
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
@click.argument("question", required=False)
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON output (JSON Lines from stdin).")
@click.option("--top", default=3, show_default=True, type=click.IntRange(1, 20),
              help="How many passages to quote.")
@click.option("--explain", is_flag=True,
              help="Also print how it was answered: what each stage kept, dropped and scored.")
def ask(question: str | None, db: DbTarget | None, as_json: bool, top: int,
        explain: bool) -> None:
    """Answer QUESTION, or one question per line from stdin."""
    from bot.render import to_json_line, to_terminal

    with _friendly_errors(db):
        service = _open(db)
        questions = [question] if question is not None else (
            line.rstrip("\n") for line in sys.stdin)
        color = sys.stdout.isatty()
        for q in questions:
            # JSON Lines keep step with the input (line k out answers line k in, a blank
            # line gets an "empty" answer); the terminal just skips blank lines.
            if question is None and not q.strip() and not as_json:
                continue
            answer = service.answer(q, top=top)
            click.echo(to_json_line(answer) if as_json else to_terminal(answer, color))
            if explain:
                from bot.explain import explain as trace
                from bot.explain import format_stages

                # On stderr, so --json output stays one JSON document per line.
                click.echo(format_stages(trace(service.engine, q, top)), err=True)
            if not as_json and question is None:
                click.echo()


CHAT_HELP = """\
直接输入问题,回车提问(简体、繁體、拼音或英文都可以)。例如:
  哪个部门修订了畜禽屠宰管理条例?
  库尔勒香梨品牌价值多少?
命令:/help 帮助 · /original 切换原文/按提问字体显示 · /quit 或 Ctrl-D 退出。
↑/↓ 翻看以前的问题;粘贴多行时每行是一个问题,空行会被跳过。"""
_QUIT = {"/quit", "/exit", "/q", "quit", "exit", "退出", ":q"}
_HELP = {"/help", "/h", "/?", "help", "?", "？", "帮助", "幫助"}


@main.command()
@db_option
def chat(db: DbTarget | None) -> None:
    """A terminal chat over the index, with line editing and history.

    Type a question and press Enter.  /help shows help, /original switches between the
    document's own wording and the asker's script, /quit or Ctrl-D leaves.  Blank lines
    (also inside a pasted block of questions) are skipped.
    """
    from bot.render import to_terminal

    with _friendly_errors(db):
        service = _open(db)
        history = _readline_history()
        click.echo("casebot — 请提问(例如:哪个部门修订了畜禽屠宰管理条例?)。"
                   "/help 帮助,/quit 或 Ctrl-D 退出。")
        original = False
        try:
            while True:
                try:
                    q = input("问> ")
                except EOFError:
                    click.echo()
                    break
                except KeyboardInterrupt:  # as in a shell: drop the line, keep the chat
                    click.echo("\n(Ctrl-D 或 /quit 退出)")
                    continue
                command = q.strip().lower()
                if not command:
                    continue
                if command in _QUIT:
                    break
                if command in _HELP:
                    click.echo(CHAT_HELP)
                    continue
                if command in ("/original", "/原文"):
                    original = not original
                    click.echo("原文显示:开" if original else "原文显示:关(按提问的字体显示)")
                    continue
                click.echo(to_terminal(service.answer(q), sys.stdout.isatty(), original))
                click.echo()
        finally:
            history()


def _readline_history() -> Callable[[], None]:
    """Line editing (arrows, Ctrl-A/E…) and a persistent history for ``input()``.

    The standard library's ``readline``: no dependency, and ``input()`` stays the
    one way lines are read, so a pasted block or a pipe behaves the same.  Returns
    the function that saves the history.
    """
    try:
        import readline
    except ImportError:  # e.g. Windows: plain input() still works
        return lambda: None
    from platformdirs import user_cache_dir

    path = Path(user_cache_dir("casebot")) / "chat_history"
    with suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(1000)

    def save() -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(path)
        except OSError:
            pass

    return save


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@main.command()
@db_option
@click.option("--grep", "pattern", metavar="TEXT",
              help="Only documents whose title, source or issuer contains TEXT (any script).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0),
              help="At most this many documents (0: all).")
@click.option("--json", "as_json", is_flag=True, help="JSON output (one array).")
def docs(db: DbTarget | None, pattern: str | None, limit: int, as_json: bool) -> None:
    """List the indexed documents with their metadata."""
    with _friendly_errors(db):
        rows = _open(db).searcher.documents()
    total = len(rows)
    if pattern:
        rows = [r for r in rows if _matches(pattern, r)]
    shown = rows[:limit] if limit else rows
    if as_json:
        click.echo(json.dumps(shown, ensure_ascii=False, default=str, indent=1))
        return
    for r in shown:
        meta = " · ".join(str(r[k]) for k in ("issuer", "published", "batch", "format") if r[k])
        click.echo(f"[{r['id']}] {r['title']}  ({_plural(int(str(r['cases'])), 'case')}, "
                   f"{_plural(int(str(r['passages'])), 'passage')})")
        if meta:
            click.echo(f"     {meta}")
        click.echo(f"     {r['source']}")
    matching = f"{len(rows)} matching of {total}" if pattern else str(total)
    more = (f"; showing {len(shown)} (--limit 0 for all)" if len(shown) < len(rows) else "")
    click.echo(f"{matching} document{'s' if total != 1 else ''} in the index{more}.")


def _matches(pattern: str, row: dict[str, object]) -> bool:
    from indexer.normalize import normalize

    wanted = normalize(pattern).lower()
    return any(wanted in normalize(str(row[k] or "")).lower()
               for k in ("title", "source", "issuer"))


@main.command()
@click.argument("doc")
@db_option
def remove(doc: str, db: DbTarget | None) -> None:
    """Drop document DOC from the index: its id or source path (see `casebot docs`), or
    words of its title that match one document only."""
    from indexer.writer import IndexWriter

    with _friendly_errors(db):
        service = _open(db)
        rows = service.searcher.documents()
        match = ([r for r in rows if str(r["id"]) == doc or r["source"] == doc]
                 or [r for r in rows if str(r["source"]).endswith(doc)]
                 or [r for r in rows if _matches(doc, {**r, "source": "", "issuer": ""})])
        if not match:
            raise CliError(f"No document matches {doc!r}; see `casebot docs` for ids and titles.")
        if len(match) > 1:
            listed = "; ".join(f"[{r['id']}] {r['title']}" for r in match[:5])
            raise CliError(f"{len(match)} documents match {doc!r} ({listed}"
                           f"{' …' if len(match) > 5 else ''}); give its id.")
        IndexWriter(service.sa_engine).remove([str(match[0]["source"])])
        click.echo(f"Removed [{match[0]['id']}] {match[0]['title']}.")


@main.command(name="eval")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Figures as JSON.")
def eval_(files: tuple[Path, ...], db: DbTarget | None, as_json: bool) -> None:
    """Score the answers on question sets (JSON Lines): hit@1, hit@3, MRR, correct and
    wrong direct answers, out-of-scope rejection.

    Exits 2 when a set's passages are not in the index (index its document first).
    """
    from bot.evaluate import (
        QuestionSetError,
        evaluate,
        expected_passages_found,
        format_report,
        load_questions,
    )

    with _friendly_errors(db):
        service = _open(db)
        missing = []
        for f in files:
            try:
                questions = load_questions(f)
            except QuestionSetError as exc:
                raise CliError(str(exc)) from exc
            held, total = expected_passages_found(questions, service.searcher.contains_text)
            if total and not held:
                missing.append(f)
                click.secho(f"warning: the index holds none of the {total} passages {f} "
                            f"expects — index its document first (casebot index --db DB "
                            f"DOCUMENT); its figures below measure nothing.", fg="yellow",
                            err=True)
            report = evaluate(questions, service.answer)
            if as_json:
                click.echo(json.dumps({"file": str(f), **report.figures()}, ensure_ascii=False))
            else:
                click.echo(format_report(report, str(f)))
    if missing:
        raise SystemExit(2)


@main.command()
@db_option
def bot(db: DbTarget | None) -> None:
    """Run the Telegram bot (needs TELEGRAM_BOT_TOKEN; webhook if TELEGRAM_WEBHOOK_URL is set)."""
    from bot.telegram.app import run

    settings = _settings(db)
    if not settings.telegram_bot_token:
        raise CliError("TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather and put "
                       "TELEGRAM_BOT_TOKEN=... in .env (see .env.example).")
    with _friendly_errors():
        run(settings)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535))
def web(db: DbTarget | None, host: str, port: int) -> None:
    """The web page for citizens and the HTTP API (/api/ask, /api/docs, /healthz, /openapi.json).

    Settings (see .env.example): CASEBOT_ADMIN_TOKEN opens the admin charts at /admin;
    CASEBOT_WEB_RATE_LIMIT / CASEBOT_WEB_RATE_WINDOW limit requests per client.  Put a
    reverse proxy with HTTPS in front of it for the public.
    """
    import uvicorn

    from bot.web.app import WebConfig, create_app

    settings = _settings(db)
    with _friendly_errors(db):
        service = _open(db)
        service.warm_up()
    click.echo(f"casebot web: http://{host}:{port}/ (Ctrl-C stops)", err=True)
    # No access log: it would write every question (the URL) to the log, which the
    # bot never does at INFO.
    uvicorn.run(create_app(service, WebConfig.from_settings(settings)), host=host, port=port,
                log_level="warning", access_log=False, proxy_headers=True, server_header=False)


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
