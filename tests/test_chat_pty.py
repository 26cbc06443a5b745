"""The terminal chat as a person uses it: a real pseudo-terminal, keys as a keyboard sends them.

Line editing and history come from ``readline``: the up arrow recalls the last
question (not ``^[[A`` typed into it), backspace edits, Ctrl-C drops the line and keeps
the chat, Ctrl-D leaves.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import pty
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

UP, BACKSPACE, CTRL_C, CTRL_D = "\x1b[A", "\x7f", "\x03", "\x04"


def _own_terminal() -> None:
    """In the child: a session of its own with the pty as its controlling terminal, so
    that Ctrl-C typed there is a SIGINT to the chat, as in a real terminal."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """The chat in a pty; ``screen`` is everything it printed (bounded waits only)."""

    def __init__(self, db: Path, env: dict[str, str], cwd: Path) -> None:
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "chat", "--db", str(db)], stdin=slave,
            stdout=slave, stderr=slave, env={**env, "TERM": "xterm"}, cwd=cwd,
            close_fds=True, preexec_fn=_own_terminal)
        os.close(slave)
        self.screen = ""
        # A read may end inside a character: decode incrementally, never byte by chunk.
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def read_until(self, text: str, count: int = 1, timeout: float = 60.0) -> None:
        if not self.saw(text, count, timeout):
            raise AssertionError(f"waited for {text!r} ×{count}; screen:\n{self.screen[-2000:]}")

    def saw(self, text: str, count: int = 1, timeout: float = 60.0) -> bool:
        """Whether ``text`` has been printed ``count`` times within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout  # a bound against hanging only
        while self.screen.count(text) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"chat ended; screen:\n{self.screen[-2000:]}")
                self.screen += self._decoder.decode(chunk)
        return True

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> int:
        try:
            return self.proc.wait(timeout=30)
        finally:
            os.close(self.master)


def test_line_editing_history_ctrl_c_and_ctrl_d(built_db_copy: Path, cli_env: dict[str, str],
                                                cli_home: Path) -> None:
    term = Terminal(built_db_copy, cli_env, cli_home)
    try:
        term.read_until("问> ")
        term.type("香梨xx" + BACKSPACE * 2 + "品牌价值多少?\r")  # edited before Enter
        term.read_until("170亿元")
        term.read_until("问> ", 2)
        term.type(UP + "\r")  # the last question again, from history
        term.read_until("170亿元", 2)
        assert "^[[A" not in term.screen
        term.read_until("问> ", 3)
        # Ctrl-C only once the line is on the screen: typed together, a busy machine may
        # deliver the interrupt before the line editor reads, and the terminal drops both.
        term.type("half a line")
        term.read_until("half a line")
        # Dropped; the chat goes on.  On a busy machine (three CPU hogs on two cores) one
        # Ctrl-C in a few went unseen until the next key — seemingly a race in Python's
        # readline between its signal check and its wait, not in the chat: press it
        # again, as a person would, a bounded number of times.
        for _ in range(3):
            term.type(CTRL_C)
            if term.saw("(Ctrl-D 或 /quit 退出)", timeout=10.0):
                break
        term.read_until("(Ctrl-D 或 /quit 退出)")
        term.read_until("问> ", 4)
        term.type(CTRL_D)
        assert term.close() == 0
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
    assert "Traceback" not in term.screen
