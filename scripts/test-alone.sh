#!/usr/bin/env bash
# Each test of the given files (default: the re-index tests) run alone, ROUNDS times
# (default 3), while every core is kept busy by another process: proof that a test
# needs no other test before it and no particular speed.  Prints one line per run and
# exits non-zero if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(tests/bot/test_reindex_command.py tests/test_reindex_under_traffic.py)
busy=()
for _ in $(seq "$(nproc)"); do yes > /dev/null & busy+=($!); done
trap 'kill "${busy[@]}" 2>/dev/null' EXIT
failed=0
mapfile -t tests < <(.venv/bin/pytest -q --collect-only -p no:randomly "${files[@]}" | grep "::")
for round in $(seq "$ROUNDS"); do
    for t in "${tests[@]}"; do
        line=$(.venv/bin/pytest -q -p no:randomly -p no:cacheprovider "$t" 2>&1 | tail -1)
        echo "round $round $t: $line"
        [[ $line == *failed* || $line == *error* ]] && failed=1
    done
done
exit $failed
