"""Screenshots of the home, doctor and article pages for the README.

Serves the demo site (a throwaway SQLite database) with Django's development
server on 127.0.0.1 and photographs each page at a phone and a desktop width
with Debian's chromium through Playwright. Re-run when the design changes:

    .venv/bin/python docs/make_screenshots.py
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshots"
PORT = 8767
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp}/screenshots.sqlite3",
            "MEDIA_ROOT": f"{tmp}/media",
            "LOG_LEVEL": "WARNING",
        }
        env.pop("REDIS_URL", None)

        def manage(*args: str) -> str:
            return subprocess.run(
                [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            ).stdout

        manage("migrate", "--no-input", "-v0")
        manage("load_demo_content")
        paths = json.loads(
            manage(
                "shell",
                "-c",
                "import json;from home.models import DoctorPage;from blog.models import ArticlePage;"
                "print(json.dumps({'home': '/', 'doctor': DoctorPage.objects.first().url,"
                "'article': ArticlePage.objects.first().url}))",
            )
            .strip()
            .splitlines()[-1]
        )
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            for _ in range(60):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.5)
            OUTPUT.mkdir(parents=True, exist_ok=True)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                for device, viewport in VIEWPORTS.items():
                    page = browser.new_page(viewport=viewport, device_scale_factor=1)
                    for name, path in paths.items():
                        page.goto(f"http://127.0.0.1:{PORT}{path}", wait_until="networkidle")
                        target = OUTPUT / f"{name}-{device}.png"
                        page.screenshot(path=str(target), full_page=device == "phone")
                        print(target.relative_to(ROOT))
                    page.close()
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
