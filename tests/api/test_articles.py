"""Article cards: filters, ordering, pagination, bad input, and a constant query count."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import ArticlePage
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def _ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def test_card_shape(client, site_tree):
    data = client.get("/api/v3/articles/").json()
    assert data["count"] == 2 and data["limit"] == 20 and data["offset"] == 0
    card = data["items"][0]
    assert card == {
        "id": site_tree.article.pk,
        "title": "Difference Between Medical Oncologist and Surgical Oncologist",
        "path": "/articles/medical-vs-surgical-oncologist/",
        "summary": "How the two specialists share cancer care.",
        "hero_image": card["hero_image"],
        "published_date": "2025-03-01",
        "last_reviewed_date": "2025-06-01",
        "reading_time": site_tree.article.reading_time,
        "categories": [{"id": site_tree.category.pk, "name": "Medical oncology", "slug": "medical-oncology"}],
        "tags": ["chemotherapy", "surgery"],
        "author": {"id": site_tree.doctor.pk, "name": "Dr. Amit Pandey", "path": "/dr-amit-pandey/"},
    }
    assert card["hero_image"]["alt"] == "Two doctors discussing a scan"
    assert card["hero_image"]["srcset"].count("w") >= 2
    assert "body" not in card


def test_filters(client, site_tree):
    other_doctor_article = make_article(site_tree.blog, title="Surgery basics", categories=[site_tree.other_category])
    assert _ids(client.get("/api/v3/articles/", {"category": "surgical-oncology"})) == [other_doctor_article.pk]
    assert set(_ids(client.get("/api/v3/articles/", {"tag": "chemotherapy"}))) == {
        site_tree.article.pk,
        site_tree.other_article.pk,
    }
    assert _ids(client.get("/api/v3/articles/", {"tag": "surgery"})) == [site_tree.article.pk]
    assert _ids(client.get("/api/v3/articles/", {"doctor": site_tree.doctor.pk})) == [site_tree.article.pk]
    assert _ids(client.get("/api/v3/articles/", {"q": "specialists"})) == [site_tree.article.pk]
    assert _ids(client.get("/api/v3/articles/", {"q": "chemotherapy", "category": "medical-oncology"})) != []


def test_doctor_filter_includes_reviewed_articles(client, site_tree):
    reviewed = make_article(site_tree.blog, title="Reviewed only", reviewer=site_tree.doctor)
    assert set(_ids(client.get("/api/v3/articles/", {"doctor": site_tree.doctor.pk}))) == {
        site_tree.article.pk,
        reviewed.pk,
    }


def test_ordering(client, site_tree):
    reviewed_later = make_article(
        site_tree.blog, title="Old but reviewed", published_date=date(2023, 1, 1), last_reviewed_date=date(2025, 9, 1)
    )
    newest = [site_tree.article.pk, site_tree.other_article.pk, reviewed_later.pk]
    assert _ids(client.get("/api/v3/articles/")) == newest
    assert _ids(client.get("/api/v3/articles/", {"ordering": "oldest"})) == newest[::-1]
    # Reviewed ones by review date, then never-reviewed ones.
    assert _ids(client.get("/api/v3/articles/", {"ordering": "last_reviewed"})) == [
        reviewed_later.pk,
        site_tree.article.pk,
        site_tree.other_article.pk,
    ]


def test_pagination(client, site_tree):
    for _ in range(3):
        make_article(site_tree.blog, published_date=date(2020, 1, 1))
    first = client.get("/api/v3/articles/", {"limit": 2}).json()
    second = client.get("/api/v3/articles/", {"limit": 2, "offset": 2}).json()
    assert first["count"] == second["count"] == 5
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert client.get("/api/v3/articles/", {"limit": 100}).status_code == 200


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": -1}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"offset": -5}, "offset"),
        ({"ordering": "random"}, "ordering"),
        ({"doctor": "abc"}, "doctor"),
        ({"doctor": -3}, "doctor"),
        ({"q": "x" * 201}, "q"),
        ({"category": "no-such-category"}, "category"),
        ({"tag": "no-such-tag"}, "tag"),
        ({"doctor": 999999}, "doctor"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(client, site_tree, params, field):
    response = client.get("/api/v3/articles/", params)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert any(field in error["loc"] for error in errors), errors
    assert all(error["msg"] for error in errors)


def test_card_listing_does_not_load_the_body(client, site_tree):
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v3/articles/")
    article_selects = [q["sql"] for q in queries.captured_queries if 'FROM "blog_articlepage"' in q["sql"]]
    assert article_selects
    assert not any('"blog_articlepage"."body"' in sql for sql in article_selects)


def _count_queries(client, url, params=None):
    # Measure the database work, not the response cache (whose invalidation
    # waits for a commit that never comes inside a test's transaction).
    cache.clear()
    client.get(url, params or {})  # warm up: renditions are generated on first use
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries.captured_queries), response


def _add_articles(site_tree, count):
    image = make_image("Card", size=(400, 240))
    for index in range(count):
        article = make_article(
            site_tree.blog,
            hero_image=image if index % 2 else make_image(f"Hero {index}", size=(360, 200)),
            author=site_tree.doctor,
            categories=[site_tree.category],
            tags=["chemotherapy", f"tag-{index}"],
        )
        assert article.live


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v3/articles/", {"limit": 100}),
        ("/api/v3/pages/", {"limit": 100}),
        ("/api/v3/pages/", {"limit": 100, "type": "blog.ArticlePage"}),
        ("/api/v2/pages/", {"limit": 100}),
        ("/api/v2/pages/", {"limit": 100, "type": "blog.ArticlePage", "fields": "summary,published_date,hero_image"}),
        ("/api/v3/search/", {"q": "article", "limit": 50}),
    ],
)
def test_listing_query_count_is_constant(client, site_tree, url, params):
    _add_articles(site_tree, 2)
    short_count, short = _count_queries(client, url, params)
    _add_articles(site_tree, 8)
    long_count, long = _count_queries(client, url, params)
    items = "items"
    assert len(long.json()[items]) > len(short.json()[items])
    assert long_count == short_count, (url, short_count, long_count)
    assert ArticlePage.objects.live().count() == 12
