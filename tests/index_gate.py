"""A re-index the test holds open: proof that X happens *while* a re-index runs,
whatever the machine's speed.

The writer reports its stages through its ``progress`` callback; the stage
``("write", 0, 1)`` is reported inside the write transaction, after the new rows
are in and before the commit.  :class:`IndexGate` stops a writer there until the
test releases it:

* in this process, :meth:`IndexGate.progress` is passed to ``Casebot.index``;
* in a child process (``casebot index``, ``casebot bot``), :meth:`IndexGate.env`
  puts ``tests/gate_hook`` first on ``PYTHONPATH``; its ``sitecustomize`` wraps
  every ``IndexWriter``'s progress with the same gate, signalled through files.

Nothing here changes casebot's own code: the hook is the test's.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

ENV = "CASEBOT_TEST_INDEX_GATE"
STAGE_ENV = "CASEBOT_TEST_INDEX_GATE_STAGE"  # where to hold: "write" (default) or "read"
HOOK_DIR = Path(__file__).resolve().parent / "gate_hook"
REPO = Path(__file__).resolve().parents[1]
HOLD_LIMIT = 300.0  # a forgotten gate must not hang a child process for ever


class IndexGate:
    """Files in ``folder``: ``entered`` (the writer is held), ``release`` (let it go)."""

    def __init__(self, folder: Path, stage: str = "write") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.stage = stage  # "write": inside the transaction; "read": documents being read
        self.folder = folder
        self.entered = folder / "entered"
        self.released = folder / "release"

    # -- the test's side ---------------------------------------------------------------
    def env(self) -> dict[str, str]:
        """Environment for a child process whose re-indexes this gate holds."""
        return {ENV: str(self.folder), STAGE_ENV: self.stage,
                "PYTHONPATH": os.pathsep.join([str(HOOK_DIR), str(REPO)])}

    def wait_entered(self, timeout: float = 120.0) -> None:
        """Block until a writer is held inside its transaction (fails after ``timeout``:
        a bound against hanging, not an expectation of speed)."""
        deadline = time.monotonic() + timeout
        while not self.entered.exists():
            if time.monotonic() > deadline:
                raise AssertionError(f"no re-index reached its write transaction in {timeout}s")
            time.sleep(0.02)

    def release(self) -> None:
        self.released.touch()

    # -- the writer's side -------------------------------------------------------------
    def hold(self) -> None:
        self.entered.touch()
        deadline = time.monotonic() + HOLD_LIMIT
        while not self.released.exists() and time.monotonic() < deadline:
            time.sleep(0.02)

    def progress(self, stage: str, done: int, total: int) -> None:
        """An ``IndexWriter`` progress callback that holds the write transaction."""
        if (stage == self.stage == "write" and done == 0) or (stage == self.stage == "read" \
                and done == 1):
            self.hold()


def install_from_env() -> None:
    """Wrap ``IndexWriter`` so that its write transaction waits on the gate named by
    :data:`ENV` (called by ``tests/gate_hook/sitecustomize.py`` in child processes)."""
    folder = os.environ.get(ENV)
    if not folder:
        return
    from indexer.writer import IndexWriter

    gate = IndexGate(Path(folder), os.environ.get(STAGE_ENV, "write"))
    original = IndexWriter.__init__

    def __init__(self: IndexWriter, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        inner = self.progress

        def progress(stage: str, done: int, total: int) -> None:
            inner(stage, done, total)
            gate.progress(stage, done, total)

        self.progress = progress

    IndexWriter.__init__ = __init__  # type: ignore[method-assign]
