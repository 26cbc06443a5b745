"""bot.web.keepalive: a keep-alive connection is handed back every N requests (pure ASGI)."""

from __future__ import annotations

import asyncio

from starlette.types import Message, Receive, Scope, Send

from bot.web import keepalive
from bot.web.keepalive import HandBack


async def _ok(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"x", b"1")]})
    await send({"type": "http.response.body", "body": b"ok"})


def _closes(app: HandBack, client: tuple[str, int], kind: str = "http") -> bool:
    """One request on ``client``'s connection: whether its response says Connection: close."""
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    scope = {"type": kind, "client": client, "server": ("127.0.0.1", 8000)}
    asyncio.run(app(scope, receive, send))
    headers = sent[0].get("headers", []) if sent else []
    assert (b"x", b"1") in headers  # the application's own headers stay
    return (b"connection", b"close") in headers


def test_every_nth_request_of_a_connection_is_its_last() -> None:
    app = HandBack(_ok, every=3)
    one, two = ("10.0.0.1", 5000), ("10.0.0.1", 5001)
    assert [_closes(app, one) for _ in range(7)] == [False, False, True] * 2 + [False]
    # Another connection (another port) is counted on its own.
    assert [_closes(app, two) for _ in range(3)] == [False, False, True]


def test_never_when_off() -> None:
    app = HandBack(_ok, every=0)
    assert not any(_closes(app, ("10.0.0.1", 5000)) for _ in range(50))


def test_connections_that_went_away_are_forgotten(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(keepalive, "REMEMBERED", 4)
    app = HandBack(_ok, every=100)
    for port in range(10):
        _closes(app, ("10.0.0.1", port))
    assert len(app.counts) == 4
    assert ("10.0.0.1", 9) in {client for client, _ in app.counts}
