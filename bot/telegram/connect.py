"""Reaching the Bot API at start-up: one clear line per problem, bounded retries, no tracebacks.

A bot started at boot often comes up before the network, or behind a proxy it
was not told about, or with a mistyped ``TELEGRAM_BASE_URL``.  Before
python-telegram-bot starts, :func:`wait_for_bot_api` asks ``getMe`` itself and
:func:`classify` says what the answer means:

* nothing listens / DNS fails / the proxy refuses → *unreachable*: name the URL and
  the fixes (``TELEGRAM_PROXY``, ``TELEGRAM_BASE_URL``), retry with backoff;
* the connection opens but nothing comes back → *no answer* (a firewall that drops,
  a proxy that hangs), named as such, retried;
* 401 → the token is rejected (fix it with @BotFather; no retry);
* 404 → not a token problem: ``TELEGRAM_BASE_URL`` does not point at a Bot API (it
  must end in ``/bot``); no retry;
* 5xx, 429 → the server is there but unwell: retried.

Retries are bounded (``TELEGRAM_CONNECT_RETRIES``, delays doubling up to
``TELEGRAM_RETRY_MAX_DELAY``), and SIGTERM/SIGINT during a wait stop the process at
once with status 0.  The token is never printed: URLs are shown without it.
"""

from __future__ import annotations

import json
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

    from bot.settings import Settings

log = logging.getLogger("casebot.telegram")


class Outcome(Enum):
    OK = "ok"
    RETRY = "retry"  # worth trying again (network, a server that is unwell)
    FATAL = "fatal"  # trying again cannot help (a setting is wrong)


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    message: str  # one line for the operator, with the fix


def shown_url(settings: Settings) -> str:
    """The Bot API URL as it may be shown: ``…/bot<TOKEN>/getMe``, never the token."""
    return f"{settings.telegram_base_url}<TOKEN>/getMe"


def _hint(settings: Settings) -> str:
    if settings.telegram_proxy:
        return (f"check that the proxy TELEGRAM_PROXY={settings.telegram_proxy} works, or "
                "that TELEGRAM_BASE_URL is right")
    return ("if this machine reaches Telegram only through a proxy, set TELEGRAM_PROXY "
            "(http://host:port or socks5://host:port); a self-hosted Bot API goes in "
            "TELEGRAM_BASE_URL")


def classify(settings: Settings, status: int | None = None, body: bytes = b"",
             error: BaseException | None = None) -> Verdict:
    """What a ``getMe`` attempt means: an HTTP ``status`` and ``body``, or an ``error``."""
    import httpx

    url = shown_url(settings)
    if error is not None:
        if isinstance(error, httpx.TimeoutException) and not isinstance(
                error, httpx.ConnectTimeout | httpx.PoolTimeout):
            return Verdict(Outcome.RETRY, (
                f"The Bot API at {url} accepted the connection but never answered (no reply "
                f"within {settings.telegram_connect_timeout:g} s) — {_hint(settings)}."))
        reason = str(error).replace(settings.telegram_bot_token or "\x00", "<TOKEN>")
        return Verdict(Outcome.RETRY, (
            f"Cannot reach the Bot API at {url} ({type(error).__name__}: {reason or 'no detail'})"
            f" — {_hint(settings)}."))
    assert status is not None
    if status == 200:
        return Verdict(Outcome.OK, "")
    if status == 401:
        return Verdict(Outcome.FATAL, "Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized). "
                                      "Check it with @BotFather and update .env.")
    if status == 404:
        telegram_like = _is_bot_api_error(body)
        what = ("answered 404 Not Found as a Bot API does for an unknown path" if telegram_like
                else "answered 404 Not Found, and not as a Bot API would")
        return Verdict(Outcome.FATAL, (
            f"The server at {url} {what}: TELEGRAM_BASE_URL={settings.telegram_base_url} is "
            "probably wrong — it must end in /bot (https://api.telegram.org/bot, or your "
            "Bot API server's …/bot). This is not a rejected token."))
    if status == 429 or status >= 500:
        return Verdict(Outcome.RETRY, f"The Bot API at {url} answered {status}; trying again.")
    return Verdict(Outcome.FATAL, (
        f"The Bot API at {url} answered {status} to getMe; check TELEGRAM_BASE_URL and "
        "TELEGRAM_BOT_TOKEN."))


def _is_bot_api_error(body: bytes) -> bool:
    try:
        data = json.loads(body)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("ok") is False and "error_code" in data


def delays(retries: int, max_delay: float, first: float = 1.0) -> list[float]:
    """The waits between attempts: doubling from ``first``, capped at ``max_delay``."""
    return [min(max_delay, first * 2 ** k) for k in range(max(0, retries))]


class _Stopped(BaseException):
    """SIGTERM/SIGINT during the wait.  A BaseException, as KeyboardInterrupt is: the signal
    may land inside a log call, whose handler swallows any Exception (logging's handleError)
    — the process then slept on through its retries (a flaky test under load)."""


def wait_for_bot_api(settings: Settings, sleep: Callable[[float], None] = time.sleep,
                     client: httpx.Client | None = None) -> None:
    """Return once ``getMe`` succeeds; raise ``SystemExit`` (1 on failure, 0 on SIGTERM)."""
    import httpx

    token = settings.telegram_bot_token or ""
    own = client is None
    http = client or httpx.Client(
        proxy=settings.telegram_proxy or None,
        # The environment's HTTP(S)_PROXY counts too, as it does for python-telegram-bot.
        timeout=httpx.Timeout(settings.telegram_connect_timeout))

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Stopped

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    waits = delays(settings.telegram_connect_retries, settings.telegram_retry_max_delay)
    try:
        for attempt in range(len(waits) + 1):
            try:
                response = http.get(f"{settings.telegram_base_url}{token}/getMe")
                verdict = classify(settings, response.status_code, response.content)
            except httpx.HTTPError as exc:
                verdict = classify(settings, error=exc)
            if verdict.outcome is Outcome.OK:
                if attempt:
                    log.info("The Bot API answers now (attempt %d).", attempt + 1)
                return
            if verdict.outcome is Outcome.FATAL:
                log.error("%s", verdict.message)
                raise SystemExit(1)
            if attempt == len(waits):
                log.error("%s Gave up after %d attempts (TELEGRAM_CONNECT_RETRIES=%d).",
                          verdict.message, attempt + 1, settings.telegram_connect_retries)
                raise SystemExit(1)
            log.warning("%s Retrying in %g s (attempt %d of %d).", verdict.message,
                        waits[attempt], attempt + 1, len(waits) + 1)
            sleep(waits[attempt])
    except _Stopped:
        log.info("Stopped while waiting for the Bot API.")
        raise SystemExit(0) from None
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if own:
            http.close()


__all__ = ["Outcome", "Verdict", "classify", "delays", "shown_url", "wait_for_bot_api"]
