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
    page.get_by_role("complementary", name="Book an appointment").get_by_role(
        "link", name="Book an appointment"
    ).click()
    expect(page).to_have_url(re.compile(rf"/appointment/\?doctor={doctor.pk}$"))

    # Checked as the visitor types.
    phone = page.get_by_label("Phone number")
    phone.fill("call me")
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Enter a phone number with digits only")).to_be_visible()

    # Sent incomplete: nothing leaves the browser, the summary says why.
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_text("Please correct the highlighted fields.")).to_be_visible()
    expect(page.get_by_text("Enter your name.")).to_be_visible()

    # A number the API rejects: its message appears beside the field, the input stays.
    page.get_by_label("Your name").fill("Asha Verma")
    phone.fill("+91 00000 00000")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_text("This phone number does not exist.", exact=False)).to_be_visible()
    expect(page.get_by_label("Your name")).to_have_value("Asha Verma")
    assert AppointmentRequest.objects.count() == 0

    phone.fill("98765 43210")
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_role("heading", name="Request sent")).to_be_visible()
    reference = page.locator(".reference").inner_text()
    stored = AppointmentRequest.objects.get()
    assert stored.reference == reference
    assert stored.doctor_id == doctor.pk
    assert stored.idempotency_key
    assert [error for error in console_errors if "422" not in error] == []
