"""The per-user sliding-window limit, with an injected clock."""

from __future__ import annotations

from bot.telegram.ratelimit import SlidingWindowLimiter


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
