"""Ctrl-C while the chat answers drops that question and keeps the chat (as a shell does)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import bot.cli.asking as asking
from bot.cli import main
from bot.reply import Answer


class Interrupted:
    """A service whose first answer is interrupted by Ctrl-C, the next answered."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def answer(self, question: str, top: int = 3) -> Answer:
        self.asked.append(question)
        if len(self.asked) == 1:
            raise KeyboardInterrupt
        return Answer(question=question, found=False, answer=None, passages=(),
                      message="文件中没有找到")


def test_ctrl_c_while_answering_keeps_the_chat(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    service = Interrupted()
    monkeypatch.setattr(asking, "open_index", lambda db: service)
    monkeypatch.setattr(asking, "_readline_history", lambda: (lambda: None))
    result = CliRunner().invoke(main, ["chat", "--db", str(tmp_path / "x.db")],
                                input="第一问\n第二问\n/quit\n")
    assert result.exit_code == 0, result.output
    assert service.asked == ["第一问", "第二问"]  # the chat went on after the interrupt
    assert "已取消" in result.output and "文件中没有找到" in result.output
    assert "Traceback" not in result.output and "Aborted" not in result.output
