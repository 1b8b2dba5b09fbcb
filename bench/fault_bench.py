"""Fault benchmark: Redis killed and PostgreSQL stopped under load; what visitors and patients get.

Everything runs privately, so the machine's shared services are never touched:
a throw-away PostgreSQL cluster and a ``redis-server`` on ports of their own
(``bench/private_services.py``), a local SMTP server (``bench/slow_smtp_server.py``)
and gunicorn with production settings (``cms/gunicorn_conf.py``) on
127.0.0.1. A steady load of page and API reads (the visitor mix of
``load_bench.py``) and appointment requests (each with a unique name, phone
and client address behind the one trusted proxy, ``PROXY_COUNT=1``) runs
through four phases:

1. normal;
2. Redis killed with ``kill -9``, left down ``--redis-down`` seconds, restarted;
3. PostgreSQL stopped (``pg_ctl stop -m fast``) for ``--pg-down`` seconds, started again;
4. normal.

Per phase it counts requests, successes, the expected refusals (``503`` with
``Retry-After``: the visitor is told to retry) and failures (any other error
status, a refused or reset connection, a timeout), and checks every
appointment request answered ``201`` against the database afterwards: one
that is missing is *lost*. It reports how long the same server process takes
to answer again once PostgreSQL is back. Then, without other load, it sends
appointment requests while the mail server answers at once and while it
waits ``--smtp-delay`` seconds before answering, and compares their latency.
Results go to ``bench/results/faults.md``.

    .venv/bin/python bench/fault_bench.py --phase 20 --redis-down 15 --pg-down 5 --rate 10
"""

import argparse
import http.client
import itertools
import json
import random
import re
import secrets
import statistics
import subprocess
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import api_bench  # bench/api_bench.py: database preparation, server environment
import bench_results
import gunicorn_server
from load_bench import discover_articles, mix_requests, warm_up
from private_services import PrivatePostgres, PrivateRedis
from slow_smtp_server import SlowSMTPServer

DATABASE = "bench_faults"
REQUEST_TIMEOUT = 15
HEALTH_POLL_SECONDS = 0.25
# What a browser's booking form sends besides the patient's details.
FILL_TIME_MS = 8000


@dataclass
class Outcome:
    """One request as the client saw it."""

    phase: str
    kind: str  # "page", "api" or "appointment"
    started: float  # seconds since the load began
    seconds: float
    status: int | None  # None: no HTTP answer (connection refused or reset, timeout)
    retry_after: bool
    content_type: str = ""
    error: str = ""
    path: str = ""
    name: str = ""
    reference: str = ""

    @classmethod
    def of(cls, answer: "Answer", *, phase: str, kind: str, path: str, sent: float, load_started: float, **fields):
        """The outcome of ``answer`` to a request on ``path`` sent at ``sent`` (``time.monotonic()``), answered now."""
        return cls(
            phase=phase,
            kind=kind,
            started=sent - load_started,
            seconds=time.monotonic() - sent,
            status=answer.status,
            retry_after=answer.retry_after,
            content_type=answer.content_type,
            error=answer.error,
            path=path,
            **fields,
        )

    @property
    def succeeded(self) -> bool:
        return self.status is not None and 200 <= self.status < 400

    @property
    def refused(self) -> bool:
        """``503`` with ``Retry-After`` (the API's as a problem document): the answer while the database is down."""
        problem = self.content_type.startswith("application/problem+json")
        return self.status == 503 and self.retry_after and (problem or self.kind == "page")

    @property
    def failed(self) -> bool:
        return not self.succeeded and not self.refused

    @property
    def failure(self) -> str:
        return str(self.status) if self.status is not None else self.error


class Answer(NamedTuple):
    """What came back for one request."""

    status: int | None  # None: no HTTP answer (connection refused or reset, timeout)
    retry_after: bool
    content_type: str
    body: bytes
    error: str  # the exception's class when there was no answer


