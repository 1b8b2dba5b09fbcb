"""The e-mail telling the clinic about a new appointment request.

Sending happens after the request is committed (``transaction.on_commit``), on
a small pool of background threads: a slow or unreachable mail server can
neither slow the patient's submission nor lose the request. The outcome is
written on the request (``notification_status``, ``notification_error``) and
shown in the inbox; ``resend_appointment_notifications`` retries failures and
anything a restart interrupted.

Why threads rather than django-tasks: the tasks backport shipped with Wagtail
runs tasks inline unless a database worker process is deployed, which would
either block the submission on SMTP or add a second process to the
one-process design. The pool is bounded (``APPOINTMENTS_NOTIFY_THREADS``), and
Python joins it at a normal shutdown, so queued e-mails still go out.
"""

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait

from django.conf import settings
from django.core.mail import send_mail
from django.db import close_old_connections, connections, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables
from wagtail.models import Site

from home.models import SiteSettings
from home.site_roots import site_name_of

from . import conf
from .models import AppointmentRequest
from .visitor_text import one_line, quoted_block

logger = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_pending: set[Future] = set()


def recipient_for(appointment: AppointmentRequest, site: Site | None) -> str:
    """The doctor's booking e-mail, else the site's, else ``APPOINTMENTS_NOTIFY_EMAIL``."""
    if appointment.doctor and appointment.doctor.booking_email:
        return appointment.doctor.booking_email
    site = site or Site.objects.filter(is_default_site=True).first()
    if site:
        site_email = SiteSettings.for_site(site).booking_email
        if site_email:
            return site_email
    return conf.get("APPOINTMENTS_NOTIFY_EMAIL")


def schedule_notification(appointment_id: int, site_id: int | None) -> None:
    """Send the notification once the current transaction commits."""
    transaction.on_commit(lambda: _dispatch(appointment_id, site_id))


def _dispatch(appointment_id: int, site_id: int | None) -> None:
    if not conf.get("APPOINTMENTS_NOTIFY_IN_BACKGROUND"):
        send_notification(appointment_id, site_id)
        return
    future = _get_executor().submit(_send_in_thread, appointment_id, site_id)
    _pending.add(future)
    future.add_done_callback(_pending.discard)


def _get_executor() -> ThreadPoolExecutor:
    global _executor  # one pool per process, created on first use (so after any fork)
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(
                max_workers=conf.get("APPOINTMENTS_NOTIFY_THREADS"), thread_name_prefix="appointment-mail"
            )
        return _executor


def _send_in_thread(appointment_id: int, site_id: int | None) -> None:
    close_old_connections()
    try:
        send_notification(appointment_id, site_id)
    except Exception:
        logger.exception("Appointment notification thread failed for request id %s", appointment_id)
    finally:
        connections.close_all()


def wait_for_pending_notifications(timeout: float | None = None) -> None:
    """Block until queued notifications are sent (used by tests and management commands)."""
    wait(list(_pending), timeout=timeout)


@sensitive_variables()
def send_notification(appointment_id: int, site_id: int | None = None) -> str:
    """Send the e-mail for one request and record the outcome on it; returns the new status.

    Never raises for a mail failure: the failure is stored and shown in the inbox.
    """
    appointment = (
        AppointmentRequest.objects.select_related("doctor", "clinic", "source_page").filter(pk=appointment_id).first()
    )
    if appointment is None:
        return ""
    site = (Site.objects.filter(pk=site_id).first() if site_id else None) or Site.objects.filter(
        is_default_site=True
    ).first()
    recipient = recipient_for(appointment, site)
    if not recipient:
        _record(appointment_id, AppointmentRequest.NotificationStatus.NOT_CONFIGURED, "")
        return AppointmentRequest.NotificationStatus.NOT_CONFIGURED

    admin_path = reverse("appointment_requests:edit", args=[appointment.pk])
    context = {
        "appointment": appointment,
        # The admin is served at the site's own address (see home/site_address.py).
        "admin_url": (site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")) + admin_path,
        "site_name": site_name_of(site),
        "source_url": appointment.source_page.get_full_url() if appointment.source_page else "",
        # What the visitor typed, so it cannot pass for the clinic's own lines (appointments/visitor_text.py).
        "visitor_name": one_line(appointment.name),
        "visitor_email": one_line(appointment.email),
        "visitor_reason": quoted_block(appointment.reason) if appointment.reason.strip() else "",
    }
    try:
        send_mail(
            subject=f"New appointment request {appointment.reference}",
            message=render_to_string("appointments/notification_email.txt", context),
            from_email=None,
            recipient_list=[recipient],
        )
    except Exception as error:
        # The error's class and text name the mail server's complaint, not the patient.
        message = f"{type(error).__name__}: {error}"[:300]
        logger.warning("Notification e-mail for appointment request %s failed: %s", appointment.reference, message)
        _record(appointment_id, AppointmentRequest.NotificationStatus.FAILED, message)
        return AppointmentRequest.NotificationStatus.FAILED
    _record(appointment_id, AppointmentRequest.NotificationStatus.SENT, "", sent=True)
    return AppointmentRequest.NotificationStatus.SENT


def _record(appointment_id: int, status: str, error: str, sent: bool = False) -> None:
    AppointmentRequest.objects.filter(pk=appointment_id).update(
        notification_status=status,
        notification_error=error,
        notified_at=timezone.now() if sent else None,
    )
