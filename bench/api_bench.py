"""API benchmark: gunicorn + PostgreSQL, driven by wrk, at several article counts.

For each article count it prepares a PostgreSQL database (migrate, demo
content, ``generate_articles``), serves it with gunicorn on 127.0.0.1, and
measures requests/s and p50/p99 latency of the article list, a page detail,
a route lookup and a search, with the server-side API cache on ("cached")
and off ("uncached"), plus the SQL queries each request costs. Results are
printed as a Markdown table and written to ``bench/results/``.

    .venv/bin/python bench/api_bench.py --articles 100 10000 --duration 10

Needs ``wrk`` (Debian package) and a PostgreSQL server (``BENCH_DATABASE_URL``,
default ``postgres://postgres@127.0.0.1:5432/bench_cms``). Traffic goes to
127.0.0.1 only, and every run is bounded by ``--duration``.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import bench_results
import gunicorn_server  # bench/gunicorn_server.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_cms"
PORT = 8765


def run(*args: str, env: dict, quiet: bool = True) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=quiet, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(args)}\n{result.stdout}\n{result.stderr}")
    return result.stdout or ""


def server_env(database_url: str, cache_enabled: bool) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        API_CACHE_ENABLED="true" if cache_enabled else "false",
        LOG_LEVEL="WARNING",
    )
    # The shared cache is measured only when asked for; otherwise each worker
    # keeps its own memory cache, as on a single small server.
    env.pop("REDIS_URL", None)
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    return env


def prepare_database(database_url: str, articles: int) -> None:
    """A fresh database with the demo site and ``articles`` synthetic articles."""
    name = database_url.rsplit("/", 1)[-1]
    admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
    run("psql", admin_url, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', env=dict(os.environ))
    run("psql", admin_url, "-qc", f'CREATE DATABASE "{name}"', env=dict(os.environ))
    env = server_env(database_url, cache_enabled=True)
    run(PYTHON, "manage.py", "migrate", "--no-input", "-v0", env=env)
    run(PYTHON, "manage.py", "createcachetable", env=env)
    run(PYTHON, "manage.py", "load_demo_content", env=env)
    if articles > 1:
        print(f"  generating {articles - 1} synthetic articles…", flush=True)
        run(PYTHON, "manage.py", "generate_articles", "--count", str(articles - 1), "-v0", env=env)


def discover_urls(env: dict) -> dict[str, str]:
    """One URL per measured endpoint, read from the database being served."""
    script = (
        "import json;from blog.models import ArticlePage;"
        "a=ArticlePage.objects.live().order_by('-published_date').first();"
        "print(json.dumps({'id': a.id, 'path': a.url}))"
    )
    facts = json.loads(run(PYTHON, "manage.py", "shell", "-c", script, env=env).strip().splitlines()[-1])
    return {
        "article list": "/api/v3/articles/?limit=20",
        "page detail": f"/api/v3/pages/{facts['id']}/",
        "route lookup": f"/api/v3/route/?path={facts['path']}",
        "search": "/api/v3/search/?q=oncologist",
    }


def query_counts(env: dict, urls: dict[str, str]) -> dict[str, int]:
    """SQL queries per request, measured in-process with the cache off."""
    script = (
        "import json;from django.test import Client;from django.db import connection;"
        "from django.test.utils import CaptureQueriesContext;from django.test import override_settings;"
        f"urls={json.dumps(urls)};out={{}};c=Client()\n"
        "with override_settings(API_CACHE_ENABLED=False, ALLOWED_HOSTS=['testserver']):\n"
        "    for name, url in urls.items():\n"
        "        c.get(url)\n"
        "        with CaptureQueriesContext(connection) as q: r=c.get(url)\n"
        "        out[name]=len(q.captured_queries) if r.status_code==200 else -r.status_code\n"
        "print(json.dumps(out))"
    )
    return json.loads(run(PYTHON, "manage.py", "shell", "-c", script, env=env).strip().splitlines()[-1])


def wrk(url: str, duration: int, connections: int, options: tuple = (), script_args: tuple = ()) -> dict:
    """Run wrk (extra ``options`` before the URL, ``script_args`` for a Lua script after it) and parse its figures."""
    output = subprocess.run(
        ["wrk", "--latency", "-t", "2", "-c", str(connections), "-d", f"{duration}s", *options, url]
        + (["--", *script_args] if script_args else []),
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)

    def percentile(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.MULTILINE)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "rps": rps,
        "p50_ms": percentile("50"),
        "p99_ms": percentile("99"),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def measure(database_url: str, articles: int, duration: int, connections: int, workers: int) -> list[dict]:
    rows = []
    base_env = server_env(database_url, cache_enabled=True)
    urls = discover_urls(base_env)
    queries = query_counts(base_env, urls)
    for cache_enabled in (False, True):
        server = gunicorn_server.start(server_env(database_url, cache_enabled), PORT, workers)
        try:
            for name, path in urls.items():
                result = wrk(f"http://127.0.0.1:{PORT}{path}", duration, connections)
                rows.append(
                    {
                        "articles": articles,
                        "endpoint": name,
                        "cache": "cached" if cache_enabled else "uncached",
                        "queries": queries[name],
                        **result,
                    }
                )
                print(f"  {articles:>6} {name:<13} {rows[-1]['cache']:<8} {result['rps']:8.1f} req/s", flush=True)
        finally:
            gunicorn_server.stop(server)
    return rows


def markdown(rows: list[dict]) -> str:
    lines = [
        "| articles | endpoint | cache | req/s | p50 ms | p99 ms | non-2xx | SQL queries/request |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['articles']} | {row['endpoint']} | {row['cache']} | {row['rps']:.0f} | "
            f"{row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['errors']} | {row['queries']} |"
        )
    by_key = {(r["articles"], r["endpoint"], r["cache"]): r for r in rows}
    counts = sorted({r["articles"] for r in rows})
    lines += ["", "Ratios (side by side, same machine, same run):", ""]
    for articles in counts:
        for endpoint in dict.fromkeys(r["endpoint"] for r in rows):
            cached, uncached = by_key.get((articles, endpoint, "cached")), by_key.get((articles, endpoint, "uncached"))
            if cached and uncached and uncached["rps"]:
                lines.append(
                    f"- {articles} articles, {endpoint}: cached/uncached = {cached['rps'] / uncached['rps']:.1f}×"
                )
    if len(counts) > 1:
        small, large = counts[0], counts[-1]
        for endpoint in dict.fromkeys(r["endpoint"] for r in rows):
            a, b = by_key.get((small, endpoint, "uncached")), by_key.get((large, endpoint, "uncached"))
            if a and b and a["rps"]:
                lines.append(
                    f"- {endpoint}, uncached: {large} vs {small} articles = {b['rps'] / a['rps']:.2f}× throughput"
                )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=5, help="gunicorn workers (2 × cores + 1)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    rows = []
    for articles in args.articles:
        print(f"== {articles} articles", flush=True)
        prepare_database(database_url, articles)
        rows += measure(database_url, articles, args.duration, args.connections, args.workers)
    report = markdown(rows)
    bench_results.publish("api.md", report)


if __name__ == "__main__":
    main()
