# Two commands on a fresh machine: `make demo` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install demo serve test test-pg lint browser-test clean-demo messages

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

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

# The same suite against PostgreSQL (127.0.0.1:5432, trust auth, database `test` by default).
test-pg: install
	OVOZ_DB_ENGINE=postgres OVOZ_DB_NAME=$${OVOZ_DB_NAME:-test} OVOZ_DB_USER=$${OVOZ_DB_USER:-postgres} $(BIN)/pytest

lint: install
	$(BIN)/ruff check src tests bench

# Re-extract the interface strings into the catalogs (needs GNU gettext; only for translators).
messages: install
	cd src/ovoz && ../../$(BIN)/django-admin makemessages --settings=ovoz.settings -l ru -l ky -l uz -l tg --no-location --ignore 'demo/*'
