"""200 patients pressing "send" at the same moment: 200 requests stored, 200 e-mails sent.

Runs on PostgreSQL only (set DATABASE_URL=postgres://...): SQLite serialises
every writer, so it cannot show what concurrent workers do.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connections
from django.test import Client

from appointments.models import AppointmentRequest
from appointments.notifications import wait_for_pending_notifications

from .api_client import API_URL, post_json

SUBMISSIONS = 200
# The PostgreSQL server allows 100 connections, shared with other test runs;
# at most this many requests hold one at the same time.
IN_FLIGHT = 40

ON_POSTGRES = django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRES,
    reason="needs PostgreSQL (SQLite serialises writers); run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db>",
)
def test_200_concurrent_valid_submissions_store_200_requests_and_send_200_emails(
    transactional_db, django_db_serialized_rollback, site_tree, valid_payload, settings
):
    settings.APPOINTMENTS_RATE_LIMIT_PER_IP = (10 * SUBMISSIONS, 3600)
    settings.APPOINTMENTS_NOTIFY_IN_BACKGROUND = True
    start = threading.Barrier(SUBMISSIONS, timeout=60)
    in_flight = threading.Semaphore(IN_FLIGHT)

    def submit(n: int):
        payload = {**valid_payload, "phone": f"+91 98765 4{n:04d}", "name": f"Patient {n}"}
        try:
            start.wait()
            with in_flight:
                response = post_json(Client(), API_URL, payload, HTTP_IDEMPOTENCY_KEY=f"form-{n:08d}")
            return response.status_code, response.json().get("reference")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=SUBMISSIONS) as pool:
        results = list(pool.map(submit, range(SUBMISSIONS)))
    wait_for_pending_notifications(timeout=120)

    assert [status for status, _ in results] == [201] * SUBMISSIONS
    references = {reference for _, reference in results}
    assert len(references) == SUBMISSIONS
    assert AppointmentRequest.objects.count() == SUBMISSIONS
    assert set(AppointmentRequest.objects.values_list("reference", flat=True)) == references
    assert len(mail.outbox) == SUBMISSIONS
    assert {message.subject.rsplit(" ", 1)[-1] for message in mail.outbox} == references
    assert set(AppointmentRequest.objects.values_list("notification_status", flat=True)) == {"sent"}
