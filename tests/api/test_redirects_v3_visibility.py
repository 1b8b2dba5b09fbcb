"""``/api/v3/redirects/`` names only redirects a visitor may follow: to an address, or to a page they may see.

A redirect to a draft (or private, expired…) page would give its address away, as ``home.visibility``
forbids. A bearer token's holder (staff tools) still reads every redirect, as in Wagtail.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import APIToken

pytestmark = pytest.mark.django_db

HIDDEN_PATH = "/old-draft"


@pytest.fixture
def redirects(site_tree):
    site_tree.other_article.unpublish()
    to_hidden = Redirect.objects.create(
        old_path=HIDDEN_PATH, redirect_page=site_tree.other_article, site=site_tree.site
    )
    to_visible = Redirect.objects.create(old_path="/old-article", redirect_page=site_tree.article, site=site_tree.site)
    to_address = Redirect.objects.create(old_path="/leaflet", redirect_link="https://example.org/leaflet.pdf")
    return to_hidden, to_visible, to_address


def _listed(client, **headers) -> set[int]:
    return {item["id"] for item in client.get("/api/v3/redirects/", {"limit": 100}, **headers).json()["items"]}


def test_a_visitor_is_not_told_of_a_redirect_to_a_hidden_page(client, redirects):
    to_hidden, to_visible, to_address = redirects
    assert _listed(client) == {to_visible.pk, to_address.pk}
    assert client.get(f"/api/v3/redirects/{to_hidden.pk}/").status_code == 404
    assert client.get("/api/v3/redirects/find/", {"html_path": HIDDEN_PATH}).status_code == 404
    assert client.get("/api/v3/redirects/find/", {"id": to_hidden.pk}).status_code == 404


def test_a_visitor_still_reads_the_redirects_they_may_follow(client, redirects):
    _to_hidden, to_visible, _to_address = redirects
    assert client.get(f"/api/v3/redirects/{to_visible.pk}/").status_code == 200
    found = client.get("/api/v3/redirects/find/", {"html_path": "/old-article"}, follow=True)
    assert found.status_code == 200
    assert found.json()["id"] == to_visible.pk


def test_a_token_holder_reads_every_redirect(client, redirects):
    to_hidden, to_visible, to_address = redirects
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    token = APIToken.create_token(user=editor, name="staff tool")[1]
    assert _listed(client, HTTP_AUTHORIZATION=f"Bearer {token}") == {to_hidden.pk, to_visible.pk, to_address.pk}
