"""``python -m bench [--quick]``: the casebot benchmark (see ``bench/run.py`` for what it measures).

The full run writes ``bench/results.md`` (committed); ``--quick`` measures a
small slice with fewer repetitions, finishes in well under a minute, and
writes ``bench/results-quick.md`` (git-ignored) so it never overwrites the
committed figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="bundled + 2%% of the news corpus, fewer repetitions (< 60 s)")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the Markdown report (default: bench/results.md, "
                             "or bench/results-quick.md with --quick)")
    args = parser.parse_args(argv)
    out = args.out or HERE / ("results-quick.md" if args.quick else "results.md")

    # Imported here so `--help` stays instant.
    from bench.news import CorpusUnavailable
    from bench.run import log, run

    try:
        ok = run(args.quick, out)
    except CorpusUnavailable as exc:
        log(f"error: {exc}")
        return 2
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
