"""The site, route and search endpoints."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

pytestmark = pytest.mark.django_db


# --- /api/v3/site/ -----------------------------------------------------------


def test_site_returns_settings_contacts_clinics_and_menu(client, site_tree):
    data = client.get("/api/v3/site/").json()
    assert data["site"]["name"] == "Clinic"
    assert data["site"]["home"] == {"id": site_tree.home.pk, "title": "Home", "path": "/"}
    assert data["contacts"] == {
        "phone": "+919876543210",
        "phone_display": "+91 98765 43210",
        "phone_url": "tel:+919876543210",
        "whatsapp_number": "+919876543211",
        "whatsapp_message": "Hello, I would like to book an appointment.",
        "whatsapp_url": "https://wa.me/919876543211?text=Hello%2C%20I%20would%20like%20to%20book%20an%20appointment.",
    }
    assert data["settings"]["footer_disclaimer"] == "Articles are general information."
    assert data["settings"]["default_social_image"]["srcset"]
    clinic = data["clinics"][0]
    assert clinic["name"] == "City Cancer Centre"
    assert clinic["phone"] == "+919876543210"
    assert clinic["opening_hours"][0]["opens_at"] == "09:30:00"
    assert [item["path"] for item in data["menu"]] == ["/dr-amit-pandey/", "/about/", "/articles/"]
    assert data["privacy_page"]["path"] == "/about/"
    # Where appointment requests are e-mailed is never published.
    assert "bookings@example.com" not in str(data)


def test_site_menu_hides_pages_not_in_menus_and_drafts(client, site_tree):
    site_tree.about.unpublish()
    site_tree.doctor.show_in_menus = False
    site_tree.doctor.save()
    data = client.get("/api/v3/site/").json()
    assert [item["path"] for item in data["menu"]] == ["/articles/"]
    assert data["privacy_page"] is None  # a draft privacy page is not linked


# --- /api/v3/route/ ----------------------------------------------------------


def test_route_returns_page_in_detail_shape(client, site_tree):
    routed = client.get("/api/v3/route/", {"path": "/articles/medical-vs-surgical-oncologist/"}).json()
    detail = client.get(f"/api/v3/pages/{site_tree.article.pk}/").json()
    assert routed["kind"] == "page"
    assert routed["page"] == detail


def test_route_without_trailing_slash_and_home(client, site_tree):
    assert client.get("/api/v3/route/", {"path": "/about"}).json()["page"]["id"] == site_tree.about.pk
    assert client.get("/api/v3/route/", {"path": "/"}).json()["page"]["id"] == site_tree.home.pk


def test_route_returns_redirects(client, site_tree):
    Redirect.objects.create(old_path="/old-article", redirect_page=site_tree.article, site=site_tree.site)
    Redirect.objects.create(
        old_path="/leaflet", redirect_link="https://example.org/leaflet.pdf", is_permanent=False, site=None
    )
    moved = client.get("/api/v3/route/", {"path": "/old-article/"}).json()
    assert moved == {
        "kind": "redirect",
        "redirect": {"location": "/articles/medical-vs-surgical-oncologist/", "status": 301},
    }
    external = client.get("/api/v3/route/", {"path": "/leaflet"}).json()
    assert external["redirect"] == {"location": "https://example.org/leaflet.pdf", "status": 302}


def test_route_missing_path_is_problem_404(client, site_tree):
    response = client.get("/api/v3/route/", {"path": "/no/such/page/"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


@pytest.mark.parametrize(
    "path",
    ["articles/", "/articles/../admin/", "/a/./b/", "/bad\x00path/", "/tab\tpath/", "/x" * 600, "", "/a?b=c", "/a\\b"],
)
def test_route_rejects_malformed_paths(client, site_tree, path):
    response = client.get("/api/v3/route/", {"path": path})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert any("path" in error["loc"] for error in errors)


def test_route_requires_path(client, site_tree):
    assert client.get("/api/v3/route/").status_code == 422


# --- /api/v3/search/ ---------------------------------------------------------


def test_search_finds_doctors_articles_and_pages_with_highlighted_snippets(client, site_tree):
    data = client.get("/api/v3/search/", {"q": "oncologist"}).json()
    kinds = {item["kind"] for item in data["items"]}
    assert {"doctor", "article"} <= kinds
    article = next(item for item in data["items"] if item["page_id"] == site_tree.article.pk)
    assert "<mark>" in article["snippet"].lower() and "oncologist</mark>" in article["snippet"].lower()
    assert article["url"] == "/articles/medical-vs-surgical-oncologist/"
    assert client.get("/api/v3/search/", {"q": "treatment options"}).json()["items"][0]["kind"] == "page"


def test_search_promotions_come_first(client, site_tree):
    query = Query.get("oncologist")
    SearchPromotion.objects.create(
        query=query, page=site_tree.about, description="Start with how we work.", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.cancer.gov/", external_link_text="NCI", sort_order=1
    )
    items = client.get("/api/v3/search/", {"q": "Oncologist"}).json()["items"]
    assert [item["promoted"] for item in items[:2]] == [True, True]
    assert items[0]["page_id"] == site_tree.about.pk
    assert items[1] == {
        "kind": "external",
        "page_id": None,
        "title": "NCI",
        "url": "https://www.cancer.gov/",
        "snippet": "",
        "promoted": True,
    }
    assert site_tree.about.pk not in [item["page_id"] for item in items[2:]]


def test_promotion_of_a_draft_page_is_hidden(client, site_tree):
    SearchPromotion.objects.create(query=Query.get("oncologist"), page=site_tree.about, sort_order=0)
    site_tree.about.unpublish()
    items = client.get("/api/v3/search/", {"q": "oncologist"}).json()["items"]
    assert site_tree.about.pk not in [item["page_id"] for item in items]


def test_snippet_is_escaped(client, site_tree):
    site_tree.other_article.summary = "<script>alert(1)</script> chemotherapy"
    site_tree.other_article.save_revision().publish()
    items = client.get("/api/v3/search/", {"q": "chemotherapy"}).json()["items"]
    snippets = " ".join(item["snippet"] for item in items)
    assert "<script>" not in snippets
    assert "&lt;script&gt;" in snippets


def test_search_words_with_an_unbalanced_quote_are_searched_not_a_server_error(client, site_tree):
    # SQLite's full-text search read the quote as the start of a phrase: a syntax error, answered 503.
    response = client.get("/api/v3/search/", {"q": '"oncologist'})
    assert response.status_code == 200
    assert site_tree.article.pk in [item["page_id"] for item in response.json()["items"]]
    assert client.get("/api/v3/search/", {"q": '"'}).status_code == 422


@pytest.mark.parametrize(
    "params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}, {"q": "a", "limit": 51}, {"q": "a", "offset": -1}]
)
def test_search_rejects_bad_input(client, site_tree, params):
    response = client.get("/api/v3/search/", params)
    assert response.status_code == 422
    assert response.json()["errors"]
