"""Who is asking never changes what the next anonymous visitor gets, over real HTTP with the shared cache.

The two gunicorn servers of ``test_several_workers.py`` (production settings,
one database, one shared cache) are reused, both asked for the same site. A
first request that says who is asking (a staff session, a bearer token) or
that asks differently (``Accept: text/html``, cookies, parameters nobody
reads) goes to server A while the
cache is cold; the next anonymous visitor's answer from server B must be what
an anonymous visitor gets from a cold cache: same status and body, no
``Set-Cookie``, no user name, no CSRF token, no staff-only page, JSON where
JSON was asked. Answers given to a session or a token are ``private,
no-store``. Anonymous HTML and JSON are gzip-compressed; the admin and a
session's answers are not (BREACH).
"""

import json
import secrets
from collections.abc import Callable

import pytest
import requests

from tests.operations.test_several_workers import (  # the servers and site of that test, reused
    REQUEST_TIMEOUT,
    AdminSession,
    CacheChoice,
    PreparedSite,
    Server,
    cache_choice,  # noqa: F401 (fixture)
    manage,
    prepared_site,  # noqa: F401 (fixture)
    servers,  # noqa: F401 (fixture)
)

SITE_HOST = "127.0.0.1"
STAFF = "dr-rota-keeper"
RESTRICTED_TITLE = "Ward rota for staff only"
SEARCH_WORD = "rota"

# A staff member, an article only logged-in users may read, and a bearer token.
PREPARE_IDENTITIES = """
import json, os
from django.contrib.auth import get_user_model
from wagtail.models import APIToken, PageViewRestriction
from blog.models import ArticlePage
staff = get_user_model().objects.create_superuser(os.environ["STAFF"], "rota@example.com", os.environ["STAFF_PASSWORD"])
article = ArticlePage.objects.live().order_by("-id").first()
article.title = os.environ["RESTRICTED_TITLE"]
article.save_revision().publish()
PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
token = APIToken.create_token(user=staff, name="cache identity test")[1]
print(json.dumps({"path": article.get_url(), "token": token}))
"""
COLD_CACHE = "from content_cache.store import start_new_generation; start_new_generation()"


@pytest.fixture(scope="module")
def identities(prepared_site: PreparedSite) -> dict:  # noqa: F811
    """The staff member's password, the restricted article's path and the bearer token."""
    password = secrets.token_urlsafe(16)
    env = {**prepared_site.env, "STAFF": STAFF, "STAFF_PASSWORD": password, "RESTRICTED_TITLE": RESTRICTED_TITLE}
    created = json.loads(manage(env, "shell", "-c", PREPARE_IDENTITIES).strip().splitlines()[-1])
    return {**created, "password": password}


def urls(identities: dict) -> list[str]:
    """A page and the API reads the frontend makes, each of which could show the restricted article."""
    return [
        "/articles/",
        "/api/v3/articles/",
        f"/api/v3/route/?path={identities['path']}",
        f"/api/v3/search/?q={SEARCH_WORD}",
        "/api/v2/pages/",
    ]


def cold_cache(prepared_site: PreparedSite, cache_choice: CacheChoice) -> None:  # noqa: F811
    """Start a new content generation: every copy in the shared cache is stale."""
    manage({**prepared_site.env, **cache_choice.env}, "shell", "-c", COLD_CACHE)


def get(server: Server, url: str, headers: dict | None = None, **kwargs) -> requests.Response:
    """A ``GET`` to ``server`` with whatever the visitor sends; redirects are answers.

    Every request names the site as visitors do (``Host: 127.0.0.1``, without the
    server's port), whichever server the load balancer picks: one site, one set of copies.
    """
    headers = {"Host": SITE_HOST, **(headers or {})}
    return requests.get(server.url + url, headers=headers, allow_redirects=False, timeout=REQUEST_TIMEOUT, **kwargs)


def staff_session(server: Server, identities: dict) -> Callable[[str], requests.Response]:
    """A staff member logged in to ``server``'s admin, reading the site."""
    session = AdminSession(server, STAFF, identities["password"])
    return lambda url: get(server, url, cookies=session.cookies)


def with_unread_parameters(url: str) -> str:
    return url + ("&" if "?" in url else "?") + "utm_source=newsletter&fbclid=IwAR0secret"


# How a first visitor asks: (name, whether the answer is private, how to ask server A).
FIRST_VISITORS = {
    "staff session": (True, lambda a, ids: staff_session(a, ids)),
    "bearer token": (True, lambda a, ids: lambda url: get(a, url, headers={"Authorization": f"Bearer {ids['token']}"})),
    "stale session cookie": (True, lambda a, ids: lambda url: get(a, url, cookies={"sessionid": "expired-or-forged"})),
    "Accept: text/html": (False, lambda a, ids: lambda url: get(a, url, headers={"Accept": "text/html"})),
    "other cookies": (
        False,
        lambda a, ids: lambda url: get(a, url, cookies={"csrftoken": "x" * 32, "theme": "dark", "_ga": "GA1.2.3"}),
    ),
    "unread query parameters": (False, lambda a, ids: lambda url: get(a, with_unread_parameters(url))),
}


