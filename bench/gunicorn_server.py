"""Starting and stopping the site under gunicorn on 127.0.0.1 only, for benchmarks and for tests of real servers."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTUP_SECONDS = 60


def start(env: dict, port: int, workers: int, log: Path | None = None) -> subprocess.Popen:
    """gunicorn with ``cms/gunicorn_conf.py`` on 127.0.0.1:``port``, once ``/healthz`` answers 200.

    Its error log (gunicorn's and Django's, never the access log) goes to ``log`` when given.
    """
    # The child keeps its own copy of the log file; the parent's closes at once.
    with open(log, "ab") if log else contextlib.nullcontext(subprocess.DEVNULL) as output:
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
                # Several servers may run at once (a test's two hosts, others' benches): none
                # takes over the one default control socket in the home directory.
                "--no-control-socket",
                "cms.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=output,
            start_new_session=True,
        )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            # Exited (a settings error, the port taken): whatever answers on the port is not this server.
            raise SystemExit(f"gunicorn exited with status {process.returncode} before answering on port {port}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    stop(process)
    raise SystemExit(f"gunicorn did not become healthy within {STARTUP_SECONDS} s")


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn and its workers (killed if they have not stopped within 30 s)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass  # already gone
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
