"""One rendering: every route reads the same before and after JavaScript, and the app asks for nothing inlined.

The server renders each page with the app's own components from the page's
payload; the browser hydrates that markup. So a visitor without JavaScript, a
crawler and a visitor with JavaScript get the same title, canonical address,
headings and content, and the app makes no API request on arrival.
"""

import pytest
from django.core.management import call_command

from blog.models import ArticlePage, Category
from home.models import DoctorPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# What a person or a crawler reads: the head's identity and the app's whole markup.
READ_DOCUMENT = """() => ({
  title: document.title,
  canonical: document.querySelector('link[rel=canonical]')?.href ?? null,
  ogUrl: document.querySelector('meta[property="og:url"]')?.content ?? null,
  headings: [...document.querySelectorAll('#app h1, #app h2, #app h3')].map((h) => h.tagName + ' ' + h.textContent),
  app: document.getElementById('app').innerHTML,
})"""


def _routes() -> list[str]:
    article = ArticlePage.objects.order_by("pk").first()
    category = Category.objects.filter(articles__isnull=False).first()
    return [
        "/",
        DoctorPage.objects.get().url,
        "/articles/",
        "/articles/?page=2",
        f"/articles/?category={category.slug}",
        article.url,
        "/about/",
        "/search/?q=oncologist",
        "/appointment/",
        "/no-such-page/",
    ]


def _read_with_javascript(context, url: str) -> tuple[dict, list[str], list[str]]:
    """The document once the app has hydrated, the API requests it made, and its errors (a 404's own aside)."""
    page = context.new_page()
    api_requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: api_requests.append(request.url) if "/api/" in request.url else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    # Preact keeps the rendered tree on the container it rendered into: the app did hydrate.
    assert page.evaluate("Boolean(document.getElementById('app').__k)"), url
    document = page.evaluate(READ_DOCUMENT)
    page.close()
    return document, api_requests, [error for error in errors if "404" not in error]


def test_every_route_reads_the_same_before_and_after_javascript(site_url, browser):
    # Thirteen more articles, so the list has a second page.
    call_command("generate_articles", count=13, seed=7)
    without_js = browser.new_context(java_script_enabled=False)
    with_js = browser.new_context()
    try:
        for route in _routes():
            plain = without_js.new_page()
            plain.goto(site_url + route)
            before = plain.evaluate(READ_DOCUMENT)
            plain.close()
            after, api_requests, errors = _read_with_javascript(with_js, site_url + route)
            assert after == before, route
            assert before["headings"] and before["headings"][0].startswith("H1 "), route
            assert api_requests == [], route
            assert errors == [], route
    finally:
        without_js.close()
        with_js.close()
