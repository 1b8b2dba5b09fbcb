"""Visibility cases beyond the state × surface table of ``test_visibility_rule.py``.

Pages in moderation, pages the scheduler has expired, unpublished revisions of
live pages, draft versions without a token, and writes.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from tests.factories import make_article

pytestmark = pytest.mark.django_db

SECRET = "Zyxwvut"  # a word only the hidden page contains, to look for in every response


def _hidden_article(site_tree, slug: str):
    return make_article(site_tree.blog, title=f"{SECRET} {slug}", slug=slug, summary=f"{SECRET} summary")


def _assert_invisible(client, page, path: str):
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    assert client.get("/api/v3/pages/find/", {"html_path": path}).status_code == 404
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get("/api/v2/pages/find/", {"html_path": path}).status_code == 404
    route = client.get("/api/v3/route/", {"path": path})
    assert route.status_code == 404
    assert route["Content-Type"] == "application/problem+json"
    listings = [
        client.get("/api/v3/pages/", {"limit": 100}),
        client.get("/api/v2/pages/", {"limit": 100}),
        client.get("/api/v3/articles/", {"limit": 100}),
        client.get("/api/v3/site/"),
    ]
    for response in listings:
        assert response.status_code == 200
        assert SECRET not in response.content.decode(), response.request["PATH_INFO"]
    search = client.get("/api/v3/search/", {"q": SECRET}).json()
    assert search["items"] == [] and search["count"] == 0


def test_page_in_moderation_is_invisible(client, site_tree, django_user_model):
    from wagtail.models import Workflow

    article = _hidden_article(site_tree, "in-moderation")
    article.unpublish()
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    workflow = Workflow.objects.filter(active=True).first() or Workflow.objects.create(name="Review")
    article.save_revision(user=user)
    workflow.start(article, user)
    _assert_invisible(client, article, "/articles/in-moderation/")


def test_expired_page_is_invisible(client, site_tree):
    article = _hidden_article(site_tree, "expired")
    article.expire_at = timezone.now() - timedelta(minutes=5)
    article.save()
    call_command("publish_scheduled")  # Wagtail's scheduler marks it expired and not live
    _assert_invisible(client, article, "/articles/expired/")


def test_unpublished_revision_is_not_served(client, site_tree):
    article = site_tree.article
    article.title = f"{SECRET} draft title"
    article.save_revision()  # saved, not published
    response = client.get(f"/api/v3/pages/{article.pk}/")
    assert SECRET not in response.content.decode()
    assert SECRET not in client.get(f"/api/v2/pages/{article.pk}/").content.decode()
    route = client.get("/api/v3/route/", {"path": "/articles/medical-vs-surgical-oncologist/"}).json()
    assert route["page"]["title"] == "Difference Between Medical Oncologist and Surgical Oncologist"


def test_draft_version_needs_a_token(client, site_tree):
    article = site_tree.article
    article.title = f"{SECRET} draft title"
    article.save_revision()
    response = client.get(f"/api/v3/pages/{article.pk}/", {"version": "draft"})
    assert SECRET not in response.content.decode()


def test_anonymous_request_cannot_write(client, site_tree):
    response = client.post(
        "/api/v3/pages/",
        data={"meta": {"type": "home.StandardPage", "parent_id": site_tree.home.pk}, "title": "Injected"},
        content_type="application/json",
    )
    # The API has no editing operations at all (tests/api/test_read_only_api.py), token or not.
    assert response.status_code == 405
    assert client.delete(f"/api/v3/pages/{site_tree.about.pk}/").status_code == 405
    assert Page.objects.filter(pk=site_tree.about.pk).exists()
    assert not Page.objects.filter(title="Injected").exists()
