"""Abuse protection that must not hurt real patients: body checks, CSRF, honeypot, fill time, limits, retries."""

import json
from unittest import mock

import pytest
from django.core import mail

from appointments.models import AppointmentRequest

from .api_client import API_URL, field_errors, post_json

pytestmark = pytest.mark.django_db


# --- Bodies ---------------------------------------------------------------


def test_an_oversized_body_is_refused_before_it_is_read(client, valid_payload):
    valid_payload["reason"] = "x" * 20_000
    response = post_json(client, API_URL, valid_payload)
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert AppointmentRequest.objects.count() == 0


def test_a_form_encoded_body_is_refused(client, valid_payload):
    response = client.post(API_URL, data={"name": "Meera"})  # multipart, like an HTML form
    assert response.status_code == 415
    assert AppointmentRequest.objects.count() == 0


def test_json_sent_as_text_plain_is_refused(client, valid_payload):
    # The classic cross-site trick: an HTML form with enctype=text/plain carrying JSON.
    response = post_json(client, API_URL, json.dumps(valid_payload), content_type="text/plain")
    assert response.status_code == 415
    assert AppointmentRequest.objects.count() == 0


@pytest.mark.parametrize("body", ["{not json", "", "\x00\x01"])
def test_a_body_that_is_not_json_gets_a_4xx(client, site_tree, body):
    response = post_json(client, API_URL, body)
    assert 400 <= response.status_code < 500
    assert AppointmentRequest.objects.count() == 0


@pytest.mark.parametrize("body", ["[1, 2]", '"a string"', "42", "null"])
def test_json_that_is_not_an_object_gets_a_422(client, site_tree, body):
    response = post_json(client, API_URL, body)
    assert response.status_code == 422
    assert AppointmentRequest.objects.count() == 0


# --- CSRF: same origin only ------------------------------------------------


