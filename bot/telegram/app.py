"""Building and running the Telegram bot: ``run(settings)`` and ``build_application(settings)``.

This module owns the process side of the bot: the python-telegram-bot
``Application`` (token, API URLs, Telegram's flood limits via
``AIORateLimiter``, concurrent updates), the service's lifetime (opened in
``post_init``, closed in ``post_shutdown``, kept in ``bot_data``), the command
menu (``setMyCommands``), polling or webhook, shutdown on SIGTERM/SIGINT, and
logging.

The token is a password: anyone holding it *is* the bot.  It appears in every
Bot API URL, so httpx's request log is silenced and every log line — message,
arguments and traceback alike — passes through :class:`ScrubbingFormatter`.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal
import sys
import threading
import urllib.parse
from collections.abc import Hashable, Iterable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, Application, Defaults

from bot.ratelimit import SharedLimiter
from bot.telegram import handlers
from bot.telegram.connect import shown_url, wait_for_bot_api
from bot.telegram.state import INLINE_LIMIT_FACTOR, init_state, state_of

if TYPE_CHECKING:
    from bot.service import Casebot
    from bot.settings import Settings

log = logging.getLogger("casebot.telegram")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
CONCURRENT_UPDATES = 64  # answers take milliseconds; this only bounds a burst
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "<TOKEN>"


# -- logging ------------------------------------------------------------------------------


def secret_forms(token: str | None) -> list[str]:
    """The ways a token shows up in text: as is, and percent-encoded (file URLs)."""
    if not token:
        return []
    forms = {token, urllib.parse.quote(token, safe=""), urllib.parse.quote(token)}
    return sorted(forms, key=len, reverse=True)


def scrub(text: str, secrets_: Iterable[str]) -> str:
    for s in secrets_:
        text = text.replace(s, REDACTED)
    return text


class ScrubbingFormatter(logging.Formatter):
    """A formatter that never lets the given secrets through, tracebacks included."""

    def __init__(self, secrets_: Iterable[str], fmt: str = LOG_FORMAT) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets_ if s]

    def formatException(self, ei: Any) -> str:
        return scrub(super().formatException(ei), self.secrets)

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record), self.secrets)


def configure_logging(settings: Settings) -> None:
    """Root logging at CASEBOT_LOG_LEVEL, token scrubbed everywhere, request logs off."""
    level = logging.getLevelNamesMapping().get(settings.casebot_log_level.upper(), logging.INFO)
    logging.basicConfig(level=level, format=LOG_FORMAT, force=True)
    formatter = ScrubbingFormatter(secret_forms(settings.telegram_bot_token))
    for handler in logging.getLogger().handlers:
        handler.setFormatter(formatter)
    # httpx logs every request URL at INFO — each one holds the token.
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)  # PTB's warnings, through the same scrubbing handler

    # Uncaught exceptions would reach stderr unscrubbed; route them through logging.
    def excepthook(kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        logging.getLogger("casebot").critical("Uncaught exception", exc_info=(kind, exc, tb))

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            logging.getLogger("casebot").error(
                "Uncaught exception in thread %s", args.thread.name if args.thread else "?",
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


# -- the application -------------------------------------------------------------------------


async def post_init(app: Application) -> None:
    """Open the service (building the index if missing), warm it up, publish the commands."""
    from bot.service import Casebot

    shared = state_of(app)
    settings = shared.settings
    service = await asyncio.to_thread(Casebot.open, settings.casebot_db)
    shared.service = service
    share_limits(app, service, settings)
    # OpenCC's dictionaries and the index vocabulary load on first use: now, not for a user.
    await asyncio.to_thread(service.warm_up)
    await asyncio.to_thread(service.answer, "香梨品牌价值")
    try:
        await app.bot.set_my_commands(list(handlers.COMMANDS))
    except TelegramError as exc:  # a menu is nice to have; answering does not depend on it
        log.warning("Could not register the command menu: %s", exc)
    log.info("casebot is up as @%s (%s)", app.bot.username, service.storage.display)


def share_limits(app: Application, service: Casebot, settings: Settings) -> None:
    """With several instances on one database, per-user limits are kept there: a user's
    limit holds whichever instance the load balancer hands their next message to."""
    store = service.storage.limit_store()
    if store is None:
        return

    def key(user: Hashable) -> str:
        return settings.user_hash(int(user)) if isinstance(user, int) else str(user)

    limit, window = settings.casebot_rate_limit, settings.casebot_rate_window
    shared = state_of(app)
    shared.limiter = SharedLimiter(store, limit, window, "q", key)
    shared.inline_limiter = SharedLimiter(
        store, limit * INLINE_LIMIT_FACTOR, window, "i", key)


async def post_shutdown(app: Application) -> None:
    shared = state_of(app)
    service, shared.service = shared.service, None
    if service is not None:
        service.close()
    log.info("casebot stopped")


def build_application(settings: Settings) -> Application:
    """The configured ``Application`` with every handler; the service opens in post_init."""
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_base_url)
        # Telegram's flood limits (30 msg/s overall, 20/min per group); on a 429 it
        # waits the given retry_after and tries once more.
        .rate_limiter(AIORateLimiter(max_retries=1))
        .concurrent_updates(CONCURRENT_UPDATES)
        .defaults(Defaults(parse_mode=ParseMode.HTML,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.telegram_base_file_url:
        builder = builder.base_file_url(settings.telegram_base_file_url)
    if settings.telegram_proxy:
        builder = builder.proxy(settings.telegram_proxy).get_updates_proxy(settings.telegram_proxy)
    app = builder.build()
    init_state(app, settings)
    handlers.register(app)
    return app


def webhook_path(url: str) -> str:
    """The local path to listen on: the webhook URL's path (never the token)."""
    return urllib.parse.urlsplit(url).path.strip("/")


