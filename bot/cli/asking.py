"""``casebot ask`` and ``casebot chat``: questions from the command line and the terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import click

from bot.cli.common import DbTarget, db_option, friendly_errors, main, open_index


@main.command()
@click.argument("question", required=False)
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON output (JSON Lines from stdin).")
@click.option("--top", default=3, show_default=True, type=click.IntRange(1, 20),
              help="How many passages to quote.")
@click.option("--explain", is_flag=True,
              help="Also print how it was answered: what each stage kept, dropped and scored.")
def ask(question: str | None, db: DbTarget | None, as_json: bool, top: int,
        explain: bool) -> None:
    """Answer QUESTION, or one question per line from stdin."""
    from bot.render import to_json_line, to_terminal

    with friendly_errors(db):
        service = open_index(db)
        questions = [question] if question is not None else (
            line.rstrip("\n") for line in sys.stdin)
        color = sys.stdout.isatty()
        for q in questions:
            # JSON Lines keep step with the input (line k out answers line k in, a blank
            # line gets an "empty" answer); the terminal just skips blank lines.
            if question is None and not q.strip() and not as_json:
                continue
            answer = service.answer(q, top=top)
            click.echo(to_json_line(answer) if as_json else to_terminal(answer, color))
            if explain:
                from bot.explain import explain as trace
                from bot.explain import format_stages

                # On stderr, so --json output stays one JSON document per line.
                click.echo(format_stages(trace(service.engine, q, top)), err=True)
            if not as_json and question is None:
                click.echo()


CHAT_HELP = """\
直接输入问题,回车提问(简体、繁體、拼音或英文都可以)。例如:
  哪个部门修订了畜禽屠宰管理条例?
  库尔勒香梨品牌价值多少?
命令:/help 帮助 · /original 切换原文/按提问字体显示 · /quit 或 Ctrl-D 退出。
↑/↓ 翻看以前的问题;粘贴多行时每行是一个问题,空行会被跳过。"""
_QUIT = {"/quit", "/exit", "/q", "quit", "exit", "退出", ":q"}
_HELP = {"/help", "/h", "/?", "help", "?", "？", "帮助", "幫助"}


@main.command()
@db_option
def chat(db: DbTarget | None) -> None:
    """A terminal chat over the index, with line editing and history.

    Type a question and press Enter.  /help shows help, /original switches between the
    document's own wording and the asker's script, /quit or Ctrl-D leaves.  Blank lines
    (also inside a pasted block of questions) are skipped.
    """
    from bot.render import to_terminal

    with friendly_errors(db):
        service = open_index(db)
        history = _readline_history()
        click.echo("casebot — 请提问(例如:哪个部门修订了畜禽屠宰管理条例?)。"
                   "/help 帮助,/quit 或 Ctrl-D 退出。")
        original = False
        try:
            while True:
                try:
                    q = input("问> ")
                except EOFError:
                    click.echo()
                    break
                except KeyboardInterrupt:  # as in a shell: drop the line, keep the chat
                    click.echo("\n(Ctrl-D 或 /quit 退出)")
                    continue
                command = q.strip().lower()
                if not command:
                    continue
                if command in _QUIT:
                    break
                if command in _HELP:
                    click.echo(CHAT_HELP)
                    continue
                if command in ("/original", "/原文"):
                    original = not original
                    click.echo("原文显示:开" if original else "原文显示:关(按提问的字体显示)")
                    continue
                try:
                    answer = service.answer(q)
                except KeyboardInterrupt:  # Ctrl-C while it answers: drop that question
                    click.echo("\n(已取消。Ctrl-D 或 /quit 退出)")
                    continue
                click.echo(to_terminal(answer, sys.stdout.isatty(), original))
                click.echo()
        finally:
            history()


def _readline_history() -> Callable[[], None]:
    """Line editing (arrows, Ctrl-A/E…) and a persistent history for ``input()``.

    The standard library's ``readline``: no dependency, and ``input()`` stays the
    one way lines are read, so a pasted block or a pipe behaves the same.  Returns
    the function that saves the history.
    """
    try:
        import readline
    except ImportError:  # e.g. Windows: plain input() still works
        return lambda: None
    from platformdirs import user_cache_dir

    path = Path(user_cache_dir("casebot")) / "chat_history"
    with suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(1000)

    def save() -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(path)
        except OSError:
            pass

    return save


__all__ = ["CHAT_HELP", "ask", "chat"]
