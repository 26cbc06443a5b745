"""What every ``casebot`` command shares: the group, --db, settings, opening the index, a
port to listen on, and turning anticipated errors into one line with its fix."""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from indexer.errors import IndexError_

if TYPE_CHECKING:
    from bot.service import Casebot
    from bot.settings import Settings


class CliError(click.ClickException):
    """An error shown to the user as one line with its fix, exit status 1."""


DbTarget = Path | str  # --db / CASEBOT_DB: a file (SQLite) or a database URL (PostgreSQL)


def settings_for(db: DbTarget | None) -> Settings:
    from bot.settings import Settings

    settings = Settings()
    if db is not None:
        settings.casebot_db = db
    return settings


@contextmanager
def friendly_errors(db: DbTarget | None = None) -> Iterator[None]:
    """Named errors become one clear line; no traceback for anything we anticipated.
    ``db`` is the --db the user gave, repeated in the fix."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    from indexer.storage import display_target

    fix = "casebot index --rebuild" + (f" --db {display_target(db)}" if db is not None else "")

    try:
        yield
    except (IndexError_, reader_error()) as exc:  # evaluated only when something is raised
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


def port_problem(host: str, port: int, host_option: str = "--host",
                 port_option: str = "--port") -> str | None:
    """Why ``host:port`` cannot be listened on (in use, no such address), said with the fix
    (the options or settings that choose them) — checked before anything is announced;
    None when it can."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            # As uvicorn binds: a port left in TIME_WAIT by a stopped server is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return (f"Port {port} on {host} is in use (is casebot already running?). Stop "
                    f"what holds it, or choose another port with {port_option}.")
        return (f"Cannot listen on {host}:{port} ({exc.strerror or exc}). Check "
                f"{host_option}: 127.0.0.1 for this machine only, 0.0.0.0 for every interface.")
    return None


def reader_error() -> type[Exception]:
    """The readers' error class, imported only when an error is being handled: a cold
    `casebot ask` should not load the document readers."""
    from corpus.readers import ReaderError

    return ReaderError


def open_index(db: DbTarget | None, quiet: bool = False) -> Casebot:
    """The index to answer from.

    Only the default path is built on first use: a path the user named (``--db`` or
    ``CASEBOT_DB``) that holds no index is a typo or a missing step, and building a
    fresh index there would look like an index that lost its documents.
    """
    from bot.service import Casebot

    # With --db nothing else from the settings is needed: skip loading them
    # (pydantic is a good part of a cold `casebot ask`).
    if db is None:
        settings = settings_for(None)
        path, default = settings.casebot_db, settings.uses_default_db
    else:
        path, default = db, False
    if isinstance(path, str):  # a database server: its index is built by `casebot index`
        return open_url(path)
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
        service.index([bundled()])
    return service


def open_url(url: str) -> Casebot:
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


def bundled() -> Path:
    from corpus.loader import BUNDLED_DIR

    return BUNDLED_DIR


class DbType(click.ParamType):
    """A file path (SQLite), or a database URL kept as written (postgresql+psycopg://…)."""

    name = "FILE|URL"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> DbTarget:
        from indexer.storage import db_target

        target = db_target(value if isinstance(value, Path) else str(value))
        if isinstance(target, Path) and target.is_dir():
            self.fail(f"{target} is a folder; give the index's file name", param, ctx)
        return target


db_option = click.option("--db", type=DbType(),
                         help="Index database file, or a PostgreSQL URL "
                              "(postgresql+psycopg://…; default: CASEBOT_DB or the user data dir).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="casebot")
def main() -> None:
    """casebot — quoted, cited answers from Chinese government case announcements."""


def matches(pattern: str, row: dict[str, object]) -> bool:
    from indexer.normalize import normalize

    wanted = normalize(pattern).lower()
    return any(wanted in normalize(str(row[k] or "")).lower()
               for k in ("title", "source", "issuer"))


__all__ = ["CliError", "DbTarget", "DbType", "bundled", "db_option", "friendly_errors", "main",
           "matches", "open_index", "open_url", "settings_for"]
