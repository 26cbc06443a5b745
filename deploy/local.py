"""Running deploy/ on one machine without installing it: what the deployment test does.

The nginx configuration (``deploy/nginx/casebot.conf``) says which instances there
are — one ``server`` line per instance in each upstream — and the systemd units
(``deploy/systemd/*.service``) say how each is started.  :func:`plan` reads both,
gives every instance and nginx a free loopback port, and returns the rendered
configuration and the command line of each instance, so the test runs the very
files an operator installs.  Adding an instance is one ``server`` line.

:class:`Nginx` runs Debian's nginx in the foreground with that configuration, in
a directory of its own (pid, logs, temp files).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from deploy.pgcluster import free_port

DEPLOY = Path(__file__).resolve().parent
NGINX_CONF = DEPLOY / "nginx" / "casebot.conf"
UNITS = {"casebot_bot": DEPLOY / "systemd" / "casebot-bot@.service",
         "casebot_web": DEPLOY / "systemd" / "casebot-web@.service"}

_UPSTREAM = re.compile(r"upstream\s+(\w+)\s*\{(.*?)\}", re.S)
_SERVER = re.compile(r"^(\s*server\s+)(127\.0\.0\.1:\d+)", re.M)
_LISTEN = re.compile(r"^(\s*listen\s+)127\.0\.0\.1:(\d+)", re.M)


@dataclass
class Instance:
    """One casebot process behind nginx."""

    kind: str  # the upstream it serves: casebot_bot, casebot_web
    port: int
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)


def unit_command(unit: Path, instance: str) -> tuple[list[str], dict[str, str]]:
    """A systemd template unit's ``ExecStart`` and ``Environment=`` with ``%i`` = ``instance``."""
    argv: list[str] = []
    env: dict[str, str] = {}
    for line in unit.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        value = value.replace("%i", instance)
        if key == "ExecStart":
            argv = shlex.split(value)
        elif key == "Environment":
            for item in shlex.split(value):
                name, _, setting = item.partition("=")
                env[name] = setting
    if not argv:
        raise ValueError(f"{unit}: no ExecStart")
    return argv, env


def plan(casebot: list[str], conf: Path = NGINX_CONF) -> tuple[str, int, list[Instance]]:
    """``(nginx configuration, nginx port, instances)`` on free loopback ports.

    ``casebot`` replaces the units' ``/opt/casebot/.venv/bin/casebot`` (the test's
    interpreter and code).
    """
    text = conf.read_text(encoding="utf-8")
    instances: list[Instance] = []
    out, last = [], 0
    for block in _UPSTREAM.finditer(text):
        name, body = block.group(1), block.group(2)
        start = block.start(2)
        for server in _SERVER.finditer(body):
            port = free_port()
            argv, env = unit_command(UNITS[name], str(port))
            instances.append(Instance(name, port, [*casebot, *argv[1:]], env))
            out.append(text[last:start + server.start(2)])
            out.append(f"127.0.0.1:{port}")
            last = start + server.end(2)
    out.append(text[last:])
    listen = free_port()
    rendered = _LISTEN.sub(lambda m: f"{m.group(1)}127.0.0.1:{listen}", "".join(out))
    return rendered, listen, instances


def find_nginx() -> str | None:
    return shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists()
                                     else None)


class Nginx:
    """nginx in the foreground with one site configuration, in ``workdir``."""

    def __init__(self, site: str, port: int, workdir: Path) -> None:
        binary = find_nginx()
        if binary is None:
            raise RuntimeError("nginx was not found. Install it with "
                               "deploy/ensure-system-packages.sh (apt-get install nginx).")
        self.binary = binary
        self.port = port
        self.workdir = workdir
        for sub in ("tmp", "logs"):
            (workdir / sub).mkdir(parents=True, exist_ok=True)
        (workdir / "casebot.conf").write_text(site, encoding="utf-8")
        user = "user root;\n" if os.geteuid() == 0 else ""  # workers can reach the temp dir
        temp = "\n".join(f"    {kind}_temp_path {workdir}/tmp/{kind};" for kind in
                         ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (workdir / "nginx.conf").write_text(
            f"{user}worker_processes 1;\ndaemon off;\npid {workdir}/nginx.pid;\n"
            f"error_log {workdir}/logs/error.log info;\n"
            "events { worker_connections 512; }\n"
            f"http {{\n    access_log {workdir}/logs/access.log;\n{temp}\n"
            f"    include {workdir}/casebot.conf;\n}}\n", encoding="utf-8")
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> Nginx:
        conf = str(self.workdir / "nginx.conf")
        error_log = str(self.workdir / "logs" / "startup.log")
        check = subprocess.run([self.binary, "-t", "-q", "-c", conf, "-e", error_log],
                               capture_output=True, text=True, timeout=30)
        if check.returncode != 0:
            raise RuntimeError(f"nginx -t failed: {check.stderr}")
        self.proc = subprocess.Popen([self.binary, "-c", conf, "-e", error_log],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.log()[-2000:]}")
            try:
                urllib.request.urlopen(f"{self.url}/nginx-is-up", timeout=2)
            except urllib.error.HTTPError:
                return self  # any HTTP answer: nginx is listening
            except OSError:
                time.sleep(0.05)
                continue
            return self
        raise RuntimeError("nginx did not start listening")

    def log(self) -> str:
        path = self.workdir / "logs" / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful: finish open requests
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


__all__ = ["Instance", "Nginx", "plan", "unit_command"]
