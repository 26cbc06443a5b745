"""Imported at start-up by child processes of tests that hold a re-index open
(``tests/index_gate.py``); does nothing unless the gate's variable is set."""

from tests.index_gate import install_from_env

install_from_env()
