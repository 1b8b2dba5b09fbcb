"""Every page type as the server sends it (before any JavaScript) passes the Nu HTML Checker with no error,
and its headings skip no level."""

import re

import pytest

from tests.nu_html_checker import nu_errors
from tests.page_types import page_type_paths, skipped_heading_levels

pytestmark = pytest.mark.django_db

SOURCE = re.compile(r'<source type="image/(\w+)" srcset="([^"]*)"')
IMG_IN_PICTURE = re.compile(r'<picture[^>]*>.*?<img src="([^"]*)"', re.S)


def mixed_formats(html: str) -> list[str]:
    """Files a ``<picture>`` offers under another format's type, and fallbacks not in JPEG or PNG."""
    problems = [
        f"{url} under image/{kind}"
        for kind, srcset in SOURCE.findall(html)
        for url in (candidate.split()[0] for candidate in srcset.split(", "))
        if not url.endswith(f".{kind}")
    ]
    return problems + [src for src in IMG_IN_PICTURE.findall(html) if not src.endswith((".jpg", ".png"))]


def test_every_page_type_as_served_has_no_html_error_and_no_skipped_heading(client, demo_site):
    documents = {}
    for page_type, path in page_type_paths().items():
        response = client.get(path)
        assert response.status_code == (404 if page_type == "not found" else 200), path
        documents[page_type] = response.content.decode()
    assert "result" in documents["search with results"].lower()
    assert SOURCE.search(documents["article list"]) and SOURCE.search(documents["article"])
    assert {name: mixed_formats(html) for name, html in documents.items()} == {name: [] for name in documents}
    assert {name: skipped_heading_levels(html) for name, html in documents.items()} == {key: [] for key in documents}
    assert nu_errors(documents) == {key: [] for key in documents}


def test_the_checker_reports_an_error():
    broken = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><img src="a.png"></body></html>'
    assert ["alt" in error for error in nu_errors({"broken": broken})["broken"]] == [True]
    assert skipped_heading_levels("<h1>a</h1><h3>b</h3><h2>c</h2><h3>d</h3>") == ["h1 then h3"]
