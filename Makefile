# Kinfolio: `make demo` sets everything up and serves the demo; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
INSTALLED := $(VENV)/.installed
SEED ?= 2012
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000

.PHONY: help install validators demo serve demo-data test lint test-sqlite test-postgres test-browser test-large bench lock clean

help:
	@echo "make demo   set up, generate the demo authority and serve it on http://$(DEMO_HOST):$(DEMO_PORT)"
	@echo "make test   ruff, migrations check, pytest on SQLite and PostgreSQL, browser journeys"
	@echo "make bench  print the benchmark figures"

# The virtualenv, rebuilt when the lock file or the project metadata change.
$(INSTALLED): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Kinfolio needs $(PYTHON) (Python 3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(INSTALLED)

# The DfE's validators (SSDA903 and CIN census) in a virtualenv of their own: they pin
# old pandas and numpy, which Kinfolio's own environment must not take.
VALIDATORS := .venv-validators
$(VALIDATORS)/.installed: Makefile
	test -x $(VALIDATORS)/bin/python || $(PYTHON) -m venv $(VALIDATORS)
	$(VALIDATORS)/bin/python -m pip install --quiet --upgrade pip
	$(VALIDATORS)/bin/python -m pip install --quiet "csc-validator-be-903==0.1.17" \
		"csc-validator-be-cin==0.1.13" "pandas<2" "numpy<1.25" "govuk-bank-holidays<0.14"
	touch $@

validators: $(VALIDATORS)/.installed

# Regenerates requirements.lock from pyproject.toml (run after changing dependencies).
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
		--no-header --output-file requirements.lock

demo-data: install validators
	mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) generate_authority --size demo --seed $(SEED) --census-date $$(date +%F) --if-empty
	$(MANAGE) create_demo_users

demo: demo-data
	@echo "Kinfolio demo: http://$(DEMO_HOST):$(DEMO_PORT)/  (Ctrl+C to stop)"
	@# The background worker (validating returns) runs beside the server and stops with it.
	$(MANAGE) db_worker & worker=$$!; trap "kill $$worker" EXIT; \
		KINFOLIO_DEMO_2FA_EXEMPT=1 $(MANAGE) runserver $(DEMO_HOST):$(DEMO_PORT) --insecure

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

# The database suites run on every core (pytest-xdist; each worker has its own test
# database); the tests sharing the generated demo authority stay on one worker.
PYTEST_WORKERS ?= auto
PARALLEL := -n $(PYTEST_WORKERS) --dist loadgroup

test-sqlite: install validators
	@echo "=== pytest on SQLite (the whole-site URL walks run once, on PostgreSQL) ==="
	scripts/run-pytest -m "not browser and not large and not walk" $(PARALLEL)

# A query waiting two minutes on a lock fails with its statement named, where a test
# that deadlocked across two connections would otherwise hang the run.
test-postgres: install validators
	@echo "=== pytest on PostgreSQL (the checks marked sqlite_pass ran once, on SQLite) ==="
	KINFOLIO_PG_OPTIONS="-c lock_timeout=120s" \
		scripts/with-postgres scripts/run-pytest -m "not browser and not large and not sqlite_pass" $(PARALLEL)

# The large authority generated afresh and its invariants checked (minutes): a scale
# check, so it runs in `make bench`, not `make test`.
test-large: install
	@echo "=== the large authority's invariants, on PostgreSQL ==="
	scripts/with-postgres scripts/run-pytest -m large

test-browser: install
	@echo "=== browser journeys in Debian's Chromium ==="
	scripts/ensure-chromium
	scripts/run-pytest -m browser

test: lint test-sqlite test-postgres test-browser

# The large authority on a PostgreSQL cluster kept in var/bench/pg (generated once,
# minutes; reused after), then the demo authority on SQLite. BENCH="a b" runs only
# those modules of benchmarks/ (the authority is always made first).
BENCH ?=
BENCH_PG_OPTIONS ?= -c shared_buffers=1GB -c effective_cache_size=8GB -c work_mem=32MB \
	-c max_connections=200 -c random_page_cost=1.1
bench: install validators
	mkdir -p var/bench
	KINFOLIO_PG_DATA=$(CURDIR)/var/bench/pg KINFOLIO_PG_OPTIONS="$(BENCH_PG_OPTIONS)" \
		scripts/with-postgres $(BIN)/python -m benchmarks $(BENCH)
	KINFOLIO_BENCH_SIZE=demo DATABASE_URL=sqlite:///$(CURDIR)/var/bench/demo.sqlite3 \
		$(BIN)/python -m benchmarks $(or $(BENCH),load)
	$(if $(BENCH),,$(MAKE) test-large)

clean:
	rm -rf $(VENV) $(VALIDATORS) var test-artifacts
