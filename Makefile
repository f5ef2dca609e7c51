# pitboard: two commands.
#   make run   set everything up, build the database from the bundled data (first run only), start the web app
#   make test  set everything up (Debian's chromium included) and run the whole test suite (lint included)

PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint format docs bench clean

run: $(VENV)/.installed
	$(BIN)/pitboard ingest
	$(BIN)/pitboard serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-dev
	./scripts/ensure-chromium
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

docs: $(VENV)/.installed
	$(BIN)/python -c "from pitboard.schema import markdown_reference; print(markdown_reference())" > docs/schema.md

bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/web.py
	$(BIN)/python bench/claims.py
	$(BIN)/python bench/claims.py --labels bench/claims/holdout/labels.json

$(VENV)/.python-ok:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pitboard needs Python >= 3.11; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.python-ok pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist src/*.egg-info
