"""No page type trips the Content-Security-Policy in a real browser: nothing the site needs is blocked."""

import pytest
from playwright.sync_api import expect

from blog.models import ArticlePage
from home.models import DoctorPage, StandardPage

from .conftest import sign_in_to_the_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Runs in every document and frame before the page's own code.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
"""


@pytest.fixture
def csp_reports(page) -> list[str]:
    """Violations the browser reported, as events (every frame) and as console messages."""
    reports: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console", lambda message: reports.append(message.text) if "Content Security Policy" in message.text else None
    )
    return reports


def violations(page, reports: list[str]) -> list[str]:
    events = [item for frame in page.frames for item in frame.evaluate("window.__cspViolations || []")]
    return events + reports


def test_every_page_type_loads_without_a_policy_violation(site_url, page, csp_reports):
    article = ArticlePage.objects.get()
    pages = {
        "home": "/",
        "doctor": DoctorPage.objects.get().url,
        "articles index": "/articles/",
        "article": article.url,
        "standard page": StandardPage.objects.get(slug="about").url,
        "search": "/search/?q=" + article.title.split()[0],
        "appointment": "/appointment/",
        "404": "/no-such-page/",
    }
    for name, path in pages.items():
        response = page.goto(site_url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"], name
        page.wait_for_load_state("networkidle")
        # The app's external script ran and rendered the page (it was not blocked).
        expect(page.locator("#app h1")).to_have_count(1)
        assert page.evaluate("document.querySelector('#page-data') !== null"), name
        assert violations(page, csp_reports) == [], name


def test_preview_renders_the_draft_framed_by_the_same_origin(site_url, page, csp_reports, django_user_model):
    sign_in_to_the_admin(page, site_url, django_user_model)  # previews are for signed-in staff
    about = StandardPage.objects.get(slug="about")
    about.title = "About us (draft)"
    token = about.create_page_preview().token
    preview_url = f"/__preview__/?content_type=home.standardpage&token={token}"

    # A same-origin page framing the preview, as the admin's live preview panel does.
    page.route(
        site_url + "/__frame-host__/",
        lambda route: route.fulfill(content_type="text/html", body=f'<iframe src="{preview_url}"></iframe>'),
    )
    page.goto(site_url + "/__frame-host__/")
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("heading", level=1)).to_have_text("About us (draft)", timeout=15_000)
    page.wait_for_load_state("networkidle")
    assert violations(page, csp_reports) == []
