"""Rewrite the README's figure tables from the outputs of the commands that measure them.

    .venv/bin/python scripts/every_set.py --training > train.md
    .venv/bin/python scripts/every_set.py --held-out > held.md
    .venv/bin/python scripts/readme_tables.py every-set train.md held.md
    .venv/bin/python scripts/fit_confidence.py --dry-run --held-out > fit.log
    .venv/bin/python scripts/readme_tables.py gate fit.log
    .venv/bin/python -m bench.baseline > baseline.md
    .venv/bin/python scripts/readme_tables.py bm25 baseline.md

Each command rewrites the rows of one table only — the table its header names — and only the
figures, keeping each row's label.  (Until session 30 the held-out rows of the "Every set"
and gate tables showed BM25 figures: a rewrite by set name, not by table, had reached them.)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

README = ROOT / "README.md"
EVERY_SET_HEADER = "| set | role | questions | hit@1 | hit@3 | mrr | direct | wrong | oos_rejected |"
GATE_HEADER = "| held-out set | direct, no gate | wrong, no gate | direct, gated | wrong, gated |"
BM25_HEADER = "| set | casebot hit@1 | BM25 hit@1 | casebot hit@3 | BM25 hit@3 |"
# The README's labels of the sets named otherwise in the commands' outputs.
LABELS = {"dev": "development (`qa_dev.jsonl`)",
          "dev-news": "development questions over the news index"}

Row = list[str]


def cells(line: str) -> Row:
    """The cells of a Markdown table row."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def table_rows(text: str, width: int) -> dict[str, Row]:
    """The data rows of every table in ``text`` with ``width`` cells, by their first cell."""
    rows = (cells(line) for line in text.splitlines() if line.startswith("|"))
    return {r[0]: r for r in rows
            if len(r) == width and r[0] not in ("set", "") and not r[0].startswith("-")}


def rewrite_table(lines: list[str], header: str, row: Callable[[str], Row | None]) -> int:
    """Rewrite in place the rows of the table under ``header``: ``row(label)`` gives a row's
    new cells after its label (None leaves it as it is).  Returns how many were rewritten."""
    start = lines.index(header)
    done = 0
    for i in range(start + 2, len(lines)):
        if not lines[i].startswith("|"):
            break
        label = cells(lines[i])[0]
        new = row(label)
        if new is not None:
            lines[i] = "| " + " | ".join([label, *new]) + " |"
            done += 1
    return done


def named(label: str, names: Sequence[str]) -> str | None:
    """The set a row's label names: its name, or its name followed by a description."""
    return next((n for n in names if label == LABELS.get(n, n)
                 or label.startswith(LABELS.get(n, n) + " (")), None)


def every_set(lines: list[str], outputs: Sequence[str]) -> int:
    """The "Every set" table from `scripts/every_set.py` outputs."""
    rows: dict[str, Row] = {}
    for text in outputs:
        rows.update(table_rows(text, 9))

    def row(label: str) -> Row | None:
        name = named(label, list(rows))
        return rows[name][1:] if name else None

    return rewrite_table(lines, EVERY_SET_HEADER, row)


_GATE_LINE = re.compile(r"\| (\S+) \(held out\) \| direct ([\d.]+)  wrong ([\d.]+) \| "
                        r"direct ([\d.]+)  wrong ([\d.]+) \|")


def gate(lines: list[str], log: str) -> int:
    """The gate table from `scripts/fit_confidence.py --dry-run --held-out`."""
    rows = {m.group(1): list(m.groups()[1:]) for m in _GATE_LINE.finditer(log)}
    return rewrite_table(lines, GATE_HEADER, rows.get)


def _figure(x: float) -> str:
    return f"{x:g}" if x in (0.0, 1.0) else str(x)


def bm25(lines: list[str], output: str) -> int:
    """The held-out and development rows of the BM25 table from `python -m bench.baseline`;
    a pair at hit@3 where casebot does not lead is set in bold.  (The training rows are
    ranges over many sets, written by hand.)"""
    rows = {k: [float(x) for x in r[2:]] for k, r in table_rows(output, 6).items()
            if not r[1].startswith("skipped")}

    def row(label: str) -> Row | None:
        name = "dev" if label == "development" else label if label in rows else None
        if name is None:
            return None
        c1, b1, c3, b3 = rows[name]
        h3 = [_figure(c3), _figure(b3)]
        if name != "dev" and c3 <= b3:
            h3 = [f"**{x}**" for x in h3]
        return [_figure(c1), _figure(b1), *h3]

    return rewrite_table(lines, BM25_HEADER, row)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="table", required=True)
    e = sub.add_parser("every-set", help="the Every set table, from every_set.py outputs")
    e.add_argument("outputs", nargs="+", type=Path)
    g = sub.add_parser("gate", help="the gate table, from fit_confidence.py --held-out")
    g.add_argument("log", type=Path)
    b = sub.add_parser("bm25", help="the BM25 table, from bench.baseline")
    b.add_argument("output", type=Path)
    parser.add_argument("--readme", type=Path, default=README)
    args = parser.parse_args(argv)
    lines = args.readme.read_text(encoding="utf-8").splitlines()
    if args.table == "every-set":
        done = every_set(lines, [p.read_text(encoding="utf-8") for p in args.outputs])
    elif args.table == "gate":
        done = gate(lines, args.log.read_text(encoding="utf-8"))
    else:
        done = bm25(lines, args.output.read_text(encoding="utf-8"))
    args.readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{done} rows rewritten in {args.readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
