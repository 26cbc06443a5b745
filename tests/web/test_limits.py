"""The web's request limiter: the interface the application uses, counted in memory, and
shared through PostgreSQL by every worker and instance."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from bot.service import Casebot
from bot.web.app import WebConfig, create_app
from bot.web.limits import MemoryLimiter, RequestLimiter, blocks, limiter_for


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


# --- shared through PostgreSQL: every worker and instance counts the same client -------

Instances = tuple[list[Casebot], list[TestClient]]


@pytest.fixture
def two_web_instances(pg_database: Callable[[str], str]) -> Iterator[Instances]:
    """Two web applications on one PostgreSQL index, each with its own engine (as two
    workers or instances behind nginx), a limit of 3 requests a minute per client."""
    url = pg_database("weblimit")
    services = [Casebot.open(url), Casebot.open(url, build=False)]
    config = WebConfig(rate_limit=3, rate_window=60.0, log_questions=False)
    yield services, [TestClient(create_app(s, config)) for s in services]
    for s in services:
        s.close()


def test_a_clients_limit_holds_across_instances_on_postgresql(
        two_web_instances: Instances) -> None:
    _, clients = two_web_instances
    path = "/api/ask?q=" + quote("库尔勒香梨品牌价值多少")
    statuses = [clients[i % 2].get(path).status_code for i in range(5)]
    assert statuses == [200, 200, 200, 429, 429]  # alternating, as nginx would
    limited = clients[1].get(path)
    assert limited.json()["error"].startswith("too many requests")
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert clients[0].get("/healthz").status_code == 200  # never limited


def test_the_shared_table_holds_a_hash_not_the_address(two_web_instances: Instances) -> None:
    services, clients = two_web_instances
    clients[0].get("/api/ask?q=" + quote("香梨"))
    with services[0].storage.engine.connect() as c:
        keys = [k for (k,) in c.execute(text("SELECT key FROM rate_limits"))]
    assert len(keys) == 1 and keys[0].startswith("w:")
    assert "testclient" not in keys[0]  # the test client's address


def test_sqlite_counts_in_memory(built_casebot: Casebot) -> None:
    assert built_casebot.storage.limit_store() is None
    limiter = limiter_for(built_casebot.storage.limit_store(), 60, 60.0, "salt")
    assert isinstance(limiter, MemoryLimiter) and not blocks(limiter)


def test_no_limit_needs_no_store() -> None:
    assert isinstance(limiter_for(object(), 0, 60.0, "salt"), MemoryLimiter)  # type: ignore[arg-type]
