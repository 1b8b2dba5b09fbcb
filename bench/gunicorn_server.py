"""Starting and stopping the site under gunicorn for a benchmark, on 127.0.0.1 only."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 60


def start(env: dict, port: int, workers: int) -> subprocess.Popen:
    """gunicorn with ``cms/gunicorn_conf.py`` on 127.0.0.1:``port``, once ``/healthz`` answers 200."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "cms/gunicorn_conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
            "cms.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    stop(process)
    raise SystemExit(f"gunicorn did not become healthy within {STARTUP_SECONDS} s")


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn and its workers."""
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
