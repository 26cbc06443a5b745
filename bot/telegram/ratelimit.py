"""A per-user sliding-window limit on questions, pure and clock-injected.

This module owns the decision "may this user ask now, and should we tell them
they may not?".  It knows nothing about Telegram: the handlers ask
:meth:`SlidingWindowLimiter.hit` with a key (a user id) and act on the
:class:`Verdict`.

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

Clock = Callable[[], float]


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    notify: bool = False  # denied, and the user has not been told within this window
    retry_after: float = 0.0  # seconds until the next hit would be allowed (when denied)


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
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) < self.limit:
            hits.append(now)
            return Verdict(True)
        retry_after = max(0.0, hits[0] + self.window - now)
        last = self._noticed.get(key)
        notify = last is None or now - last >= self.window
        if notify:
            self._noticed[key] = now
        return Verdict(False, notify=notify, retry_after=retry_after)

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


__all__ = ["Clock", "SlidingWindowLimiter", "Verdict"]
