# The project's commands. `make run` and `make test` are the two set-up
# commands of the README; their names are relied on from outside.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# `make run` serves at HOST:PORT, e.g. `PORT=8821 make run`, `HOST=0.0.0.0 make run` (open it as localhost).
# The site record, the preview panel and every absolute address follow them.
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= cms.settings.dev

.PHONY: install run test test-python test-frontend lint bench frontend clean

## install: the venv, Python and npm packages, the frontend build (idempotent)
install: $(VENV)/.installed frontend

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

frontend:
	@if [ -f frontend/package.json ]; then $(MAKE) --no-print-directory -C frontend build; fi

## run: install, migrate, load the demo content and serve the site at HOST:PORT (printing the admin login last)
run: install
	$(PY) manage.py migrate --no-input
	HOST=$(HOST) PORT=$(PORT) $(PY) manage.py load_demo_content --hostname $(HOST) --port $(PORT)
	@echo ""
	@HOST=$(HOST) PORT=$(PORT) $(PY) manage.py runserver $(HOST):$(PORT)

## test: install, then lint, the frontend checks and the whole suite (SQLite, then PostgreSQL when DATABASE_URL is set)
test: install lint test-frontend test-python

## test-frontend: vitest, tsc, the generated API types' freshness and the first-visit JS budget
test-frontend:
	$(MAKE) --no-print-directory -C frontend test typecheck check-types size

## lint: ruff, formatting, the apps' dependency direction (pyproject.toml [tool.importlinter]), migrations
lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py makemigrations --check --dry-run

test-python:
	@bash tests/run_python_suites.sh

## bench: the benchmarks in bench/
bench: install
	@bash bench/run.sh

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist static
