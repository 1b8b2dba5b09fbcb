"""A page reached through links with tracking parameters costs what the page costs.

Shared links carry parameters no page reads (``utm_source``, ``fbclid``…), with
a new value on nearly every link. Pages read only their own parameters
(``content_cache/query_parameters.py``), so all those addresses share the page's one
cached copy. Measured side by side on gunicorn (production settings, PostgreSQL,
Redis as the shared cache, 5 workers): ``wrk`` on ``/articles/``, then on
``/articles/?utm_source=share&fbclid=<random>`` (``bench/tracking_variants.lua``),
each warmed for 5 s and measured for ``--seconds``. The ratio of the two
throughputs should be near 1; before, every variant was rendered again (14 vs
649 req/s here).

    .venv/bin/python bench/tracking_variants_bench.py

Needs ``wrk``, PostgreSQL (``BENCH_DATABASE_URL``, default
``…/bench_cms_tracking_variants``) and Redis (``BENCH_REDIS_URL``, default
``redis://127.0.0.1:6379/9``, flushed). Results: ``bench/results/tracking-variants.md``.
"""

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

import api_bench  # bench/api_bench.py: database preparation, server environment, wrk
import bench_results
import gunicorn_server

PORT = 8771
SCRIPT = api_bench.ROOT / "bench" / "tracking_variants.lua"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=20, help="measured seconds per address")
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()
    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_cms_tracking_variants"
    )
    os.environ.setdefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
    subprocess.run(["redis-cli", "-u", os.environ["BENCH_REDIS_URL"], "flushdb"], check=True, capture_output=True)

    with tempfile.TemporaryDirectory(prefix="tracking-variants-") as workdir:
        os.environ["MEDIA_ROOT"] = str(Path(workdir) / "media")
        api_bench.prepare_database(database_url, articles=20)
        env = api_bench.server_env(database_url, cache_enabled=True)
        server = gunicorn_server.start(env, PORT, workers=5, log=Path(workdir) / "server.log")
        results = {}
        try:
            addresses = {"`/articles/`": (), "`/articles/?utm_source=share&fbclid=<random>`": ("-s", str(SCRIPT))}
            for label, options in addresses.items():
                url = f"http://127.0.0.1:{PORT}/articles/"
                api_bench.wrk(url, 5, args.connections, options)  # warm-up: the page's copy is kept
                results[label] = api_bench.wrk(url, args.seconds, args.connections, options)
        finally:
            gunicorn_server.stop(server)

    plain, variants = results.values()
    lines = [
        "# Tracking parameters and the page cache",
        "",
        f"Command: `.venv/bin/python bench/tracking_variants_bench.py --seconds {args.seconds}`; "
        f"gunicorn, 5 workers, PostgreSQL, Redis; wrk, {args.connections} connections.",
        "",
        "| address | req/s | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: |",
        *(
            f"| {label} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.0f} | {r['errors']} |"
            for label, r in results.items()
        ),
        "",
        f"Throughput with tracking parameters / without: **{variants['rps'] / plain['rps']:.2f}**.",
    ]
    bench_results.publish("tracking-variants.md", "\n".join(lines))


if __name__ == "__main__":
    main()
