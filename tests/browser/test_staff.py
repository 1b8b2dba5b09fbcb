"""Clinic staff in the admin: the front desk on a phone, review-gated publishing, image uploads."""

import re
from datetime import date, timedelta
from pathlib import Path

import pillow_heif
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from appointments.models import AppointmentRequest
from blog.models import ArticlePage
from images.models import CustomImage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-test-password-42"
PHONE_WIDTH = 390
PHONE_HEIGHT = 844


def assert_no_sideways_scroll(page) -> None:
    """The page is no wider than the phone's screen: nothing is reached only by scrolling sideways."""
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide on a {widths[1]} px screen"


def assert_within_screen_width(locator) -> None:
    """Not wider than the phone's screen (the admin's main area clips, rather than scrolls, what is wider)."""
    box = locator.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, box


def assert_on_first_screen(locator) -> None:
    """Visible without scrolling: inside the phone's first screen, both ways."""
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE_HEIGHT, box


def assert_on_one_line(locator) -> None:
    """The text is not broken over lines (a reference read aloud must stay whole)."""
    lines = locator.evaluate(
        "element => { const range = document.createRange(); range.selectNodeContents(element);"
        " return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size; }"
    )
    assert lines == 1, f"{lines} lines"


def log_in(page, site_url: str, username: str) -> None:
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.com", PASSWORD)


def test_the_front_desk_handles_a_request_from_a_phone(site_url, page, django_user_model):
    desk = django_user_model.objects.create_user("desk", password=PASSWORD)
    desk.groups.add(Group.objects.get(name="Front desk"))
    request = AppointmentRequest.objects.create(
        name="Meera Iyer",
        phone="+919876543210",
        preferred_date=date(2026, 12, 5),
        consent_given_at=timezone.now() - timedelta(hours=1),
    )
    page.set_viewport_size({"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
    log_in(page, site_url, "desk")
    page.goto(site_url + "/admin/appointment_requests/")
    # The list fits the phone: nothing to scroll sideways or cut off, the reference on one line.
    assert_no_sideways_scroll(page)
    assert_within_screen_width(page.get_by_role("table"))
    reference = page.get_by_role("link", name=request.reference)
    expect(reference).to_be_visible()
    assert_on_one_line(reference)
    for text in ("Meera Iyer", "Sat 5 Dec 2026", "New"):
        assert_on_first_screen(page.get_by_role("table").get_by_text(text, exact=True))
    assert_on_first_screen(page.locator('a[href="tel:+919876543210"]'))

    reference.click()
    expect(page.locator("#id_status")).to_be_visible()
    # The number to call, the status and the button that saves it are on the first screen of the phone.
    assert_no_sideways_scroll(page)
    for control in (
        page.locator('a[href="tel:+919876543210"]'),
        page.locator("#id_status"),
        page.get_by_role("button", name="Save"),
    ):
        assert_on_first_screen(control)
    page.locator("#id_status").select_option("contacted")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"Appointment request '{request.reference}' updated.")).to_be_visible()
    assert_within_screen_width(page.get_by_role("table"))
    assert_on_first_screen(page.get_by_role("table").get_by_text("Contacted", exact=True))
    request.refresh_from_db()
    assert request.status == AppointmentRequest.Status.CONTACTED


def test_publishing_an_article_waits_for_its_author_and_review(site_url, page, superuser):
    article = ArticlePage.objects.get()
    article.author = None
    article.save_revision(user=superuser)
    page.set_viewport_size({"width": 1300, "height": 900})
    log_in(page, site_url, "chief")
    page.goto(f"{site_url}/admin/pages/{article.pk}/edit/")
    # The action menu offers review, never a plain Publish.
    expect(page.locator('button[name="action-publish"]')).to_have_count(0)
    page.locator('button[name="action-submit"]').evaluate("button => button.click()")
    page.get_by_role("tab", name=re.compile("Authors and filing")).click()
    expect(page.get_by_text("Name the doctor who wrote the article")).to_be_visible()
    assert not ArticlePage.objects.get(pk=article.pk).workflow_in_progress


def _photo(tmp_path: Path, name: str, image_format: str) -> Path:
    pillow_heif.register_heif_opener()
    path = tmp_path / name
    Image.new("RGB", (800, 600), (30, 120, 160)).save(path, format=image_format)
    return path


def test_an_iphone_photo_uploads_with_its_description(site_url, page, superuser, tmp_path):
    log_in(page, site_url, "chief")
    page.goto(site_url + "/admin/images/add/")
    page.locator('input[type="file"][name="file"]').set_input_files(_photo(tmp_path, "IMG_2034.HEIC", "HEIF"))
    page.locator("#id_title").fill("Waiting room")
    page.get_by_label("Description (alt text)").fill("The clinic's waiting room with blue chairs")
    page.get_by_role("button", name="Upload").click()
    expect(page).to_have_url(re.compile(r"/admin/images/$"))
    image = CustomImage.objects.get(title="Waiting room")
    assert image.get_rendition("max-400x400").url.endswith(".jpg")


def test_an_upload_without_a_description_is_refused(site_url, page, superuser, tmp_path):
    log_in(page, site_url, "chief")
    page.goto(site_url + "/admin/images/add/")
    page.locator('input[type="file"][name="file"]').set_input_files(_photo(tmp_path, "room.png", "PNG"))
    page.locator("#id_title").fill("Undescribed room")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("this is its alt text", exact=False).first).to_be_visible()
    assert not CustomImage.objects.filter(title="Undescribed room").exists()
