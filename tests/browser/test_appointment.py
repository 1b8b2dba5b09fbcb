"""A visitor books an appointment through the request form."""

import re

import pytest
from playwright.sync_api import expect

from appointments.models import AppointmentRequest
from home.models import DoctorPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_form_shows_errors_keeps_input_and_ends_on_the_reference(site_url, page, console_errors, settings):
    # A test types faster than a person; the fill-time guard is the API's own concern.
    settings.APPOINTMENTS_MIN_FILL_MS = 0
    doctor = DoctorPage.objects.get()
    page.goto(site_url + doctor.url)
    page.locator(".doctor-header").get_by_role("link", name="Book an appointment").click()
    # The link carries the doctor and the page it was followed from; the form names the doctor.
    expect(page).to_have_url(re.compile(rf"/appointment/\?doctor={doctor.pk}&page={doctor.pk}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Book an appointment with {doctor.display_name}")
    bar = page.get_by_role("complementary", name="Book an appointment")
    expect(bar.get_by_role("link", name="WhatsApp")).to_be_visible()
    expect(bar.get_by_role("link", name="Book an appointment")).to_have_count(0)

    # Checked as the visitor types.
    phone = page.get_by_label("Phone number")
    phone.fill("call me")
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#phone-error")).to_have_text(re.compile("^Use only digits and spaces"))

    # Sent incomplete: nothing leaves the browser, the summary says why.
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#name-error")).to_have_text("Enter your name.")

    # A number the API rejects: its message appears beside the field, the input stays.
    page.get_by_label("Your name").fill("Asha Verma")
    phone.fill("+91 00000 00000")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Send request").click()
    expect(page.locator("#phone-error")).to_have_text(re.compile("^This phone number does not exist."))
    expect(page.get_by_label("Your name")).to_have_value("Asha Verma")
    assert AppointmentRequest.objects.count() == 0

    phone.fill("98765 43210")
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", name="Request sent")).to_be_visible()
    reference = page.locator(".reference").inner_text()
    stored = AppointmentRequest.objects.get()
    assert stored.reference == reference
    assert stored.doctor_id == doctor.pk
    assert stored.source_page_id == doctor.pk  # the e-mail and the inbox say where it came from
    assert stored.idempotency_key
    assert [error for error in console_errors if "422" not in error] == []
