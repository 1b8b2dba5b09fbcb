"""Lighthouse 12 audit of the demo site's main page types, as a visitor's phone sees them.

Serves the demo site with gunicorn and production settings (WhiteNoise,
collected static files, a throwaway SQLite database) on 127.0.0.1, then runs
Lighthouse (mobile emulation, Debian's chromium) on the home page, the doctor
page, the article list and the seed article. Prints the four category scores
per page and writes them to ``bench/results/lighthouse.md``.

    .venv/bin/python bench/lighthouse_bench.py
"""

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
        "import json;from home.models import DoctorPage;from blog.models import ArticlePage, BlogIndexPage;"
        "print(json.dumps({'home': '/', 'doctor': DoctorPage.objects.live().first().url,"
        "'article list': BlogIndexPage.objects.live().first().url,"
        "'article': ArticlePage.objects.live().exclude(tags__name='synthetic').first().url}))"
    )
    return json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])


def audit(url: str, output: Path, attempts: int = 3) -> dict[str, int]:
    """The four category scores of ``url``; Lighthouse's occasional trace failure is retried."""
    for attempt in range(1, attempts + 1):
        try:
            return _audit_once(url, output)
        except subprocess.CalledProcessError:
            if attempt == attempts:
                raise
            print(f"  Lighthouse failed on {url}; retrying ({attempt}/{attempts})", flush=True)
    raise AssertionError("unreachable")


def _audit_once(url: str, output: Path) -> dict[str, int]:
    subprocess.run(
        [
            str(LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
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
    return {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}


def main() -> None:
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
            for name, path in page_paths(env).items():
                scores = audit(f"http://127.0.0.1:{PORT}{path}", workdir / f"{name}.json")
                rows.append((name, path, scores))
                print(f"{name:<13} {path:<70} {scores}", flush=True)
        finally:
            gunicorn_server.stop(server)
    lines = ["| page | path | " + " | ".join(CATEGORIES) + " |", "| --- | --- |" + " ---: |" * len(CATEGORIES)]
    lines += [f"| {name} | `{path}` | " + " | ".join(str(s[c]) for c in CATEGORIES) + " |" for name, path, s in rows]
    bench_results.publish("lighthouse.md", "\n".join(lines))


if __name__ == "__main__":
    main()
