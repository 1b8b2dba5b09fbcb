"""Load benchmark: the capacity of the site (API and pages) under gunicorn, then 60 s held at it.

On a fresh PostgreSQL database with the demo site and ``--articles`` articles
(``api_bench.prepare_database``), gunicorn serves the site with production
settings (``cms/gunicorn_conf.py``: ``--workers`` processes × 2 threads) and
Redis as the shared cache (``BENCH_REDIS_URL``, else a private
``redis-server``), with the public API cache on, as deployed. ``wrk`` replays a
visitor mix (``bench/load_mix.lua``) of page HTML and API reads over all
articles, stepping up the number of connections. The capacity is the step
with the highest throughput whose requests all succeeded (no non-2xx/3xx, no
socket error or timeout) with a p99 latency under ``--p99-ms``; that load is
then held for ``--hold`` seconds. Results go to ``bench/results/load.md``.

    .venv/bin/python bench/load_bench.py --articles 100 --steps 4 8 16 32 64 128 --step-seconds 15 --hold 60

Traffic goes to 127.0.0.1 only, and every run is bounded by its durations.
"""

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import statistics
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import api_bench  # bench/api_bench.py: database preparation, environment, wrk
import bench_results
import gunicorn_server
from private_services import PrivateRedis

ROOT = Path(__file__).resolve().parents[1]
MIX_SCRIPT = ROOT / "bench" / "load_mix.lua"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_load_cms"
SEARCH_TERMS = ["oncologist", "heart", "diabetes", "fever", "vaccination", "knee pain"]
WRK_TIMEOUT = "10s"  # slow answers are measured as latency rather than cut off at wrk's default 2 s

# What visitors ask for, per 100 requests: the first visit to a page is its
# server-rendered HTML; moving on in the single-page app asks the route lookup
# and the page's API; every visit loads the site settings once.
MIX = {
    "home page HTML": 15,
    "article page HTML": 25,
    "site": 15,
    "route lookup": 15,
    "article list": 10,
    "page detail": 10,
    "search": 10,
}


def discover_articles(env: dict) -> list[dict]:
    """Every live article's id and path in the database being served."""
    script = (
        "import json;from blog.models import ArticlePage;"
        "print(json.dumps([{'id': a.id, 'path': a.url} for a in ArticlePage.objects.live().public()]))"
    )
    output = api_bench.run(api_bench.PYTHON, "manage.py", "shell", "-c", script, env=env)
    return json.loads(output.strip().splitlines()[-1])


def mix_requests(articles: list[dict], count: int = 5000) -> list[tuple[str, str]]:
    """``count`` (kind, path) pairs drawn from ``MIX`` (fixed seed, so every run replays the same mix)."""
    rng = random.Random(0)
    makers = {
        "home page HTML": lambda: "/",
        "article page HTML": lambda: rng.choice(articles)["path"],
        "site": lambda: "/api/v3/site/",
        "route lookup": lambda: f"/api/v3/route/?path={rng.choice(articles)['path']}",
        "article list": lambda: f"/api/v3/articles/?limit=20&offset={20 * rng.randrange(3)}",
        "page detail": lambda: f"/api/v3/pages/{rng.choice(articles)['id']}/",
        "search": lambda: f"/api/v3/search/?q={rng.choice(SEARCH_TERMS).replace(' ', '+')}",
    }
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    return [(kind, makers[kind]()) for kind in kinds]


def warm_up(port: int, paths: list[str]) -> None:
    """Request every distinct path once, as the site's earlier visitors would have.

    A deployed site has long since made its image renditions and cached its
    API answers; without this, the first steps would measure Pillow resizing
    photos instead of serving visitors.
    """

    started = time.monotonic()
    distinct = sorted(set(paths))
    with ThreadPoolExecutor(max_workers=4) as pool:
        failed = list(pool.map(lambda path: _fetch(port, path), distinct)).count(False)
    print(f"  warm-up: {len(distinct)} paths in {time.monotonic() - started:.0f} s, {failed} failed", flush=True)
    if failed:
        raise SystemExit("warm-up requests failed: the site does not serve the mix")


