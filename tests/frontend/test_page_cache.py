"""Rendered pages are served from the cache until content changes, and never stale after it."""

import pytest
from django.test import Client

from .conftest import site_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_status_header(settings):
    """These tests tell a copy from a fresh answer by ``X-Cache``, off by default."""
    settings.CACHE_STATUS_HEADER = True


def test_a_page_is_rendered_once_then_served_from_the_cache(client, seed_article, django_assert_num_queries):
    first = client.get(seed_article.url)
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(seed_article.url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    # Another address (a listing's filter) is another page.
    assert client.get(seed_article.get_parent().url, {"tag": "oncologist"})["X-Cache"] == "MISS"


def test_publishing_an_edit_serves_the_new_page_at_once(client, seed_article, django_capture_on_commit_callbacks):
    client.get(seed_article.url)
    seed_article.title = "Medical and surgical oncologists: who does what"
    with django_capture_on_commit_callbacks(execute=True):
        seed_article.save_revision().publish()
    response = client.get(seed_article.url)
    assert response["X-Cache"] == "MISS"
    assert "<title>Medical and surgical oncologists: who does what" in response.content.decode()


def test_unpublishing_answers_404_at_once(client, seed_article, django_capture_on_commit_callbacks):
    assert client.get(seed_article.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        seed_article.unpublish()
    assert client.get(seed_article.url).status_code == 404


def test_a_missing_page_is_not_kept(client, demo_site):
    assert client.get("/no-such-page/")["X-Cache"] == "MISS"
    assert client.get("/no-such-page/")["X-Cache"] == "MISS"


def test_the_cache_can_be_turned_off(client, seed_article, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get(seed_article.url)
    assert "X-Cache" not in client.get(seed_article.url)


def test_a_shared_links_tracking_parameters_share_the_pages_copy(client, articles_index):
    first = client.get(articles_index.url)
    shared = client.get(articles_index.url, {"utm_source": "whatsapp", "fbclid": "a1b2c3"})
    assert shared["X-Cache"] == "HIT"
    assert shared.content == first.content


def test_what_a_link_carries_is_not_written_into_the_page_others_are_served(client, articles_index):
    # The first visit comes from a link with a parameter no page reads: the copy kept for everybody
    # must not repeat it (it was in the inlined query string before).
    response = client.get(articles_index.url, {"tag": "oncologist", "utm_source": "mail", "email": "asha@example.com"})
    assert response["X-Cache"] == "MISS"
    html = response.content.decode()
    assert "asha@example.com" not in html
    assert "utm_source" not in html
    # The filter the page does read stays: in the canonical address and in the page's own query.
    assert f'rel="canonical" href="{site_url("/articles/")}?tag=oncologist"' in html
    assert client.get(articles_index.url, {"tag": "oncologist"})["X-Cache"] == "HIT"


def test_a_staff_session_neither_makes_nor_gets_the_shared_copy(client, seed_article, django_user_model):
    staff = Client()
    staff.force_login(django_user_model.objects.create_superuser("staffer", "staffer@example.com", None))
    first = staff.get(seed_article.url)
    assert first["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in first
    assert client.get(seed_article.url)["X-Cache"] == "MISS"
    assert "X-Cache" not in staff.get(seed_article.url)


def test_a_bearer_token_neither_makes_nor_gets_the_shared_copy(client, seed_article):
    first = client.get(seed_article.url, HTTP_AUTHORIZATION="Bearer some-token")
    assert first["Cache-Control"] == "private, no-store"
    assert client.get(seed_article.url)["X-Cache"] == "MISS"


def test_cookies_other_than_the_session_share_the_copy(client, seed_article):
    visitor = Client()
    visitor.cookies["theme"] = "dark"
    visitor.cookies["csrftoken"] = "a" * 32
    first = visitor.get(seed_article.url)
    assert first["Cache-Control"] == "no-cache"
    assert client.get(seed_article.url)["X-Cache"] == "HIT"


def test_the_copy_is_kept_per_scheme(client, seed_article):
    assert client.get(seed_article.url)["X-Cache"] == "MISS"
    assert client.get(seed_article.url, secure=True)["X-Cache"] == "MISS"
    assert client.get(seed_article.url, secure=True)["X-Cache"] == "HIT"


def test_the_cache_status_is_not_told_unless_turned_on(client, seed_article, settings):
    settings.CACHE_STATUS_HEADER = False
    client.get(seed_article.url)
    assert "X-Cache" not in client.get(seed_article.url)
