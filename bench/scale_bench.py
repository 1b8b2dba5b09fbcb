"""Cold cost at scale: p50 latency of lists, filters, search, details and pages at 1k, 10k and 50k articles.

For each article count, a PostgreSQL database (``BENCH_SCALE_DATABASE_URL`` + ``_<count>``, default
``postgres://postgres@127.0.0.1:5432/bench_scale_cms_<count>``, dropped and re-created unless ``--reuse``
finds it already holding that many articles: migrate, demo site, ``generate_articles``) is served by
gunicorn (``cms/gunicorn_conf.py``, production settings, one worker, so one database connection) twice:
caches off (``API_CACHE_ENABLED=false PAGE_CACHE_ENABLED=false``: every answer computed, as right after a
publish) and caches on (production's database cache, warm). The counts are measured side by side: one server
per count, each request made once at every count in turn, ``--repeat`` rounds after one warm-up; the p50 is
reported. Caches off means the answers' copies are off; what is current right after an article's publish is
still read from the cache: the article lists' counts (``blog/article_counts.py``: a committed change counts them
again at once) and the site shell every page inlines (``content_cache/shared_parts.py``). The rows marked
*first after another change* start a new site generation before each request (its key dropped from the
database cache, so not with ``BENCH_REDIS_URL``), as a change that is not an article's publish does (a category
or a setting saved, a page moved), and measure a reader who comes before that change's recount has finished
(or after an expiry time passed): the first list of each kind counts them all, a page makes its shell again.
Then, caches off, ``--mixed`` requests cycle through every measured request and the worker's resident
memory (``VmRSS``) and peak (``VmHWM``) are read from ``/proc``.

The table (with the growth column: the largest count's p50 over the smallest's) is printed and written to
``bench/results/scale.md``::

    .venv/bin/python bench/scale_bench.py --articles 1000 10000 50000 --repeat 21 --mixed 1000
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import bench_results
import gunicorn_server  # bench/gunicorn_server.py, beside this script
from api_bench import prepare_database, run, server_env

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_scale_cms"
RESULT = "scale.md"
# A word in every synthetic article's body, and a doctor's word found in the demo content only.
COMMON_WORD = "treatment"
RARE_WORD = "oncologist"
# Rows named with this suffix are timed as the first request of their kind after a change other than a
# publish, before its recount has run: before each request the site generation is dropped from the server's
# database cache (such a change replaces it), so the request counts every list of its kind again
# (``blog/article_counts.py``) and makes the site shell again (``content_cache/shared_parts.py``).
AFTER_ANOTHER_CHANGE = ", first after another change"
# The site generation in the database cache (Django's key format: prefix:version:key).
FORGET_SITE_GENERATION = "DELETE FROM django_cache WHERE cache_key = ':1:api-cache:generation'"


def article_count(env: dict) -> int:
    script = "from blog.models import ArticlePage;print(ArticlePage.objects.count())"
    try:
        return int(run(sys.executable, "manage.py", "shell", "-c", script, env=env).strip().splitlines()[-1])
    except SystemExit:  # no such database yet
        return -1


def requests_to_measure(env: dict) -> dict[str, str]:
    """Name → path of every measured request, read from the database being served."""
    script = (
        "import json;from blog.models import ArticlePage, BlogIndexPage, Category;"
        "a=ArticlePage.objects.live().order_by('-published_date','-pk').first();"
        "d=ArticlePage.objects.live().exclude(author=None).order_by('-published_date','-pk').first().author_id;"
        "i=BlogIndexPage.objects.live().first();"
        "c=Category.objects.filter(articles__live=True).order_by('slug').first();"
        "print(json.dumps({'id': a.id, 'path': a.url, 'index': i.url, 'category': c.slug, 'doctor': d}))"
    )
    facts = json.loads(run(sys.executable, "manage.py", "shell", "-c", script, env=env).strip().splitlines()[-1])
    lists = {
        "`/api/v3/articles/?limit=20`": "/api/v3/articles/?limit=20",
        "same, `category=`": f"/api/v3/articles/?limit=20&category={facts['category']}",
        "same, `tag=synthetic`": "/api/v3/articles/?limit=20&tag=synthetic",
        "same, `doctor=`": f"/api/v3/articles/?limit=20&doctor={facts['doctor']}",
    }
    return {
        **lists,
        **{name + AFTER_ANOTHER_CHANGE: path for name, path in lists.items()},
        "same, `offset=980` (page 50)": "/api/v3/articles/?limit=20&offset=980",
        f"same, `q={COMMON_WORD}`": f"/api/v3/articles/?limit=20&q={COMMON_WORD}",
        f"same, `q={RARE_WORD}`": f"/api/v3/articles/?limit=20&q={RARE_WORD}",
        f"`/api/v3/search/?q={COMMON_WORD}`": f"/api/v3/search/?q={COMMON_WORD}",
        f"`/api/v3/search/?q={RARE_WORD}`": f"/api/v3/search/?q={RARE_WORD}",
        "`/api/v3/pages/{id}/` (newest article)": f"/api/v3/pages/{facts['id']}/",
        "`/api/v3/route/` (same)": f"/api/v3/route/?path={facts['path']}",
        "`/api/v2/pages/?type=blog.ArticlePage&fields=*`": "/api/v2/pages/?type=blog.ArticlePage&fields=*",
        "HTML `/articles/`": facts["index"],
        "HTML `/articles/?page=50`": f"{facts['index']}?page=50",
        "HTML `/articles/?category=`": f"{facts['index']}?category={facts['category']}",
        "HTML newest article": facts["path"],
        "HTML `/articles/`" + AFTER_ANOTHER_CHANGE: facts["index"],
        "HTML newest article" + AFTER_ANOTHER_CHANGE: facts["path"],
        "feed `/feeds/articles.rss`": "/feeds/articles.rss",
        "sitemap index `/sitemap.xml`": "/sitemap.xml",
        "sitemap file `?p=1` (up to `SITEMAP_PAGE_SIZE` URLs)": "/sitemap-pages.xml?p=1",
    }


def get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310  (http://127.0.0.1 only)
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - started) * 1000


def worker_memory(master_pid: int) -> tuple[float, float]:
    """Resident and peak memory (MB) of the master's one worker."""
    children = subprocess.run(["ps", "--ppid", str(master_pid), "-o", "pid="], capture_output=True, text=True)
    pid = int(children.stdout.split()[0])
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def start_new_site_generation(env: dict) -> None:
    """Make the served site count its lists and make its shell again, as after a change other than a publish."""
    run("psql", env["DATABASE_URL"], "-qc", FORGET_SITE_GENERATION, env=dict(os.environ))


