# regkb — two commands do all the set-up:
#   make run    create .venv, install regkb, ingest corpus/ and serve the app on http://127.0.0.1:7860
#   make test   install what the tests need into the same .venv and run them
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.test-installed
# torch's CPU wheel; a looser requirement would pull a multi-GB CUDA build
TORCH := torch==2.13.0

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export HF_HUB_OFFLINE := 1
export REGKB_INDEX ?= $(CURDIR)/.regkb/index

.PHONY: run ingest serve test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_INSTALLED): $(INSTALLED)
	$(BIN)/pip install --quiet -e '.[test,dev]'
	@# the browser tests drive Debian's Chromium (no browser download); CJK fonts so Chinese renders in screenshots
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei >/dev/null; }
	touch $@

ingest: $(INSTALLED)
	$(BIN)/regkb ingest corpus

run: ingest
	$(BIN)/regkb serve

test: $(TEST_INSTALLED)
	$(BIN)/python -m pytest

lint: $(TEST_INSTALLED)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .regkb .pytest_cache
