"""SQL queries per API answer with the API and page caches off (every answer right after a publish).

Query counts are deterministic, so they are asserted: a page's detail and its
route lookup cost about a dozen queries whatever its type, and a listing
costs the same at 1 item as at 20. Each answer is measured once warmed up
(renditions generated and Wagtail's site root paths cached, as on a site that
has had visitors), so what is counted is the work a publish makes every
reader's first request redo.
"""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from blog.models import ArticlePage
from home.models import SiteSettings
from tests.factories import make_article, make_image

# The most queries one page detail or route answer may cost (``bench/cold_cost_bench.py`` measures them at scale).
PAGE_QUERIES = 12
# This article also links to two pages from its body and shows a body image: one query for each kind.
ARTICLE_QUERIES = 13


@pytest.fixture(autouse=True)
def caches_off(settings):
    settings.API_CACHE_ENABLED = False
    settings.PAGE_CACHE_ENABLED = False


def count_queries(client, url: str) -> int:
    """Queries of ``url``'s second answer (the first generates renditions)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


def add_articles(site_tree, count: int) -> None:
    """``count`` more live articles with a hero image, author, reviewer, two categories and tags."""
    for index in range(count):
        make_article(
            site_tree.blog,
            hero_image=make_image(f"Hero {index}", size=(360, 200)),
            author=site_tree.doctor,
            reviewer=site_tree.doctor,
            categories=[site_tree.category, site_tree.other_category],
            tags=["chemotherapy", f"tag-{index}"],
        )


PAGE_TYPES = {
    "article": ("article", ARTICLE_QUERIES),
    "doctor": ("doctor", PAGE_QUERIES),
    "home": ("home", PAGE_QUERIES),
    "articles index": ("blog", PAGE_QUERIES),
    "standard page": ("about", PAGE_QUERIES),
}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_detail_costs_a_dozen_queries_at_most(client, site_tree, page_type):
    add_articles(site_tree, 5)  # related articles to choose from
    attribute, limit = PAGE_TYPES[page_type]
    page = getattr(site_tree, attribute)
    assert count_queries(client, f"/api/v3/pages/{page.pk}/") <= limit


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_route_lookup_costs_a_dozen_queries_at_most(client, site_tree, page_type):
    add_articles(site_tree, 5)
    attribute, limit = PAGE_TYPES[page_type]
    page = getattr(site_tree, attribute)
    assert count_queries(client, f"/api/v3/route/?path={page.url}") <= limit


@pytest.mark.parametrize(
    "listing",
    [
        "/api/v2/pages/?type=blog.ArticlePage&fields=*",
        "/api/v2/pages/?fields=*",
        "/api/v3/articles/?",
        "/api/v3/pages/?type=blog.ArticlePage",
    ],
)
def test_listing_costs_the_same_at_1_and_at_20_items(client, site_tree, listing):
    add_articles(site_tree, 20)
    # Every article then has a hero image: no page of the listing falls back to the site's share image.
    ArticlePage.objects.filter(hero_image=None).update(hero_image=site_tree.image)
    one = count_queries(client, f"{listing}&limit=1")
    twenty = count_queries(client, f"{listing}&limit=20")
    assert twenty == one, (one, twenty)


def cache_reads(client, url: str) -> int:
    """Cache round trips of ``url``'s second answer (each is a query with the database cache).

    A ``get_many`` is one, whatever the backend does inside it (the local memory cache calls ``get`` per key).
    """
    assert client.get(url).status_code == 200
    backend = caches["default"]
    reads, inside_get_many = [], []
    get, get_many = backend.get, backend.get_many

    def counted_get(*args, **kwargs):
        if not inside_get_many:
            reads.append(args[0])
        return get(*args, **kwargs)

    def counted_get_many(keys, *args, **kwargs):
        reads.append(list(keys))
        inside_get_many.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    with (
        mock.patch.object(backend, "get", side_effect=counted_get),
        mock.patch.object(backend, "get_many", side_effect=counted_get_many),
    ):
        assert client.get(url).status_code == 200
    return len(reads)


@pytest.mark.parametrize(
    "listing", ["/api/v2/pages/?type=blog.ArticlePage&fields=*", "/api/v2/pages/?fields=*", "/api/v3/articles/?"]
)
def test_a_listing_of_pages_without_images_reads_the_cache_as_often_at_1_and_at_20_items(client, site_tree, listing):
    # No hero image and no site default: each article's share image is a card drawn once and stored.
    for index in range(20):
        make_article(site_tree.blog, f"Without an image {index}", author=site_tree.doctor)
    ArticlePage.objects.update(hero_image=None)
    SiteSettings.objects.update(default_social_image=None)
    one = cache_reads(client, f"{listing}&limit=1")
    twenty = cache_reads(client, f"{listing}&limit=20")
    assert twenty == one, (one, twenty)


@pytest.mark.parametrize("filters", ["category={category}", "tag=chemotherapy", "doctor={doctor}", "q=cancer"])
def test_a_filtered_article_list_costs_the_same_at_1_and_at_20_items(client, site_tree, filters):
    add_articles(site_tree, 20)
    ArticlePage.objects.filter(hero_image=None).update(hero_image=site_tree.image)
    query = filters.format(category=site_tree.category.slug, doctor=site_tree.doctor.pk)
    one = count_queries(client, f"/api/v3/articles/?{query}&limit=1")
    twenty = count_queries(client, f"/api/v3/articles/?{query}&limit=20")
    assert twenty == one, (one, twenty)
    # The count is every matching article, whatever the page size.
    assert client.get(f"/api/v3/articles/?{query}&limit=1").json()["count"] >= 20


def test_site_search_costs_the_same_at_1_and_at_20_hits(client, site_tree):
    add_articles(site_tree, 20)
    one = count_queries(client, "/api/v3/search/?q=cancer&limit=1")
    twenty = count_queries(client, "/api/v3/search/?q=cancer&limit=20")
    assert twenty == one, (one, twenty)


@pytest.mark.parametrize(
    "address",
    [
        "/api/v3/pages/{article}/",
        "/api/v3/route/?path={path}",
        "/api/v3/articles/?limit=20",
        "{path}",
        "/articles/",
        "/api/v2/pages/?type=blog.ArticlePage&fields=*",
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/{article}/",
    ],
)
def test_an_answer_reads_the_site_root_paths_from_the_cache_once(client, site_tree, address):
    """Wagtail's site root paths are a cache round trip (a query with the database cache) each time they are read."""
    add_articles(site_tree, 20)
    url = address.format(article=site_tree.article.pk, path=site_tree.article.url)
    assert client.get(url).status_code == 200
    with mock.patch.object(Site, "get_site_root_paths", wraps=Site.get_site_root_paths) as read:
        assert client.get(url).status_code == 200
    assert read.call_count == 1


