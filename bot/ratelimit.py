"""A per-user sliding-window limit on questions, pure and clock-injected.

This module owns the decision "may this user ask now, and should we tell them
they may not?" (:func:`decide`).  It knows no channel: Telegram's handlers ask
``limiter.hit(key)`` with a user id, the web page with a client address
(:mod:`bot.web.limits`), and act on the :class:`Verdict`.  Two
limiters make that decision:

* :class:`SlidingWindowLimiter` keeps the state in this process (one process
  serves the index: SQLite);
* :class:`SharedLimiter` keeps it in the database every instance uses
  (PostgreSQL, :mod:`indexer.storage.limits`), so a user's limit holds whichever
  instance behind the load balancer gets their next message.

Why a sliding window (timestamps of the last ``limit`` hits) rather than a
fixed one: a fixed window lets a user send ``2 × limit`` questions across a
window boundary.  Why ``notify`` is separate from ``allowed``: a user pasting
30 lines should get one friendly notice, not 10 — the notice is given once
per window.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexer.storage.limits import LimitStore

Clock = Callable[[], float]


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    notify: bool = False  # denied, and the user has not been told within this window
    retry_after: float = 0.0  # seconds until the next hit would be allowed (when denied)


def decide(hits: deque[float] | list[float], noticed: float | None, now: float, limit: int,
           window: float) -> tuple[Verdict, float | None]:
    """Record an attempt at ``now`` in ``hits`` (changed in place: old hits dropped, an
    allowed one added) and say whether it may go ahead; also the new time of the last
    notice."""
    while hits and hits[0] <= now - window:
        if isinstance(hits, deque):
            hits.popleft()
        else:
            del hits[0]
    if len(hits) < limit:
        hits.append(now)
        return Verdict(True), noticed
    retry_after = max(0.0, hits[0] + window - now)
    notify = noticed is None or now - noticed >= window
    return Verdict(False, notify=notify, retry_after=retry_after), (now if notify else noticed)


class SlidingWindowLimiter:
    """At most ``limit`` hits per key in any ``window`` seconds; ``limit <= 0`` disables it.

    Not thread-safe by design: it is used from the event loop only, where a
    check-and-record without ``await`` in between is atomic.
    """

    def __init__(self, limit: int, window: float, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[Hashable, deque[float]] = {}
        self._noticed: dict[Hashable, float] = {}
        self._checks = 0

    def hit(self, key: Hashable) -> Verdict:
        """Record an attempt by ``key`` and say whether it may go ahead."""
        if self.limit <= 0 or self.window <= 0:
            return Verdict(True)
        now = self._clock()
        self._checks += 1
        if self._checks % 1000 == 0:
            self._forget_idle(now)
        hits = self._hits.setdefault(key, deque())
        verdict, noticed = decide(hits, self._noticed.get(key), now, self.limit, self.window)
        if noticed is not None:
            self._noticed[key] = noticed
        return verdict

    def _forget_idle(self, now: float) -> None:
        # Keys whose every hit has left the window carry no state worth keeping;
        # without this a long-running bot would remember every user forever.
        cutoff = now - self.window
        for key in [k for k, h in self._hits.items() if not h or h[-1] <= cutoff]:
            del self._hits[key]
        for key in [k for k, t in self._noticed.items() if t <= cutoff]:
            del self._noticed[key]

    def __len__(self) -> int:
        """Keys currently tracked (for tests and diagnostics)."""
        return len(self._hits)


class SharedLimiter:
    """The same limit, its state in a store every instance shares (see module docstring).

    ``hit`` makes one short transaction (the key's row locked, read, written back); the
    store's clock is the database's.  ``key`` turns the caller's key into the stored one
    (a salted hash: the table never holds a user id); ``namespace`` keeps limits of
    different kinds (questions, inline queries) apart.
    """

    def __init__(self, store: LimitStore, limit: int, window: float, namespace: str = "q",
                 key: Callable[[Hashable], str] = str) -> None:
        self.limit = limit
        self.window = window
        self.store = store
        self.namespace = namespace
        self._key = key

    def hit(self, key: Hashable) -> Verdict:
        """Record an attempt by ``key`` and say whether it may go ahead."""
        if self.limit <= 0 or self.window <= 0:
            return Verdict(True)

        def update(hits: list[float], noticed: float | None,
                   now: float) -> tuple[list[float], float | None, Verdict]:
            verdict, noticed = decide(hits, noticed, now, self.limit, self.window)
            return hits, noticed, verdict

        return self.store.update(f"{self.namespace}:{self._key(key)}", self.window, update)

    def __len__(self) -> int:
        """Keys currently tracked in this namespace (for tests and diagnostics)."""
        return self.store.count(f"{self.namespace}:")


__all__ = ["Clock", "SharedLimiter", "SlidingWindowLimiter", "Verdict", "decide"]
