# Reinstate: `make run` to use it, `make test` to check it. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
export PORT HOST
# Python keeps the modules it compiles (.pyc) for the next process: a machine that sets
# PYTHONDONTWRITEBYTECODE would have every test worker, every `reinstate` a test starts and the
# server compile Django and the app from source again (a second or more each).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: install translations messages notice-model system-deps run test test-suite screenshots lint format bench load clean

install: $(VENV)/.installed translations

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	# uv (from PyPI, pinned in constraints.txt) installs the pinned packages in a few seconds
	# where pip took half a minute. Like pip --no-compile, it leaves compiling to first import
	# (compiling all 1.1 GB at install took 15 s more than the modules a run imports).
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt uv
	$(BIN)/uv pip install -q --python $(BIN)/python -c constraints.txt -e '.[dev]'
	touch $@

# The Spanish catalogues compiled for Django (only those changed since the last time).
translations: $(VENV)/.installed
	$(BIN)/python scripts/compile-translations

# Extracts the strings marked for translation into the catalogues (needs GNU gettext).
messages: install
	scripts/make-messages

# Trains the notice reader's second opinion again (after a labelled set in
# reinstate/rules/notice/tests/notices/ changed): scikit-learn is needed for this alone.
notice-model: install
	$(BIN)/uv pip install -q --python $(BIN)/python -c constraints.txt -e '.[dev,model]'
	$(BIN)/python scripts/train-notice-model

# Debian packages the tests need: chromium (browser tests), poppler-utils (PDF pages).
system-deps:
	@scripts/install-system-deps

# The web server and, beside it, a worker for the queued packet builds: serve starts it and
# stops it on exit (Ctrl-C too); it also stops by itself if serve is killed.
run: install
	$(BIN)/reinstate serve --host $(HOST) --port $(PORT)

# Lint (mostly mypy, on one core) runs beside the suite, using the core a test worker leaves idle.
test: install system-deps
	@$(MAKE) --no-print-directory -j2 lint test-suite

# The suite alone, on two workers; DATABASE_URL picks PostgreSQL, otherwise SQLite.
# PYTEST_ARGS narrows it, e.g. PYTEST_ARGS="-m database" (.ci/run narrows the PostgreSQL pass).
PYTEST_ARGS ?=
test-suite: install
	REINSTATE_HOME=$$(mktemp -d) $(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

# The browser tests again, keeping a picture of every page they visit at 390 px in test-artifacts/.
screenshots: install system-deps
	REINSTATE_SCREENSHOTS=1 $(MAKE) --no-print-directory test-suite PYTEST_ARGS="-m browser"

lint: install
	$(BIN)/ruff check reinstate bench
	$(BIN)/ruff format --check reinstate bench
	$(BIN)/mypy reinstate bench
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/check-translations
	REINSTATE_HOME=$$(mktemp -d) $(BIN)/python -m django makemigrations --check --dry-run --settings=reinstate.settings

format: install
	$(BIN)/ruff check --fix reinstate bench
	$(BIN)/ruff format reinstate bench

bench: install system-deps
	$(BIN)/python -m bench

# Signed-in users against `reinstate serve` on loopback, waitress then gunicorn (bench/load.py):
# requests/s, p50/p95/p99, errors, server memory. DATABASE_URL set: on PostgreSQL (a fresh
# database on that server). A quick run: make load LOAD_USERS=10 LOAD_SECONDS=10
LOAD_USERS ?= 20,50
LOAD_SECONDS ?= 60
LOAD_SERVERS ?= waitress,gunicorn
load: install
	LOAD_USERS=$(LOAD_USERS) LOAD_SECONDS=$(LOAD_SECONDS) LOAD_SERVERS=$(LOAD_SERVERS) \
		$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) *.egg-info