@pytest.mark.parametrize(
    "address",
    ["/api/v3/pages/{article}/", "/api/v3/route/?path={path}", "/api/v3/articles/?limit=20", "{path}", "/articles/"],
)
def test_an_answer_given_again_writes_nothing_to_the_cache(client, site_tree, address):
    """A reader's request reads what an earlier one stored: each write is a query with the database cache."""
    add_articles(site_tree, 2)
    url = address.format(article=site_tree.article.pk, path=site_tree.article.url)
    assert client.get(url).status_code == 200
    written = []
    backend = caches["default"]
    with (
        mock.patch.object(backend, "set", side_effect=lambda key, *args, **kwargs: written.append(key)),
        mock.patch.object(backend, "set_many", side_effect=lambda data, *args, **kwargs: written.extend(data) or []),
    ):
        assert client.get(url).status_code == 200
    assert written == []


def test_a_site_added_between_two_requests_is_served_at_once(client, site_tree):
    assert (
        client.get("/api/v3/site/", HTTP_HOST="second.example").json()["site"]["name"] == "Clinic"
    )  # the default site
    home = Page.get_first_root_node().add_child(
        instance=type(site_tree.home)(title="Second", slug="second", hero_heading="Second")
    )
    Site.objects.create(hostname="second.example", port=80, root_page=home, site_name="Second clinic")
    assert client.get("/api/v3/site/", HTTP_HOST="second.example").json()["site"]["name"] == "Second clinic"


def test_related_articles_are_the_newest_sharing_a_category(client, site_tree):
    add_articles(site_tree, 5)
    newest_first = sorted(
        (a for a in site_tree.blog.get_children().live().specific() if a.pk != site_tree.article.pk),
        key=lambda article: (article.published_date, article.pk),
        reverse=True,
    )
    data = client.get(f"/api/v3/pages/{site_tree.article.pk}/").json()
    assert [card["id"] for card in data["related_articles"]] == [a.pk for a in newest_first[:3]]


def test_related_articles_of_a_listing_are_the_newest_sharing_any_of_each_articles_categories(client, site_tree):
    for _ in range(2):
        make_article(site_tree.blog, categories=[site_tree.other_category])
    add_articles(site_tree, 2)  # both categories
    make_article(site_tree.blog, categories=[site_tree.other_category])  # the newest of all
    articles = list(ArticlePage.objects.live().prefetch_related("categories"))
    newest_first = sorted(articles, key=lambda article: (article.published_date, article.pk), reverse=True)

    def expected(article):
        mine = set(article.categories.all())
        return [other.pk for other in newest_first if other.pk != article.pk and mine & set(other.categories.all())][:3]

    data = client.get("/api/v2/pages/?type=blog.ArticlePage&fields=related_articles&limit=50").json()
    assert len(data["items"]) == len(articles)
    for item in data["items"]:
        article = next(article for article in articles if article.pk == item["id"])
        assert [link["id"] for link in item["related_articles"]] == expected(article), article.title


def test_site_costs_a_handful_of_queries(client, site_tree):
    # Site, settings (with privacy page and image), view restrictions, menu with privacy notice, clinics, hours,
    # and the doctors a booking link may name: one query each, however many there are.
    assert count_queries(client, "/api/v3/site/") <= 7


# The most queries a server-rendered page may cost: its route answer, the site shell and what it lists.
HTML_PAGE_QUERIES = 20


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_a_server_rendered_page_costs_twenty_queries_at_most(client, site_tree, page_type):
    add_articles(site_tree, 5)
    page = getattr(site_tree, PAGE_TYPES[page_type][0])
    assert count_queries(client, page.url) <= HTML_PAGE_QUERIES


def test_the_article_list_page_costs_the_same_with_1_and_with_20_cards(client, site_tree):
    add_articles(site_tree, 1)
    ArticlePage.objects.filter(hero_image=None).update(hero_image=site_tree.image)
    one = count_queries(client, site_tree.blog.url)
    add_articles(site_tree, 19)
    twenty = count_queries(client, site_tree.blog.url)
    assert twenty == one, (one, twenty)


@pytest.mark.parametrize("url", ["/api/v3/pages/{id}/", "/api/v3/route/?path={path}"])
def test_an_article_costs_the_same_beside_1_and_21_articles_of_its_categories(client, site_tree, url):
    url = url.format(id=site_tree.article.pk, path=site_tree.article.url)
    add_articles(site_tree, 1)
    few = count_queries(client, url)
    add_articles(site_tree, 20)
    assert count_queries(client, url) == few
