"""Call, WhatsApp and Book within reach on every screen, and a booking form the keyboard can walk at 390 px."""

import re

import pytest
from playwright.sync_api import expect

from blog.models import ArticlePage
from home.models import DoctorPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# Where an element is on screen, and whether something else (the fixed booking bar) is painted over it.
PLACEMENT = """(element) => {
  const box = element.getBoundingClientRect();
  const inView = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
  const middle = [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
  const points = [[box.left + 2, box.top + 2], [box.right - 2, box.bottom - 2], middle];
  const covered = points.some(([x, y]) => {
    const top = document.elementFromPoint(x, y);
    return top !== null && top !== element && !element.contains(top) && !top.contains(element);
  });
  return {inView, covered, top: Math.round(box.top), bottom: Math.round(box.bottom), height: innerHeight};
}"""

FOCUSED = """() => {
  const element = document.activeElement;
  const bar = document.querySelector('.cta-bar');
  return {
    id: element.id || element.getAttribute('href') || element.textContent.trim().slice(0, 30),
    inBar: bar !== null && bar.contains(element),
    inFooter: element.closest('footer.site-footer') !== null,
  };
}"""


@pytest.fixture
def page(page):
    # Scrolling happens at once, so a position read right after it is where it ends.
    page.emulate_media(reduced_motion="reduce")
    return page


def _fully_visible(locator) -> dict:
    placement = locator.evaluate(PLACEMENT)
    assert placement["inView"] and not placement["covered"], placement
    return placement


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x800", "390x844"])
def test_call_whatsapp_and_book_are_on_the_first_screen_of_home_doctor_and_article(site_url, page, viewport):
    page.set_viewport_size(viewport)
    doctor = DoctorPage.objects.get()
    article = ArticlePage.objects.get()
    for path in ("/", doctor.url, article.url):
        page.goto(site_url + path)
        bar = page.get_by_role("complementary", name="Book an appointment")
        for name in (re.compile(r"^Call"), "WhatsApp", "Book an appointment"):
            _fully_visible(bar.get_by_role("link", name=name))

    # The doctor's page has its own booking action near the top.
    page.goto(site_url + doctor.url)
    header_book = page.locator(".doctor-header").get_by_role("link", name="Book an appointment")
    _fully_visible(header_book)
    expect(header_book).to_have_attribute("href", f"/appointment/?doctor={doctor.pk}&page={doctor.pk}")

    # The end of an article invites the reader to book, and nothing covers it or the last links of the page.
    page.goto(site_url + article.url)
    invitation = page.get_by_role("region", name="Talk to the doctor")
    invitation.scroll_into_view_if_needed()
    for name in (re.compile(r"^Call"), "WhatsApp", "Book an appointment"):
        _fully_visible(invitation.get_by_role("link", name=name))
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    _fully_visible(page.get_by_role("contentinfo").get_by_role("link", name="Privacy notice"))


def test_tabbing_through_the_booking_form_at_390px_never_hides_the_focused_element(site_url, page):
    page.set_viewport_size(PHONE)
    doctor = DoctorPage.objects.get()
    page.goto(f"{site_url}/appointment/?doctor={doctor.pk}&page={doctor.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Book an appointment with {doctor.display_name}")
    hidden, visited = [], []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["inBar"]:
            continue  # the bar itself is always on screen
        placement = page.evaluate(f"({PLACEMENT})(document.activeElement)")
        visited.append(focused["id"])
        if not placement["inView"] or placement["covered"]:
            hidden.append((focused["id"], placement))
        if focused["inFooter"]:
            break  # the last links of the page
    assert {"f-name", "f-phone", "f-preferred_date", "f-reason", "f-consent", "Send request"} <= set(visited), visited
    assert hidden == []


def test_an_invalid_send_moves_focus_to_a_summary_linking_every_error(site_url, page):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/appointment/")
    page.get_by_label("Phone number").fill("12345")
    expect(page.get_by_text("This phone number is too short.").first).to_be_visible()
    send = page.get_by_role("button", name="Send request")
    send.focus()
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    _fully_visible(summary.get_by_role("heading"))
    links = summary.get_by_role("link")
    too_short = re.compile(r"^This phone number is too short\.")
    expect(links).to_have_text(["Enter your name.", too_short, "Please agree so the clinic can contact you."])
    # Every error, not only the last one, leads to its field, which is then focused and uncovered.
    for label, link in (("Your name", 0), ("Phone number", 1), ("I agree", 2)):
        links.nth(link).click()
        field = page.get_by_label(re.compile(label))
        expect(field).to_be_focused()
        _fully_visible(field)
        summary.scroll_into_view_if_needed()