def _fetch(port: int, path: str) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as response:
            response.read()
            return True
    except OSError:
        return False


def latency_by_kind(port: int, requests: list[tuple[str, str]], samples: int = 5) -> dict[str, float]:
    """Median milliseconds of one request of each kind at a time, on the warm, otherwise idle server."""
    medians = {}
    for kind in MIX:
        paths = list(dict.fromkeys(path for request_kind, path in requests if request_kind == kind))[:samples]
        timings = []
        for path in paths:
            started = time.perf_counter()
            _fetch(port, path)
            timings.append((time.perf_counter() - started) * 1000)
        medians[kind] = statistics.median(timings)
    return medians


def socket_error_count(summary: str) -> int:
    """The total of wrk's ``connect N, read N, write N, timeout N``."""
    return sum(int(number) for number in re.findall(r"\d+", summary))


def run_step(port: int, paths_file: Path, connections: int, seconds: int) -> dict:
    """One wrk run of the mix; its figures with errors = non-2xx/3xx + socket errors."""
    result = api_bench.wrk(
        f"http://127.0.0.1:{port}",
        seconds,
        connections,
        options=("--timeout", WRK_TIMEOUT, "-s", str(MIX_SCRIPT)),
        script_args=(str(paths_file),),
    )
    result["connections"] = connections
    result["seconds"] = seconds
    result["failed"] = result["errors"] + socket_error_count(result["socket_errors"])
    return result


def passes(result: dict, p99_bound_ms: float) -> bool:
    """Every request succeeded and the slowest 1 % stayed under the bound."""
    return result["failed"] == 0 and result["p99_ms"] < p99_bound_ms


