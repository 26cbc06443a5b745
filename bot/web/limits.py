"""Per-client request limits for the web application, behind one small interface.

The application asks a :class:`RequestLimiter` "may this client make a request now?" and
nothing else, so where the counts live is a choice made at the entry point: in this
process's memory today (:class:`MemoryLimiter`); a limiter whose counts are shared through
the database (several web processes behind one proxy) only has to implement ``hit``.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from bot.telegram.ratelimit import Clock, SlidingWindowLimiter, Verdict


class RequestLimiter(Protocol):
    """Records one request by ``client`` (an address) and says whether it may go ahead."""

    def hit(self, client: str) -> Verdict: ...


class MemoryLimiter:
    """At most ``limit`` requests per client in any ``window`` seconds, counted in memory;
    ``limit <= 0`` turns the limit off.

    The sliding window is the Telegram bot's (:mod:`bot.telegram.ratelimit`, which is
    pure); the lock makes check-and-record atomic from any thread, as the application
    may call it from its thread pool as well as from the event loop.
    """

    def __init__(self, limit: int, window: float, clock: Clock = time.monotonic) -> None:
        self._window = SlidingWindowLimiter(limit, window, clock)
        self._lock = threading.Lock()

    def hit(self, client: str) -> Verdict:
        with self._lock:
            return self._window.hit(client)


__all__ = ["MemoryLimiter", "RequestLimiter", "Verdict"]
