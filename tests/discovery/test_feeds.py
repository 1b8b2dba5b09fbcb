"""RSS 2.0 and Atom feeds of the articles, as feed readers parse them (feedparser)."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article

FEEDS = ["/feeds/articles.rss", "/feeds/articles.atom"]


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    return response, feed


@pytest.mark.parametrize("url", FEEDS)
def test_all_articles_feed_lists_only_live_public_articles_newest_first(client, clinic, url):
    _, feed = parse(client, url)
    assert [entry.title for entry in feed.entries] == ["Before your operation", "Medical and surgical oncologists"]
    assert feed.feed.title == "City Cancer Clinic – Articles"
    assert feed.feed.link == "http://testserver/articles/"


def test_rss_is_rss_2_and_atom_is_atom(client, clinic):
    rss_response, rss = parse(client, "/feeds/articles.rss")
    atom_response, atom = parse(client, "/feeds/articles.atom")
    assert rss.version == "rss20" and rss_response["Content-Type"].startswith("application/rss+xml")
    assert atom.version == "atom10" and atom_response["Content-Type"].startswith("application/atom+xml")


@pytest.mark.parametrize("url", FEEDS)
def test_entry_has_summary_author_dates_categories_and_hero_image(client, clinic, url):
    _, feed = parse(client, url)
    entry = next(e for e in feed.entries if e.title == "Medical and surgical oncologists")
    assert entry.link == "http://testserver/articles/oncologists/"
    assert entry.summary == "What “Medical and surgical oncologists” explains."
    assert entry.author == "Dr. Amit Pandey"
    assert entry.published_parsed[:3] == (2024, 3, 1)
    assert [tag.term for tag in entry.tags] == ["Medical oncology"]
    [enclosure] = entry.enclosures
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://testserver/media/images/") and ".width-1200.format-jpeg" in enclosure.href
    assert int(enclosure.length) > 0
    # No hero image, no enclosure.
    other = next(e for e in feed.entries if e.title == "Before your operation")
    assert other.enclosures == []


def test_atom_entries_carry_their_updated_date(client, clinic):
    _, feed = parse(client, "/feeds/articles.atom")
    entry = next(e for e in feed.entries if e.title == "Medical and surgical oncologists")
    assert entry.updated_parsed >= entry.published_parsed


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_category_feed(client, clinic, suffix):
    _, feed = parse(client, f"/feeds/categories/surgical-oncology.{suffix}")
    assert [entry.title for entry in feed.entries] == ["Before your operation"]
    assert feed.feed.title == "City Cancer Clinic – Surgical oncology"
    _, feed = parse(client, f"/feeds/categories/medical-oncology.{suffix}")
    # The private article in this category stays out.
    assert [entry.title for entry in feed.entries] == ["Medical and surgical oncologists"]


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_doctor_feed_has_articles_written_or_reviewed(client, clinic, suffix):
    _, feed = parse(client, f"/feeds/doctors/dr-neha-rao.{suffix}")
    # Wrote "Before your operation", medically reviewed the other.
    assert [entry.title for entry in feed.entries] == ["Before your operation", "Medical and surgical oncologists"]
    assert feed.feed.link == "http://testserver/dr-neha-rao/"
    _, feed = parse(client, f"/feeds/doctors/dr-amit-pandey.{suffix}")
    assert [entry.title for entry in feed.entries] == ["Medical and surgical oncologists"]  # not the draft


def test_unknown_category_or_doctor_is_404(client, clinic):
    assert client.get("/feeds/categories/astrology.rss").status_code == 404
    assert client.get("/feeds/doctors/dr-nobody.atom").status_code == 404
    assert client.get("/feeds/doctors/about.rss").status_code == 404  # a page, but not a doctor


def test_unpublishing_removes_an_article(client, clinic):
    clinic.surgical_article.unpublish()
    _, feed = parse(client, "/feeds/articles.rss")
    assert [entry.title for entry in feed.entries] == ["Medical and surgical oncologists"]


def test_feed_text_is_escaped(client, clinic):
    make_article(clinic.index, "Fasting & chemo: <myths>", slug="fasting", summary="Is “fasting” <b>safe</b> & useful?")
    _, feed = parse(client, "/feeds/articles.rss")
    entry = next(e for e in feed.entries if e.link.endswith("/fasting/"))
    assert entry.title == "Fasting & chemo: <myths>"
    assert "fasting" in entry.summary


@pytest.mark.parametrize("url", ["/feeds/articles.atom", "/feeds/doctors/dr-amit-pandey.rss"])
def test_a_feed_costs_the_same_queries_however_many_articles(client, clinic, url, settings):
    settings.PAGE_CACHE_ENABLED = False  # the cost of making it
    parse(client, url)  # the hero rendition is made on the first request
    with CaptureQueriesContext(connection) as few:
        _, feed = parse(client, url)
    before = len(feed.entries)
    for number in range(4):
        make_article(
            clinic.index, f"More {number}", slug=f"more-{number}", author=clinic.doctor, hero_image=clinic.hero,
            categories=[clinic.medical, clinic.surgical],
        )  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        _, feed = parse(client, url)
    assert len(feed.entries) == before + 4
    assert len(many) == len(few)
