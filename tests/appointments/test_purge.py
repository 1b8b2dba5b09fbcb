"""manage.py purge_appointment_requests: requests older than the retention period go."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from appointments.models import AppointmentRequest

pytestmark = pytest.mark.django_db


def make_request(days_old: int, **fields) -> AppointmentRequest:
    return AppointmentRequest.objects.create(
        name="Meera Iyer",
        phone="+919876543210",
        email="meera@example.com",
        reason="Follow-up",
        staff_notes="Called back",
        consent_given_at=timezone.now(),
        created_at=timezone.now() - timedelta(days=days_old),
        **fields,
    )


def run(*args) -> str:
    output = io.StringIO()
    call_command("purge_appointment_requests", *args, stdout=output)
    return output.getvalue()


def test_requests_older_than_180_days_are_deleted_by_default():
    old, recent = make_request(181), make_request(179)
    assert "1 appointment request(s) older than 180 days deleted" in run()
    assert list(AppointmentRequest.objects.all()) == [recent]
    assert not AppointmentRequest.objects.filter(pk=old.pk).exists()


def test_the_retention_period_comes_from_the_setting(settings):
    settings.APPOINTMENTS_RETENTION_DAYS = 30
    make_request(31)
    kept = make_request(29)
    run()
    assert list(AppointmentRequest.objects.all()) == [kept]


def test_anonymise_keeps_the_statistics_but_not_the_person(site_tree):
    old = make_request(200, status="booked", doctor=site_tree["doctor"].specific, idempotency_key="key-12345678")
    assert "1 appointment request(s) older than 180 days anonymised" in run("--anonymise")
    old.refresh_from_db()
    assert old.name == "(anonymised)"
    assert old.email == "" and old.reason == "" and old.staff_notes == "" and old.idempotency_key is None
    assert old.phone.as_e164 != "+919876543210"
    assert old.status == "booked" and old.doctor_id == site_tree["doctor"].pk and old.anonymised_at
    # Running again does not count it twice.
    assert "0 appointment request(s)" in run("--anonymise")


def test_dry_run_changes_nothing():
    make_request(400)
    assert "Would delete 1" in run("--dry-run")
    assert AppointmentRequest.objects.count() == 1


def test_a_nonsense_period_is_refused():
    with pytest.raises(CommandError):
        run("--days", "0")
