"""The settings (``bot/settings.py``) and their documentation (``.env.example``) agree:
every key is listed with a comment above it, and nothing listed is unknown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.M)


def listed() -> dict[str, int]:
    """The keys of .env.example (set or commented out), with their line numbers."""
    lines = (ROOT / ".env.example").read_text("utf-8").splitlines()
    return {m.group(1): i for i, line in enumerate(lines) if (m := KEY.match(line))}


def test_every_setting_is_listed_in_env_example() -> None:
    keys = {name.upper() for name in Settings.model_fields}
    assert keys - listed().keys() == set()


def test_nothing_unknown_is_listed() -> None:
    keys = {name.upper() for name in Settings.model_fields}
    assert listed().keys() - keys == set()


def commented(lines: list[str], at: int) -> bool:
    """Whether the key on line ``at`` has a comment in its block (back to a blank line)."""
    i = at - 1
    while i >= 0 and lines[i].strip():
        if lines[i].startswith("#") and not KEY.match(lines[i]):
            return True
        i -= 1
    return False


@pytest.mark.parametrize(("text", "expected"), [
    ("# Why.\nA=1", True), ("# Why.\n# B=2\nA=1", True), ("A=1", False),
    ("# Why.\n\nA=1", False), ("# B=2\nA=1", False)])
def test_commented(text: str, expected: bool) -> None:
    lines = text.splitlines()
    assert commented(lines, len(lines) - 1) is expected


def test_every_listed_key_has_a_comment_above_it() -> None:
    lines = (ROOT / ".env.example").read_text("utf-8").splitlines()
    assert [key for key, at in listed().items() if not commented(lines, at)] == []


@pytest.mark.parametrize("value", ["0", "65", "two"])
def test_web_workers_out_of_range_is_refused(value: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOT_WEB_WORKERS", value)
    with pytest.raises(ValidationError, match="casebot_web_workers"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_web_workers_default_to_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEBOT_WEB_WORKERS", raising=False)
    assert Settings(_env_file=None).casebot_web_workers == 1  # type: ignore[call-arg]
