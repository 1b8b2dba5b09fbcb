"""/sitemap.xml and /robots.txt as crawlers read them."""

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from blog.models import ArticlePage
from tests.factories import make_article

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "image": "http://www.google.com/schemas/sitemap-image/1.1"}


def sitemap_files(client) -> list[tuple[str, str | None]]:
    """The index at /sitemap.xml: each file's address and lastmod."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [
        (item.findtext("s:loc", namespaces=NS), item.findtext("s:lastmod", namespaces=NS))
        for item in root.findall("s:sitemap", NS)
    ]


def file_entries(client, url: str) -> dict[str, dict]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "images": [loc.text for loc in url.findall("image:image/image:loc", NS)],
        }
        for url in root.findall("s:url", NS)
    }


def sitemap_entries(client) -> dict[str, dict]:
    """Every URL of every file the index names."""
    entries = {}
    for url, _lastmod in sitemap_files(client):
        entries.update(file_entries(client, url))
    return entries


def test_sitemap_lists_live_public_pages_at_their_frontend_addresses(client, clinic):
    assert set(sitemap_entries(client)) == {
        "http://testserver/",
        "http://testserver/dr-amit-pandey/",
        "http://testserver/dr-neha-rao/",
        "http://testserver/about/",
        "http://testserver/articles/",
        "http://testserver/articles/oncologists/",
        "http://testserver/articles/before-surgery/",
    }  # neither the draft nor the password-protected article


def test_lastmod_is_the_later_of_publication_and_medical_review(client, clinic):
    # Published in March 2024, medically reviewed in June 2025.
    ArticlePage.objects.filter(pk=clinic.reviewed.pk).update(last_published_at=datetime(2024, 3, 1, 9, 0, tzinfo=UTC))
    entries = sitemap_entries(client)
    assert entries["http://testserver/articles/oncologists/"]["lastmod"].startswith("2025-06-15")
    # The sitemap writes dates in the practice's zone.
    published = timezone.localdate(clinic.surgical_article.last_published_at).isoformat()
    assert entries["http://testserver/articles/before-surgery/"]["lastmod"].startswith(published)
    # A review older than the last publication does not move lastmod back.
    clinic.surgical_article.last_reviewed_date = date(2024, 5, 11)
    clinic.surgical_article.save_revision().publish()
    entries = sitemap_entries(client)
    assert entries["http://testserver/articles/before-surgery/"]["lastmod"].startswith(published)


def test_each_page_lists_its_images_as_served_renditions(client, clinic):
    entries = sitemap_entries(client)
    article_images = entries["http://testserver/articles/oncologists/"]["images"]
    assert len(article_images) == 2  # hero, then the body's image
    assert all(url.startswith("http://testserver/media/images/") for url in article_images)
    assert ".max-1200x1200" in article_images[0]
    assert len(entries["http://testserver/dr-amit-pandey/"]["images"]) == 1  # the doctor's photo
    assert entries["http://testserver/about/"]["images"] == []


def test_sitemap_costs_the_same_queries_however_many_articles(client, clinic, settings):
    settings.PAGE_CACHE_ENABLED = False  # the cost of making it
    sitemap_entries(client)  # renditions are made on the first request
    with CaptureQueriesContext(connection) as few:
        sitemap_entries(client)
    for number in range(5):
        make_article(clinic.index, f"More reading {number}", hero_image=clinic.hero, slug=f"more-{number}")
    with CaptureQueriesContext(connection) as many:
        assert len(sitemap_entries(client)) == 12
    assert len(many) == len(few)


def test_the_index_names_every_file_of_at_most_the_page_size_with_its_lastmod(client, clinic, settings):
    settings.SITEMAP_PAGE_SIZE = 3
    everything = sitemap_entries(client)
    files = sitemap_files(client)
    assert [url for url, _ in files] == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    seen = []
    for url, lastmod in files:
        entries = file_entries(client, url)
        assert 1 <= len(entries) <= 3
        # A file's lastmod is the latest of its pages' (none when a page in it has none).
        lastmods = [entry["lastmod"] for entry in entries.values()]
        assert lastmod == (max(lastmods) if None not in lastmods else None)
        seen += entries
    assert len(seen) == len(set(seen)) == len(everything) == 7
    assert any(lastmod for _, lastmod in files)
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404


def test_the_index_and_its_files_are_cached_until_an_article_is_published(
    client, clinic, settings, django_capture_on_commit_callbacks
):
    settings.CACHE_STATUS_HEADER = True
    for url in ("/sitemap.xml", "/sitemap-pages.xml"):
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        make_article(clinic.index, "Newly published", slug="newly-published")
    for url in ("/sitemap.xml", "/sitemap-pages.xml"):
        assert client.get(url)["X-Cache"] == "MISS"
    assert "http://testserver/articles/newly-published/" in sitemap_entries(client)


def test_robots_disallows_everything_outside_production(client, clinic):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@override_settings(ROBOTS_ALLOW_INDEXING=True)
def test_robots_in_production_keeps_crawlers_out_of_admin_and_api_only(client, clinic):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines and "Disallow: /api/" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_production_settings_allow_indexing_unless_told_not_to():
    def setting(**env) -> str:
        environment = {key: value for key, value in os.environ.items() if key not in {"ROBOTS_ALLOW_INDEXING"}}
        environment.update(
            {"DJANGO_SETTINGS_MODULE": "cms.settings.production", "ALLOWED_HOSTS": "clinic.example"},
            SECRET_KEY="k" * 20 + "-production-test-key-" + "x" * 30,
            **env,
        )
        code = "import django; django.setup(); from django.conf import settings; print(settings.ROBOTS_ALLOW_INDEXING)"
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=Path(__file__).resolve().parents[2],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert setting() == "True"
    assert setting(ROBOTS_ALLOW_INDEXING="false") == "False"
