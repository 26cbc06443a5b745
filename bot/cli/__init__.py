"""casebot — answers questions about Chinese government case announcements with quoted, cited passages.

Every command reads its settings from the environment and ``.env``
(see ``.env.example``); the index lives in a per-user data directory
unless CASEBOT_DB or --db says otherwise.
"""

from __future__ import annotations

# Importing the command modules registers their commands on the group.
from bot.cli import asking, indexing, library, serving  # noqa: F401
from bot.cli.common import main

__all__ = ["main"]
