"""Several workers, one truth: what is changed through one server is what every server serves next.

Two gunicorn servers (one worker each, standing for two hosts behind a load
balancer) run the production settings on one database and one cache. Both
first answer an article's API reads from the cache (``X-Cache: HIT``). An
editor unpublishes the article in server A's admin: server B's very next
answers no longer have it (route 404, gone from the list, page 404). The
editor then publishes a new title through server A's admin, and both
servers' next answers carry it, in the API and in the page's head. A page
that does not show the article (a standard page) is served from the cache by
both servers all along: publishing one article does not turn the site cold.

It runs once with the database cache that production uses without Redis, and
once with Redis when ``TEST_REDIS_URL`` names one (skipped, loudly, when it is
unset; a failure when it is set but unreachable). The servers' database is
prepared once per module and test process (a SQLite file, or a PostgreSQL
database of its own when the suite runs on PostgreSQL); each run edits an
article of its own.
"""

import contextlib
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import redis
import requests
from bs4 import BeautifulSoup
from psycopg import sql

from bench import gunicorn_server

ROOT = Path(__file__).resolve().parents[2]
REQUEST_TIMEOUT = 30
EDITOR = "editor"
LIST_URL = "/api/v3/articles/"

# One process does all the preparing, saving a Django start-up per step. The
# demo site has one article; a synthetic one gives each cache run its own.
PREPARE_SITE = """
import json, os
from django.contrib.auth import get_user_model
from django.core.management import call_command
from blog.models import ArticlePage
from home.models import StandardPage
call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
call_command("load_demo_content", verbosity=0)
call_command("generate_articles", count=1, verbosity=0)
get_user_model().objects.create_superuser(os.environ["EDITOR"], "editor@example.com", os.environ["EDITOR_PASSWORD"])
articles = ArticlePage.objects.live().order_by("id")
standard = StandardPage.objects.live().order_by("id").first()
print(json.dumps({
    "articles": [{"id": a.id, "path": a.get_url(), "title": a.title} for a in articles],
    "standard_page": standard.get_url(),
}))
"""

# A draft with a new title, saved by a third process. The admin's edit form
# cannot be replayed without a browser (its StreamField inputs are built by
# JavaScript); the publishing itself goes through server A's admin.
SAVE_DRAFT_TITLE = """
from wagtail.models import Page
page = Page.objects.get(pk={page_id}).specific
page.title = {title!r}
page.save_revision()
"""

# Inherited from the suite's environment, these would change what the servers run.
NOT_INHERITED = {
    "API_CACHE_ENABLED",
    "AWS_STORAGE_BUCKET_NAME",
    "CACHE_KEY_PREFIX",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "REDIS_URL",
    "TEST_DATABASE_URL",
    "WEB_CONCURRENCY",
}


def manage(env: dict, *args: str, timeout: int = 120) -> str:
    """``manage.py <args>`` in a process of its own; its output, or a failure showing it."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@contextlib.contextmanager
def server_database(workdir: Path) -> Iterator[str]:
    """The servers' database URL: a SQLite file, or a PostgreSQL database of its own beside the suite's."""
    suite_url = os.environ.get("DATABASE_URL", "")
    if not suite_url.startswith("postgres"):
        yield f"sqlite:///{workdir / 'site.sqlite3'}"
        return
    parts = urlsplit(suite_url)
    # pytest-xdist may run the two cache runs on different workers, each with a database of its own.
    name = "_".join(filter(None, ["test", parts.path.lstrip("/"), "workers", os.environ.get("PYTEST_XDIST_WORKER")]))
    maintenance_url = urlunsplit(parts._replace(path="/postgres"))

    def execute(statement: str) -> None:
        with psycopg.connect(maintenance_url, autocommit=True, connect_timeout=10) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(name)))

    execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")
    execute("CREATE DATABASE {}")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")


@dataclass
class PreparedSite:
    """The demo site in a database of its own, with static files, media and an editor account."""

    env: dict
    workdir: Path
    editor_password: str
    articles: list[dict]
    standard_page: str


@pytest.fixture(scope="module")
def prepared_site(tmp_path_factory) -> Iterator[PreparedSite]:
    """The servers' site, prepared once for the module with the production settings."""
    workdir = tmp_path_factory.mktemp("several-workers")
    with server_database(workdir) as database_url:
        env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=database_url,
            MEDIA_ROOT=str(workdir / "media"),
            STATIC_ROOT=str(workdir / "static"),
            LOG_LEVEL="WARNING",
            # The tests tell a cached answer from a fresh one by X-Cache (off by default).
            CACHE_STATUS_HEADER="true",
        )
        password = secrets.token_urlsafe(16)
        account = {"EDITOR": EDITOR, "EDITOR_PASSWORD": password}
        output = manage({**env, **account}, "shell", "-c", PREPARE_SITE, timeout=600)
        prepared = json.loads(output.strip().splitlines()[-1])
        articles = prepared["articles"]
        assert len(articles) >= 2, f"the prepared site should have two live articles, has {articles}"
        yield PreparedSite(
            env=env,
            workdir=workdir,
            editor_password=password,
            articles=articles,
            standard_page=prepared["standard_page"],
        )


