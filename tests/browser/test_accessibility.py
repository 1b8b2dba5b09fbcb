"""axe-core finds no serious or critical WCAG 2.1 AA violation on any page type."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from blog.models import ArticlePage
from home.models import DoctorPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(settings.BASE_DIR) / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    # axe-core is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
    return {**browser_context_args, "bypass_csp": True}


@pytest.mark.parametrize("width", [320, 1280])
def test_no_serious_or_critical_violations(site_url, page, width):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make -C frontend build` (npm ci installs it).")
    page.set_viewport_size({"width": width, "height": 800})
    paths = [
        "/",
        DoctorPage.objects.get().url,
        "/articles/",
        ArticlePage.objects.get().url,
        "/search/?q=oncologist",
        "/appointment/",
        "/no-such-page/",
    ]
    problems = {}
    for path in paths:
        page.goto(site_url + path, wait_until="networkidle")
        expect(page.locator("main h1")).to_have_count(1)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE)
        if violations:
            problems[path] = violations
    assert problems == {}
