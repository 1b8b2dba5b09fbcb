"""Headless preview driven through the Wagtail admin, and the tokens it must refuse."""

import html
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth.models import Group
from django.core.signing import TimestampSigner
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_headless_preview.models import PagePreview

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "password")
    client.force_login(user)
    return client


def _standard_page_form(title: str, slug: str, words: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": "Draft introduction.",
            "body": streamfield([("paragraph", rich_text(f"<p>{words}</p>"))]),
            "comments": inline_formset([]),
        }
    )


def _preview_link(editor_client, preview_url: str, data: dict) -> dict[str, str]:
    """POST the editor's form to the admin preview, then open the preview like the admin's panel does."""
    response = editor_client.post(preview_url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"] is True, response.json()
    response = editor_client.get(preview_url)
    assert response.status_code == 200
    iframe = re.search(r'<iframe src="([^"]+)"', response.content.decode())
    assert iframe, response.content.decode()[:500]
    url = urlparse(html.unescape(iframe.group(1)))
    # The frontend's preview route on this same origin.
    assert url.netloc == "testserver" and url.path == "/__preview__/"
    query = parse_qs(url.query)
    return {"content_type": query["content_type"][0], "token": query["token"][0]}


def test_preview_of_an_edited_page_through_the_admin(editor_client, site_tree):
    page = site_tree.about
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    params = _preview_link(editor_client, preview_url, _standard_page_form("Draft about", "about", "Unpublished words"))
    # The frontend calls the API from the editor's browser, with their admin session.
    response = editor_client.get("/api/v3/preview/", params)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    routed = response.json()
    assert routed["kind"] == "page" and routed["head"]["path"] == "/about/"
    data = routed["page"]
    assert data["id"] == page.pk
    assert data["meta"]["type"] == "home.StandardPage"
    assert data["title"] == "Draft about"
    assert "Unpublished words" in data["body"][0]["value"]
    assert data["head"]["path"] == "/about/"
    # The live page is unchanged.
    assert editor_client.get(f"/api/v3/pages/{page.pk}/").json()["title"] == "About the practice"


def test_preview_of_a_page_never_saved(editor_client, site_tree):
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["home", "standardpage", site_tree.home.pk])
    params = _preview_link(editor_client, preview_url, _standard_page_form("Brand new", "brand-new", "Fresh words"))
    assert params["content_type"] == "home.standardpage"
    response = editor_client.get("/api/v3/preview/", params)
    assert response.status_code == 200
    data = response.json()["page"]
    assert data["id"] == 0
    assert data["title"] == "Brand new"
    assert "Fresh words" in data["body"][0]["value"]
    assert not StandardPage.objects.filter(slug="brand-new").exists()


def _stored_preview(site_tree) -> dict[str, str]:
    preview = site_tree.about.create_page_preview()
    return {"content_type": "home.standardpage", "token": preview.token}


def test_tampered_token_is_404(editor_client, site_tree):
    params = _stored_preview(site_tree)
    params["token"] = params["token"][:-2] + ("AA" if not params["token"].endswith("AA") else "BB")
    response = editor_client.get("/api/v3/preview/", params)
    assert response.status_code == 404
    assert "About the practice" not in response.content.decode()


def test_expired_token_is_404(editor_client, site_tree):
    params = _stored_preview(site_tree)
    with override_settings(PREVIEW_TOKEN_MAX_AGE=-1):
        assert editor_client.get("/api/v3/preview/", params).status_code == 404


def test_foreign_token_is_404(editor_client, site_tree):
    # Signed with another key (another deployment) and for another content type.
    params = _stored_preview(site_tree)
    foreign = TimestampSigner(key="another-secret-key", salt="headlesspreview.token").sign(f"id={site_tree.about.pk}")
    PagePreview.objects.create(token=foreign, content_type=site_tree.about.content_type, content_json="{}")
    assert editor_client.get("/api/v3/preview/", {**params, "token": foreign}).status_code == 404
    assert editor_client.get("/api/v3/preview/", {**params, "content_type": "blog.articlepage"}).status_code == 404
    assert editor_client.get("/api/v3/preview/", {**params, "content_type": "auth.user"}).status_code == 404


def test_preview_with_missing_or_malformed_params_is_4xx(editor_client, site_tree):
    assert editor_client.get("/api/v3/preview/").status_code == 422
    assert editor_client.get("/api/v3/preview/", {"content_type": "Not A Type!", "token": "x"}).status_code == 422
    assert editor_client.get("/api/v3/preview/", {"content_type": "home.nosuchpage", "token": "x"}).status_code == 404


def test_a_preview_link_without_a_staff_session_shows_nothing(editor_client, site_tree):
    params = _stored_preview(site_tree)
    assert editor_client.get("/api/v3/preview/", params).status_code == 200
    # The same link, opened by anyone else (forwarded, leaked in a referrer or a chat): refused.
    response = Client().get("/api/v3/preview/", params)
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    assert "sign in" in response.json()["detail"].lower()
    assert "About the practice" not in response.content.decode()


def test_a_preview_needs_permission_to_edit_the_page(client, django_user_model, site_tree):
    desk = django_user_model.objects.create_user("desk", password="pw-desk-123")
    desk.groups.add(Group.objects.get(name="Front desk"))
    client.force_login(desk)
    assert client.get("/api/v3/preview/", _stored_preview(site_tree)).status_code == 404


def test_preview_links_live_two_hours(settings):
    assert settings.PREVIEW_TOKEN_MAX_AGE == 2 * 60 * 60