@dataclass
class CacheChoice:
    """How the servers cache: the environment that chooses it, and the article this run edits."""

    name: str
    env: dict = field(default_factory=dict)
    article_index: int = 0


@pytest.fixture(scope="module")
def cache_choice(request) -> Iterator[CacheChoice]:
    """The database cache, or Redis from ``TEST_REDIS_URL`` (skipped when unset, failed when unreachable)."""
    if request.param == "database-cache":
        # No REDIS_URL: production's own choice, the database cache.
        yield CacheChoice("database-cache", article_index=0)
        return
    url = os.environ.get("TEST_REDIS_URL", "").strip()
    if not url:
        pytest.skip("!! Redis part SKIPPED: TEST_REDIS_URL is not set (e.g. TEST_REDIS_URL=redis://127.0.0.1:6379/15)")
    parts = urlsplit(url)
    where = f"{parts.hostname}:{parts.port or 6379}{parts.path}"  # never the password
    client = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3)
    try:
        client.ping()
    except redis.RedisError as error:
        unreachable = str(error)
    else:
        unreachable = ""
    if unreachable:  # outside the except block, so the message is not buried under chained tracebacks
        message = f"TEST_REDIS_URL names a Redis server ({where}) that cannot be reached: {unreachable}"
        pytest.fail(message, pytrace=False)
    # A key prefix of its own: others may use the same Redis database at the same time.
    prefix = f"several-workers-{secrets.token_hex(6)}"
    try:
        yield CacheChoice("redis", env={"REDIS_URL": url, "CACHE_KEY_PREFIX": prefix}, article_index=1)
    finally:
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()


@dataclass
class Server:
    """One running gunicorn, standing for one host."""

    name: str
    url: str

    def get(self, path: str) -> requests.Response:
        """An anonymous visitor's ``GET``; redirects are answers, not followed."""
        return requests.get(self.url + path, allow_redirects=False, timeout=REQUEST_TIMEOUT)


@pytest.fixture
def servers(prepared_site: PreparedSite, cache_choice: CacheChoice) -> Iterator[tuple[Server, Server]]:
    """Servers A and B on ports of their own, one worker each, sharing the database and the cache."""
    env = {**prepared_site.env, **cache_choice.env}
    logs = []
    try:
        with contextlib.ExitStack() as stack:
            pair = []
            for name in ("A", "B"):
                port = gunicorn_server.free_port()
                logs.append(prepared_site.workdir / f"{cache_choice.name}-server-{name}.log")
                process = gunicorn_server.start(env, port, workers=1, log=logs[-1])
                stack.callback(gunicorn_server.stop, process)
                pair.append(Server(name, f"http://127.0.0.1:{port}"))
            yield pair[0], pair[1]
    finally:
        for log in logs:
            # Shown by pytest only when the test failed.
            print(f"--- {log.name}\n{log.read_text() if log.exists() else '(no log)'}")


