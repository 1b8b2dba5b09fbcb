"""Frontend Django-side fixtures: a fresh cache and document parsers (demo site: tests/conftest.py)."""

import json
import re

import pytest
from django.core.cache import cache

PAGE_DATA = re.compile(r'<script type="application/json" id="page-data">(.*?)</script>', re.S)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The API cache outlives a test's database transaction: start every test empty."""
    cache.clear()
    yield
    cache.clear()


def page_data(html: str) -> dict:
    """The inlined page JSON of a rendered document."""
    match = PAGE_DATA.search(html)
    assert match, "no <script id=page-data> in the document"
    return json.loads(match.group(1))


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD block of a rendered document."""
    return [json.loads(block) for block in JSON_LD.findall(html)]
