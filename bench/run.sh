#!/usr/bin/env bash
# `make bench`: every benchmark in bench/, results in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
.venv/bin/python bench/api_bench.py "$@"
.venv/bin/python bench/load_bench.py
.venv/bin/python bench/load_bench.py --no-page-cache --steps 2 4 8
.venv/bin/python bench/fault_bench.py
.venv/bin/python bench/tracking_variants_bench.py
.venv/bin/python bench/lighthouse_bench.py
.venv/bin/python bench/schemathesis_run.py
