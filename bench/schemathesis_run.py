"""Schemathesis against every operation of ``/api/v3/openapi.json``, served by gunicorn on PostgreSQL.

Prepares a fresh PostgreSQL database with the demo site
(``api_bench.prepare_database``), serves it with gunicorn and production
settings on 127.0.0.1, and runs the schemathesis CLI over every operation with
all phases (the schema's examples, coverage of boundary and invalid values,
fuzzing, stateful sequences) and all checks, twice:

- as a visitor, without a token: the public read API and the public write
  endpoints (appointment requests, call-to-action events), as the frontend
  and anyone on the internet use them; staff reads must answer ``401``;
- as staff, with a superuser's API token, so the reads that need one (drafts,
  revisions, snippets, sites, locales) run past their ``401``. The API has no
  editing operations (``cms/api/read_only.py``); the database is thrown away
  all the same.

    .venv/bin/python bench/schemathesis_run.py --max-examples 100

Prints a summary and writes it to ``bench/results/schemathesis.md``: per pass,
operations tested, test cases generated, failures by check, and the exceptions
in the server's log. Needs a PostgreSQL server
(``BENCH_SCHEMATHESIS_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/bench_cms_schemathesis``). Exits non-zero
when a check failed in either pass.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import api_bench  # bench/api_bench.py: database preparation, server environment
import bench_results
import gunicorn_server

ROOT = api_bench.ROOT
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_cms_schemathesis"
PORT = 8767
PHASES = "examples,coverage,fuzzing,stateful"
CONFIG = ROOT / "bench" / "schemathesis.toml"  # which answers positive_data_acceptance takes, and why
CREATE_EDITOR = (
    "from django.contrib.auth import get_user_model;from wagtail.models import APIToken;"
    "u=get_user_model().objects.create_superuser('schemathesis','fuzz@example.com',None);"
    "print(APIToken.create_token(user=u,name='schemathesis')[1])"
)


def staff_token(env: dict) -> str:
    """A bearer token of a new superuser, hashed with the server's secret key (so ``env`` must be the server's)."""
    return api_bench.run(api_bench.PYTHON, "manage.py", "shell", "-c", CREATE_EDITOR, env=env).split()[-1]


def run_schemathesis(url: str, headers: list[str], args: argparse.Namespace, report: Path) -> float:
    """The schemathesis CLI over every operation, its verdict written to ``report`` (JSON). Seconds taken."""
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(CONFIG),
        "run",
        url,
        "--checks",
        "all",
        "--phases",
        PHASES,
        "--max-examples",
        str(args.max_examples),
        "--seed",
        str(args.seed),
        "--workers",
        str(args.workers),
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        "--report",
        "json",
        "--report-json-path",
        str(report),
        "--no-color",
    ]
    for header in headers:
        command += ["--header", header]
    if args.max_time:
        command += ["--max-time", str(args.max_time)]
    started = time.monotonic()
    # The CLI's own account (each failure with a curl command reproducing it) goes straight to the terminal.
    subprocess.run(command, cwd=ROOT, check=False)
    return time.monotonic() - started


def exceptions_in(log: str) -> Counter:
    """The exception ending each error in the log (``module.Error: message``, 160 characters), chained ones once."""
    found: Counter = Counter()
    for traceback in log.split("Traceback (most recent call last)")[1:]:
        if "During handling of the above exception" in traceback or "direct cause of the following" in traceback:
            continue  # the exception it led to follows, in the next traceback
        body = traceback.splitlines()[1:]  # after the header's own line
        lines = [line for line in body if line.strip() and not line.startswith((" ", "\t"))]
        found[lines[0][:160] if lines else "?"] += 1
    return found


def check_names() -> dict[str, str]:
    """The check that reports each kind of failure, by the failure's class name."""
    from schemathesis.checks import load_all_checks
    from schemathesis.core.failures import Failure

    load_all_checks()
    names, pending = {}, [Failure]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if getattr(cls, "checks", None):
            names[cls.__name__] = ", ".join(cls.checks)
    return names