def send(port: int, path: str, body: dict | None = None, headers: dict | None = None) -> Answer:
    """One request to 127.0.0.1:``port``; never raises."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        data = json.dumps(body) if body is not None else None
        connection.request("GET" if data is None else "POST", path, body=data, headers=headers or {})
        response = connection.getresponse()
        retry_after = response.getheader("Retry-After") is not None
        return Answer(response.status, retry_after, response.getheader("Content-Type", ""), response.read(), "")
    except (OSError, http.client.HTTPException) as error:
        return Answer(None, False, "", b"", type(error).__name__)
    finally:
        connection.close()


class Patients:
    """Appointment requests that can each be found again: unique name, phone and client address."""

    def __init__(self, port: int):
        self.port = port
        self.run = secrets.token_hex(3)
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    def send(self, phase: str, started_at: float) -> Outcome:
        """Send one request; the outcome carries the patient's name and the reference answered."""
        with self._lock:
            number = next(self._numbers)
        name = f"Fault bench {self.run} {number}"
        body = {"name": name, "phone": f"+9198{number:08d}", "consent": True, "fill_time_ms": FILL_TIME_MS}
        # Each patient comes from an address of their own, as seen through the one trusted proxy,
        # so the per-address limit (meant for one visitor) does not refuse the bench's many patients.
        address = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
        headers = {"Content-Type": "application/json", "X-Forwarded-For": address}
        sent = time.monotonic()
        path = "/api/v3/appointments/"
        answer = send(self.port, path, body, headers)
        reference = json.loads(answer.body)["reference"] if answer.status == 201 else ""
        return Outcome.of(
            answer,
            phase=phase,
            kind="appointment",
            path=path,
            sent=sent,
            load_started=started_at,
            name=name,
            reference=reference,
        )


