"""Pages behind Wagtail's privacy settings: its password form or sign-in on the public site, nothing else changes."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from .conftest import page_data

pytestmark = pytest.mark.django_db

PASSWORD = "clinic-staff-2026"


@pytest.fixture
def password_page(doctor):
    PageViewRestriction.objects.create(page=doctor, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)
    return doctor


@pytest.fixture
def visitor(client):
    """A visitor's browser: server errors come back as the 500 page, as they would in production."""
    client.raise_request_exception = False
    return client


def test_a_password_page_shows_wagtails_form_in_the_sites_layout_and_every_other_page_is_untouched(
    visitor, password_page, home_page, articles_index, seed_article, settings
):
    assert settings.DEBUG is False
    response = visitor.get(password_page.url)
    assert response.status_code == 401
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert 'type="password" name="password"' in html
    assert f'<form method="post" action="{password_page.url}"' in html
    assert 'class="site-header"' in html and 'class="cta-bar"' in html
    assert password_page.summary not in html
    data = page_data(html)
    assert data["route"] is None and data["restricted"]["action"] == password_page.url
    for page in (home_page, articles_index, seed_article):
        assert visitor.get(page.url).status_code == 200, page.url
    assert visitor.get("/search/?q=oncologist").status_code == 200


def test_the_right_password_opens_the_page_for_that_visitor_only(visitor, password_page):
    wrong = visitor.post(password_page.url, {"password": "guess", "return_url": password_page.url})
    assert wrong.status_code == 401
    assert "The password you have entered is not correct" in wrong.content.decode()

    right = visitor.post(password_page.url, {"password": PASSWORD, "return_url": password_page.url})
    assert right.status_code == 303 and right["Location"] == password_page.url
    page = visitor.get(password_page.url)
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert f"<h1>{password_page.display_name}</h1>" in page.content.decode()
    # Another visitor still meets the form: nothing was shared through a cache.
    assert Client().get(password_page.url).status_code == 401


def test_a_sign_in_restricted_page_and_its_children_are_a_clear_403_whoever_asks(
    visitor, django_user_model, articles_index, seed_article, home_page
):
    PageViewRestriction.objects.create(page=articles_index, restriction_type=PageViewRestriction.LOGIN)
    for page in (articles_index, seed_article):
        response = visitor.get(page.url)
        assert response.status_code == 403, page.url
        html = response.content.decode()
        assert "<h1>This page is private</h1>" in html and 'class="site-header"' in html
        assert seed_article.summary not in html
    # A signed-in staff member browsing the public site is shown what anybody is (they preview in the admin).
    visitor.force_login(django_user_model.objects.create_superuser("editor", "editor@example.com", "pw"))
    assert visitor.get(seed_article.url).status_code == 403
    assert visitor.get(home_page.url).status_code == 200


def test_a_group_restricted_page_is_403_for_a_signed_in_member_of_no_such_group(visitor, django_user_model, doctor):
    restriction = PageViewRestriction.objects.create(page=doctor, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.create(name="Tumour board")])
    visitor.force_login(django_user_model.objects.create_user("reception", password="x"))
    assert visitor.get(doctor.url).status_code == 403


def test_an_address_starting_with_two_slashes_is_not_sent_to_another_site(visitor, demo_site):
    # As a browser sends them (the test client would read "//about" as a host name).
    for address in ("//about", "//evil.example/about", "///about"):
        response = visitor.get("/", PATH_INFO=address)
        assert not response.get("Location", "").startswith("//"), address
    assert visitor.get("/", PATH_INFO="//about")["Location"] == "/about/"


def test_unknown_list_filters_and_pages_past_the_last_are_404(visitor, articles_index, seed_article):
    assert visitor.get(articles_index.url).status_code == 200
    assert visitor.get(articles_index.url, {"tag": seed_article.tags.first().slug}).status_code == 200
    for query in ({"category": "free-chemo-call-now"}, {"tag": "no-such-tag"}, {"page": "2"}, {"page": "x"}):
        response = visitor.get(articles_index.url, query)
        assert response.status_code == 404, query
        assert "free-chemo" not in response.content.decode()
