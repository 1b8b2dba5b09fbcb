"""Requests never appear in a public API, a log line or an error report."""

import logging
import sys
from unittest import mock

import pytest
from django.core.signals import got_request_exception
from django.views.debug import ExceptionReporter

from appointments.models import AppointmentRequest

from .api_client import API_URL, post_json

pytestmark = pytest.mark.django_db

SECRETS = ("Meera Iyer", "98765", "meera@example.com", "Follow-up consultation")


def test_requests_cannot_be_read_back_through_the_api(client, valid_payload):
    assert post_json(client, API_URL, valid_payload).status_code == 201
    listing = client.get(API_URL)
    assert listing.status_code == 405
    for path in ("/api/v3/pages/", "/api/v3/openapi.json"):
        body = client.get(path).content.decode()
        assert not any(secret in body for secret in SECRETS)


def test_a_submission_logs_nothing_about_the_patient(client, valid_payload, caplog, django_capture_on_commit_callbacks):
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        assert post_json(client, API_URL, valid_payload).status_code == 201
    assert not any(secret in caplog.text for secret in SECRETS)


def test_a_crash_while_saving_leaves_no_patient_data_in_the_error_report(client, valid_payload, caplog):
    reports = []

    def build_report(sender, request, **kwargs):
        # What the debug page and the e-mail to ADMINS would contain.
        reports.append(ExceptionReporter(request, *sys.exc_info()).get_traceback_html())

    client.raise_request_exception = False
    got_request_exception.connect(build_report)
    try:
        with (
            mock.patch.object(AppointmentRequest, "save", side_effect=RuntimeError("database went away")),
            caplog.at_level(logging.DEBUG),
        ):
            response = post_json(client, API_URL, valid_payload)
    finally:
        got_request_exception.disconnect(build_report)

    assert response.status_code == 500
    assert AppointmentRequest.objects.count() == 0
    assert reports and "database went away" in reports[0]
    assert not any(secret in reports[0] for secret in SECRETS)
    assert not any(secret in caplog.text for secret in SECRETS)
