"""Appointment contacts: the fields shared by the site settings and a doctor's overrides."""

from django.db import models
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, FieldRowPanel

# One example number in every help and error text, so staff see one format.
PHONE_EXAMPLE = "+91 98765 43210"
PHONE_INVALID = f"Enter a phone number that exists, with its country code if it is not Indian, e.g. {PHONE_EXAMPLE}."


class AppointmentContactFields(models.Model):
    """Phone, WhatsApp and e-mail a patient uses to book an appointment."""

    appointment_phone = PhoneNumberField(
        blank=True,
        help_text=f"The number patients call to book, e.g. {PHONE_EXAMPLE}. "
        "Numbers without a country code are read as numbers of the practice's country.",
        error_messages={"invalid": PHONE_INVALID},
    )
    whatsapp_number = PhoneNumberField(
        blank=True,
        verbose_name="WhatsApp number",
        help_text=f"The WhatsApp number patients message to book, e.g. {PHONE_EXAMPLE}.",
        error_messages={"invalid": PHONE_INVALID},
    )
    whatsapp_message = models.CharField(
        max_length=300,
        blank=True,
        verbose_name="WhatsApp message",
        help_text="The message WhatsApp fills in for the patient, e.g. "
        "“Hello, I would like to book an appointment.” The page's title is added after it.",
    )
    booking_email = models.EmailField(
        blank=True,
        verbose_name="booking e-mail",
        help_text="Where appointment requests from the website are sent.",
    )

    contact_panels = [
        FieldRowPanel([FieldPanel("appointment_phone"), FieldPanel("whatsapp_number")]),
        FieldPanel("whatsapp_message"),
        FieldPanel("booking_email"),
    ]

    class Meta:
        abstract = True
