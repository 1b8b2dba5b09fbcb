"""Rendered pages are served from the cache until content changes, and never stale after it."""

import pytest

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
