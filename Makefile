# make run   installs everything into .venv, starts the gRPC server and calls it once
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

LISTEN ?= 127.0.0.1:50051

# The server runs in the foreground after the demonstration call; Ctrl-C stops it.
run: install
	@$(BIN)/redactor serve --listen $(LISTEN) & server=$$!; \
	trap 'kill -TERM $$server 2>/dev/null; wait $$server' INT TERM; \
	echo "--- calling the server at $(LISTEN) with tests/data/sample_note.txt (python -m redactor.client)" >&2; \
	$(BIN)/python -m redactor.client --address $(LISTEN) --wait 300 < tests/data/sample_note.txt \
	  || { kill -TERM $$server; wait $$server; exit 1; }; \
	echo "--- serving on $(LISTEN); Ctrl-C to stop" >&2; \
	wait $$server

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/analysis_throughput.py
