#!/usr/bin/env bash
# Runs the pytest suite on SQLite, then again on PostgreSQL when DATABASE_URL
# (or TEST_DATABASE_URL, which wins) names one. Says loudly what it skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# Two workers: the machines this runs on have two cores.
if [ $# -eq 0 ]; then set -- -n "${PYTEST_WORKERS:-2}"; fi
PG_URL="${TEST_DATABASE_URL:-${DATABASE_URL:-}}"
status=0

echo "==> Python suite on SQLite"
env -u DATABASE_URL -u TEST_DATABASE_URL DJANGO_SETTINGS_MODULE=cms.settings.test \
  $PY -m pytest "$@" || status=$?
[ $status -eq 5 ] && { echo "!! no tests ran on SQLite"; status=1; }

if [[ "$PG_URL" == postgres* ]]; then
  echo "==> Python suite on PostgreSQL (${PG_URL%%@*}@...)"
  pg_status=0
  DATABASE_URL="$PG_URL" DJANGO_SETTINGS_MODULE=cms.settings.test $PY -m pytest "$@" || pg_status=$?
  [ $pg_status -eq 5 ] && { echo "!! no tests ran on PostgreSQL"; pg_status=1; }
  [ $pg_status -ne 0 ] && status=$pg_status
else
  echo ""
  echo "########################################################################"
  echo "!! PostgreSQL suite SKIPPED: neither TEST_DATABASE_URL nor DATABASE_URL"
  echo "!! names a PostgreSQL database. Set e.g."
  echo "!!   DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms make test"
  echo "########################################################################"
fi
exit $status
