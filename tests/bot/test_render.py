"""The terminal rendering mirrors the asker's script, as Telegram and the web page do:
the direct answer line, the quotes and the citations (issue #15, item 6)."""

from __future__ import annotations

import pytest

from bot.render import to_terminal
from bot.service import Casebot
from indexer.normalize import detect_script


@pytest.mark.parametrize(("question", "script"), [
    ("哪个部门修订了畜禽屠宰管理条例?", "simplified"),
    ("哪個部門修訂了畜禽屠宰管理條例?", "traditional"),
])
def test_every_line_in_the_askers_script(built_casebot: Casebot, question: str,
                                         script: str) -> None:
    answer = built_casebot.answer(question)
    assert answer.answer and answer.script == script
    lines = to_terminal(answer, color=False).splitlines()
    assert lines[0].startswith("答:")
    for line in lines:  # 答:…, [1] 「…」, —— citation: each in the asker's script
        assert detect_script(line) == script, line


def test_original_shows_the_documents_own_wording(built_casebot: Casebot) -> None:
    answer = built_casebot.answer("哪个部门修订了畜禽屠宰管理条例?")
    text = to_terminal(answer, color=False, original=True)
    assert "修訂《新疆維吾爾自治區畜禽屠宰管理條例》" in text  # the bundled text is traditional
