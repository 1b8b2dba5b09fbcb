#!/usr/bin/env bash
# Runs the pytest suite on SQLite, then again on PostgreSQL when DATABASE_URL
# (or TEST_DATABASE_URL, which wins) names one. Says loudly what it skipped.
#
# On each database the suite runs in two passes: everything but the browser
# tests on two workers (the machines have two cores), then the browser tests
# in one process of their own. Browser tests commit data for the live server
# and flush the database afterwards, which must not interleave with the
# rolled-back tests of a shared worker.
# The main pass runs on a clock started at 23:30 (tests/conftest.py --clock):
# on SQLite in the practice's own zone (Asia/Kolkata, ahead of UTC), on
# PostgreSQL with the practice in a zone behind UTC, where 23:30 is already
# tomorrow in UTC; the machine's own zone (TZ) is another one each time. A test
# mixing UTC and local dates fails on every run, not only at night. Browser tests run on the real clock (Chromium's is not frozen).
# Extra arguments go to both passes (e.g. -x, -k name).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PG_URL="${TEST_DATABASE_URL:-${DATABASE_URL:-}}"
WORKERS="${PYTEST_WORKERS:-2}"
status=0

run_pass() {  # label, then pytest arguments
  local label=$1; shift
  local code=0
  "$@" || code=$?
  if [ $code -eq 5 ]; then echo "!! no tests ran: $label"; code=1; fi
  [ $code -ne 0 ] && status=$code
  return 0
}

run_suite() {  # database label, practice's zone, machine's zone; DATABASE_URL is set (or unset) by the caller
  local db=$1 zone=$2 machine_zone=$3; shift 3
  echo "==> Python suite on $db, from 23:30 in $zone (machine in $machine_zone)"
  run_pass "$db, main pass" env DJANGO_SETTINGS_MODULE=cms.settings.test TIME_ZONE="$zone" TZ="$machine_zone" \
    $PY -m pytest -m "not browser" -n "$WORKERS" --clock 23:30 "$@"
  echo "==> Browser tests on $db"
  run_pass "$db, browser pass" env DJANGO_SETTINGS_MODULE=cms.settings.test \
    $PY -m pytest -m browser -p no:xdist "$@"
}

(unset DATABASE_URL TEST_DATABASE_URL; run_suite SQLite Asia/Kolkata America/Los_Angeles "$@"; exit $status) || status=$?

if [[ "$PG_URL" == postgres* ]]; then
  (export DATABASE_URL="$PG_URL"; run_suite "PostgreSQL (${PG_URL%%@*}@...)" America/Los_Angeles Asia/Kolkata "$@"; exit $status) || status=$?
else
  echo ""
  echo "########################################################################"
  echo "!! PostgreSQL suite SKIPPED: neither TEST_DATABASE_URL nor DATABASE_URL"
  echo "!! names a PostgreSQL database. Set e.g."
  echo "!!   DATABASE_URL=postgres://postgres@127.0.0.1:5432/cms make test"
  echo "########################################################################"
fi

if [ -z "${TEST_REDIS_URL:-}" ]; then
  echo ""
  echo "########################################################################"
  echo "!! Redis part of tests/operations/test_several_workers.py SKIPPED:"
  echo "!! TEST_REDIS_URL is not set. Set e.g."
  echo "!!   TEST_REDIS_URL=redis://127.0.0.1:6379/15 make test"
  echo "########################################################################"
fi
exit $status
