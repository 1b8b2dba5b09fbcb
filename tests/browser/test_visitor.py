"""A visitor reads the site, navigates in the app, and uses the call-to-action."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from blog.models import ArticlePage
from home.models import DoctorPage, SiteSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_home_doctor_list_article_back_and_forward(site_url, page, console_errors):
    doctor = DoctorPage.objects.get()
    article = ArticlePage.objects.get()
    page.goto(site_url + "/")
    expect(page.locator("h1")).to_have_count(1)
    # The app took over: a client-side navigation keeps this marker on the window.
    page.evaluate("window.__sameDocument = true")

    page.get_by_role("main").get_by_role("link", name=doctor.display_name).first.click()
    expect(page).to_have_url(re.compile(re.escape(doctor.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(doctor.display_name)
    expect(page).to_have_title(re.compile(re.escape(doctor.title)))

    page.goto(site_url + "/articles/")
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name=article.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.get_by_text("Medically reviewed by").or_(page.get_by_text("By"))).not_to_have_count(0)
    assert page.evaluate("window.__sameDocument") is True

    page.go_back()
    expect(page).to_have_url(re.compile(r"/articles/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Articles")
    page.go_forward()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    assert page.evaluate("window.__sameDocument") is True
    assert console_errors == []


def test_cta_links_call_and_whatsapp_naming_the_page(site_url, page, console_errors):
    article = ArticlePage.objects.get()
    settings = SiteSettings.objects.get()
    page.goto(site_url + article.url)
    bar = page.get_by_role("complementary", name="Book an appointment")
    expect(bar.get_by_role("link", name=re.compile("^Call"))).to_have_attribute(
        "href", f"tel:{settings.appointment_phone.as_e164}"
    )
    whatsapp = bar.get_by_role("link", name="WhatsApp").get_attribute("href")
    parts = urlsplit(whatsapp)
    assert parts.netloc == "wa.me"
    assert parts.path == "/" + settings.whatsapp_number.as_e164.lstrip("+")
    text = parse_qs(parts.query)["text"][0]
    assert text.startswith(settings.whatsapp_message)
    assert article.title in text

    bar.get_by_role("link", name="Book an appointment").click()
    # The article's author is the doctor the request is for.
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Book an appointment with {article.author.display_name}")
    assert console_errors == []


def test_search_finds_the_seed_article(site_url, page, console_errors):
    article = ArticlePage.objects.get()
    page.goto(site_url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search articles and doctors").fill("oncologist")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=oncologist$"))
    page.get_by_role("link", name=article.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    assert console_errors == []


def test_missing_path_shows_the_404_page(site_url, page, console_errors):
    response = page.goto(site_url + "/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Go to the home page")).to_be_visible()
    # The document's own 404 is the only console message Chromium prints for it.
    assert [error for error in console_errors if "404" not in error] == []


def test_sticky_cta_never_hides_the_end_of_the_page_on_a_phone(site_url, page):
    article = ArticlePage.objects.get()
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + article.url)
    bar = page.get_by_role("complementary", name="Book an appointment")
    expect(bar).to_be_visible()
    # In view while reading...
    box = bar.bounding_box()
    assert box["y"] + box["height"] <= 640 + 1
    # ...and at the very end the footer's last line sits above the bar.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    footer_box = page.locator("footer.site-footer").bounding_box()
    bar_box = bar.bounding_box()
    assert footer_box["y"] + footer_box["height"] <= bar_box["y"] + 1
    # No sideways scrolling at 320 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Tap targets are at least 44 × 44 px.
    for link in bar.get_by_role("link").all():
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, link.inner_text()


def test_head_with_javascript_disabled(site_url, browser):
    article = ArticlePage.objects.get()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    response = page.goto(site_url + article.url)
    assert response.status == 200
    assert page.title().startswith(article.title)
    assert page.locator('meta[property="og:title"]').get_attribute("content") == article.title
    assert page.locator('meta[property="og:image"]').get_attribute("content").startswith("http")
    types = [
        __import__("json").loads(text)["@type"]
        for text in page.locator('script[type="application/ld+json"]').all_text_contents()
    ]
    assert "MedicalWebPage" in types and "BreadcrumbList" in types
    # The article reads without JavaScript.
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator("main h2").first).to_be_visible()
    assert page.goto(site_url + "/gone/").status == 404
    context.close()
