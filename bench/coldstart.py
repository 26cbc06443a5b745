"""Cold start: fresh processes, timed from the outside, and where their start-up time goes.

* ``casebot ask QUESTION --db <bundled index>`` vs ``python -c "import jieba;
  jieba.initialize()"`` — both fresh interpreters, runs interleaved so that
  machine noise hits both alike, one untimed warm-up each (it compiles
  ``.pyc`` files, fills the page cache and writes jieba's dictionary cache:
  "cold" here means a new process, not a cold disk);
* the bot from process start to its first ``getUpdates`` poll, against the
  local :class:`tests.bot.fake_bot_api.FakeBotAPI` — when that and the bot
  both exist;
* ``python -X importtime`` of one cold ``casebot ask``, summarised.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUESTION = "哪个部门修订了畜禽屠宰管理条例?"
JIEBA_CMD = [sys.executable, "-c", "import jieba; jieba.initialize()"]
ROOT = Path(__file__).resolve().parent.parent


def casebot_cmd() -> list[str]:
    """The installed ``casebot`` entry point of this interpreter, or ``python -m bot.cli``."""
    script = Path(sys.executable).parent / "casebot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def _run(cmd: list[str], timeout: float = 120) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return elapsed


@dataclass
class ColdStart:
    ask: list[float] = field(default_factory=list)
    jieba: list[float] = field(default_factory=list)
    ask_output: str = ""


def cold_start(db: Path, runs: int) -> ColdStart:
    """``runs`` timed fresh ``casebot ask`` and ``jieba.initialize()`` processes, interleaved."""
    ask = [*casebot_cmd(), "ask", QUESTION, "--db", str(db)]
    out = ColdStart()
    # Warm-ups (untimed): .pyc, page cache, jieba's dictionary cache in the temp dir.
    out.ask_output = subprocess.run(ask, capture_output=True, text=True, cwd=ROOT, check=True,
                                    timeout=120).stdout
    _run(JIEBA_CMD)
    for _ in range(runs):
        out.ask.append(_run(ask))
        out.jieba.append(_run(JIEBA_CMD))
    return out


# --- -X importtime ---------------------------------------------------------------------

_IMPORT_LINE = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)\s*$")


@dataclass(frozen=True)
class ImportCost:
    module: str
    self_us: int
    cumulative_us: int
    depth: int  # 0 = imported by the program itself, 1 = by a depth-0 module, …


@dataclass
class ImportProfile:
    wall: float
    costs: list[ImportCost]

    @property
    def total_us(self) -> int:
        """All import time: the sum of the depth-0 cumulative times."""
        return sum(c.cumulative_us for c in self.costs if c.depth == 0)

    def top_level(self, n: int) -> list[ImportCost]:
        """The costliest imports made directly by the program (cumulative)."""
        return sorted((c for c in self.costs if c.depth == 0),
                      key=lambda c: -c.cumulative_us)[:n]

    def by_package(self, n: int) -> list[tuple[str, int, str]]:
        """The costliest top-level packages (cumulative, first import) and who pulled them in.

        Cumulative times nest (pydantic_settings includes pydantic), so the
        figures overlap; they say what deferring that import would save.
        """
        best: dict[str, ImportCost] = {}
        parent: dict[str, str] = {}
        stack: list[ImportCost] = []
        # importtime prints children before their parent; walk backwards to
        # see each parent before its children.
        for c in reversed(self.costs):
            while stack and stack[-1].depth >= c.depth:
                stack.pop()
            root = c.module.split(".")[0]
            if c.module == root and (root not in best or c.cumulative_us > best[root].cumulative_us):
                best[root] = c
                parent[root] = next((s.module for s in reversed(stack)
                                     if s.module.split(".")[0] != root), "(program)")
            stack.append(c)
        ranked = sorted(best.values(), key=lambda c: -c.cumulative_us)[:n]
        return [(c.module, c.cumulative_us, parent[c.module]) for c in ranked]


def import_profile(db: Path) -> ImportProfile:
    """One cold ``casebot ask`` under ``python -X importtime``."""
    cmd = casebot_cmd()
    if cmd[0] != sys.executable:
        cmd = [sys.executable, *cmd]
    cmd = [cmd[0], "-X", "importtime", *cmd[1:], "ask", QUESTION, "--db", str(db)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True, timeout=120)
    wall = time.perf_counter() - start
    costs = []
    for line in proc.stderr.splitlines():
        m = _IMPORT_LINE.match(line)
        if m:
            costs.append(ImportCost(m.group(4), int(m.group(1)), int(m.group(2)),
                                    (len(m.group(3)) - 1) // 2))
    return ImportProfile(wall, costs)


# --- the bot: process start → first getUpdates -------------------------------------------

def bot_start(db: Path, runs: int, timeout: float = 60.0) -> list[float] | str:
    """Seconds from ``casebot bot`` process start to its first ``getUpdates``, or why n/a."""
    if importlib.util.find_spec("bot.telegram") is None or \
            importlib.util.find_spec("bot.telegram.app") is None:
        return "n/a — the bot (bot.telegram.app) is not in the tree yet"
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    try:
        from tests.bot.fake_bot_api import FakeBotAPI
    except Exception as exc:  # any failure means "cannot measure"; the report says why
        return f"n/a — tests/bot/fake_bot_api.py cannot be imported ({exc})"
    times: list[float] = []
    for _ in range(runs):
        with FakeBotAPI() as api, tempfile.TemporaryDirectory() as cwd, \
                tempfile.TemporaryFile("w+") as err:
            env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token,
                   "TELEGRAM_BASE_URL": api.base_url, "TELEGRAM_BASE_FILE_URL": api.base_file_url,
                   "CASEBOT_DB": str(db)}
            env.pop("TELEGRAM_WEBHOOK_URL", None)  # polling, whatever the caller's env says
            # A temporary cwd: no project .env can point the bot elsewhere.  stderr to
            # a file: a chatty bot must not block on a full pipe.
            started = time.time()
            proc = subprocess.Popen([*casebot_cmd(), "bot", "--db", str(db)], cwd=cwd, env=env,
                                    stdout=subprocess.DEVNULL, stderr=err)
            try:
                outcome = _first_poll(api, proc, started, timeout)
            finally:
                if proc.poll() is None:
                    proc.terminate()  # the bot shuts down cleanly on SIGTERM
                    try:
                        proc.wait(timeout=15)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
            if isinstance(outcome, str):
                err.seek(0)
                last = " ".join(err.read().strip().splitlines()[-1:])
                return f"n/a — {outcome}" + (f" ({last[:200]})" if last else "")
            times.append(outcome)
    return times


def _first_poll(api: Any, proc: subprocess.Popen[bytes], started: float,
                timeout: float) -> float | str:
    """Seconds to the first getUpdates call, or what went wrong instead."""
    deadline = time.monotonic() + timeout
    while True:
        polls = api.calls_of("getUpdates")
        if polls:
            return float(polls[0].time - started)  # stamped by the server on arrival
        if proc.poll() is not None:
            return f"the bot exited with status {proc.returncode} before polling"
        if time.monotonic() > deadline:
            return f"no getUpdates call within {timeout:.0f} s"
        time.sleep(0.01)
