"""The first visit stays light: at most 25 KB of gzipped JavaScript."""

import gzip

import pytest

from blog.models import ArticlePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BUDGET_BYTES = 25 * 1024


def test_first_visit_javascript_is_within_budget(site_url, page):
    scripts: list = []
    page.on(
        "response", lambda response: scripts.append(response) if response.request.resource_type == "script" else None
    )
    page.goto(site_url + ArticlePage.objects.get().url, wait_until="networkidle")
    assert scripts, "the app's script did not load"
    # Every script is same-origin: no third-party code, fonts or trackers.
    assert all(response.url.startswith(site_url) for response in scripts)
    gzipped = sum(len(gzip.compress(response.body(), compresslevel=9)) for response in scripts)
    assert gzipped <= BUDGET_BYTES, f"{gzipped} bytes of gzipped JavaScript"
    # No web font is fetched from anywhere.
    assert (
        page.evaluate(
            "performance.getEntriesByType('resource').filter(e => /\\.(woff2?|ttf|otf)$/.test(e.name)).length"
        )
        == 0
    )
