"""The web's request limiter: the interface the application uses, counted in memory."""

from __future__ import annotations

import threading

from bot.web.limits import MemoryLimiter, RequestLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_per_client_in_a_sliding_window() -> None:
    clock = Clock()
    limiter: RequestLimiter = MemoryLimiter(2, 10.0, clock)
    assert [limiter.hit("a").allowed for _ in range(3)] == [True, True, False]
    assert limiter.hit("b").allowed  # another client has its own count
    denied = limiter.hit("a")
    assert not denied.allowed and 0 < denied.retry_after <= 10
    clock.now += 10.01
    assert limiter.hit("a").allowed


def test_zero_turns_the_limit_off() -> None:
    limiter = MemoryLimiter(0, 60.0)
    assert all(limiter.hit("a").allowed for _ in range(1000))


def test_exactly_the_limit_is_allowed_from_many_threads() -> None:
    limiter = MemoryLimiter(50, 3600.0)
    allowed: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def client() -> None:
        start.wait()
        for _ in range(20):
            ok = limiter.hit("same").allowed
            with lock:
                allowed.append(ok)

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(allowed) == 160 and sum(allowed) == 50
