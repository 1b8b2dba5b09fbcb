"""Clinics (a snippet) and the weekday opening hours that clinics and doctors' consultations share."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin

from ..serializer_fields import PhoneField

# Monday first, as Python's ``date.weekday()`` counts; also schema.org's day names (``https://schema.org/Monday``).
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = list(enumerate(WEEKDAY_NAMES))


class Clinic(TranslatableMixin, ClusterableModel):
    """A place where patients are seen: address, phone, hours, map link."""

    name = models.CharField(max_length=150, help_text="As shown to patients, e.g. “City Cancer Centre”.")
    street_address = models.CharField(max_length=255, help_text="Building, street and area.")
    locality = models.CharField(max_length=100, help_text="City or town.")
    region = models.CharField(max_length=100, blank=True, help_text="State or region.")
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(
        max_length=2,
        default="IN",
        help_text="Two-letter country code, e.g. IN for India.",
    )
    phone = PhoneNumberField(blank=True, help_text="The clinic's reception number.")
    map_url = models.URLField(
        blank=True,
        max_length=500,
        help_text="A link to the clinic on a map (e.g. a Google Maps share link).",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("locality"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("country")]),
            ],
            heading="Address",
        ),
        FieldPanel("phone"),
        FieldPanel("map_url"),
        InlinePanel("opening_hours", heading="Opening hours", label="Opening hours"),
    ]

    api_fields = [
        "name",
        "street_address",
        "locality",
        "region",
        "postal_code",
        "country",
        APIField("phone", serializer=PhoneField()),
        "map_url",
        "opening_hours",
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.locality}"

    def clean(self):
        super().clean()
        self.country = (self.country or "").upper()
        if len(self.country) != 2 or not self.country.isalpha():
            raise ValidationError({"country": "Enter a two-letter country code, e.g. IN."})


class OpeningHoursFields(models.Model):
    """A weekday with an opening and closing time."""

    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    opens_at = models.TimeField(help_text="24-hour clock, e.g. 09:30.")
    closes_at = models.TimeField(help_text="24-hour clock, e.g. 17:00.")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens_at"), FieldPanel("closes_at")])]

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing time must be later than the opening time."})


class ClinicOpeningHours(Orderable, OpeningHoursFields):
    """When a clinic is open on one weekday."""

    clinic = ParentalKey(Clinic, on_delete=models.CASCADE, related_name="opening_hours")

    api_fields = ["weekday", "opens_at", "closes_at"]

    class Meta(Orderable.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"
