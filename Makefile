# Two commands on a fresh machine: `make build` and `make test`.
# Each creates .venv and installs what it needs the first time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
OUT ?= build
# npm's axe-core, for the accessibility test in tests/site/test_browser.py
AXE_CORE := 4.14.1

.PHONY: build test lint typecheck pytest serve clean setup bench

$(STAMP): pyproject.toml scripts/system-deps.sh
	./scripts/system-deps.sh test
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_CORE)
	rm -f $(VENV)/.installed-*
	touch $@

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/servefirst build . --out $(OUT)

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

serve: $(STAMP)
	$(BIN)/servefirst serve .

bench: $(STAMP)  # not part of `make test`: about six minutes; writes bench/RESULTS.md
	$(BIN)/python bench/run.py

clean:
	rm -rf $(OUT) site
