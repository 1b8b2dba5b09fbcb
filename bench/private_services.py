"""Private PostgreSQL and Redis servers for a benchmark, each on a port of its own.

Other people use the machine's PostgreSQL (5432) and Redis (6379) at the same
time, so a benchmark that kills or stops a service, or that must not share a
cache with anyone, runs its own: a throw-away PostgreSQL cluster (``initdb`` +
``pg_ctl`` in a temporary directory, run as the ``postgres`` OS user when the
bench runs as root, because ``initdb`` refuses root) and a ``redis-server``
without persistence. Both listen on 127.0.0.1 only and are removed on exit.
"""

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from gunicorn_server import free_port  # bench/gunicorn_server.py, beside this script

START_SECONDS = 30


def _wait_for_port(port: int, up: bool, what: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                listening = True
        except OSError:
            listening = False
        if listening == up:
            return
        time.sleep(0.1)
    raise SystemExit(f"{what} on port {port} did not {'start' if up else 'stop'} within {START_SECONDS} s")


class PrivateRedis:
    """``redis-server`` on its own port, without snapshots or an append-only file."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        _wait_for_port(self.port, True, "redis-server")

    def kill(self) -> None:
        """``kill -9``: the server vanishes mid-request, as in a crash."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop the server if it runs."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def __enter__(self) -> "PrivateRedis":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class PrivatePostgres:
    """A temporary PostgreSQL cluster on its own port; user ``postgres``, trust authentication."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        self.data = self.directory / "data"
        self.log = self.directory / "postgres.log"
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[-2]))
        self.bindir = Path(os.environ.get("BENCH_PG_BINDIR") or (candidates[-1] if candidates else ""))
        if not (self.bindir / "initdb").exists():
            raise SystemExit("PostgreSQL server binaries not found: install postgresql or set BENCH_PG_BINDIR")
        # initdb and postgres refuse to run as root.
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            account = pwd.getpwnam("postgres")
            os.chown(self.directory, account.pw_uid, account.pw_gid)

    def url(self, database: str) -> str:
        """The ``DATABASE_URL`` of ``database`` on this cluster."""
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.as_postgres, str(self.bindir / "pg_ctl"), "-D", str(self.data), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def start(self) -> None:
        """Create the cluster on first use, start it and wait until it accepts connections."""
        if not self.data.exists():
            initdb = [str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
            subprocess.run(
                [*self.as_postgres, *initdb, "--no-sync"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self._pg_ctl("-l", str(self.log), "-o", options, "-w", "start")
        _wait_for_port(self.port, True, "PostgreSQL")

    def stop(self, mode: str = "fast") -> None:
        """``pg_ctl stop -m fast``: open connections are cut, the port closes."""
        self._pg_ctl("-m", mode, "-w", "stop")
        _wait_for_port(self.port, False, "PostgreSQL")

    def remove(self) -> None:
        """Stop the cluster if it runs and delete its files."""
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("-m", "immediate", "-w", "stop")
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> "PrivatePostgres":
        try:
            self.start()
        except BaseException:
            self.remove()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.remove()
