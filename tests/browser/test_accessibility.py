"""axe-core finds no WCAG 2.2 A/AA violation, of any impact, on any page type at a phone's and a desktop's width,
nor on the booking form showing its errors."""

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.page_types import page_type_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(settings.BASE_DIR) / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
# axe's rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added AA rules only).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    # axe-core is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
    return {**browser_context_args, "bypass_csp": True}


def _violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make -C frontend build` (npm ci installs it).")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, WCAG_22_AA)


@pytest.mark.parametrize("width", [390, 1280])
def test_no_wcag_22_aa_violation_on_any_page_type(site_url, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    problems = {}
    for page_type, path in page_type_paths().items():
        page.goto(site_url + path, wait_until="networkidle")
        expect(page.locator("main h1")).to_have_count(1)
        violations = _violations(page)
        if violations:
            problems[page_type] = violations
    assert problems == {}


@pytest.mark.parametrize("width", [390, 1280])
def test_no_wcag_22_aa_violation_on_the_booking_form_showing_its_errors(site_url, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/appointment/", wait_until="networkidle")
    form = page.locator("main form")
    form.locator("[type=submit]").click()
    expect(form.locator("[aria-invalid=true]").first).to_be_visible()
    assert _violations(page) == []