@pytest.mark.parametrize("first_visitor", FIRST_VISITORS)
@pytest.mark.parametrize("cache_choice", ["database-cache", "redis"], indirect=True)
def test_the_first_visitor_does_not_decide_what_the_next_anonymous_visitor_gets(
    cache_choice,  # noqa: F811
    prepared_site,  # noqa: F811
    servers,  # noqa: F811
    identities,
    first_visitor,
):
    a, b = servers
    private, visitor = FIRST_VISITORS[first_visitor]
    ask_a = visitor(a, identities)

    cold_cache(prepared_site, cache_choice)
    first = {url: ask_a(url) for url in urls(identities)}
    after = {url: get(b, url) for url in urls(identities)}

    cold_cache(prepared_site, cache_choice)
    for url in urls(identities):
        expected = get(b, url)
        got = after[url]
        assert (got.status_code, got.text) == (expected.status_code, expected.text), f"{url} changed for everybody"
        assert "Set-Cookie" not in got.headers, f"{url}: another visitor's cookie was served"
        assert RESTRICTED_TITLE not in got.text and STAFF not in got.text, f"{url}: staff-only content was served"
        assert "csrfmiddlewaretoken" not in got.text, f"{url}: a CSRF token was served"
        if url.startswith("/api/"):
            media_type = got.headers["Content-Type"].split(";")[0]
            assert media_type in ("application/json", "application/problem+json"), f"{url}: {media_type}"
    if private:
        shareable = {url: answer.headers.get("Cache-Control") for url, answer in first.items()}
        assert set(shareable.values()) == {"private, no-store"}, (
            f"answers to {first_visitor} may be shared: {shareable}"
        )


@pytest.mark.parametrize("cache_choice", ["database-cache"], indirect=True)
def test_public_answers_are_compressed_and_secret_bearing_ones_are_not(
    cache_choice,  # noqa: F811
    prepared_site,  # noqa: F811
    servers,  # noqa: F811
    identities,
):
    a, _ = servers
    gzip = {"Accept-Encoding": "gzip"}
    for url in ("/articles/", "/api/v3/articles/", "/api/v2/pages/"):
        for attempt in ("fresh", "cached"):
            answer = get(a, url, headers=gzip)
            assert answer.status_code == 200
            assert answer.headers.get("Content-Encoding") == "gzip", f"{url} ({attempt}) is not compressed"
            assert "Accept-Encoding" in answer.headers.get("Vary", ""), f"{url} ({attempt}) does not vary on it"

    login = get(a, "/admin/login/", headers=gzip)
    assert login.status_code == 200 and "Content-Encoding" not in login.headers, "the admin login is compressed"
    session = AdminSession(a, STAFF, identities["password"])
    for url in ("/admin/", "/articles/", "/api/v3/articles/"):
        answer = get(a, url, headers=gzip, cookies=session.cookies)
        assert answer.status_code == 200
        assert "Content-Encoding" not in answer.headers, f"{url} is compressed for a session"


PROTECT_ABOUT_PAGE = """
from wagtail.models import PageViewRestriction
from home.models import StandardPage
about = StandardPage.objects.get(slug="about")
password = PageViewRestriction.PASSWORD
PageViewRestriction.objects.get_or_create(page=about, restriction_type=password, password="staff-only")
print(about.get_url())
"""


@pytest.mark.parametrize("cache_choice", ["database-cache"], indirect=True)
def test_restricted_pages_answer_as_wagtail_under_production_settings_and_every_other_page_is_200(
    cache_choice,  # noqa: F811
    prepared_site,  # noqa: F811
    servers,  # noqa: F811
    identities,
):
    a, b = servers
    protected = manage(prepared_site.env, "shell", "-c", PROTECT_ABOUT_PAGE).strip().splitlines()[-1]
    cold_cache(prepared_site, cache_choice)
    form = get(a, protected)
    assert form.status_code == 401, form.text[:500]
    assert 'type="password" name="password"' in form.text and 'class="site-header"' in form.text
    assert form.headers["Cache-Control"] == "private, no-store"
    # The article restricted to signed-in users: a clear 403 page, in the site's layout.
    private = get(a, identities["path"])
    assert private.status_code == 403 and RESTRICTED_TITLE not in private.text
    for server in (a, b):
        for url in ("/", "/articles/", "/search/?q=oncologist", "/appointment/", "/no-such-page/"):
            assert get(server, url).status_code == (404 if url == "/no-such-page/" else 200), f"{server.name} {url}"
