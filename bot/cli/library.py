"""``casebot docs`` and ``casebot eval``: what the index holds, and how well it answers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from bot.cli.common import CliError, DbTarget, db_option, friendly_errors, main, matches, open_index


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@main.command()
@db_option
@click.option("--grep", "pattern", metavar="TEXT",
              help="Only documents whose title, source or issuer contains TEXT (any script).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0),
              help="At most this many documents (0: all).")
@click.option("--json", "as_json", is_flag=True, help="JSON output (one array).")
def docs(db: DbTarget | None, pattern: str | None, limit: int, as_json: bool) -> None:
    """List the indexed documents with their metadata."""
    with friendly_errors(db):
        rows = open_index(db).searcher.documents()
    total = len(rows)
    if pattern:
        rows = [r for r in rows if matches(pattern, r)]
    shown = rows[:limit] if limit else rows
    if as_json:
        click.echo(json.dumps(shown, ensure_ascii=False, default=str, indent=1))
        return
    for r in shown:
        meta = " · ".join(str(r[k]) for k in ("issuer", "published", "batch", "format") if r[k])
        click.echo(f"[{r['id']}] {r['title']}  ({_plural(int(str(r['cases'])), 'case')}, "
                   f"{_plural(int(str(r['passages'])), 'passage')})")
        if meta:
            click.echo(f"     {meta}")
        click.echo(f"     {r['source']}")
    matching = f"{len(rows)} matching of {total}" if pattern else str(total)
    more = (f"; showing {len(shown)} (--limit 0 for all)" if len(shown) < len(rows) else "")
    click.echo(f"{matching} document{'s' if total != 1 else ''} in the index{more}.")


@main.command(name="eval")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Figures as JSON.")
def eval_(files: tuple[Path, ...], db: DbTarget | None, as_json: bool) -> None:
    """Score the answers on question sets (JSON Lines): hit@1, hit@3, MRR, correct and
    wrong direct answers, out-of-scope rejection.

    Exits 2 when a set's passages are not in the index (index its document first).
    """
    from bot.evaluate import (
        QuestionSetError,
        evaluate,
        expected_passages_found,
        format_report,
        load_questions,
    )

    with friendly_errors(db):
        service = open_index(db)
        missing = []
        for f in files:
            try:
                questions = load_questions(f)
            except QuestionSetError as exc:
                raise CliError(str(exc)) from exc
            held, total = expected_passages_found(questions, service.searcher.contains_text)
            if total and not held:
                missing.append(f)
                click.secho(f"warning: the index holds none of the {total} passages {f} "
                            f"expects — index its document first (casebot index --db DB "
                            f"DOCUMENT); its figures below measure nothing.", fg="yellow",
                            err=True)
            report = evaluate(questions, service.answer)
            if as_json:
                click.echo(json.dumps({"file": str(f), **report.figures()}, ensure_ascii=False))
            else:
                click.echo(format_report(report, str(f)))
    if missing:
        raise SystemExit(2)


__all__ = ["docs", "eval_"]
