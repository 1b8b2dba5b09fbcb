"""The security headers a visitor's browser and an API client receive, per kind of route."""

import pytest
from django.test import override_settings

from blog.models import ArticlePage
from frontend.security_headers import frontend_csp

FRONTEND_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PERMISSIONS = "camera=(), geolocation=(), microphone=(), payment=()"


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def assert_common_headers(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    for feature in PERMISSIONS.split(", "):
        assert feature in response["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/articles/", "/search/?q=cancer", "/appointment/", "/no-such-page/"])
def test_frontend_pages_get_the_strict_policy_and_may_not_be_framed(client, demo_site, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_common_headers(response)
    assert response["Content-Security-Policy"] == FRONTEND_POLICY
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_an_article_gets_the_policy(client, demo_site):
    article = ArticlePage.objects.live().first()
    response = client.get(article.url)
    assert response.status_code == 200
    assert directives(response)["script-src"] == "'self'"
    assert directives(response)["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_preview_route_may_be_framed_by_this_origin_only_and_is_not_indexed(client, demo_site):
    response = client.get("/__preview__/?content_type=home.standardpage&token=abc")
    assert response.status_code == 200
    assert 'content="noindex"' in response.content.decode()
    assert_common_headers(response)
    policy = directives(response)
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
@override_settings(X_FRAME_OPTIONS="DENY")
def test_preview_stays_frameable_under_production_frame_options(client, demo_site):
    response = client.get("/__preview__/?content_type=home.standardpage&token=abc")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get("/").get("X-Frame-Options") == "DENY"


@pytest.mark.django_db
def test_api_responses_get_nosniff_referrer_and_permissions_but_no_page_policy(client, demo_site):
    response = client.get("/api/v3/site/")
    assert response.status_code == 200
    assert_common_headers(response)
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_admin_is_left_without_a_policy(admin_client):
    # Wagtail's admin relies on inline scripts and styles a strict policy would block.
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"


def test_images_on_object_storage_are_allowed():
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "clinic-media",
                "custom_domain": "media.clinic.example",
                "querystring_auth": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        policy = frontend_csp()
    assert "img-src 'self' data: https://media.clinic.example;" in policy