def measure_side_by_side(envs: dict[int, dict], urls: dict[int, dict[str, str]], repeat: int, mixed: int) -> dict:
    """p50 ms of each request (and its status) at every article count, plus each worker's memory when asked.

    One gunicorn per article count, all started before the first request. Each request is timed at one
    count, then the next, ``repeat`` rounds in turn, so every count sees the same moments of the machine
    and the ratio between them does not depend on what the machine did between two sizes.
    """
    servers = {}
    try:
        for count, env in envs.items():
            port = gunicorn_server.free_port()
            servers[count] = (gunicorn_server.start(env, port, workers=1), f"http://127.0.0.1:{port}")
        names = list(next(iter(urls.values())))
        rows = {count: {} for count in envs}
        for name in names:
            statuses = {count: get(base + urls[count][name])[0] for count, (_, base) in servers.items()}
            times = {count: [] for count in envs}
            for _ in range(repeat):
                for count, (_, base) in servers.items():
                    if name.endswith(AFTER_ANOTHER_CHANGE):
                        start_new_site_generation(envs[count])
                    times[count].append(get(base + urls[count][name])[1])
            for count in envs:
                rows[count][name] = {"status": statuses[count], "p50": statistics.median(times[count])}
        memories = dict.fromkeys(envs)
        if mixed:
            for count, (server, base) in servers.items():
                paths = list(urls[count].values())
                for number in range(mixed):
                    get(base + paths[number % len(paths)])
                memories[count] = worker_memory(server.pid)
        return {count: {"rows": rows[count], "memory": memories[count]} for count in envs}
    finally:
        for server, _ in servers.values():
            gunicorn_server.stop(server)


