"""Per-client request limits for the web application, behind one small interface.

The application asks a :class:`RequestLimiter` "may this client make a request now?" and
nothing else, so where the counts live is a choice made once (:func:`limiter_for`): on
PostgreSQL in the database every web process and instance shares (the bot's
:class:`~bot.ratelimit.SharedLimiter` and table, under keys of their own), so a
client's limit holds whichever worker or instance serves it; on SQLite in this process's
memory (:class:`MemoryLimiter`) — each worker counts its own.
"""

from __future__ import annotations

import hashlib
import threading
import time
from typing import TYPE_CHECKING, Protocol

from bot.ratelimit import Clock, SharedLimiter, SlidingWindowLimiter, Verdict

if TYPE_CHECKING:
    from indexer.storage.limits import LimitStore


class RequestLimiter(Protocol):
    """Records one request by ``client`` (an address) and says whether it may go ahead."""

    def hit(self, client: str) -> Verdict: ...


class MemoryLimiter:
    """At most ``limit`` requests per client in any ``window`` seconds, counted in memory;
    ``limit <= 0`` turns the limit off.

    The sliding window is the Telegram bot's (:mod:`bot.ratelimit`, which is
    pure); the lock makes check-and-record atomic from any thread, as the application
    may call it from its thread pool as well as from the event loop.
    """

    def __init__(self, limit: int, window: float, clock: Clock = time.monotonic) -> None:
        self._window = SlidingWindowLimiter(limit, window, clock)
        self._lock = threading.Lock()

    def hit(self, client: str) -> Verdict:
        with self._lock:
            return self._window.hit(client)


def limiter_for(store: LimitStore | None, limit: int, window: float,
                salt: str) -> RequestLimiter:
    """The limiter for a web process: shared through ``store`` when there is one (and a
    limit at all), else in memory.  The shared table holds a salted hash of the client's
    address, never the address."""
    if store is None or limit <= 0 or window <= 0:
        return MemoryLimiter(limit, window)

    def key(client: object) -> str:
        return hashlib.sha256(f"{salt}:web:{client}".encode()).hexdigest()[:32]

    return SharedLimiter(store, limit, window, "w", key)


def blocks(limiter: RequestLimiter) -> bool:
    """Whether ``hit`` waits on a database (to be called off the event loop)."""
    return not isinstance(limiter, MemoryLimiter)


__all__ = ["MemoryLimiter", "RequestLimiter", "Verdict", "blocks", "limiter_for"]