class AdminSession:
    """An editor logged in to one server's admin, pressing its confirmation buttons over HTTP.

    Cookies are kept by hand: production marks them ``Secure``, and an HTTP
    client would not send those back over the plain HTTP the test servers speak.
    """

    def __init__(self, server: Server, username: str, password: str):
        self.server = server
        self.cookies: dict[str, str] = {}
        answer = self.submit("/admin/login/", username=username, password=password)
        assert answer.headers.get("Location") == "/admin/", f"{server.name}: the editor could not log in"

    def _request(self, method: str, path: str, data: dict | None = None) -> requests.Response:
        response = requests.request(
            method,
            self.server.url + path,
            data=data,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def submit(self, path: str, **fields: str) -> requests.Response:
        """Open the admin page at ``path`` and post its form (hidden inputs plus ``fields``); expects a redirect."""
        page = self._request("GET", path)
        assert page.status_code == 200, f"{self.server.name}: GET {path} answered {page.status_code}"
        form = BeautifulSoup(page.text, "html.parser").find("form", action=path, method=["post", "POST"])
        assert form is not None, f"{self.server.name}: no form posting to {path} on that page"
        data = {tag["name"]: tag.get("value", "") for tag in form.find_all("input", type="hidden") if tag.get("name")}
        answer = self._request("POST", path, {**data, **fields})
        assert answer.status_code == 302, f"{self.server.name}: POST {path} answered {answer.status_code}"
        return answer


def route(server: Server, path: str) -> requests.Response:
    """The route API's answer for the frontend ``path``."""
    return server.get(f"/api/v3/route/?path={path}")


def listed(server: Server) -> dict[int, str]:
    """The article list's ids and titles as ``server`` answers it."""
    response = server.get(LIST_URL)
    assert response.status_code == 200, f"{server.name}: {LIST_URL} answered {response.status_code}"
    return {item["id"]: item["title"] for item in response.json()["items"]}


def page_headline(server: Server, path: str) -> tuple[int, str, str]:
    """The frontend page's status, ``<title>`` and ``<h1>``."""
    response = server.get(path)
    soup = BeautifulSoup(response.text, "html.parser")
    head_title = soup.title.get_text() if soup.title else ""
    return response.status_code, head_title, soup.h1.get_text(strip=True) if soup.h1 else ""


def assert_serves(server: Server, article: dict, title: str) -> None:
    """``server`` has the article live under ``title``: in the route, the list and the page's head."""
    answer = route(server, article["path"])
    assert answer.status_code == 200, f"server {server.name}: the route answered {answer.status_code}"
    assert answer.json()["page"]["title"] == title, f"server {server.name}: the route has a stale title"
    assert listed(server).get(article["id"]) == title, f"server {server.name}: the article list is stale"
    status, head_title, h1 = page_headline(server, article["path"])
    assert status == 200, f"server {server.name}: the page answered {status}"
    assert head_title.startswith(f"{title} | "), f"server {server.name}: stale <title> {head_title!r}"
    assert h1 == title, f"server {server.name}: stale <h1> {h1!r}"


@pytest.mark.parametrize("cache_choice", ["database-cache", "redis"], indirect=True)
def test_a_change_made_on_one_server_is_what_every_server_serves_next(cache_choice, prepared_site, servers):
    a, b = servers
    article = prepared_site.articles[cache_choice.article_index]
    route_url = f"/api/v3/route/?path={article['path']}"
    # Shows no article: its copies outlive the article's unpublishing and publishing.
    untouched = [f"/api/v3/route/?path={prepared_site.standard_page}", prepared_site.standard_page]

    # Both servers answer the article, from the cache on a repeated read.
    for server in (a, b):
        for url in (route_url, LIST_URL, article["path"], *untouched):
            first, second = server.get(url), server.get(url)
            assert first.status_code == second.status_code == 200, f"server {server.name}: {url} did not answer"
            assert second.headers.get("X-Cache") == "HIT", f"server {server.name} did not cache {url}"
        assert_serves(server, article, article["title"])

    editor = AdminSession(a, EDITOR, prepared_site.editor_password)
    editor.submit(f"/admin/pages/{article['id']}/unpublish/")

    # B's very next answers, then A's: the article is gone everywhere.
    for server in (b, a):
        answer = route(server, article["path"])
        assert answer.status_code == 404, f"server {server.name} still routes the unpublished article"
        assert article["id"] not in listed(server), f"server {server.name} still lists the unpublished article"
        status, head_title, _ = page_headline(server, article["path"])
        assert status == 404, f"server {server.name} still serves the unpublished page ({head_title!r})"

    new_title = f"Oncologists explained, revised {secrets.token_hex(3)}"
    draft = SAVE_DRAFT_TITLE.format(page_id=article["id"], title=new_title)
    manage({**prepared_site.env, **cache_choice.env}, "shell", "-c", draft)
    # Articles are published by medical review; the superuser's override is the one-step way (blog/review_gate.py).
    editor.submit(f"/admin/articles/{article['id']}/publish-without-review/", reason="Title corrected by the lead")

    # The new title, on B's very next answers and then on A's.
    for server in (b, a):
        assert_serves(server, article, new_title)
    # What does not show the article was never made again.
    for server in (b, a):
        for url in untouched:
            answer = server.get(url)
            assert answer.status_code == 200, f"server {server.name}: {url} answered {answer.status_code}"
            assert answer.headers.get("X-Cache") == "HIT", f"server {server.name} made {url} again"
