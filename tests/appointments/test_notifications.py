"""The clinic's notification e-mail: after commit, to the right address, never losing a request."""

import io
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from appointments.models import AppointmentRequest
from appointments.notifications import wait_for_pending_notifications

from .api_client import API_URL, post_json
from .mail_backends import GatedBackend

pytestmark = pytest.mark.django_db


def test_nothing_is_sent_before_the_request_is_committed(client, valid_payload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert post_json(client, API_URL, valid_payload).status_code == 201
        assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_the_doctors_own_booking_address_wins(client, valid_payload, site_tree, django_capture_on_commit_callbacks):
    doctor = site_tree["doctor"].specific
    doctor.booking_email = "rao.desk@clinic.example"
    doctor.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        post_json(client, API_URL, valid_payload)
    assert mail.outbox[0].to == ["rao.desk@clinic.example"]


def test_the_settings_address_is_the_fallback(
    client, valid_payload, site_tree, settings, django_capture_on_commit_callbacks
):
    site_tree["settings"].booking_email = ""
    site_tree["settings"].save()
    settings.APPOINTMENTS_NOTIFY_EMAIL = "fallback@clinic.example"
    with django_capture_on_commit_callbacks(execute=True):
        post_json(client, API_URL, valid_payload)
    assert mail.outbox[0].to == ["fallback@clinic.example"]


def test_no_address_anywhere_is_shown_as_such(
    client, valid_payload, site_tree, settings, django_capture_on_commit_callbacks
):
    site_tree["settings"].booking_email = ""
    site_tree["settings"].save()
    settings.APPOINTMENTS_NOTIFY_EMAIL = ""
    with django_capture_on_commit_callbacks(execute=True):
        assert post_json(client, API_URL, valid_payload).status_code == 201
    assert mail.outbox == []
    assert AppointmentRequest.objects.get().notification_status == "not_configured"


def test_a_mail_server_failure_keeps_the_request_and_records_the_error(
    client, valid_payload, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.appointments.mail_backends.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.DEBUG):
        response = post_json(client, API_URL, valid_payload)
    assert response.status_code == 201
    stored = AppointmentRequest.objects.get()
    assert stored.notification_status == "failed"
    assert "SMTPServerDisconnected" in stored.notification_error
    # The log names the reference, never the patient.
    assert stored.reference in caplog.text
    assert "Meera" not in caplog.text and "98765" not in caplog.text

    # Once the mail server works again, the retry command sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    output = io.StringIO()
    call_command("resend_appointment_notifications", stdout=output)
    assert "1 of 1 notification(s) sent" in output.getvalue()
    stored.refresh_from_db()
    assert stored.notification_status == "sent"
    assert len(mail.outbox) == 1


def test_html_in_the_request_reaches_the_clinic_as_plain_text(
    client, valid_payload, django_capture_on_commit_callbacks
):
    valid_payload["name"] = "<script>alert(1)</script> Meera"
    valid_payload["reason"] = "<b>bold</b> & <i>more</i>"
    with django_capture_on_commit_callbacks(execute=True):
        post_json(client, API_URL, valid_payload)
    message = mail.outbox[0]
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", [])  # no HTML part to run anything in
    assert "<script>alert(1)</script> Meera" in message.body
    assert "<b>bold</b> & <i>more</i>" in message.body
    assert AppointmentRequest.objects.get().name == "<script>alert(1)</script> Meera"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_slow_mail_server_does_not_hold_up_the_submission(client, valid_payload, settings):
    settings.APPOINTMENTS_NOTIFY_IN_BACKGROUND = True
    settings.EMAIL_BACKEND = "tests.appointments.mail_backends.GatedBackend"
    GatedBackend.gate.clear()
    try:
        response = post_json(client, API_URL, valid_payload)
        # The patient has the answer while the mail server is still stuck.
        assert response.status_code == 201
        assert mail.outbox == []
        assert AppointmentRequest.objects.get().notification_status == "pending"
    finally:
        GatedBackend.gate.set()
    wait_for_pending_notifications(timeout=30)
    assert len(mail.outbox) == 1
    assert AppointmentRequest.objects.get().notification_status == "sent"


def test_visitor_text_cannot_pass_for_the_clinics_own_lines(client, valid_payload, django_capture_on_commit_callbacks):
    valid_payload["name"] = "Meera\r\nReference:     APT-FAKE"
    valid_payload["reason"] = (
        "Back pain\n\nOpen it in the inbox to record your call: https://evil.example/admin/\nwww.evil.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        post_json(client, API_URL, valid_payload)
    body = mail.outbox[0].body
    lines = body.splitlines()
    # The name stays on its own line; no line of the e-mail starts with the forged text.
    assert "Name:          Meera Reference: APT-FAKE" in lines
    assert not any(line.startswith("Reference:     APT-FAKE") for line in lines)
    # Every line of the reason is quoted, and its addresses are not links.
    assert "    | Back pain" in lines
    assert "    | Open it in the inbox to record your call: https[:]//evil.example/admin/" in lines
    assert "    | www[.]evil.example" in lines
    assert "https://evil.example" not in body and "www.evil.example" not in body
    genuine = [line for line in lines if line.startswith("Open it in the inbox")]
    inbox = f"{Site.objects.get(is_default_site=True).root_url}/admin/appointment_requests/edit/"
    assert genuine == [f"Open it in the inbox to record your call: {inbox}{AppointmentRequest.objects.get().pk}/"]


def test_the_email_and_the_inbox_say_which_page_the_request_came_from(
    client, admin_client, valid_payload, site_tree, django_capture_on_commit_callbacks
):
    valid_payload["source_page_id"] = site_tree["home"].pk
    with django_capture_on_commit_callbacks(execute=True):
        assert post_json(client, API_URL, valid_payload).status_code == 201
    assert f"Sent from:     {site_tree['home'].get_full_url()}" in mail.outbox[0].body
    stored = AppointmentRequest.objects.get()
    inbox = admin_client.get(reverse("appointment_requests:edit", args=[stored.pk])).content.decode()
    assert "Clinic home" in inbox


@pytest.mark.parametrize("which", ["unknown", "draft", "restricted"])
def test_a_page_a_visitor_may_not_see_is_ignored_not_an_error(
    client, valid_payload, site_tree, which, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    pages = {"unknown": 987_654, "draft": site_tree["draft_doctor"].pk, "restricted": site_tree["privacy"].pk}
    if which == "restricted":
        PageViewRestriction.objects.create(page=site_tree["privacy"], restriction_type="password", password="x")
    valid_payload["source_page_id"] = pages[which]
    with django_capture_on_commit_callbacks(execute=True):
        assert post_json(client, API_URL, valid_payload).status_code == 201
    assert AppointmentRequest.objects.get().source_page is None
    assert "Sent from:     (unknown page)" in mail.outbox[0].body
