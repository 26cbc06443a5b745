"""Keep-alive connections handed back after a number of requests, so workers share the load.

With ``casebot web --workers N`` the workers share one listening socket. A keep-alive
connection stays with the worker that accepted it, and a worker accepts every connection
pending when it looks: clients that connect at once can fall 18 / 2 on two workers, one
worker queueing while the other idles (the README's benchmark). nginx has the same knob for
its own clients (``keepalive_requests``): after a number of requests on one connection the
response says ``Connection: close``, the client connects again, and the new connection goes
to whichever worker accepts it then — over a load of many requests the connections, and
so the questions, spread over the workers.

Pure ASGI, no I/O: it counts requests per connection (the client's and the server's
address and port name one while it is open) and adds one header. Behind a proxy whose
X-Forwarded-For uvicorn trusts, ``scope["client"]`` is the end client's address, so the
count is per end client: the proxy's connection that carries its fifth request is the one
handed back — as often, on the whole, and the proxy keeps its own clients' connections.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Connections counted at once; the oldest is forgotten beyond this (a client that closed
# its connection itself leaves its count behind).
REMEMBERED = 4096


class HandBack:
    """Ask the client to reconnect (``Connection: close``) on every ``every``-th request of
    a keep-alive connection; ``every`` <= 0 never does."""

    def __init__(self, app: ASGIApp, every: int) -> None:
        self.app = app
        self.every = every
        self.counts: dict[tuple[object, object], int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] != "http" or self.every <= 0 or client is None:
            await self.app(scope, receive, send)
            return
        key = (tuple(client), tuple(scope.get("server") or ()))
        served = self.counts.pop(key, 0) + 1
        last = served >= self.every
        if not last:
            self.counts[key] = served  # re-inserted: the dict's order is the recency
            if len(self.counts) > REMEMBERED:
                del self.counts[next(iter(self.counts))]

        async def closing(message: Message) -> None:
            if last and message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"connection", b"close")]
            await send(message)

        await self.app(scope, receive, closing if last else send)


__all__ = ["REMEMBERED", "HandBack"]
