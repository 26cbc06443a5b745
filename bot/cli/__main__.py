"""``python -m bot.cli``: the ``casebot`` command."""

from bot.cli import main

main()
