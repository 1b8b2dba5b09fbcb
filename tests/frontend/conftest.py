"""Fixtures for the frontend's Django side: the demo site, as ``load_demo_content`` builds it."""

import json
import re

import pytest
from django.core.cache import cache
from wagtail.models import Site

from blog.models import ArticlePage, BlogIndexPage
from home.demo_content.builder import DemoSiteBuilder
from home.models import DoctorPage, HomePage

PAGE_DATA = re.compile(r'<script type="application/json" id="page-data">(.*?)</script>', re.S)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The API cache outlives a test's database transaction: start every test empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(db) -> Site:
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


def page_data(html: str) -> dict:
    """The inlined page JSON of a rendered document."""
    match = PAGE_DATA.search(html)
    assert match, "no <script id=page-data> in the document"
    return json.loads(match.group(1))


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD block of a rendered document."""
    return [json.loads(block) for block in JSON_LD.findall(html)]
