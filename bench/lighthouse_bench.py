"""Lighthouse 12 audit of every page type of the demo site, as a visitor's phone (and a desktop) sees them.

Serves the demo site with gunicorn and production settings (WhiteNoise,
collected static files, a throwaway SQLite database) on 127.0.0.1, then runs
Lighthouse (Debian's chromium) on the home page, the doctor page, the article
list, a category's list, the seed article, a standard page, the search
results and the booking form, with mobile emulation and with Lighthouse's
desktop preset. Prints the four category scores, Total Blocking Time and Largest Contentful Paint per page
and writes them to ``bench/results/lighthouse.md``.

    .venv/bin/python bench/lighthouse_bench.py [--form-factors mobile desktop]
"""

import argparse
import json
import os
import secrets
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--form-factors", nargs="+", choices=["mobile", "desktop"], default=["mobile", "desktop"])
    args = parser.parse_args()
    if not (LIGHTHOUSE_DIR / "node_modules").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=LIGHTHOUSE_DIR, check=True)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        workdir = Path(tmp)
        env = site_env(workdir)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "createcachetable")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--no-input", "-v0")
        server = gunicorn_server.start(env, PORT, workers=2)
        rows = []
        try:
            for form_factor in args.form_factors:
                for name, path in page_paths(env).items():
                    figures = audit(f"http://127.0.0.1:{PORT}{path}", workdir / f"{name}.json", form_factor)
                    rows.append((form_factor, name, path, figures))
                    print(f"{form_factor:<8} {name:<13} {path:<60} {figures}", flush=True)
        finally:
            gunicorn_server.stop(server)
    lines = ["| device | page | path | " + " | ".join(COLUMNS) + " |", "| --- | --- | --- |" + " ---: |" * len(COLUMNS)]
    lines += [
        f"| {device} | {name} | `{path}` | " + " | ".join(str(figures[c]) for c in COLUMNS) + " |"
        for device, name, path, figures in rows
    ]
    bench_results.publish("lighthouse.md", "\n".join(lines))


if __name__ == "__main__":
    main()
