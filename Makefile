# `make html` and `make test` are all a fresh machine needs: each makes .venv on first use,
# and `make test` also installs the npm tools of the accessibility checks into node_modules/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# axe-core and vnu.jar for the accessibility checks (docs/accessibility.md). Scripts are off:
# vnu-jar's would download a Java runtime, and the checks use the system's `java`.
NODE_INSTALLED := node_modules/.installed
OUTPUT := output
PORT ?= 8000

.PHONY: html serve devserver publish test lint clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(NODE_INSTALLED): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

html: $(INSTALLED)
	$(BIN)/pelican content -o $(OUTPUT) -s pelicanconf.py

serve: $(INSTALLED)
	$(BIN)/pelican -l -p $(PORT) -o $(OUTPUT) -s pelicanconf.py

devserver: $(INSTALLED)
	$(BIN)/pelican -lr -p $(PORT) content -o $(OUTPUT) -s pelicanconf.py

publish: $(INSTALLED)
	$(BIN)/pelican content -o $(OUTPUT) -s publishconf.py

test: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(OUTPUT) .cache .pytest_cache .mypy_cache node_modules
