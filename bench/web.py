"""``/api/ask`` under concurrent clients: a real ``casebot web`` process on loopback.

One server (as deployed: ``casebot web``, the request limit off for the run, the question
log on; ``workers`` answering processes), warmed by one sequential pass over the questions —
timed: that is the one-client figure (one keep-alive connection: one worker) — and then
``clients`` threads, each with its own keep-alive connection, asking the questions in turn
(each thread from another starting point) until each has made ``per_client`` requests or
``max_seconds`` have passed.  With several workers the load waits until each has said it is
ready.  Bounded in count and time, loopback only.  Any response other than 200 with the JSON
contract is an error.
"""

from __future__ import annotations

import collections
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, replace
from pathlib import Path

from bench.measure import Latency
from bot.web.serve import READY

STARTUP_SECONDS = 300.0  # a bound against a hang: opening the 100 % index takes seconds


@dataclass(frozen=True)
class Load:
    clients: int
    requests: int
    errors: int
    seconds: float  # wall time of the concurrent phase
    latency: Latency  # per request, seconds, as the clients saw it
    single: Latency  # one client, one request at a time (the warm-up pass)
    first_error: str | None = None
    workers: int = 1
    # How the clients' keep-alive connections fell to the workers, busiest first (from
    # ``ss`` while all were open; empty where it cannot tell).
    split: tuple[int, ...] = ()

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("casebot web did not start: "
                       + log.read_text("utf-8", "replace")[-2000:])


def _wait_workers(workers: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    """Until every worker has said it is ready: one that is still loading takes no
    connection, and a keep-alive client stays with the worker it reached first."""
    if workers <= 1:
        return
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and proc.poll() is None:
        if log.read_text("utf-8", "replace").count(READY) >= workers:
            return
        time.sleep(0.2)
    raise RuntimeError(f"not all {workers} workers of casebot web started: "
                       + log.read_text("utf-8", "replace")[-2000:])


def _path(question: str) -> str:
    return "/api/ask?" + urllib.parse.urlencode({"q": question})


def _ask(conn: http.client.HTTPConnection, path: str) -> str | None:
    """One request; None when it succeeded, else what went wrong."""
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        return f"{type(exc).__name__}: {exc}"
    if response.status != 200:
        return f"HTTP {response.status}: {body[:200]!r}"
    try:
        status = json.loads(body)["status"]
    except (ValueError, KeyError) as exc:
        return f"not the JSON contract: {exc}"
    return None if status in ("answered", "not_found", "empty") else f"status {status!r}"


def measure(db: Path, questions: list[str], workdir: Path, clients: int = 20,
            per_client: int = 50, max_seconds: float = 120.0,
            extra_env: dict[str, str] | None = None, workers: int = 1) -> Load:
    """Start ``casebot web --workers N`` over ``db`` and load ``/api/ask`` with ``clients``
    threads."""
    port = _free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "web-server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASEBOT_", "TELEGRAM_"))}
    env.update({"CASEBOT_WEB_RATE_LIMIT": "0", "PYTHONIOENCODING": "utf-8", **(extra_env or {})})
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "web", "--db", str(db),
                                 "--host", "127.0.0.1", "--port", str(port),
                                 "--workers", str(workers)],
                                cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_ready(port, proc, log)
        _wait_workers(workers, proc, log)
        paths = [_path(q) for q in questions]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        single: list[float] = []
        for path in paths:
            start = time.perf_counter()
            problem = _ask(conn, path)
            single.append(time.perf_counter() - start)
            if problem:
                raise RuntimeError(f"warm-up request failed: {problem}")
        conn.close()
        load = _concurrent(port, paths, clients, per_client, max_seconds, Latency(tuple(single)))
        return replace(load, workers=workers)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def _concurrent(port: int, paths: list[str], clients: int, per_client: int,
                max_seconds: float, single: Latency) -> Load:
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start_line = threading.Barrier(clients + 1)
    stop_at = [0.0]
    connected = threading.Semaphore(0)  # one release per client after its first answer

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        failed: list[str] = []
        start_line.wait()
        for i in range(per_client):
            if time.perf_counter() > stop_at[0]:
                break
            path = paths[(index * 7 + i) % len(paths)]
            start = time.perf_counter()
            problem = _ask(conn, path)
            mine.append(time.perf_counter() - start)
            if i == 0:
                connected.release()
            if problem:
                failed.append(problem)
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.close()
        with lock:
            samples.extend(mine)
            errors.extend(failed)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    began = time.perf_counter()
    stop_at[0] = began + max_seconds
    start_line.wait()
    split: tuple[int, ...] = ()
    if all(connected.acquire(timeout=max_seconds) for _ in range(clients)):
        split = connections_per_worker(port)
    for t in threads:
        t.join(timeout=max_seconds + 120)
    elapsed = time.perf_counter() - began
    return Load(clients, len(samples), len(errors), elapsed, Latency(tuple(samples)), single,
                errors[0] if errors else None, split=split)


def connections_per_worker(port: int) -> tuple[int, ...]:
    """The established connections to ``port`` each server process holds, busiest first,
    as ``ss`` reports them; empty when ``ss`` is missing or says nothing."""
    ss = shutil.which("ss")
    if ss is None:
        return ()
    try:
        out = subprocess.run([ss, "-tnpH", "state", "established", f"( sport = :{port} )"],
                             capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    counts = collections.Counter(re.findall(r"pid=(\d+)", out))
    return tuple(sorted(counts.values(), reverse=True))


__all__ = ["Load", "measure"]
