"""What a phone and a desktop show a reader: a compact header, footer links big enough to tap, FAQ triangles."""

import json

import pytest

from blog.models import ArticlePage
from home.models import DoctorPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# WCAG 2.2 SC 2.5.8 Target Size (Minimum).
MIN_TARGET = 24
MAX_PHONE_HEADER = 80


def reader_paths() -> list[str]:
    return ["/", DoctorPage.objects.get().url, "/articles/", ArticlePage.objects.get().url, "/search/", "/appointment/"]


def test_the_phone_header_is_compact_and_names_the_site_once(site_url, page):
    page.set_viewport_size(PHONE)
    for path in reader_paths():
        page.goto(site_url + path)
        header = page.locator(".site-header")
        assert header.bounding_box()["height"] <= MAX_PHONE_HEADER, path
        name = page.locator(".brand").inner_text()
        shown = header.evaluate(
            "(header, name) => [...header.querySelectorAll('a')]"
            ".filter((a) => a.offsetParent !== null && a.innerText.trim() === name).length",
            name,
        )
        assert shown == 1, path
        # Every menu link stays reachable: in the header, or one tap away from the home page's list of doctors.
        for link in page.locator(".menu a").all():
            if link.is_visible():
                box = link.bounding_box()
                assert box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET, (path, link.inner_text())


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_footer_links_are_at_least_24_pixels_each_way(site_url, page, viewport):
    page.set_viewport_size(viewport)
    for path in reader_paths():
        page.goto(site_url + path)
        links = page.locator(".site-footer a")
        assert links.count() >= 2, path  # the privacy notice and the disclaimer
        for link in links.all():
            box = link.bounding_box()
            assert box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET, (path, link.inner_text(), box)


def test_faq_questions_show_their_disclosure_triangle(site_url, page):
    article = ArticlePage.objects.get()
    body = list(article.body.raw_data)
    body.append({"type": "faq", "value": {"question": "Is chemotherapy painful?", "answer": "<p>Usually not.</p>"}})
    article.body = json.dumps(body)
    article.save_revision().publish()
    page.set_viewport_size(PHONE)
    page.goto(site_url + article.url)
    summary = page.locator(".faq summary").first
    style = "(summary) => [getComputedStyle(summary).display, getComputedStyle(summary).listStyleType]"
    assert summary.evaluate(style) == ["list-item", "disclosure-closed"]
    summary.click()
    assert summary.evaluate(style) == ["list-item", "disclosure-open"]
    assert page.get_by_text("Usually not.").is_visible()
    assert summary.bounding_box()["height"] >= MIN_TARGET