def markdown(results: dict[int, dict], repeat: int, mixed: int, command: str) -> str:
    counts = sorted(results)
    small, large = counts[0], counts[-1]
    header = " | ".join(f"{count:,}" for count in counts)
    lines = [
        "# Cold cost at scale",
        "",
        f"PostgreSQL, demo site + generated articles, gunicorn (production settings, one worker), p50 of {repeat} "
        "requests after one warm-up, the article counts side by side (one server each, a request at every count "
        "in turn); *cold* = `API_CACHE_ENABLED=false PAGE_CACHE_ENABLED=false` (every answer "
        "computed, as right after an article's publish: the lists' counts and the site shell, current then, read "
        "from the cache; *first after another change*: a new site generation before each request and no recount "
        "yet, so those are made again too), *warm* = caches on. Memory: the worker's resident / peak MB after "
        f"{mixed} requests cycling through every row, caches off. Command: `{command}`.",
        "",
        f"| request | cold {header} | cold {large:,}/{small:,} | warm {header} |",
        "| --- | " + " | ".join(["---:"] * (2 * len(counts) + 1)) + " |",
    ]
    names = list(results[small]["cold"]["rows"])
    for name in names:
        cold = [results[count]["cold"]["rows"][name] for count in counts]
        warm = [results[count]["warm"]["rows"][name] for count in counts]

        def cell(row):
            return f"{row['p50']:.1f}" + ("" if row["status"] == 200 else f" ({row['status']})")

        ratio = cold[-1]["p50"] / cold[0]["p50"] if cold[0]["p50"] else float("nan")
        lines.append(
            f"| {name} | "
            + " | ".join(cell(row) for row in cold)
            + f" | {ratio:.2f}× | "
            + " | ".join(cell(row) for row in warm)
            + " |"
        )
    memories = [results[count]["cold"]["memory"] for count in counts]
    if all(memories):
        lines.append(
            "| worker memory after the mixed requests, resident / peak MB | "
            + " | ".join(f"{rss:.0f} / {peak:.0f}" for rss, peak in memories)
            + f" | {memories[-1][0] / memories[0][0]:.2f}× / {memories[-1][1] / memories[0][1]:.2f}× | "
            + " | ".join("" for _ in counts)
            + " |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=21, help="timed requests per row and setting")
    parser.add_argument("--mixed", type=int, default=1000, help="requests before the memory reading")
    parser.add_argument("--reuse", action="store_true", help="keep a database that already has the articles")
    args = parser.parse_args()
    base_url = os.environ.get("BENCH_SCALE_DATABASE_URL", DEFAULT_DATABASE_URL)
    command = "  ".join(["python", *sys.argv]).replace("  ", " ")
    cold_envs, warm_envs, urls = {}, {}, {}
    for count in args.articles:
        database_url = f"{base_url}_{count}"
        cold_envs[count] = server_env(database_url, cache_enabled=False)
        cold_envs[count]["PAGE_CACHE_ENABLED"] = "false"
        warm_envs[count] = server_env(database_url, cache_enabled=True)
        # prepare_database counts the demo article among its articles.
        if not (args.reuse and article_count(cold_envs[count]) >= count + 1):
            started = time.monotonic()
            prepare_database(database_url, count + 1)
            print(f"  {count} articles prepared in {time.monotonic() - started:.0f} s", flush=True)
        else:
            run(sys.executable, "manage.py", "migrate", "--no-input", "-v0", env=cold_envs[count])
        run("psql", database_url, "-qc", "VACUUM ANALYZE", env=dict(os.environ))
        urls[count] = requests_to_measure(cold_envs[count])
    print("measuring every count side by side, caches off…", flush=True)
    cold = measure_side_by_side(cold_envs, urls, args.repeat, args.mixed)
    print("measuring every count side by side, caches on…", flush=True)
    warm = measure_side_by_side(warm_envs, urls, args.repeat, 0)
    results = {count: {"cold": cold[count], "warm": warm[count]} for count in args.articles}
    bench_results.publish(RESULT, markdown(results, args.repeat, args.mixed, command))


if __name__ == "__main__":
    main()