def test_a_request_from_another_site_is_refused(client, valid_payload):
    response = post_json(client, API_URL, valid_payload, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = post_json(client, API_URL, valid_payload, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert AppointmentRequest.objects.count() == 0


def test_a_same_origin_browser_request_is_accepted(client, valid_payload):
    response = post_json(
        client, API_URL, valid_payload, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 201


def test_a_trusted_origin_is_accepted(client, valid_payload, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.clinic.example"]
    response = post_json(client, API_URL, valid_payload, HTTP_ORIGIN="https://www.clinic.example")
    assert response.status_code == 201


# --- Bots ------------------------------------------------------------------


def test_a_filled_honeypot_stores_nothing_and_sends_nothing(client, valid_payload, django_capture_on_commit_callbacks):
    valid_payload["website"] = "http://cheap-pills.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(client, API_URL, valid_payload)
    assert response.status_code == 400
    assert "website" not in response.content.decode()  # a bot learns nothing about the trap
    assert AppointmentRequest.objects.count() == 0
    assert mail.outbox == []


def test_a_form_sent_the_moment_it_opened_is_refused_and_told_what_to_do(client, valid_payload, settings):
    settings.APPOINTMENTS_MIN_FILL_MS = 3000
    valid_payload["fill_time_ms"] = 400
    errors = field_errors(post_json(client, API_URL, valid_payload))
    assert "Your details are still in the form: check them and press Send again." in errors["fill_time_ms"]
    assert AppointmentRequest.objects.count() == 0
    # The patient presses send again a moment later: accepted.
    valid_payload["fill_time_ms"] = 3500
    assert post_json(client, API_URL, valid_payload).status_code == 201


def test_a_person_using_browser_autofill_is_not_refused_by_default(client, valid_payload):
    # Autofill, tick the consent box, send: about one and a half seconds after the form appeared.
    valid_payload["fill_time_ms"] = 1500
    assert post_json(client, API_URL, valid_payload).status_code == 201


def test_a_script_posting_at_once_is_still_refused_by_default(client, valid_payload):
    valid_payload["fill_time_ms"] = 0
    assert "fill_time_ms" in field_errors(post_json(client, API_URL, valid_payload))
    assert AppointmentRequest.objects.count() == 0


# --- Rate limits -------------------------------------------------------------


def _phone(n: int) -> str:
    return f"+91 98765 4{n:04d}"


def test_the_per_address_limit_answers_429_with_retry_after(client, valid_payload, settings):
    settings.APPOINTMENTS_RATE_LIMIT_PER_IP = (3, 3600)
    for n in range(3):
        valid_payload["phone"] = _phone(n)
        assert post_json(client, API_URL, valid_payload).status_code == 201
    valid_payload["phone"] = _phone(9)
    response = post_json(client, API_URL, valid_payload)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert AppointmentRequest.objects.count() == 3
    # Another address (another patient) is not affected.
    assert post_json(client, API_URL, valid_payload, REMOTE_ADDR="10.0.0.7").status_code == 201


def test_the_per_phone_limit_applies_across_addresses(client, valid_payload, settings):
    settings.APPOINTMENTS_RATE_LIMIT_PER_PHONE = (2, 86400)
    for n in range(2):
        assert post_json(client, API_URL, valid_payload, REMOTE_ADDR=f"10.0.1.{n}").status_code == 201
    response = post_json(client, API_URL, valid_payload, REMOTE_ADDR="10.0.1.99")
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert AppointmentRequest.objects.count() == 2
    # The patient learns it is a daily limit on this number (not "wait a little"), and what to do instead.
    [error] = response.json()["errors"]
    assert (error["type"], error["loc"][-1]) == ("daily_limit", "phone")
    assert error["msg"].startswith("This phone number has reached the limit of 2 requests a day.")
    assert "call or WhatsApp the clinic" in error["msg"]


def test_the_client_address_behind_a_trusted_proxy_is_used(client, valid_payload, settings):
    settings.PROXY_COUNT = 1
    settings.APPOINTMENTS_RATE_LIMIT_PER_IP = (1, 3600)
    assert post_json(client, API_URL, valid_payload, HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 201
    valid_payload["phone"] = _phone(1)
    # Same proxy (REMOTE_ADDR), different visitor: not limited.
    assert post_json(client, API_URL, valid_payload, HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 201
    valid_payload["phone"] = _phone(2)
    assert post_json(client, API_URL, valid_payload, HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 429


def test_a_cache_outage_never_turns_a_patient_away(client, valid_payload):
    with mock.patch("appointments.rate_limits.cache.incr", side_effect=ConnectionError("redis down")):
        response = post_json(client, API_URL, valid_payload)
    assert response.status_code == 201
    assert AppointmentRequest.objects.count() == 1


# --- Idempotency -----------------------------------------------------------------


def test_a_retry_with_the_same_key_header_returns_the_same_reference(
    client, valid_payload, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post_json(client, API_URL, valid_payload, HTTP_IDEMPOTENCY_KEY="3f2b9c1e-form-1")
        retry = post_json(client, API_URL, valid_payload, HTTP_IDEMPOTENCY_KEY="3f2b9c1e-form-1")
    assert first.status_code == retry.status_code == 201
    assert retry.json()["reference"] == first.json()["reference"]
    assert retry["Idempotent-Replayed"] == "true"
    assert AppointmentRequest.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_retry_with_the_same_key_field_returns_the_same_reference(client, valid_payload):
    valid_payload["idempotency_key"] = "0b5d7f3a-4c1e-4bb8-9f0e-2d6a1c9e7b11"
    first = post_json(client, API_URL, valid_payload)
    retry = post_json(client, API_URL, valid_payload)
    assert retry.json()["reference"] == first.json()["reference"]
    assert AppointmentRequest.objects.get().idempotency_key == valid_payload["idempotency_key"]


def test_a_retry_does_not_use_up_the_patients_rate_limit(client, valid_payload, settings):
    settings.APPOINTMENTS_RATE_LIMIT_PER_PHONE = (1, 86400)
    for _ in range(3):
        assert post_json(client, API_URL, valid_payload, HTTP_IDEMPOTENCY_KEY="key-abcdefgh").status_code == 201
    assert AppointmentRequest.objects.count() == 1


def test_a_key_reused_for_a_different_request_is_a_conflict(client, valid_payload):
    assert post_json(client, API_URL, valid_payload, HTTP_IDEMPOTENCY_KEY="key-abcdefgh").status_code == 201
    valid_payload["phone"] = _phone(5)
    response = post_json(client, API_URL, valid_payload, HTTP_IDEMPOTENCY_KEY="key-abcdefgh")
    assert response.status_code == 409
    assert AppointmentRequest.objects.count() == 1


def test_without_a_key_two_submissions_are_two_requests(client, valid_payload):
    first = post_json(client, API_URL, valid_payload)
    second = post_json(client, API_URL, valid_payload)
    assert first.json()["reference"] != second.json()["reference"]
    assert AppointmentRequest.objects.count() == 2
