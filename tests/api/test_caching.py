"""ETag, Cache-Control, 304s, the server-side cache and its invalidation; CORS; CDN purge config."""

import base64
import gzip
from datetime import date
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import PageViewRestriction, Site

from tests.factories import make_article

pytestmark = pytest.mark.django_db

ARTICLES = "/api/v3/articles/"


@pytest.fixture(autouse=True)
def _cache_status_header(settings):
    """These tests tell a copy from a fresh answer by ``X-Cache``, off by default."""
    settings.CACHE_STATUS_HEADER = True


def test_public_get_has_etag_and_cache_control(client, site_tree):
    response = client.get(ARTICLES)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Cache-Control"] == "public, max-age=60"
    assert client.get(f"/api/v2/pages/{site_tree.about.pk}/")["ETag"]
    assert client.get(f"/api/v3/pages/{site_tree.about.pk}/")["ETag"]


def test_matching_if_none_match_answers_304(client, site_tree):
    etag = client.get(ARTICLES)["ETag"]
    response = client.get(ARTICLES, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert client.get(ARTICLES, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_repeated_read_is_served_from_cache_without_queries(client, site_tree, django_assert_num_queries):
    first = client.get(ARTICLES)
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(ARTICLES)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content


def _titles(client):
    return [item["title"] for item in client.get(ARTICLES).json()["items"]]


def test_publish_invalidates(client, site_tree, django_capture_on_commit_callbacks):
    etag = client.get(ARTICLES)["ETag"]
    article = site_tree.other_article
    article.title = "Chemotherapy side effects, updated"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    response = client.get(ARTICLES, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Chemotherapy side effects, updated" in _titles(client)


def test_draft_save_keeps_the_cached_answer(client, site_tree, django_capture_on_commit_callbacks):
    before = client.get(ARTICLES).content
    site_tree.other_article.title = "Draft title"
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.other_article.save_revision()  # readers see nothing new: no reason to recompute
    response = client.get(ARTICLES)
    assert response["X-Cache"] == "HIT"
    assert response.content == before


def test_invalidation_waits_for_the_commit(client, site_tree, django_capture_on_commit_callbacks):
    before = client.get(ARTICLES).content
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        site_tree.other_article.unpublish()
        # Not committed yet: readers keep the committed content.
        assert client.get(ARTICLES).content == before
    for callback in callbacks:
        callback()
    assert len(_titles(client)) == 1


def test_unpublish_move_and_delete_invalidate(client, site_tree, django_capture_on_commit_callbacks):
    committed = django_capture_on_commit_callbacks
    assert len(_titles(client)) == 2
    with committed(execute=True):
        site_tree.other_article.unpublish()
    assert len(_titles(client)) == 1
    with committed(execute=True):
        site_tree.other_article.save_revision().publish()
    assert len(_titles(client)) == 2

    route = {"path": "/articles/chemotherapy-side-effects/"}
    assert client.get("/api/v3/route/", route).status_code == 200
    with committed(execute=True):
        site_tree.other_article.move(site_tree.about, pos="last-child")
    # Wagtail leaves a redirect at the old path; the page answers at the new one.
    moved = client.get("/api/v3/route/", route).json()
    assert moved["redirect"] == {"location": "/about/chemotherapy-side-effects/", "status": 301}
    assert client.get("/api/v3/route/", {"path": "/about/chemotherapy-side-effects/"}).json()["kind"] == "page"

    with committed(execute=True):
        site_tree.article.delete()
    assert len(_titles(client)) == 1


def test_snippet_image_and_setting_changes_invalidate(client, site_tree, django_capture_on_commit_callbacks):
    committed = django_capture_on_commit_callbacks
    assert client.get("/api/v3/site/").json()["clinics"][0]["name"] == "City Cancer Centre"
    site_tree.clinic.name = "City Cancer Centre (new wing)"
    with committed(execute=True):
        site_tree.clinic.save()
    assert client.get("/api/v3/site/").json()["clinics"][0]["name"] == "City Cancer Centre (new wing)"

    site_tree.settings.footer_disclaimer = "New disclaimer."
    with committed(execute=True):
        site_tree.settings.save()
    assert client.get("/api/v3/site/").json()["settings"]["footer_disclaimer"] == "New disclaimer."

    site_tree.category.name = "Medical oncology (adults)"
    with committed(execute=True):
        site_tree.category.save()
    assert client.get(ARTICLES).json()["items"][0]["categories"][0]["name"] == "Medical oncology (adults)"

    site_tree.image.description = "A new description"
    with committed(execute=True):
        site_tree.image.save()
    assert client.get(ARTICLES).json()["items"][1]["hero_image"] is None  # the other article has none
    detail = client.get(f"/api/v3/pages/{site_tree.doctor.pk}/").json()
    assert detail["photo"]["alt"] == "A new description"


def test_token_requests_are_not_cached_or_shared(client, site_tree):
    response = client.get(ARTICLES, HTTP_AUTHORIZATION="Bearer not-a-real-token")
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in response


def test_preview_is_never_cached(client, site_tree):
    preview = site_tree.about.create_page_preview()
    params = {"content_type": "home.standardpage", "token": preview.token}
    response = client.get("/api/v3/preview/", params)
    assert response["Cache-Control"] == "no-store"
    assert "X-Cache" not in response and "ETag" not in response


def test_errors_are_not_cached(client, site_tree):
    assert client.get("/api/v3/route/", {"path": "/later/"}).status_code == 404
    site_tree.home.add_child(instance=type(site_tree.about)(title="Later", slug="later"))
    assert client.get("/api/v3/route/", {"path": "/later/"}).status_code == 200


def test_cache_outage_does_not_break_requests(client, site_tree):
    unreachable = {"default": {"BACKEND": "cms.redis_cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=unreachable):
        response = client.get(ARTICLES)
        detail = client.get(f"/api/v3/pages/{site_tree.article.pk}/")
    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert detail.status_code == 200


# --- Who is asking -------------------------------------------------------------

STAFF_PASSWORD = "a-long-staff-password"


@pytest.fixture
def staff(site_tree, django_user_model):
    """A superuser, and the about page restricted to logged-in users (which a staff session could read)."""
    PageViewRestriction.objects.create(page=site_tree.about, restriction_type=PageViewRestriction.LOGIN)
    return django_user_model.objects.create_superuser("staffer", "staffer@example.com", STAFF_PASSWORD)


@pytest.mark.parametrize(
    "url", [ARTICLES, "/api/v3/route/?path=/about/", "/api/v3/search/?q=treatment", "/api/v2/pages/?fields=title"]
)
def test_a_staff_session_neither_makes_nor_gets_the_copy_anonymous_visitors_are_served(client, staff, url):
    anonymous = client.get(url)
    staff_client = Client()
    staff_client.force_login(staff)
    answer = staff_client.get(url)
    assert answer["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in answer and "ETag" not in answer
    # The session does not change the answer either: the restricted page stays hidden.
    assert answer.status_code == anonymous.status_code
    assert answer.content == anonymous.content


def test_a_staff_session_first_does_not_decide_what_anonymous_visitors_get(client, staff):
    staff_client = Client()
    staff_client.force_login(staff)
    staff_client.get("/api/v2/pages/?fields=title")
    staff_client.get("/api/v3/route/?path=/about/")
    pages = client.get("/api/v2/pages/?fields=title")
    assert pages["X-Cache"] == "MISS" and pages["Cache-Control"] == "public, max-age=60"
    assert "About the practice" not in [item["title"] for item in pages.json()["items"]]
    assert client.get("/api/v3/route/?path=/about/").status_code == 404


def test_a_stale_session_cookie_is_not_served_to_others(client, site_tree):
    stale = Client()
    stale.cookies["sessionid"] = "expired-or-forged"
    answer = stale.get(ARTICLES)
    assert answer["Cache-Control"] == "private, no-store"
    # The session middleware deletes the cookie in that answer; nobody else may get that deletion.
    anonymous = client.get(ARTICLES)
    assert anonymous["X-Cache"] == "MISS"
    assert "sessionid" not in anonymous.cookies


def test_api_v2_has_no_password_login(client, staff):
    credentials = base64.b64encode(f"staffer:{STAFF_PASSWORD}".encode()).decode()
    answer = client.get("/api/v2/pages/?fields=title", HTTP_AUTHORIZATION=f"Basic {credentials}")
    assert answer.status_code == 200
    assert "About the practice" not in [item["title"] for item in answer.json()["items"]]
    assert answer["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "headers", [{"HTTP_ACCEPT": "text/html"}, {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}, {}]
)
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/pages/?format=api", "/api/v2/images/"])
def test_api_v2_answers_json_whatever_accept_or_format_asks(client, site_tree, url, headers):
    answer = client.get(url, **headers)
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json"
    assert answer.json()["meta"]["total_count"] >= 1


def test_a_browser_first_does_not_turn_the_json_copy_into_html(client, site_tree):
    browser = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    answer = client.get("/api/v2/pages/", HTTP_ACCEPT="application/json")
    assert answer["X-Cache"] == "HIT"
    assert answer["Content-Type"] == "application/json"
    assert answer.content == browser.content


def test_the_copy_is_kept_per_scheme_host_and_normalised_query(client, site_tree):
    assert client.get("/api/v3/articles/?limit=1&offset=1")["X-Cache"] == "MISS"
    assert client.get("/api/v3/articles/?offset=%31&limit=1")["X-Cache"] == "HIT"
    assert client.get("/api/v3/articles/?offset=1&limit=1", secure=True)["X-Cache"] == "MISS"
    assert client.get("/api/v3/articles/?offset=1&limit=1", HTTP_HOST="other.example")["X-Cache"] == "MISS"


def test_the_cache_status_is_not_told_unless_turned_on(client, site_tree, settings):
    settings.CACHE_STATUS_HEADER = False
    client.get(ARTICLES)
    repeated = client.get(ARTICLES)
    assert "X-Cache" not in repeated
    assert repeated["Cache-Control"] == "public, max-age=60"


# --- Compression ---------------------------------------------------------------


def test_public_json_is_compressed_fresh_and_from_the_cache(client, site_tree):
    for attempt in ("MISS", "HIT"):
        answer = client.get(ARTICLES, HTTP_ACCEPT_ENCODING="gzip")
        assert answer["X-Cache"] == attempt
        assert answer["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in answer["Vary"]
        assert gzip.decompress(answer.content).startswith(b"{")
    assert "Content-Encoding" not in client.get(ARTICLES)


def test_answers_that_may_hold_a_secret_are_not_compressed(client, staff):
    login = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert login.status_code == 200 and "csrftoken" in login.cookies
    assert "Content-Encoding" not in login
    client.force_login(staff)
    for url in ("/admin/", ARTICLES, "/articles/"):
        answer = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert answer.status_code == 200
        assert "Content-Encoding" not in answer, f"{url} is compressed for a session"


# --- CORS --------------------------------------------------------------------


def test_cors_is_off_by_default(client, site_tree):
    response = client.get(ARTICLES, HTTP_ORIGIN="https://portal.example")
    assert "Access-Control-Allow-Origin" not in response


@override_settings(CORS_ALLOWED_ORIGINS=["https://portal.example"])
def test_cors_allows_configured_origins_on_the_api_only(client, site_tree):
    response = client.get(ARTICLES, HTTP_ORIGIN="https://portal.example")
    assert response["Access-Control-Allow-Origin"] == "https://portal.example"
    cached = client.get(ARTICLES, HTTP_ORIGIN="https://portal.example")
    assert cached["X-Cache"] == "HIT" and cached["Access-Control-Allow-Origin"] == "https://portal.example"
    assert "Access-Control-Allow-Origin" not in client.get(ARTICLES, HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in client.get("/admin/login/", HTTP_ORIGIN="https://portal.example")


# --- CDN purging ---------------------------------------------------------------


def test_frontend_cache_is_off_unless_configured(settings):
    assert settings.WAGTAILFRONTENDCACHE == {}
    assert get_backends() == {}


def test_frontend_cache_purges_published_pages_when_configured(site_tree, monkeypatch):
    purged = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge", lambda self, url: purged.append(url)
    )
    config = {"http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cdn"}}
    with override_settings(WAGTAILFRONTENDCACHE=config):
        site_tree.about.save_revision().publish()
    assert "http://testserver/about/" in purged


def test_a_publish_while_the_cache_is_unreachable_is_not_forgotten_when_it_returns(
    client, site_tree, django_capture_on_commit_callbacks
):
    """Redis down at the moment of a publish (writes silently skipped), back a moment later."""
    before = client.get(ARTICLES).content
    # What ResilientRedisCache does while Redis is down: writes are skipped without an error.
    with mock.patch.object(caches["default"], "set", return_value=None):
        site_tree.other_article.title = "Published during the outage"
        with django_capture_on_commit_callbacks(execute=True):
            site_tree.other_article.save_revision().publish()
    # Redis is back, still holding the old generation and the answers cached under it.
    response = client.get(ARTICLES)
    assert response.content != before
    assert "Published during the outage" in _titles(client)


# --- publishing one article -----------------------------------------------------


def test_publishing_an_article_leaves_the_pages_that_do_not_show_it_cached(
    client, site_tree, django_capture_on_commit_callbacks
):
    # The other category's article shares nothing with the one published below.
    unrelated = make_article(site_tree.blog, title="Surgery explained", categories=[site_tree.other_category])
    route = "/api/v3/route/"
    untouched = [
        ("/api/v3/site/", {}),  # the site shell lists no articles
        (route, {"path": unrelated.url}),
        (route, {"path": site_tree.about.url}),
        (unrelated.url, {}),
        (site_tree.about.url, {}),
    ]
    touched = [
        (route, {"path": site_tree.other_article.url}),  # the article itself
        (route, {"path": site_tree.article.url}),  # shares its category: offers it as related
        (site_tree.other_article.url, {}),
        (site_tree.blog.url, {}),  # the list
        (ARTICLES, {}),
        ("/api/v3/search/", {"q": "chemotherapy"}),
        ("/feeds/articles.rss", {}),
    ]
    # Pages that list articles (it may now be among them): made again too.
    listing = [(site_tree.home.url, {}), (site_tree.doctor.url, {}), ("/sitemap.xml", {})]
    for url, query in untouched + touched + listing:
        assert client.get(url, query).status_code == 200, url
    for url, query in untouched + touched + listing:
        assert client.get(url, query).get("X-Cache", "HIT") == "HIT", f"{url} {query} was not cached"

    site_tree.other_article.title = "Chemotherapy side effects, revised"
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.other_article.save_revision().publish()

    for url, query in untouched:
        assert client.get(url, query)["X-Cache"] == "HIT", f"{url} {query} was made again"
    for url, query in touched:
        response = client.get(url, query)
        assert response.get("X-Cache", "MISS") == "MISS", f"{url} {query} is still the old copy"
        assert b"Chemotherapy side effects, revised" in response.content, f"{url} {query} is stale"
    for url, query in listing:
        assert client.get(url, query).get("X-Cache", "MISS") == "MISS", f"{url} {query} is still the old copy"


def test_unpublishing_an_article_removes_it_from_the_articles_that_offered_it(
    client, site_tree, django_capture_on_commit_callbacks
):
    route = {"path": site_tree.article.url}
    related = client.get("/api/v3/route/", route).json()["page"]["related_articles"]
    assert [card["id"] for card in related] == [site_tree.other_article.pk]
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.other_article.unpublish()
    assert client.get("/api/v3/route/", route).json()["page"]["related_articles"] == []
    assert site_tree.other_article.title not in client.get(site_tree.article.url).content.decode()


def test_republishing_an_older_article_leaves_its_categorys_other_articles_cached(
    client, site_tree, django_capture_on_commit_callbacks
):
    # Four newer articles in the category: the old one is offered as related by none of them.
    newer = [
        make_article(site_tree.blog, categories=[site_tree.category], published_date=date(2026, 1, day))
        for day in range(1, 5)
    ]
    route = {"path": newer[0].url}
    related = client.get("/api/v3/route/", route).json()["page"]["related_articles"]
    assert site_tree.other_article.pk not in [card["id"] for card in related]
    assert client.get("/api/v3/route/", route)["X-Cache"] == "HIT"
    site_tree.other_article.title = "Chemotherapy side effects, corrected"
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.other_article.save_revision().publish()
    assert client.get("/api/v3/route/", route)["X-Cache"] == "HIT"
    assert "Chemotherapy side effects, corrected" in _titles(client)


# --- the site shell: a part of every page, kept on its own -----------------------


def _shell_queries(client, url: str, **headers) -> list[str]:
    """The queries of ``url``'s answer that read what only the site shell shows (the clinics)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **headers).status_code == 200
    return [query["sql"] for query in queries.captured_queries if 'FROM "home_clinic" ' in query["sql"]]


def test_a_page_made_again_after_an_articles_publish_reuses_the_site_shell(
    client, site_tree, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = False  # every page is made again: the shell alone may be reused
    assert _shell_queries(client, site_tree.article.url)
    site_tree.other_article.title = "Chemotherapy side effects, revised"
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.other_article.save_revision().publish()
    assert _shell_queries(client, site_tree.other_article.url) == []
    page = client.get(site_tree.other_article.url).content.decode()
    assert "Chemotherapy side effects, revised" in page
    assert site_tree.clinic.name in page and site_tree.about.title in page  # the shell is there all the same


@pytest.mark.parametrize("page_cache", [True, False], ids=["page cache", "no page cache"])
def test_an_article_the_shell_names_updates_every_page_when_it_is_published(
    client, site_tree, settings, django_capture_on_commit_callbacks, page_cache
):
    # The footer links the article as the privacy notice: its publish changes the shell of every page.
    settings.PAGE_CACHE_ENABLED = page_cache
    site_tree.settings.privacy_page = site_tree.other_article
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.settings.save()
    # The doctor's page makes the shell; the about page, which shows no article, is made with it as kept.
    for url in (site_tree.doctor.url, site_tree.about.url):
        assert site_tree.other_article.title in client.get(url).content.decode()
    site_tree.other_article.title = "How we keep your data"
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.other_article.save_revision().publish()
    for url in (site_tree.about.url, site_tree.doctor.url, site_tree.article.url):
        assert "How we keep your data" in client.get(url).content.decode(), url


def test_the_shell_is_kept_per_host(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    Site.objects.create(hostname="second.example", port=80, root_page=site_tree.home, site_name="Second clinic")
    assert "Second clinic" not in client.get(site_tree.about.url).content.decode()
    assert "Second clinic" in client.get(site_tree.about.url, HTTP_HOST="second.example").content.decode()
    assert "Second clinic" not in client.get(site_tree.about.url).content.decode()


def test_a_staff_session_neither_makes_nor_gets_the_shell_kept_for_visitors(client, site_tree, settings, staff):
    settings.PAGE_CACHE_ENABLED = False
    staff_client = Client()
    staff_client.force_login(staff)
    assert _shell_queries(staff_client, site_tree.doctor.url)
    assert _shell_queries(client, site_tree.doctor.url)  # made for visitors now, not taken from the staff member's
    assert _shell_queries(client, site_tree.doctor.url) == []
    assert _shell_queries(staff_client, site_tree.doctor.url)
