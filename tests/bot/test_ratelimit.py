"""The per-user sliding-window limit, with an injected clock; and the same limit shared by
several instances through PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ratelimit import SharedLimiter, SlidingWindowLimiter
from bot.service import Casebot


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_allows_up_to_the_limit_then_denies() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(3, 60, clock)
    assert [limiter.hit("u").allowed for _ in range(3)] == [True, True, True]
    verdict = limiter.hit("u")
    assert not verdict.allowed
    assert verdict.retry_after == 60


def test_notice_once_per_window_not_per_dropped_message() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(2, 60, clock)
    limiter.hit("u")
    limiter.hit("u")
    denied = [limiter.hit("u") for _ in range(10)]
    assert [v.notify for v in denied] == [True] + [False] * 9
    clock.now += 30  # still inside the window: no second notice
    assert not limiter.hit("u").notify
    clock.now += 31  # the window has passed: hits are allowed again
    assert limiter.hit("u").allowed


def test_a_new_notice_only_once_a_window_has_passed_since_the_last() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(2, 10, clock)
    limiter.hit("u")  # t=0
    clock.now += 9
    limiter.hit("u")  # t=9
    clock.now += 0.5
    assert limiter.hit("u").notify  # t=9.5: denied, told
    clock.now += 0.6
    assert limiter.hit("u").allowed  # t=10.1: the t=0 hit has left the window
    clock.now += 0.1
    denied = limiter.hit("u")  # t=10.2: denied again, but told only 0.7 s ago
    assert not denied.allowed and not denied.notify
    clock.now += 9.4
    assert limiter.hit("u").allowed  # t=19.6: the t=9 hit has left
    clock.now += 0.1
    assert limiter.hit("u").notify  # t=19.7: denied, and the last notice is 10.2 s old


def test_window_slides_rather_than_resets() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(2, 10, clock)
    assert limiter.hit("u").allowed  # t=0
    clock.now += 9
    assert limiter.hit("u").allowed  # t=9
    clock.now += 2
    # t=11: the t=0 hit left the window, the t=9 one has not.
    assert limiter.hit("u").allowed
    verdict = limiter.hit("u")
    assert not verdict.allowed
    assert abs(verdict.retry_after - 8) < 1e-9  # when the t=9 hit leaves


def test_users_are_independent() -> None:
    limiter = SlidingWindowLimiter(1, 60, Clock())
    assert limiter.hit(1).allowed
    assert not limiter.hit(1).allowed
    assert limiter.hit(2).allowed


def test_zero_limit_disables() -> None:
    limiter = SlidingWindowLimiter(0, 60, Clock())
    assert all(limiter.hit("u").allowed for _ in range(100))


def test_idle_users_are_forgotten() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(5, 10, clock)
    for user in range(500):
        limiter.hit(user)
    clock.now += 11
    for _ in range(1000):  # the periodic sweep runs every 1000 checks
        limiter.hit("active")
    assert len(limiter) <= 2


# -- the shared limiter: the same decisions, kept in the database -----------------------


class DictStore:
    """A LimitStore in a dict with the test's clock: the shared limiter's logic alone."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.rows: dict[str, tuple[list[float], float | None]] = {}

    def update(self, key, window, fn):  # type: ignore[no-untyped-def]
        hits, noticed = self.rows.get(key, ([], None))
        hits, noticed, result = fn(list(hits), noticed, self.clock())
        self.rows[key] = (hits, noticed)
        return result

    def count(self, prefix: str = "") -> int:
        return sum(1 for k in self.rows if k.startswith(prefix))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("uvw"), st.floats(0, 7)), max_size=60),
       st.integers(1, 4), st.sampled_from([5.0, 10.0]))
def test_the_shared_limiter_decides_as_the_local_one(steps: list[tuple[str, float]],
                                                     limit: int, window: float) -> None:
    clock = Clock()
    local = SlidingWindowLimiter(limit, window, clock)
    shared = SharedLimiter(DictStore(clock), limit, window)  # type: ignore[arg-type]
    for user, pause in steps:
        clock.now += pause
        assert shared.hit(user) == local.hit(user)


@pytest.fixture
def two_instances(pg_database: Callable[[str], str]) -> Iterator[tuple[Casebot, Casebot]]:
    """Two services on one PostgreSQL index, each with its own engine (two processes)."""
    url = pg_database("limits")
    first = Casebot.open(url)
    second = Casebot.open(url, build=False)
    yield first, second
    first.close()
    second.close()


def test_a_users_limit_holds_across_instances(two_instances: tuple[Casebot, Casebot]) -> None:
    limiters = [SharedLimiter(svc.storage.limit_store(), 5, 60, key=lambda k: f"h{k}")
                for svc in two_instances]
    verdicts = [limiters[i % 2].hit(42) for i in range(8)]  # alternating, as nginx would
    assert [v.allowed for v in verdicts] == [True] * 5 + [False] * 3
    assert [v.notify for v in verdicts[5:]] == [True, False, False]  # one notice, not three
    assert 0 < verdicts[5].retry_after <= 60
    assert limiters[1].hit(43).allowed  # another user is not held up
    assert len(limiters[0]) == 2


def test_concurrent_hits_from_two_instances_never_exceed_the_limit(
        two_instances: tuple[Casebot, Casebot]) -> None:
    limiters = [SharedLimiter(svc.storage.limit_store(), 10, 60) for svc in two_instances]
    with ThreadPoolExecutor(8) as pool:
        verdicts = list(pool.map(lambda i: limiters[i % 2].hit("same user"), range(40)))
    assert sum(v.allowed for v in verdicts) == 10
    assert sum(v.notify for v in verdicts) == 1
