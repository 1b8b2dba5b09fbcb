"""POST /api/v3/appointments/: every field's validation, and a valid request end to end."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from appointments.models import AppointmentRequest

from .api_client import API_URL, field_errors, post_json

pytestmark = pytest.mark.django_db

TOO_LONG_NAME = "A" * 101


def _days(n: int) -> str:
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def test_valid_request_is_stored_with_a_reference_and_the_clinic_is_told(
    client, valid_payload, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(client, API_URL, valid_payload)

    assert response.status_code == 201, response.content
    reference = response.json()["reference"]
    assert reference.startswith("AR-") and len(reference) == 9
    stored = AppointmentRequest.objects.get()
    assert stored.reference == reference
    assert stored.phone.as_e164 == "+919876543210"  # E.164, Indian by default
    assert stored.doctor == site_tree["doctor"].specific
    assert stored.clinic == site_tree["clinic"]
    assert stored.status == "new"
    assert stored.source_page_id == site_tree["doctor"].pk
    # The privacy notice the patient agreed to, and which version of it.
    assert stored.privacy_notice_page_id == site_tree["privacy"].pk
    assert stored.privacy_notice_revision_id == site_tree["privacy"].live_revision_id
    assert stored.privacy_notice_published_at == site_tree["privacy"].last_published_at
    assert stored.consent_given_at is not None
    assert stored.notification_status == "sent"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["desk@clinic.example"]
    assert reference in mail.outbox[0].subject
    assert "Meera Iyer" not in mail.outbox[0].subject  # personal data stays out of headers
    assert "+91 98765 43210" in mail.outbox[0].body


@pytest.mark.parametrize("restriction", ["password", "login"])
def test_a_privacy_notice_visitors_may_not_read_is_neither_linked_nor_recorded_as_agreed_to(
    client, valid_payload, site_tree, restriction
):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=site_tree["privacy"], restriction_type=restriction, password="x")
    assert client.get("/api/v3/site/").json()["privacy_page"] is None

    assert post_json(client, API_URL, valid_payload).status_code == 201
    stored = AppointmentRequest.objects.get()
    assert stored.privacy_notice_page is None and stored.privacy_notice_revision_id is None


def test_only_the_required_fields_are_enough(client, site_tree):
    response = post_json(
        client, API_URL, {"name": "Ravi", "phone": "+91 91234 56789", "consent": True, "fill_time_ms": 9000}
    )
    assert response.status_code == 201, response.content
    stored = AppointmentRequest.objects.get()
    assert stored.doctor is None and stored.clinic is None and stored.preferred_date is None
    assert stored.time_of_day == ""


def test_a_number_from_another_country_is_accepted_in_e164(client, valid_payload):
    valid_payload["phone"] = "+44 20 7946 0958"
    response = post_json(client, API_URL, valid_payload)
    assert response.status_code == 201, response.content
    assert AppointmentRequest.objects.get().phone.as_e164 == "+442079460958"


def test_an_empty_body_lists_every_required_field_at_once(client, site_tree):
    errors = field_errors(post_json(client, API_URL, {}))
    assert set(errors) == {"name", "phone", "consent", "fill_time_ms"}
    assert errors["name"] == "Enter your name."
    assert errors["phone"] == "Enter a phone number we can call you back on."
    assert AppointmentRequest.objects.count() == 0


def _draft_doctor(site_tree):
    return site_tree["draft_doctor"].pk


BAD_FIELDS = [
    # (field, value, words the message must contain)
    ("name", "", "Enter your name"),
    ("name", "   ", "Enter your name"),
    ("name", TOO_LONG_NAME, "at most 100 characters"),
    ("name", 123, "as text"),
    ("name", None, "as text"),
    ("phone", "", "Enter a phone number"),
    ("phone", "12345", "This phone number is too short. Enter all its digits, e.g. 98765 43210"),
    ("phone", "98765 43210 12345", "This phone number is too long."),
    ("phone", "+1 555 0100", "This phone number is too short."),  # a US number without its area code
    ("phone", "+91 00000 00000", "This phone number does not exist. Check it, e.g. 98765 43210"),
    ("phone", "call me maybe", "Use only digits and spaces in the phone number, e.g. 98765 43210"),
    ("phone", 9876543210, "as text"),
    ("phone", "9" * 40, "too long"),
    ("email", "not-an-email", "like name@example.com"),
    ("email", "a" * 250 + "@example.com", "too long"),
    ("email", 5, "as text"),
    ("doctor_id", 999_999, "not available"),
    ("doctor_id", "1", "Choose a doctor"),
    ("doctor_id", True, "Choose a doctor"),
    ("clinic_id", 999_999, "not available"),
    ("clinic_id", "one", "Choose a clinic"),
    ("preferred_date", _days(-1), "has passed"),
    ("preferred_date", _days(91), "within the next 90 days"),
    ("preferred_date", "14/03/2030", "YYYY-MM-DD"),
    ("preferred_date", 20300314, "YYYY-MM-DD"),
    ("time_of_day", "night", "morning, afternoon or evening"),
    ("time_of_day", 3, "morning, afternoon or evening"),
    ("reason", "x" * 501, "under 500 characters"),
    ("reason", ["a"], "as text"),
    ("consent", False, "agree to the privacy notice"),
    ("consent", "yes", "agree to the privacy notice"),
    ("consent", None, "agree to the privacy notice"),
    ("source_page_id", "home", "must be a number"),
    ("fill_time_ms", -5, "how long it took"),
    ("fill_time_ms", "5000", "how long it took"),
    ("idempotency_key", "short", "idempotency key"),
    ("idempotency_key", "has spaces in it", "idempotency key"),
]


@pytest.mark.parametrize(("field", "value", "expected"), BAD_FIELDS)
def test_each_bad_field_gets_a_plain_message_and_nothing_is_stored(client, valid_payload, field, value, expected):
    valid_payload[field] = value
    errors = field_errors(post_json(client, API_URL, valid_payload))
    assert list(errors) == [field]
    assert expected in errors[field]
    assert "Input should" not in errors[field]  # no library jargon
    assert AppointmentRequest.objects.count() == 0
    assert mail.outbox == []


def test_a_doctor_whose_page_is_not_live_is_refused(client, valid_payload, site_tree):
    valid_payload["doctor_id"] = site_tree["draft_doctor"].pk
    errors = field_errors(post_json(client, API_URL, valid_payload))
    assert "not available" in errors["doctor_id"]
    assert AppointmentRequest.objects.count() == 0


def test_a_missing_field_is_reported_at_its_own_location(client, valid_payload):
    del valid_payload["consent"]
    body = post_json(client, API_URL, valid_payload).json()
    assert body["status"] == 422
    assert body["title"] == "Unprocessable Entity"
    assert body["errors"][0]["loc"] == ["body", "payload", "consent"]


def test_today_and_the_last_allowed_day_are_accepted(client, valid_payload, settings):
    settings.APPOINTMENTS_MAX_DAYS_AHEAD = 30
    valid_payload["preferred_date"] = _days(0)
    assert post_json(client, API_URL, valid_payload).status_code == 201
    valid_payload["preferred_date"] = _days(31)
    valid_payload["phone"] = "+91 91234 56789"
    assert "within the next 30 days" in field_errors(post_json(client, API_URL, valid_payload))["preferred_date"]


def test_an_unpublished_source_page_does_not_lose_the_request(client, valid_payload, site_tree):
    valid_payload["source_page_id"] = site_tree["draft_doctor"].pk
    assert post_json(client, API_URL, valid_payload).status_code == 201
    assert AppointmentRequest.objects.get().source_page is None


def test_the_endpoint_is_in_the_openapi_schema_with_its_required_fields(client):
    schema = client.get("/api/v3/openapi.json").json()
    operation = schema["paths"]["/api/v3/appointments/"]["post"]
    assert operation["operationId"] == "create_appointment_request"
    assert set(operation["responses"]) >= {"201", "422", "429"}
    body = schema["components"]["schemas"]["AppointmentRequestIn"]
    assert set(body["required"]) == {"name", "phone", "consent", "fill_time_ms"}
    assert body["properties"]["name"]["maxLength"] == 100
    # Write-only: no way to read requests back through the API.
    assert set(schema["paths"]["/api/v3/appointments/"]) == {"post"}
