"""Cost of a cold answer: SQL queries and CPU time per request with the API and page caches off.

Every answer right after a publish is computed from the database, so this is
what a publish costs each first reader. On a fresh PostgreSQL database
(``BENCH_COLD_DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/bench_cold_cms``, dropped
and re-created: the demo site plus ``generate_articles --count 1000``), with production settings, a
private Redis as the cache (Wagtail's site root paths and renditions stay cached, as deployed) and
``API_CACHE_ENABLED=false PAGE_CACHE_ENABLED=false``, each request is made in-process with Django's
test client: once to warm up (renditions generated), once under ``CaptureQueriesContext`` (the query
count), then ``--repeat`` times timed with ``time.process_time()`` (CPU seconds of this process, no
profiler). The requests: page detail and route lookup of each page type, ``/api/v3/site/``, the
listings at 1 and at 20 items, and the server-rendered HTML pages. The table goes to
``bench/results/cold-cost.md``.

    .venv/bin/python bench/cold_cost_bench.py --articles 1000 --repeat 20
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import bench_results
from api_bench import prepare_database, server_env  # bench/api_bench.py, beside this script
from private_services import PrivateRedis

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_cold_cms"
RESULT = "cold-cost.md"


def requests_to_measure() -> dict[str, str]:
    """Name → path of every measured request, read from the database (runs inside Django)."""
    from blog.models import ArticlePage, BlogIndexPage
    from home.models import DoctorPage, HomePage, StandardPage

    article = ArticlePage.objects.live().order_by("-published_date", "-pk").first()
    pages = {
        "article": article,
        "doctor": DoctorPage.objects.live().order_by("path").first(),
        "home": HomePage.objects.live().first(),
        "articles index": BlogIndexPage.objects.live().first(),
        "standard page": StandardPage.objects.live().order_by("path").first(),
    }
    urls = {}
    for name, page in pages.items():
        urls[f"`/api/v3/pages/{{id}}/` {name}"] = f"/api/v3/pages/{page.pk}/"
        urls[f"`/api/v3/route/` {name}"] = f"/api/v3/route/?path={page.url}"
    urls["`/api/v3/site/`"] = "/api/v3/site/"
    for items in (1, 20):
        urls[f"`/api/v2/pages/?type=blog.ArticlePage&fields=*` {items}"] = (
            f"/api/v2/pages/?type=blog.ArticlePage&fields=*&limit={items}"
        )
        urls[f"`/api/v2/pages/?fields=*` {items}"] = f"/api/v2/pages/?fields=*&limit={items}"
        urls[f"`/api/v3/articles/` {items}"] = f"/api/v3/articles/?limit={items}"
        urls[f"`/api/v3/pages/?type=blog.ArticlePage` {items}"] = f"/api/v3/pages/?type=blog.ArticlePage&limit={items}"
    for name in ("home", "doctor", "articles index", "article"):
        urls[f"HTML {name}"] = pages[name].url
    return urls


def measure_inside(repeat: int) -> None:
    """Queries and CPU time of each request, printed as JSON (runs inside Django, caches off)."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results = {}
    for name, path in requests_to_measure().items():
        first = client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        # Counted now: a new database connection during the timed requests empties the query log.
        query_count = len(queries.captured_queries)
        started = time.process_time()
        for _ in range(repeat):
            client.get(path)
        cpu_ms = (time.process_time() - started) / repeat * 1000
        results[name] = {
            "path": path,
            "status": response.status_code,
            "first_status": first.status_code,
            "queries": query_count,
            "cpu_ms": round(cpu_ms, 2),
        }
    print(json.dumps(results))


def markdown(results: dict, articles: int, repeat: int) -> str:
    lines = [
        "# Cold cost: SQL queries and CPU time per request, caches off",
        "",
        f"PostgreSQL, demo site + {articles} generated articles, production settings, Redis cache, "
        "`API_CACHE_ENABLED=false PAGE_CACHE_ENABLED=false`; in-process Django test client, "
        f"CPU time (`time.process_time()`) averaged over {repeat} requests after one warm-up. "
        "Command: `.venv/bin/python bench/cold_cost_bench.py"
        f" --articles {articles} --repeat {repeat}`.",
        "",
        "| request | status | SQL queries | CPU ms/request |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, row in results.items():
        lines.append(f"| {name} | {row['status']} | {row['queries']} | {row['cpu_ms']:.1f} |")
    html = results.get("HTML article")
    api = results.get("`/api/v3/pages/{id}/` article")
    if html and api and api["cpu_ms"]:
        lines += [
            "",
            f"CPU time of the HTML article page / CPU time of `/api/v3/pages/{{id}}/` of the same article: "
            f"**{html['cpu_ms'] / api['cpu_ms']:.2f}** (target: ≤ 1.3).",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles to generate")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per measured request")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        measure_inside(args.repeat)
        return

    database_url = os.environ.get("BENCH_COLD_DATABASE_URL", DEFAULT_DATABASE_URL)
    print(f"preparing {database_url} with {args.articles} generated articles…", flush=True)
    # prepare_database counts the demo article among its articles.
    prepare_database(database_url, args.articles + 1)
    with PrivateRedis() as redis:
        env = server_env(database_url, cache_enabled=False)
        env.update(REDIS_URL=redis.url, PAGE_CACHE_ENABLED="false", ALLOWED_HOSTS="testserver,127.0.0.1,localhost")
        output = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--inside", "--repeat", str(args.repeat)],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=False,
        )
    if output.returncode != 0:
        raise SystemExit(f"measuring failed:\n{output.stdout}\n{output.stderr}")
    results = json.loads(output.stdout.strip().splitlines()[-1])
    bench_results.publish(RESULT, markdown(results, args.articles, args.repeat))


if __name__ == "__main__":
    main()
