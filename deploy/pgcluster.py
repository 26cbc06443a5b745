"""A throw-away PostgreSQL cluster from the machine's own binaries (tests, benchmark, trials).

``initdb`` and ``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` (Debian's layout) or
the ``PATH``; when running as root they run as the ``postgres`` user, as
PostgreSQL refuses root.  The cluster lives in a fresh directory under the
system temp dir (pytest's own tmp dirs are private to root), listens on
127.0.0.1 at a free port and on a Unix socket in that directory, trusts local
connections, and is gone after :meth:`PgCluster.stop`.

    python -m deploy.pgcluster      # start one, print its URL, stop on Enter
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

INSTALL_HINT = ("PostgreSQL's server binaries (initdb, pg_ctl) were not found. Install them "
                "with deploy/ensure-system-packages.sh (apt-get install postgresql).")


def find_bindir() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl`` (the newest Debian version first)."""
    env = os.environ.get("CASEBOT_PG_BINDIR")
    candidates = [env] if env else []

    def version(path: str) -> tuple[int, ...]:
        part = Path(path).parent.name
        return tuple(int(x) for x in part.split(".") if x.isdigit())

    candidates += [str(Path(p).parent) for p in sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: version(str(Path(p).parent)),
        reverse=True)]
    found = shutil.which("initdb")
    if found:
        candidates.append(str(Path(found).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """One PostgreSQL server on loopback, in a directory of its own."""

    def __init__(self, bindir: Path | None = None) -> None:
        found = bindir or find_bindir()
        if found is None:
            raise RuntimeError(INSTALL_HINT)
        self.bindir = found
        self.base = Path(tempfile.mkdtemp(prefix="casebot-pg-"))
        self.data = self.base / "data"
        self.port = free_port()
        self.user = "postgres"
        self._as_postgres = os.geteuid() == 0
        self.started = False

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(a) for a in args]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> PgCluster:
        if self._as_postgres:
            shutil.chown(self.base, "postgres", "postgres")
        self._run(self.bindir / "initdb", "-D", str(self.data), "-U", self.user, "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=500 -c shared_buffers=64MB")
        result = self._run(self.bindir / "pg_ctl", "-D", str(self.data), "-l",
                           str(self.base / "server.log"), "-o", options, "-w", "-t", "60",
                           "start", check=False)
        if result.returncode != 0:
            log = (self.base / "server.log")
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {result.stderr}{tail}")
        self.started = True
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new, empty database; its SQLAlchemy URL."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.user,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.started:
            self._run(self.bindir / "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w",
                      "stop", check=False)
            self.started = False
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    with PgCluster() as cluster:
        url = cluster.create_database("casebot")
        print(url, flush=True)
        try:
            input("PostgreSQL is running; press Enter to stop it.\n")
        except (EOFError, KeyboardInterrupt):
            time.sleep(0)


if __name__ == "__main__":
    main()
