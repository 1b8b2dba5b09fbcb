"""Renaming or moving a page leaves a redirect from its old address; readers and the API follow it."""

from django.conf import settings
from wagtail.contrib.redirects.models import Redirect

from home.models import StandardPage


def test_automatic_redirects_are_on():
    assert settings.WAGTAILREDIRECTS_AUTO_CREATE is True


def test_renaming_a_published_page_redirects_its_old_address(client, clinic, django_capture_on_commit_callbacks):
    article = clinic.reviewed
    article.slug = "oncologists-explained"
    # Wagtail announces the new slug once the publication is committed.
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    redirect = Redirect.objects.get(old_path="/articles/oncologists")
    assert redirect.redirect_page_id == article.pk
    assert redirect.is_permanent and redirect.automatically_created

    response = client.get("/api/v3/route/", {"path": "/articles/oncologists/"})
    assert response.status_code == 200
    assert response.json()["kind"] == "redirect"
    assert response.json()["redirect"] == {"location": "/articles/oncologists-explained/", "status": 301}


def test_moving_a_page_redirects_its_old_address(client, clinic):
    practice = clinic.home.add_child(instance=StandardPage(title="Our practice", slug="practice"))
    clinic.about.move(practice, pos="last-child")

    redirect = Redirect.objects.get(old_path="/about")
    assert redirect.redirect_page_id == clinic.about.pk and redirect.automatically_created
    response = client.get("/api/v3/route/", {"path": "/about/"})
    assert response.json()["redirect"] == {"location": "/practice/about/", "status": 301}


def test_renaming_a_draft_creates_no_redirect(clinic):
    draft = clinic.draft
    draft.slug = "still-a-draft"
    draft.save_revision()
    assert not Redirect.objects.filter(old_path="/articles/draft").exists()
