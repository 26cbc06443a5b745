"""Serving the web application: in this process, or in several worker processes.

One process answers one question at a time — the answer core is CPU-bound Python, run on one
thread (:func:`bot.web.app.create_app`) — so a machine with more cores serves more clients
with more processes.  uvicorn's supervisor starts them; each worker builds its own settings,
index and application through :func:`app_from_environment`, its entry point, which reads the
index's place from ``CASEBOT_DB`` (the parent puts ``--db`` there).  Requests share nothing
in memory: each worker keeps its own caches; the question log is one SQLite file in WAL
mode (or the PostgreSQL server) that all write to; the request limit is counted in the
database on PostgreSQL, by each worker on SQLite (:func:`bot.web.limits.limiter_for`).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from fastapi import FastAPI

from bot.service import Casebot
from bot.settings import Settings
from bot.web.app import WebConfig, create_app

# uvicorn imports this in each worker (``factory=True``).
FACTORY = "bot.web.serve:app_from_environment"
READY = "casebot web: worker ready"  # a worker's line on stderr once it can answer
# Both ways: no access log (URLs hold the question, never logged at INFO), no Server header,
# the client address from X-Forwarded-For when a proxy on this machine sends it.
UVICORN_OPTIONS: dict[str, Any] = {"log_level": "warning", "access_log": False,
                                   "proxy_headers": True, "server_header": False}


def app_from_environment() -> FastAPI:
    """A worker's application: settings from the environment (``CASEBOT_DB`` set by the
    parent), the index opened as it is — the parent built or checked it — and warmed.

    Says so on stderr (:data:`READY`) when done: a worker takes connections only from then
    on, and keep-alive connections (a load test's, nginx's) stay with the worker that took
    them — whoever waits for the server to be whole waits for every worker's line."""
    settings = Settings()
    service = Casebot.open(settings.casebot_db, build=False)
    service.warm_up()
    app = create_app(service, WebConfig.from_settings(settings))
    print(f"{READY} (pid {os.getpid()})", file=sys.stderr, flush=True)
    return app


def serve(service: Casebot, settings: Settings, host: str, port: int, workers: int) -> None:
    """Serve until Ctrl-C: ``service`` (warmed by the caller) in this process when
    ``workers`` is 1; else it is closed, and ``workers`` processes each open the index
    again."""
    import uvicorn

    if workers == 1:
        uvicorn.run(create_app(service, WebConfig.from_settings(settings)), host=host,
                    port=port, **UVICORN_OPTIONS)
        return
    if settings.casebot_web_log_questions or settings.casebot_admin_token:
        # Created here, once: workers opening a missing log at the same moment would race
        # to create its table.
        service.log  # noqa: B018 — the property opens (and creates) the log
    service.close()
    # The workers are spawned: they inherit the environment, not this process's settings.
    os.environ["CASEBOT_DB"] = str(settings.casebot_db)
    # …and how many they are, which `--workers` may have said (bot.web.keepalive).
    os.environ["CASEBOT_WEB_WORKERS"] = str(workers)
    uvicorn.run(FACTORY, factory=True, workers=workers, host=host, port=port,
                **UVICORN_OPTIONS)


__all__ = ["FACTORY", "READY", "app_from_environment", "serve"]
