# make run   installs everything into .venv and runs the main job
# make test  installs everything into .venv and runs the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test bench

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -e '.[dev]'

run: install
	$(BIN)/redactor redact --policy export < tests/data/sample_note.txt

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/analysis_throughput.py
