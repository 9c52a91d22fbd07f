# Two commands on a fresh machine: `make demo` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
LINTED := src tests $(wildcard bench)
# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
CHROMIUM ?= /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The suite runs on this many processes (pytest-xdist); 1 runs it in one process.
WORKERS ?= 2

.PHONY: install demo test test-pg lint browser-test messages bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)
	$(BIN)/ovoz i18n_compile --verbosity 0 >/dev/null

# The demo: fictional people in the real programme, served on 127.0.0.1 with the logins printed.
# In the demo a second factor is offered but not forced, so the printed logins work at once.
demo: install
	OVOZ_DEMO=true $(BIN)/ovoz demo
	OVOZ_DEMO=true OVOZ_REQUIRE_2FA=false $(BIN)/ovoz serve --host $(HOST) --port $(PORT)

# Lint, then the whole suite on the embedded database (SQLCipher), the `make demo` smoke test included.
# The browser tests are skipped here: `make browser-test` runs them.
test: install
	$(BIN)/ruff check $(LINTED)
	$(BIN)/pytest -n $(WORKERS)

# The same suite against PostgreSQL: 127.0.0.1:5432, trust auth, user postgres, database `test` by default
# (pytest-django creates and drops test_$$OVOZ_DB_NAME, so the database named itself is never touched).
PG_ENV = OVOZ_DB_ENGINE=postgres OVOZ_DB_NAME=$${OVOZ_DB_NAME:-test} OVOZ_DB_USER=$${OVOZ_DB_USER:-postgres} \
	OVOZ_DB_HOST=$${OVOZ_DB_HOST:-127.0.0.1} OVOZ_DB_PORT=$${OVOZ_DB_PORT:-5432}
test-pg: install
	@$(PG_ENV); if command -v pg_isready >/dev/null && ! pg_isready -q -h "$$OVOZ_DB_HOST" -p "$$OVOZ_DB_PORT"; then \
	  echo "PostgreSQL is not answering on $$OVOZ_DB_HOST:$$OVOZ_DB_PORT." >&2; exit 1; fi
	$(PG_ENV) $(BIN)/pytest -n $(WORKERS)

# Browser tests: Playwright for Python driving Debian's Chromium (installed here if missing) against
# a live server; screenshots land in test-artifacts/.
browser-test: install
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "Installing Debian's chromium for the browser tests…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi
	@$(BIN)/python -c 'import playwright' 2>/dev/null || $(BIN)/python -m pip install --quiet playwright
	OVOZ_BROWSER_TESTS=1 OVOZ_CHROMIUM=$(CHROMIUM) $(BIN)/pytest tests/browser

lint: install
	$(BIN)/ruff check $(LINTED)

# Re-extract the interface strings into the catalogs (needs GNU gettext; only for translators).
messages: install
	cd src/ovoz && ../../$(BIN)/django-admin makemessages --settings=ovoz.settings -l ru -l ky -l uz -l tg --no-location --ignore 'demo/*'

# Benchmarks (see bench/README.md and docs/PERFORMANCE.md): the full search corpus takes a few minutes.
bench: install
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_import.py
