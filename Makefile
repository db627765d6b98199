# make run   installs everything into .venv, starts the gRPC server and calls it once
# make test  installs everything into .venv and runs the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install browser run test bench

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip

install: $(BIN)/python browser
	$(BIN)/pip install -e '.[dev]'

# The review page's browser test needs Debian's chromium and chromium-driver: installed when
# missing and root with apt-get is available; otherwise that test is skipped and says why.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } \
	      || echo "could not install chromium: the review browser test will be skipped" >&2; \
	  else echo "chromium/chromedriver missing and no root apt-get: the review browser test will be skipped" >&2; fi; \
	fi

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

# Every benchmark beside Presidio (bench/suite.py): analysis, check, gRPC, batch. The default is
# the README-sized run; `make bench BENCH_ARGS=--quick` runs each at a small size (at most ~12
# minutes on 2 cores); BENCH_ARGS='--quick --json bench.json' also writes every number.
BENCH_ARGS ?=

bench: install
	$(BIN)/python bench/suite.py $(BENCH_ARGS)

# Each atheris harness under fuzz/ for FUZZ_SECONDS, niced; the corpus (seeded from
# ../shared/corpora) grows in fuzz/corpus/NAME/, crashing inputs go to fuzz/crashes/.
FUZZ_SECONDS ?= 1800
FUZZ_TARGETS ?= core jsonl grpc_request policy

fuzz: install
	$(BIN)/pip install -e '.[dev,fuzz]'
	@for target in $(FUZZ_TARGETS); do \
	  echo "--- fuzz/fuzz_$$target.py for $(FUZZ_SECONDS) s" >&2; \
	  nice -n 15 $(BIN)/python fuzz/fuzz_$$target.py -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    -timeout=30 -print_final_stats=1 || exit 1; \
	done
