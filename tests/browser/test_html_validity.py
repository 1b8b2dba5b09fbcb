"""Every page type after JavaScript ran (the DOM the app leaves, serialized) passes the Nu HTML Checker
with no error, and its headings skip no level (tests/frontend/test_html_validity.py checks it as served)."""

import pytest

from tests.nu_html_checker import nu_errors
from tests.page_types import page_type_paths, skipped_heading_levels

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SERIALIZE = "() => '<!DOCTYPE html>\\n' + document.documentElement.outerHTML"


def test_every_page_type_after_javascript_has_no_html_error_and_no_skipped_heading(site_url, page):
    documents = {}
    for page_type, path in page_type_paths().items():
        page.goto(site_url + path, wait_until="networkidle")
        # Preact keeps the rendered tree on the container it rendered into: the app did hydrate.
        assert page.evaluate("Boolean(document.getElementById('app').__k)"), path
        documents[page_type] = page.evaluate(SERIALIZE)
    assert {name: skipped_heading_levels(html) for name, html in documents.items()} == {name: [] for name in documents}
    assert nu_errors(documents) == {name: [] for name in documents}
