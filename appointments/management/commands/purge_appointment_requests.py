"""Delete or anonymise appointment requests older than the retention period.

Run it daily, e.g. from cron::

    15 3 * * *  cd /srv/clinic && .venv/bin/python manage.py purge_appointment_requests

The period is ``APPOINTMENTS_RETENTION_DAYS`` (environment variable of the same
name, default 180 days) or ``--days``. ``--anonymise`` keeps the rows for
statistics (status, doctor, clinic, dates, page) but blanks the patient's
name, phone, e-mail, reason and the staff notes.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from appointments import conf
from appointments.models import AppointmentRequest

# A valid placeholder in E.164 form: the phone column cannot be empty.
ANONYMOUS_PHONE = "+910000000000"


class Command(BaseCommand):
    help = "Delete (or with --anonymise, anonymise) appointment requests older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep requests this many days (default: APPOINTMENTS_RETENTION_DAYS, 180 unless set).",
        )
        parser.add_argument(
            "--anonymise",
            action="store_true",
            help="Blank the personal data instead of deleting the requests.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say how many requests would change.")

    def handle(self, *args, days, anonymise, dry_run, **options):
        days = conf.get("APPOINTMENTS_RETENTION_DAYS") if days is None else days
        if days < 1:
            raise CommandError("The retention period must be at least 1 day.")
        cutoff = timezone.now() - timedelta(days=days)
        old = AppointmentRequest.objects.filter(created_at__lt=cutoff)
        if anonymise:
            old = old.filter(anonymised_at__isnull=True)
        count = old.count()
        verb = "anonymise" if anonymise else "delete"
        if dry_run:
            self.stdout.write(f"Would {verb} {count} appointment request(s) older than {days} days.")
            return
        with transaction.atomic():
            if anonymise:
                old.update(
                    name="(anonymised)",
                    phone=ANONYMOUS_PHONE,
                    email="",
                    reason="",
                    staff_notes="",
                    idempotency_key=None,
                    notification_error="",
                    anonymised_at=timezone.now(),
                )
            else:
                old.delete()
        past = "anonymised" if anonymise else "deleted"
        self.stdout.write(f"{count} appointment request(s) older than {days} days {past}.")