def pass_markdown(name: str, report: dict, seconds: float, server_errors: Counter) -> list[str]:
    """One pass: its figures, every kind of failure with its check and operations, the server's exceptions."""
    operations, cases, failures = report["operations"] or {}, report["test_cases"], report["failures"]
    lines = [
        f"## {name}",
        "",
        "| figure | value |",
        "| --- | ---: |",
        f"| operations tested / in the schema | {operations.get('tested', 0)} / {operations.get('total', 0)} |",
        f"| test cases generated | {cases['generated']} |",
        f"| test cases with a failure | {cases['with_failures']} |",
        f"| server errors (5xx) | {sum(f['count'] for f in failures if f['type'] == 'ServerError')} |",
        f"| exceptions in the server log | {sum(server_errors.values())} |",
        f"| errors (schema, network) | {sum(e['count'] for e in report['errors'])} |",
        f"| stop reason, exit status | {report['stop_reason']}, {report['exit_code']} |",
        f"| run time | {seconds:.0f} s |",
        "",
    ]
    if failures:
        checks = check_names()
        lines += ["| check | failure | count | operations |", "| --- | --- | ---: | --- |"]
        for failure in sorted(failures, key=lambda f: checks.get(f["type"], f["type"])):
            labels = ", ".join(f"`{label}`" for label in failure["operations"])
            check = checks.get(failure["type"], failure["type"])
            lines.append(f"| {check} | {failure['code']} {failure['title']} | {failure['count']} | {labels} |")
    else:
        lines.append("No check failed.")
    lines += [f"- error: {error['title']} ({error['count']})" for error in report["errors"]]
    if server_errors:
        lines += ["", "Exceptions in the server log:", ""]
        lines += [f"- {count} × `{exception}`" for exception, count in server_errors.most_common()]
    return [*lines, ""]


def markdown(args: argparse.Namespace, version: str, passes: list[tuple]) -> str:
    """The whole summary: how the run was made, then each pass."""
    command = f".venv/bin/python bench/schemathesis_run.py --max-examples {args.max_examples} --seed {args.seed}"
    if args.max_time:
        command += f" --max-time {args.max_time}"
    lines = [
        "# Schemathesis: every operation of /api/v3/openapi.json",
        "",
        "gunicorn (`cms/gunicorn_conf.py`, production settings, "
        f"{args.server_workers} workers) on a fresh PostgreSQL database with the demo site.",
        "",
        f"Command: `{command}`",
        "",
        f"Schemathesis {version}, phases {PHASES}, all checks (configured in `bench/schemathesis.toml`), "
        f"at most {args.max_examples} examples per operation and phase. The visitor pass runs first, then the "
        "staff pass with a token.",
        "",
    ]
    for name, report, seconds, server_errors in passes:
        lines += pass_markdown(name, report, seconds, server_errors)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-examples", type=int, default=100, help="test cases per operation and phase, at most")
    parser.add_argument("--max-time", type=int, default=0, help="seconds for each pass (0: no limit)")
    parser.add_argument("--seed", type=int, default=1, help="makes the generated cases repeatable")
    parser.add_argument("--workers", type=int, default=2, help="schemathesis workers (concurrent operations)")
    parser.add_argument("--server-workers", type=int, default=3, help="gunicorn workers")
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_SCHEMATHESIS_DATABASE_URL", DEFAULT_DATABASE_URL)
    url = f"http://127.0.0.1:{PORT}/api/v3/openapi.json"

    with tempfile.TemporaryDirectory(prefix="schemathesis-bench-") as workdir:
        # Uploaded images and documents stay out of the working tree; server_env copies os.environ.
        os.environ["MEDIA_ROOT"] = str(Path(workdir) / "media")
        print("== preparing the database", flush=True)
        api_bench.prepare_database(database_url, articles=1)
        env = api_bench.server_env(database_url, cache_enabled=True)
        log = Path(workdir) / "server.log"
        passes = []
        server = gunicorn_server.start(env, PORT, args.server_workers, log=log)
        try:
            for name, headers in (
                ("Visitor (no token)", []),
                ("Staff (a superuser's API token)", [f"Authorization: Bearer {staff_token(env)}"]),
            ):
                print(f"== schemathesis: {name}", flush=True)
                report_path, log_start = Path(workdir) / "report.json", log.stat().st_size
                seconds = run_schemathesis(url, headers, args, report_path)
                with log.open(errors="replace") as server_log:
                    server_log.seek(log_start)
                    server_errors = exceptions_in(server_log.read())
                passes.append((name, json.loads(report_path.read_text()), seconds, server_errors))
        finally:
            gunicorn_server.stop(server)

    result = markdown(args, passes[0][1]["schemathesis_version"], passes)
    bench_results.publish("schemathesis.md", result)
    sys.exit(max(report["exit_code"] for _, report, _, _ in passes))


if __name__ == "__main__":
    main()
