"""``casebot bot``, ``casebot web`` and ``casebot run``: the channels."""

from __future__ import annotations

import click

from bot.cli.asking import chat
from bot.cli.common import (
    CliError,
    DbTarget,
    db_option,
    friendly_errors,
    main,
    open_index,
    port_problem,
    settings_for,
)
from bot.cli.indexing import index


@main.command()
@db_option
def bot(db: DbTarget | None) -> None:
    """Run the Telegram bot (needs TELEGRAM_BOT_TOKEN; webhook if TELEGRAM_WEBHOOK_URL is set)."""
    from bot.telegram.app import run

    settings = settings_for(db)
    if not settings.telegram_bot_token:
        raise CliError("TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather and put "
                       "TELEGRAM_BOT_TOKEN=... in .env (see .env.example).")
    if settings.telegram_webhook_url and (problem := port_problem(
            settings.telegram_webhook_listen, settings.telegram_webhook_port,
            "TELEGRAM_WEBHOOK_LISTEN", "TELEGRAM_WEBHOOK_PORT")):
        raise CliError(problem)
    with friendly_errors():
        run(settings)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Processes answering requests, up to one per core (default: "
                   "CASEBOT_WEB_WORKERS, else 1). Each holds its own caches (~150 MB).")
def web(db: DbTarget | None, host: str, port: int, workers: int | None) -> None:
    """The web page for citizens and the HTTP API (/api/ask, /api/docs, /healthz, /openapi.json).

    Settings (see .env.example): CASEBOT_ADMIN_TOKEN opens the admin charts at /admin;
    CASEBOT_WEB_RATE_LIMIT / CASEBOT_WEB_RATE_WINDOW limit requests per client (on
    PostgreSQL counted in the database for every worker and instance; on SQLite by each
    worker).  Put a reverse proxy with HTTPS in front of it for the public.
    """
    from bot.web.serve import serve

    settings = settings_for(db)
    workers = workers or settings.casebot_web_workers
    if (problem := port_problem(host, port)) is not None:
        raise CliError(problem)
    with friendly_errors(db):
        service = open_index(db)
        if workers == 1:
            service.warm_up()
    more = f", {workers} workers" if workers > 1 else ""
    click.echo(f"casebot web: http://{host}:{port}/{more} (Ctrl-C stops)", err=True)
    with friendly_errors(db):
        serve(service, settings, host, port, workers)


@main.command()
@click.pass_context
def run(ctx: click.Context) -> None:
    """Build the index, then start the bot if TELEGRAM_BOT_TOKEN is set, else a terminal chat."""
    settings = settings_for(None)
    ctx.invoke(index, paths=(), db=None, rebuild=False, quiet=False)
    if settings.telegram_bot_token:
        ctx.invoke(bot, db=None)
    else:
        click.echo("TELEGRAM_BOT_TOKEN is not set: starting a terminal chat instead.")
        ctx.invoke(chat, db=None)


__all__ = ["bot", "run", "web"]
