"""Lighthouse 12 audit of every page type of the demo site, as a visitor's phone (and a desktop) sees them.

Serves the demo site with gunicorn and production settings (WhiteNoise,
collected static files, a throwaway SQLite database) on 127.0.0.1, then runs
Lighthouse (Debian's chromium) on the home page, the doctor page, the article
list, a category's list, the seed article, a standard page, the search
results and the booking form, with mobile emulation and with Lighthouse's
desktop preset. Prints the four category scores, Total Blocking Time and Largest Contentful Paint per page
and writes them to ``bench/results/lighthouse.md``.

    .venv/bin/python bench/lighthouse_bench.py [--form-factors mobile desktop]

Total Blocking Time varies from run to run on a shared machine: ``--runs N``
audits each page N times and reports the median of every figure (with the
TBT of each run), ``--pages home doctor`` audits only those pages (written to
``bench/results/lighthouse-<pages>.md``), and ``--keep-reports DIR`` keeps
Lighthouse's JSON reports (``long-tasks``, ``bootup-time``) for a closer look.
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import bench_results
import gunicorn_server  # bench/gunicorn_server.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
PORT = 8766
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {"TBT ms": "total-blocking-time", "LCP ms": "largest-contentful-paint"}
COLUMNS = [*CATEGORIES, *METRICS]
CHROME_FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ]
)


def site_env(workdir: Path) -> dict:
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=f"sqlite:///{workdir / 'lighthouse.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        ROBOTS_ALLOW_INDEXING="true",
        LOG_LEVEL="WARNING",
        SERVE_MEDIA="true",
    )
    return env


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def page_paths(env: dict) -> dict[str, str]:
    script = (
        "import json;from home.models import DoctorPage;from blog.models import ArticlePage, BlogIndexPage, Category;"
        "articles = BlogIndexPage.objects.live().first().url;"
        "print(json.dumps({'home': '/', 'doctor': DoctorPage.objects.live().first().url,"
        "'article list': articles, 'category list': f'{articles}?category={Category.objects.first().slug}',"
        "'article': ArticlePage.objects.live().exclude(tags__name='synthetic').first().url,"
        "'standard page': '/about/', 'search': '/search/?q=oncologist', 'booking form': '/appointment/'}))"
    )
    return json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])


def audit(url: str, output: Path, form_factor: str, attempts: int = 3) -> dict[str, int]:
    """The four category scores of ``url``, TBT and LCP in ms; Lighthouse's occasional trace failure is retried."""
    for attempt in range(1, attempts + 1):
        try:
            return _audit_once(url, output, form_factor)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"  Lighthouse failed on {url}; retrying ({attempt}/{attempts})", flush=True)
    raise AssertionError("unreachable")


def _audit_once(url: str, output: Path, form_factor: str) -> dict[str, int]:
    subprocess.run(
        [
            str(LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            *(["--preset=desktop"] if form_factor == "desktop" else []),
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={output}",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=True,
        timeout=300,
    )
    report = json.loads(output.read_text())
    figures = {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}
    for name, audit_id in METRICS.items():
        figures[name] = round(report["audits"][audit_id]["numericValue"])
    return figures


def median_figures(runs: list[dict[str, int]]) -> dict[str, int]:
    """Each figure's median over the runs (the middle run's, or the mean of the two middle ones)."""
    return {column: round(statistics.median(run[column] for run in runs)) for column in COLUMNS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--form-factors", nargs="+", choices=["mobile", "desktop"], default=["mobile", "desktop"])
    parser.add_argument("--pages", nargs="+", help="page names to audit (default: every page type)")
    parser.add_argument("--runs", type=int, default=1, help="audits per page; figures are their median")
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--keep-reports", type=Path, help="directory to keep Lighthouse's JSON reports in")
    args = parser.parse_args()
    if not (LIGHTHOUSE_DIR / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=LIGHTHOUSE_DIR, check=True)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        workdir = Path(tmp)
        reports = args.keep_reports or workdir
        reports.mkdir(parents=True, exist_ok=True)
        env = site_env(workdir)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "createcachetable")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--no-input", "-v0")
        paths = page_paths(env)
        if args.pages:
            paths = {name: paths[name] for name in args.pages}
        server = gunicorn_server.start(env, args.port, workers=2)
        rows = []
        try:
            for form_factor in args.form_factors:
                for name, path in paths.items():
                    runs = []
                    for run in range(1, args.runs + 1):
                        output = reports / f"{form_factor}-{name.replace(' ', '-')}-{run}.json"
                        runs.append(audit(f"http://127.0.0.1:{args.port}{path}", output, form_factor))
                        print(f"{form_factor:<8} {name:<13} {path:<60} {runs[-1]}", flush=True)
                    rows.append((form_factor, name, path, median_figures(runs), [run["TBT ms"] for run in runs]))
        finally:
            gunicorn_server.stop(server)
    header = "| device | page | path | " + " | ".join(COLUMNS)
    rule = "| --- | --- | ---" + " | ---:" * len(COLUMNS)
    if args.runs > 1:
        header, rule = header + " | TBT ms of each run", rule + " | ---"
    lines = [header + " |", rule + " |"]
    for device, name, path, figures, tbt_runs in rows:
        cells = [device, name, f"`{path}`", *(str(figures[c]) for c in COLUMNS)]
        if args.runs > 1:
            cells.append(" / ".join(map(str, tbt_runs)))
        lines.append("| " + " | ".join(cells) + " |")
    if args.runs > 1:
        lines.append(f"\nMedian of {args.runs} runs per page.")
    name = "lighthouse.md" if not args.pages else f"lighthouse-{'-'.join(p.replace(' ', '-') for p in args.pages)}.md"
    bench_results.publish(name, "\n".join(lines))


if __name__ == "__main__":
    main()
