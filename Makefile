# Two commands for a fresh clone: `make run` and `make test` (only python3 and make needed).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint system-packages bench bench-quick clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## build the index, then the Telegram bot (token in .env) or a terminal chat
	$(BIN)/casebot run

# The whole suite in random order (the seed is printed), then the tests that prove
# "while a re-index runs" once more in reverse order: order-dependence shows at once.
ORDER_SENSITIVE := tests/bot/test_reindex_command.py tests/test_reindex_under_traffic.py

test: $(STAMP) lint system-packages  ## the whole suite
	@seed=$${SEED:-$$(date +%s)}; echo "test order: random, SEED=$$seed (make test SEED=$$seed repeats it)"; \
	$(BIN)/pytest -q -m "slow or not slow" -p randomly --randomly-seed=$$seed
	$(BIN)/pytest -q -p no:randomly --reverse $(ORDER_SENSITIVE)

system-packages:  ## PostgreSQL, nginx, Chromium, CJK fonts (Debian), installed when missing
	@deploy/ensure-system-packages.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)  ## the full benchmark; writes bench/results.md
	$(BIN)/python -m bench

bench-quick: $(STAMP)
	$(BIN)/python -m bench --quick

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
