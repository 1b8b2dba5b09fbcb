"""Rendered pages are served from the cache until content changes, and never stale after it."""

import pytest

from .conftest import site_url

pytestmark = pytest.mark.django_db


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
