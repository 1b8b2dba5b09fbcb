"""Document parsers for the frontend's rendered pages (demo site and fresh cache: tests/conftest.py)."""

import json
import re

from wagtail.models import Site

PAGE_DATA = re.compile(r'<script type="application/json" id="page-data">(.*?)</script>', re.S)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    """The inlined page JSON of a rendered document."""
    match = PAGE_DATA.search(html)
    assert match, "no <script id=page-data> in the document"
    return json.loads(match.group(1))


def json_ld(html: str) -> list[dict]:
    """Every JSON-LD block of a rendered document."""
    return [json.loads(block) for block in JSON_LD.findall(html)]


def site_url(path: str = "") -> str:
    """An absolute address on the default site, as its Wagtail site record spells it (host and port)."""
    return Site.objects.get(is_default_site=True).root_url + path
