"""Appointment requests left on the website, and anonymous call-to-action counts.

An ``AppointmentRequest`` holds a patient's personal data: it is never exposed
by a public API, its ``__str__`` is only the reference number (Wagtail's
history stores that label), and it is deleted or anonymised after the
retention period by ``purge_appointment_requests``.
"""

import secrets

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .panels import CallPatientPanel

# No 0/O or 1/I/L: a reference is read aloud over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 6

REASON_MAX_LENGTH = 500
NAME_MAX_LENGTH = 100


def new_reference() -> str:
    """A random, unguessable reference such as ``AR-7K3M9Q`` (not a counter, so it reveals no volumes)."""
    return "AR-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class AppointmentRequest(models.Model):
    """A patient's request to be called back for an appointment."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        BOOKED = "booked", "Booked"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    class TimeOfDay(models.TextChoices):
        MORNING = "morning", "Morning"
        AFTERNOON = "afternoon", "Afternoon"
        EVENING = "evening", "Evening"

    class NotificationStatus(models.TextChoices):
        PENDING = "pending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        NOT_CONFIGURED = "not_configured", "No address configured"

    reference = models.CharField(max_length=16, unique=True, editable=False, default=new_reference)
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    phone = PhoneNumberField(help_text="Stored in international (E.164) form.")
    email = models.EmailField(blank=True)
    doctor = models.ForeignKey(
        "home.DoctorPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="appointment_requests"
    )
    clinic = models.ForeignKey(
        "home.Clinic", null=True, blank=True, on_delete=models.SET_NULL, related_name="appointment_requests"
    )
    preferred_date = models.DateField(null=True, blank=True)
    time_of_day = models.CharField(
        max_length=10, choices=TimeOfDay.choices, blank=True, help_text="Empty when any time suits the patient."
    )
    reason = models.CharField(
        max_length=REASON_MAX_LENGTH,
        blank=True,
        help_text="A short reason for the visit. Patients are asked not to share medical details here.",
    )

    # Consent: when it was given and which version of the privacy notice it was given to.
    consent_given_at = models.DateTimeField()
    privacy_notice_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_notice_revision_id = models.PositiveIntegerField(
        null=True, blank=True, help_text="The live revision of the privacy notice when the patient agreed to it."
    )
    privacy_notice_published_at = models.DateTimeField(null=True, blank=True)

    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page the request was sent from.",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    staff_notes = models.TextField(blank=True, help_text="Only staff see these notes.")

    # A retried submission carrying the same key returns this request instead of creating another.
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True, editable=False)

    notification_status = models.CharField(
        max_length=20, choices=NotificationStatus.choices, default=NotificationStatus.PENDING, editable=False
    )
    notification_error = models.CharField(max_length=300, blank=True, editable=False)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The caller and the number first, then the status and Save: one screen on the front desk's phone
    # (the request's details, read-only, open on demand).
    panels = [
        MultiFieldPanel(
            [CallPatientPanel(), FieldPanel("status"), FieldPanel("staff_notes")], heading="Call and follow up"
        ),
        MultiFieldPanel(
            [
                FieldPanel("reference", read_only=True),
                FieldPanel("created_at", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("doctor", read_only=True),
                FieldPanel("clinic", read_only=True),
                FieldPanel("preferred_date", read_only=True),
                FieldPanel("time_of_day", read_only=True),
                FieldPanel("reason", read_only=True),
                FieldPanel("source_page", read_only=True),
            ],
            heading="Request",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("notification_status", read_only=True),
                FieldPanel("notification_error", read_only=True),
                FieldPanel("consent_given_at", read_only=True),
                FieldPanel("privacy_notice_page", read_only=True),
                FieldPanel("privacy_notice_revision_id", read_only=True),
            ],
            heading="Notification and consent",
            classname="collapsed",
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="appt_status_created_idx")]
        verbose_name = "appointment request"

    def __str__(self) -> str:
        # Only the reference: Wagtail's history and admin messages store this label.
        return self.reference

    def save(self, *args, **kwargs):
        if self._state.adding and not kwargs.get("force_update"):
            # A reference collision is astronomically rare; try a few before giving up.
            for _ in range(5):
                try:
                    with transaction.atomic():
                        return super().save(*args, **kwargs)
                except IntegrityError:
                    if not type(self).objects.filter(reference=self.reference).exists():
                        raise
                    self.reference = new_reference()
        return super().save(*args, **kwargs)

    @property
    def source_page_path(self) -> str:
        """The path of the page the request was sent from, or an empty string."""
        return (self.source_page.url or self.source_page.url_path) if self.source_page else ""

    @property
    def notification_summary(self) -> str:
        """The e-mail's state in words, with the error when sending failed."""
        text = self.get_notification_status_display()
        if self.notification_error:
            text = f"{text}: {self.notification_error}"
        return text


class CtaEventCount(models.Model):
    """How many times a call-to-action was used on a page on one day.

    Only counts are kept: no cookie, address or other identifier of the visitor.
    """

    class Channel(models.TextChoices):
        CALL = "call", "Call"
        WHATSAPP = "whatsapp", "WhatsApp"
        BOOK = "book", "Book an appointment"
        REQUEST_SENT = "request_sent", "Request sent"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day", "channel"], name="appt_cta_unique_page_day")]
        verbose_name = "call-to-action count"

    def __str__(self) -> str:
        return f"{self.page_id} {self.channel} {self.day}: {self.count}"

    @classmethod
    def increment(cls, *, page_id: int, channel: str, day) -> None:
        """Add one to the day's count, safely under concurrent requests."""
        if cls.objects.filter(page_id=page_id, day=day, channel=channel).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(page_id=page_id, day=day, channel=channel, count=1)
        except IntegrityError:
            # Another request created the row first.
            cls.objects.filter(page_id=page_id, day=day, channel=channel).update(count=F("count") + 1)
