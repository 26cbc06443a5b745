"""Per-key state for rate limits, kept where every serving process sees it.

The decision (how many hits in which window, when to tell the user) is the
caller's — :mod:`bot.ratelimit`, pure and tested alone; this module
only reads and writes one key's state atomically: the row is locked, handed to
the caller's function with the database's clock, and written back in the same
transaction, so two processes counting the same user cannot both let the
last question through.  The database's clock, not the process's: instances on
several machines agree on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from sqlalchemy import Engine, text

R = TypeVar("R")
# (hits, noticed, now) -> (hits, noticed, result): the caller's decision for one key.
Update = Callable[[list[float], float | None, float], tuple[list[float], float | None, R]]

CLEAN_EVERY = 500  # updates between sweeps of keys idle for longer than their window


class LimitStore(Protocol):
    def update(self, key: str, window: float, fn: Update[R]) -> R: ...

    def count(self, prefix: str = "") -> int: ...


class PgLimitStore:
    """Limits in PostgreSQL's ``rate_limits`` table (one row per key)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._updates = 0

    def update(self, key: str, window: float, fn: Update[R]) -> R:
        with self.engine.begin() as c:
            # The upsert locks the row (new or not) until the commit.
            hits, noticed, now = c.execute(text(
                "INSERT INTO rate_limits(key) VALUES (:k) ON CONFLICT (key) DO UPDATE "
                "SET key = excluded.key "
                "RETURNING hits, noticed, extract(epoch FROM clock_timestamp())::float8"),
                {"k": key}).one()
            new_hits, new_noticed, result = fn(list(hits or ()), noticed, float(now))
            c.execute(text("UPDATE rate_limits SET hits = :h, noticed = :n, updated = :u "
                           "WHERE key = :k"),
                      {"h": new_hits, "n": new_noticed, "u": float(now), "k": key})
            self._updates += 1
            if self._updates % CLEAN_EVERY == 0:
                # A key whose hits have all left the window carries nothing worth keeping.
                c.execute(text("DELETE FROM rate_limits WHERE updated < :t AND key <> :k"),
                          {"t": float(now) - window, "k": key})
        return result

    def count(self, prefix: str = "") -> int:
        with self.engine.connect() as c:
            return int(c.execute(text(
                "SELECT count(*) FROM rate_limits WHERE starts_with(key, :p)"),
                {"p": prefix}).scalar() or 0)


__all__ = ["LimitStore", "PgLimitStore"]