def markdown(
    args: argparse.Namespace,
    redis_kind: str,
    latencies: dict[str, float],
    steps: list[dict],
    capacity: dict | None,
    hold: dict | None,
) -> str:
    """The Markdown report: set-up, the steps, the hold and the capacity found."""
    lines = [
        f"# Load: capacity of the site under gunicorn, held for {args.hold} s",
        "",
        f"Machine: {os.cpu_count()} cores. gunicorn `cms/gunicorn_conf.py`, production settings, "
        f"{args.workers} workers × 2 threads; PostgreSQL (demo site + {args.articles} articles); "
        f"Redis cache ({redis_kind}); public API cache **on**, as deployed; page cache "
        + (
            "**off** (`--no-page-cache`: page HTML rendered on every request). "
            if args.no_page_cache
            else "**on**, as deployed (rendered pages kept until content changes). "
        )
        + "Before the steps every distinct path of the mix is requested once, so image renditions exist and the "
        "caches are warm, as on a site that has had visitors since its last publish.",
        "",
        "Visitor mix per 100 requests (`bench/load_mix.lua` replays it over all articles): "
        + ", ".join(f"{name} {weight}" for name, weight in MIX.items())
        + ".",
        "",
        f"Capacity = the step with the highest throughput whose requests all succeeded (no non-2xx/3xx, no socket "
        f"error, wrk timeout {WRK_TIMEOUT}) and whose p99 stayed under {args.p99_ms:.0f} ms.",
        "",
        f"Command: `.venv/bin/python bench/load_bench.py --articles {args.articles} --steps "
        f"{' '.join(map(str, args.steps))} --step-seconds {args.step_seconds} --hold {args.hold}"
        f"{' --no-page-cache' if args.no_page_cache else ''}`",
        "",
        "One request at a time on the warm server, median of 5 (ms): "
        + ", ".join(f"{kind} {ms:.0f}" for kind, ms in latencies.items())
        + ".",
        "",
        "| run | connections | seconds | req/s | p50 ms | p99 ms | errors | passes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in steps:
        lines.append(
            f"| step | {row['connections']} | {row['seconds']} | {row['rps']:.1f} | {row['p50_ms']:.1f} | "
            f"{row['p99_ms']:.1f} | {row['failed']} | {'yes' if passes(row, args.p99_ms) else 'no'} |"
        )
    if hold:
        lines.append(
            f"| **hold** | {hold['connections']} | {hold['seconds']} | **{hold['rps']:.1f}** | {hold['p50_ms']:.1f} | "
            f"{hold['p99_ms']:.1f} | **{hold['failed']}** | {'yes' if passes(hold, args.p99_ms) else 'no'} |"
        )
    lines.append("")
    if capacity is None:
        lines.append(f"No step passed: even {args.steps[0]} connections gave errors or a p99 over the bound.")
    else:
        lines.append(
            f"Capacity: **{capacity['rps']:.0f} requests/s** at {capacity['connections']} connections. Held for "
            f"{hold['seconds']} s: {hold['rps']:.0f} requests/s, p50 {hold['p50_ms']:.0f} ms, "
            f"p99 {hold['p99_ms']:.0f} ms, {hold['failed']} errors "
            f"(non-2xx/3xx {hold['errors']}; socket: {hold['socket_errors'] or 'none'})."
        )
        if capacity["connections"] == args.steps[0]:
            lines.append("The first step was the best one: the knee may lie lower (try smaller `--steps`).")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--steps", type=int, nargs="+", default=[4, 8, 16, 32, 64, 128], help="connections")
    parser.add_argument("--step-seconds", type=int, default=15)
    parser.add_argument("--hold", type=int, default=60, help="seconds at the capacity found")
    parser.add_argument("--p99-ms", type=float, default=1000, help="p99 latency bound of a passing step")
    parser.add_argument("--workers", type=int, default=5, help="gunicorn workers (2 × cores + 1)")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="render every page (the cost right after a publish)"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    print(f"== preparing {database_url} with {args.articles} articles", flush=True)
    api_bench.prepare_database(database_url, args.articles)
    redis_kind = "BENCH_REDIS_URL" if os.environ.get("BENCH_REDIS_URL") else "private redis-server"
    steps, capacity, hold, latencies = [], None, None, {}
    with contextlib.ExitStack() as cleanup:
        env = api_bench.server_env(database_url, cache_enabled=True)
        if args.no_page_cache:
            env["PAGE_CACHE_ENABLED"] = "false"
        env["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL") or cleanup.enter_context(PrivateRedis()).url
        requests = mix_requests(discover_articles(env))
        paths = [path for _, path in requests]
        paths_file = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="load-bench-"))) / "paths.txt"
        paths_file.write_text("\n".join(paths) + "\n")
        port = gunicorn_server.free_port()
        server = gunicorn_server.start(env, port, args.workers)
        cleanup.callback(gunicorn_server.stop, server)
        warm_up(port, paths)
        latencies = latency_by_kind(port, requests)
        for connections in args.steps:
            steps.append(run_step(port, paths_file, connections, args.step_seconds))
            row = steps[-1]
            print(
                f"  {connections:>4} connections: {row['rps']:7.1f} req/s, p99 {row['p99_ms']:7.1f} ms, "
                f"{row['failed']} errors",
                flush=True,
            )
            if not passes(row, args.p99_ms):
                break  # past the knee: more connections only queue longer
        passing = [row for row in steps if passes(row, args.p99_ms)]
        if passing:
            capacity = max(passing, key=lambda row: row["rps"])
            print(f"== holding {capacity['connections']} connections for {args.hold} s", flush=True)
            hold = run_step(port, paths_file, capacity["connections"], args.hold)
    text = markdown(args, redis_kind, latencies, steps, capacity, hold)
    bench_results.publish("load-no-page-cache.md" if args.no_page_cache else "load.md", text)


if __name__ == "__main__":
    main()
