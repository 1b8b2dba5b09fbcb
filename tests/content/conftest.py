"""Fixtures for the content model tests: the demo site and staff users."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Site

from blog.models import ArticlePage, BlogIndexPage
from home.demo_content.builder import DemoSiteBuilder
from home.models import DoctorPage, HomePage


@pytest.fixture
def demo_site(db):
    """The demo site as ``load_demo_content`` builds it."""
    DemoSiteBuilder().build()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(demo_site) -> HomePage:
    return demo_site.root_page.specific


@pytest.fixture
def doctor(demo_site) -> DoctorPage:
    return DoctorPage.objects.get()


@pytest.fixture
def articles_index(demo_site) -> BlogIndexPage:
    return BlogIndexPage.objects.get()


@pytest.fixture
def seed_article(demo_site) -> ArticlePage:
    return ArticlePage.objects.get()


@pytest.fixture
def make_staff(django_user_model):
    """A staff user in the named Wagtail groups."""

    def make(username: str, *groups: str):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "password")
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make