class SteadyLoad:
    """Threads sending reads and appointment requests at a steady total rate, each tagged with the current phase."""

    def __init__(self, port: int, paths: list[str], patients: Patients, rate: float, post_share: float):
        self.port = port
        self.paths = paths
        self.patients = patients
        self.rate = rate
        self.post_share = post_share
        self.phase = ""
        self.phase_started: dict[str, float] = {}
        self.stopped_at = 0.0
        self.outcomes: list[Outcome] = []
        self.health: list[tuple[float, int | None, dict]] = []
        self.started_at = time.monotonic()
        self._stop = threading.Event()
        self._in_flight: Counter[str] = Counter()
        self._in_flight_changed = threading.Condition()
        # Enough threads that a few slow answers do not lower the rate.
        self._threads = [threading.Thread(target=self._send_loop, args=(n,)) for n in range(max(4, int(rate // 2)))]
        self._threads.append(threading.Thread(target=self._watch_health))

    def clock(self) -> float:
        """Seconds since the load began."""
        return time.monotonic() - self.started_at

    def enter_phase(self, phase: str) -> None:
        """Tag requests with ``phase`` from now on, once every request of the earlier phases is answered.

        A fault is injected only after this returns, so a request sent before
        it is counted in the phase that caused its answer.
        """
        with self._in_flight_changed:
            self.phase = phase
            self.phase_started[phase] = self.clock()
            self._in_flight_changed.wait_for(
                lambda: all(count == 0 for name, count in self._in_flight.items() if name != phase),
                timeout=REQUEST_TIMEOUT + 1,
            )
        print(f"== {phase}", flush=True)

    def _send_loop(self, index: int) -> None:
        rng = random.Random(index)
        interval = (len(self._threads) - 1) / self.rate
        next_at = time.monotonic() + rng.random() * interval
        while not self._stop.wait(max(0.0, next_at - time.monotonic())):
            with self._in_flight_changed:
                phase = self.phase
                self._in_flight[phase] += 1
            if rng.random() < self.post_share:
                outcome = self.patients.send(phase, self.started_at)
            else:
                path = rng.choice(self.paths)
                sent = time.monotonic()
                answer = send(self.port, path)
                kind = "api" if path.startswith("/api/") else "page"
                outcome = Outcome.of(answer, phase=phase, kind=kind, path=path, sent=sent, load_started=self.started_at)
            self.outcomes.append(outcome)
            with self._in_flight_changed:
                self._in_flight[phase] -= 1
                self._in_flight_changed.notify_all()
            next_at = max(next_at + interval, time.monotonic())

    def _watch_health(self) -> None:
        while not self._stop.wait(HEALTH_POLL_SECONDS):
            answer = send(self.port, "/healthz")
            try:
                body = json.loads(answer.body) if answer.body else {}
            except ValueError:
                body = {}
            self.health.append((self.clock(), answer.status, body))

    def __enter__(self) -> "SteadyLoad":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.stopped_at = self.clock()
        for thread in self._threads:
            thread.join()


def stored_requests(database_url: str) -> dict[str, tuple[str, str]]:
    """Every stored appointment request: name -> (reference, notification status)."""
    output = subprocess.run(
        [
            "psql",
            database_url,
            "-AtF",
            "\t",
            "-c",
            "SELECT name, reference, notification_status FROM appointments_appointmentrequest",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {name: (reference, status) for name, reference, status in (line.split("\t") for line in output.splitlines())}


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile of ``values`` (0 for none)."""
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def first_after(moment: float, outcomes: list[Outcome], kind: str) -> float | None:
    """Seconds from ``moment`` to the first success of ``kind`` sent after it."""
    times = [o.started for o in outcomes if o.kind == kind and o.started >= moment and o.succeeded]
    return min(times) - moment if times else None


def email_latency(patients: Patients, smtp: SlowSMTPServer, delay: float, count: int) -> dict:
    """Send ``count`` appointment requests one by one while the mail server waits ``delay`` s; time them."""
    smtp.delay = delay
    before = smtp.messages
    started = time.monotonic()
    outcomes = []
    for _ in range(count):
        outcomes.append(patients.send(f"mail server waits {delay:g} s", started))
        time.sleep(0.5)
    created = sum(o.status == 201 for o in outcomes)
    deadline = time.monotonic() + count * delay + 60
    while smtp.messages - before < created and time.monotonic() < deadline:
        time.sleep(0.2)
    latencies = [o.seconds * 1000 for o in outcomes]
    return {
        "delay": delay,
        "outcomes": outcomes,
        "created": created,
        "delivered": smtp.messages - before,
        "delivered_after": time.monotonic() - started,
        "p50_ms": percentile(latencies, 0.5),
        "max_ms": max(latencies),
    }


# Django's log lines (cms/settings/base.py LOGGING) and gunicorn's own.
DJANGO_RECORD = re.compile(
    r"^\d{4}-\d\d-\d\d [\d:,]+ (?P<level>[A-Z]+) (?P<logger>\S+) (?P<message>[^:(]*)(?:: (?P<path>/\S*))?"
)


def _where(path: str | None) -> str:
    if not path:
        return ""
    return "on /healthz" if path == "/healthz" else "on the API" if path.startswith("/api/") else "on a page"


GUNICORN_RECORD = re.compile(r"^\[[^]]+\] \[\d+\] \[(?P<level>[A-Z]+)\] (?P<message>.*)")


def log_summary(log: Path) -> list[str]:
    """The server's warnings and errors, counted by level, logger, message and the exception that ended each."""
    records: list[list[str]] = []
    for line in log.read_text(errors="replace").splitlines():
        if match := DJANGO_RECORD.match(line):
            message = f"{match['message'].strip()} {_where(match['path'])}".strip()
            records.append([match["level"], match["logger"], message, ""])
        elif match := GUNICORN_RECORD.match(line):
            records.append([match["level"], "gunicorn", match["message"].strip(), ""])
        elif records and line and not line[0].isspace() and not line.startswith(("Traceback", "The above", "During")):
            records[-1][3] = line.split(":", 1)[0]  # a chain of tracebacks ends with the exception raised last
    counts = Counter(
        " ".join(part for part in (level, logger, message, f"({exception})" if exception else "") if part)
        for level, logger, message, exception in records
        if level != "INFO"
    )
    return [f"{count}× {record}" for record, count in counts.most_common()]


def run(args: argparse.Namespace) -> str:
    """The whole fault run; returns the Markdown report."""
    with (
        PrivatePostgres() as postgres,
        PrivateRedis() as redis,
        SlowSMTPServer() as smtp,
        tempfile.TemporaryDirectory(prefix="fault-bench-") as workdir,
    ):
        database_url = postgres.url(DATABASE)
        print(f"== private PostgreSQL :{postgres.port}, Redis :{redis.port}, SMTP :{smtp.port}", flush=True)
        api_bench.prepare_database(database_url, args.articles)
        env = api_bench.server_env(database_url, cache_enabled=True)
        env.update(
            REDIS_URL=redis.url,
            PROXY_COUNT="1",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp.port),
            APPOINTMENTS_NOTIFY_EMAIL="clinic@example.invalid",
        )
        port = gunicorn_server.free_port()
        paths = [path for _, path in mix_requests(discover_articles(env), count=500)]
        log = Path(workdir) / "gunicorn.log"
        server = gunicorn_server.start(env, port, args.workers, log=log)
        events: dict[str, float] = {}
        patients = Patients(port)
        try:
            warm_up(port, paths)
            with SteadyLoad(port, paths, patients, args.rate, args.post_share) as load:
                load.enter_phase("1 normal")
                time.sleep(args.phase)

                load.enter_phase("2 Redis killed")
                events["Redis killed"] = load.clock()
                redis.kill()
                time.sleep(args.redis_down)
                redis.start()
                events["Redis restarted"] = load.clock()
                time.sleep(args.settle)

                load.enter_phase("3 PostgreSQL stopped")
                events["PostgreSQL stopping"] = load.clock()
                postgres.stop()
                events["PostgreSQL stopped"] = load.clock()
                time.sleep(args.pg_down)
                postgres.start()
                events["PostgreSQL started"] = load.clock()
                time.sleep(args.settle)

                load.enter_phase("4 normal")
                time.sleep(args.phase)
            time.sleep(2)  # the last e-mails of the load go out
            print("== e-mail: appointment requests with a fast and a slow mail server", flush=True)
            mail_runs = [email_latency(patients, smtp, delay, args.emails) for delay in (0.0, args.smtp_delay)]
            server_alive = server.poll() is None
        finally:
            gunicorn_server.stop(server)
        stored = stored_requests(database_url)
        return report(args, load, events, stored, mail_runs, server_alive, log_summary(log))


def report(args, load: SteadyLoad, events: dict, stored: dict, mail_runs: list[dict], server_alive: bool, log_lines):
    """The Markdown report of one fault run."""
    outcomes = load.outcomes
    phases = list(load.phase_started)
    lines = [
        "# Faults: Redis killed and PostgreSQL stopped under load",
        "",
        "Private PostgreSQL cluster, private redis-server and local SMTP server; gunicorn `cms/gunicorn_conf.py`, "
        f"production settings, {args.workers} workers × 2 threads, API cache on. "
        f"Steady load ≈{args.rate:g} requests/s: "
        f"the visitor mix of `load_bench.py` (page HTML and API reads) plus {args.post_share:.0%} appointment requests "
        "(each with a unique name, phone and client address).",
        "",
        f"Command: `.venv/bin/python bench/fault_bench.py --phase {args.phase} --redis-down {args.redis_down} "
        f"--pg-down {args.pg_down} --rate {args.rate:g}`",
        "",
        "Timeline (seconds since the load began): "
        + ", ".join(f"{name} {moment:.1f}" for name, moment in events.items())
        + ".",
        "",
        "A *refusal* is `503` with `Retry-After` (a problem JSON document from the API, a plain page for pages): "
        "the expected answer while the database is down. A *failure* is anything else that is not 2xx/3xx: "
        "another status, a refusal without `Retry-After` or problem JSON, a refused or reset connection, a timeout.",
        "",
        "| phase | seconds | requests | req/s | succeeded | refused (503 + Retry-After) | failed | failures "
        "| p50 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    ends = [*list(load.phase_started.values())[1:], load.stopped_at]
    durations = {phase: end - start for (phase, start), end in zip(load.phase_started.items(), ends, strict=True)}
    for phase in phases:
        rows = [o for o in outcomes if o.phase == phase]
        latencies = [o.seconds * 1000 for o in rows]
        failures = Counter(f"{o.kind} {o.failure}" for o in rows if o.failed)
        lines.append(
            f"| {phase} | {durations[phase]:.1f} | {len(rows)} | {len(rows) / durations[phase]:.1f} | "
            f"{sum(o.succeeded for o in rows)} | {sum(o.refused for o in rows)} | "
            f"{sum(o.failed for o in rows)} | {', '.join(f'{k}: {v}' for k, v in failures.items()) or '—'} | "
            f"{percentile(latencies, 0.5):.0f} | {percentile(latencies, 0.99):.0f} |"
        )

    lines += [
        "",
        "Appointment requests: *lost* = answered `201` but not in the database afterwards; *refused* = answered "
        "`503` with `Retry-After` (the patient is told to try again, nothing promised).",
        "",
        "| phase | sent | 201 | lost | refused | refused but stored anyway | failed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    total_lost = 0
    for phase in phases:
        rows = [o for o in outcomes if o.phase == phase and o.kind == "appointment"]
        created = [o for o in rows if o.status == 201]
        lost = [o for o in created if stored.get(o.name, ("",))[0] != o.reference]
        total_lost += len(lost)
        refused = [o for o in rows if o.refused]
        lines.append(
            f"| {phase} | {len(rows)} | {len(created)} | {len(lost)} | {len(refused)} | "
            f"{sum(o.name in stored for o in refused)} | {sum(o.failed for o in rows)} |"
        )

    started = events["PostgreSQL started"]
    healthy = [moment for moment, status, _ in load.health if moment >= started and status == 200]
    redis_back = events["Redis restarted"]
    cache_ok = [moment for moment, _, body in load.health if moment >= redis_back and body.get("cache") == "ok"]
    cache_down = [moment for moment, _, body in load.health if body.get("cache") == "unavailable"]

    def seconds(value: float | None) -> str:
        return f"{value:.1f} s" if value is not None else "never"

    lines += [
        "",
        "Recovery, same server processes (never restarted"
        + ("" if server_alive else " — but the gunicorn master had exited!")
        + "):",
        "",
        f"- after PostgreSQL started: `/healthz` 200 after {seconds(healthy[0] - started if healthy else None)}, "
        f"first page {seconds(first_after(started, outcomes, 'page'))}, first API read "
        f"{seconds(first_after(started, outcomes, 'api'))}, first stored appointment request "
        f"{seconds(first_after(started, outcomes, 'appointment'))} (each no sooner than the next request of its "
        f"kind was sent; `/healthz` is polled every {HEALTH_POLL_SECONDS} s).",
        f"- Redis: `/healthz` reported the cache unavailable {len(cache_down)} times while it was down; cache "
        f"`ok` again {seconds(cache_ok[0] - redis_back if cache_ok else None)} after the restart.",
        f"- Lost appointment requests in all phases: **{total_lost}**.",
        "",
        "Appointment submission latency, no other load, "
        f"{args.emails} requests each (the notification e-mail goes out on a background thread):",
        "",
        "| mail server | 201 | p50 ms | max ms | e-mails accepted | all accepted after |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for mail in mail_runs:
        label = "answers at once" if mail["delay"] == 0 else f"waits {mail['delay']:g} s before answering"
        lines.append(
            f"| {label} | {mail['created']} | {mail['p50_ms']:.0f} | {mail['max_ms']:.0f} | "
            f"{mail['delivered']}/{mail['created']} | {mail['delivered_after']:.1f} s |"
        )
    fast, slow = mail_runs
    if fast["p50_ms"]:
        lines.append("")
        lines.append(f"Slow/fast mail server, p50 submission latency: {slow['p50_ms'] / fast['p50_ms']:.2f}×.")
    mail_statuses = Counter(stored.get(o.name, ("", "missing"))[1] for mail in mail_runs for o in mail["outcomes"])
    lines.append(f"Notification status of those requests: {dict(mail_statuses)}.")
    load_statuses = Counter(stored[o.name][1] for o in outcomes if o.kind == "appointment" and o.name in stored)
    lines.append(
        f"Notification status of the requests stored during the load phases: {dict(load_statuses)} "
        "(`pending` ones are sent by `manage.py resend_appointment_notifications`)."
    )
    lines += ["", "Server log, warnings and errors (a `503` is logged as an error with its cause):", ""]
    lines += [f"- {line}" for line in log_lines] or ["- none"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20, help="demo site plus generated articles")
    parser.add_argument("--phase", type=int, default=20, help="seconds of each normal phase")
    parser.add_argument("--redis-down", type=int, default=15, help="seconds Redis stays dead")
    parser.add_argument("--pg-down", type=int, default=5, help="seconds PostgreSQL stays stopped")
    parser.add_argument("--settle", type=int, default=10, help="seconds after each restart before the next phase")
    parser.add_argument("--rate", type=float, default=10, help="requests per second, all kinds")
    parser.add_argument("--post-share", type=float, default=0.1, help="share of appointment requests")
    parser.add_argument("--emails", type=int, default=10, help="appointment requests per mail-server speed")
    parser.add_argument("--smtp-delay", type=float, default=5, help="seconds the slow mail server waits")
    parser.add_argument("--workers", type=int, default=5, help="gunicorn workers (2 × cores + 1)")
    args = parser.parse_args()
    text = run(args)
    bench_results.publish("faults.md", text)


if __name__ == "__main__":
    main()
