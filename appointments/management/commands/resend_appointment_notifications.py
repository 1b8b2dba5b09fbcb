"""Send again the clinic's e-mail for requests whose notification failed or never went out.

A notification stays "Sending" when the server stopped before the background
thread ran; run this from cron every few minutes, or by hand after fixing the
mail settings::

    */10 * * * *  cd /srv/clinic && .venv/bin/python manage.py resend_appointment_notifications
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.notifications import send_notification


class Command(BaseCommand):
    help = "Retry the notification e-mail of appointment requests that failed or are stuck sending."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stuck-minutes",
            type=int,
            default=10,
            help="Treat a notification still sending after this many minutes as interrupted (default 10).",
        )

    def handle(self, *args, stuck_minutes, **options):
        Status = AppointmentRequest.NotificationStatus
        stuck_before = timezone.now() - timedelta(minutes=stuck_minutes)
        ids = list(
            AppointmentRequest.objects.filter(anonymised_at__isnull=True)
            .filter(notification_status__in=[Status.FAILED, Status.NOT_CONFIGURED])
            .values_list("pk", flat=True)
        ) + list(
            AppointmentRequest.objects.filter(
                notification_status=Status.PENDING, created_at__lt=stuck_before
            ).values_list("pk", flat=True)
        )
        results = [send_notification(pk) for pk in ids]
        sent = results.count(Status.SENT)
        self.stdout.write(f"{sent} of {len(ids)} notification(s) sent.")