def run(settings: Settings) -> None:
    """Run the bot until SIGTERM/SIGINT: webhook if TELEGRAM_WEBHOOK_URL is set, else polling."""
    configure_logging(settings)
    # The network first: one clear line and bounded retries, not PTB's tracebacks.
    wait_for_bot_api(settings)
    app = build_application(settings)
    try:
        if settings.telegram_webhook_url:
            # Telegram sends this secret with every update; without one anybody who
            # finds the URL could post fake updates.  A fresh one per start is fine:
            # setWebhook registers it each time.
            secret = settings.telegram_webhook_secret or secrets.token_urlsafe(32)
            log.info("Starting in webhook mode on %s:%s", settings.telegram_webhook_listen,
                     settings.telegram_webhook_port)
            app.run_webhook(
                listen=settings.telegram_webhook_listen,
                port=settings.telegram_webhook_port,
                url_path=webhook_path(settings.telegram_webhook_url),
                webhook_url=settings.telegram_webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
                stop_signals=STOP_SIGNALS,
            )
        else:
            log.info("Starting in polling mode")
            app.run_polling(allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False,
                            stop_signals=STOP_SIGNALS)
    except InvalidToken:
        # PTB's message quotes the token; say what to do instead.
        log.error("Telegram rejected TELEGRAM_BOT_TOKEN. Check it with @BotFather and "
                  "update .env.")
        raise SystemExit(1) from None
    except NetworkError as exc:  # the network went away between the check and the start
        log.error("Could not start the bot: %s (%s) — start it again; if it persists, check "
                  "TELEGRAM_PROXY and TELEGRAM_BASE_URL.", exc, shown_url(settings))
        raise SystemExit(1) from None
    except TelegramError as exc:
        log.error("Could not start the bot: %s", exc, exc_info=exc)
        raise SystemExit(1) from None


__all__ = ["ScrubbingFormatter", "build_application", "configure_logging", "run"]
