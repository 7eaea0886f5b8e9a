# `make html` and `make test` are all a fresh machine needs: each makes .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
OUTPUT := output
PORT ?= 8000

.PHONY: html serve devserver publish test lint clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

html: $(INSTALLED)
	$(BIN)/pelican content -o $(OUTPUT) -s pelicanconf.py

serve: $(INSTALLED)
	$(BIN)/pelican -l -p $(PORT) -o $(OUTPUT) -s pelicanconf.py

devserver: $(INSTALLED)
	$(BIN)/pelican -lr -p $(PORT) content -o $(OUTPUT) -s pelicanconf.py

publish: $(INSTALLED)
	$(BIN)/pelican content -o $(OUTPUT) -s publishconf.py

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(OUTPUT) .cache .pytest_cache .mypy_cache
