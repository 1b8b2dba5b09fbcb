"""Feed readers find the article feeds from any page's head."""

import re

import feedparser

from .conftest import site_url

ALTERNATE = re.compile(r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">')


def alternates(client, path: str, status: int = 200) -> list[tuple[str, str, str]]:
    response = client.get(path)
    assert response.status_code == status
    return ALTERNATE.findall(response.content.decode())


def test_every_page_links_the_article_feeds_and_they_are_real_feeds(client, home_page, seed_article):
    links = alternates(client, "/")
    assert [(kind, title) for kind, title, _ in links] == [
        ("application/rss+xml", "Articles (RSS)"),
        ("application/atom+xml", "Articles (Atom)"),
    ]
    for _, _, href in links:
        feed = feedparser.parse(client.get(href.removeprefix(site_url())).content)
        assert not feed.bozo
        assert seed_article.title in [entry.title for entry in feed.entries]


def test_a_doctors_page_also_links_that_doctors_feed(client, doctor):
    titles = [title for _, title, _ in alternates(client, doctor.url)]
    assert f"Articles by {doctor.display_name} (RSS)" in titles
    assert f"Articles by {doctor.display_name} (Atom)" in titles


def test_a_category_list_links_that_categorys_feed_only_for_a_real_category(client, articles_index):
    titles = [title for _, title, _ in alternates(client, f"{articles_index.url}?category=medical-oncology")]
    assert "Articles in Medical oncology (RSS)" in titles
    unknown_category = f"{articles_index.url}?category=no-such-category"
    unknown = [title for _, title, _ in alternates(client, unknown_category, status=404)]
    assert not any(title.startswith("Articles in") for title in unknown)


def test_the_search_and_booking_pages_link_the_article_feeds_like_every_other_page(client, home_page):
    expected = ["Articles (RSS)", "Articles (Atom)"]
    for path in ("/search/", "/search/?q=chemotherapy", "/appointment/"):
        assert [title for _, title, _ in alternates(client, path)] == expected, path
