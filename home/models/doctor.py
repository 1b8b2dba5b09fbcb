"""A doctor's public profile and the lists on it (qualifications, specialties, consultation hours...).

Medical advertising rules shape this model: there is deliberately no field for
ratings, reviews, testimonials or before/after pictures, and a doctor's
registration number and council are first-class fields.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from images.renditions import ResponsiveImageField

from ..consultation_hours import ClinicConsultationsField
from ..serializer_fields import (
    ClinicRefField,
    DoctorContactsField,
    OptionalIntegerField,
    PageHeadField,
    TextField,
)
from .clinic import Clinic, OpeningHoursFields
from .contacts import AppointmentContactFields
from .home_page import BIO_FEATURES


def validate_not_future_year(year: int) -> None:
    """A qualification or start of practice cannot lie in the future."""
    if year > date.today().year:
        raise ValidationError(f"{year} is in the future. Enter the year it happened.")


class DoctorPage(HeadlessPreviewMixin, AppointmentContactFields, Page):
    """A doctor's public profile: credentials, practice, clinics and contacts."""

    HONORIFICS = [
        ("Dr.", "Dr."),
        ("Prof. Dr.", "Prof. Dr."),
        ("Prof.", "Prof."),
        ("", "(none)"),
    ]

    honorific = models.CharField(max_length=20, choices=HONORIFICS, default="Dr.", blank=True)
    name = models.CharField(max_length=120, help_text="The doctor's full name without title, e.g. “Amit Pandey”.")
    job_title = models.CharField(
        max_length=150,
        blank=True,
        help_text="How the doctor describes their role, e.g. “Consultant Oncologist”.",
    )
    photo = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A professional portrait. Give the image a description for screen readers.",
    )
    summary = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two factual sentences shown in search results and link previews.",
    )
    registration_number = models.CharField(
        max_length=50,
        blank=True,
        help_text="Medical registration number, shown on the profile as required by medical council rules.",
    )
    registration_council = models.CharField(
        max_length=150,
        blank=True,
        help_text="The council that issued the registration, e.g. “National Medical Commission”.",
    )
    practising_since = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1940), validate_not_future_year],
        help_text="The year the doctor started practising; the years of practice are counted from it.",
    )
    biography = RichTextField(features=BIO_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("honorific"), FieldPanel("name")]),
                FieldPanel("job_title"),
                FieldPanel("photo"),
                FieldPanel("summary"),
            ],
            heading="Profile",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("registration_number"), FieldPanel("registration_council")]),
                FieldPanel("practising_since"),
            ],
            heading="Registration",
        ),
        InlinePanel("qualifications", heading="Qualifications", label="Qualification"),
        InlinePanel("specialties", heading="Specialties", label="Specialty"),
        InlinePanel("conditions_treated", heading="Conditions treated", label="Condition"),
        InlinePanel("procedures", heading="Procedures", label="Procedure"),
        InlinePanel("languages", heading="Languages spoken", label="Language"),
        InlinePanel("clinic_hours", heading="Clinics and consultation hours", label="Consultation hours"),
        InlinePanel("memberships", heading="Professional memberships", label="Membership"),
        InlinePanel("publications", heading="Publications", label="Publication"),
        FieldPanel("biography"),
        MultiFieldPanel(
            AppointmentContactFields.contact_panels,
            heading="Appointment contacts for this doctor",
            help_text="Leave empty to use the site's appointment contacts.",
        ),
    ]

    # The booking e-mail is where requests are sent, not something to publish.
    api_fields = [
        "honorific",
        "name",
        APIField("display_name", serializer=TextField()),
        "job_title",
        APIField("photo", serializer=ResponsiveImageField()),
        "summary",
        "registration_number",
        "registration_council",
        "practising_since",
        APIField("years_of_practice", serializer=OptionalIntegerField()),
        "qualifications",
        "specialties",
        "conditions_treated",
        "procedures",
        "languages",
        "clinic_hours",
        APIField("clinics", serializer=ClinicConsultationsField(source="hours_by_clinic")),
        "memberships",
        "publications",
        "biography",
        APIField("contacts", serializer=DoctorContactsField()),
        APIField("head", serializer=PageHeadField()),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("job_title"),
        index.SearchField("summary"),
        index.SearchField("biography"),
        index.RelatedFields("specialties", [index.SearchField("text")]),
        index.RelatedFields("conditions_treated", [index.SearchField("text")]),
        index.RelatedFields("procedures", [index.SearchField("text")]),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "doctor page"

    def __str__(self) -> str:
        return self.display_name or self.title

    @property
    def display_name(self) -> str:
        """The name with its honorific, e.g. “Dr. Amit Pandey”."""
        return f"{self.honorific} {self.name}".strip()

    @property
    def years_of_practice(self) -> int | None:
        """Whole years since ``practising_since``; stays correct without edits."""
        if not self.practising_since:
            return None
        return max(date.today().year - self.practising_since, 0)

    def hours_by_clinic(self) -> list[tuple[Clinic, list["DoctorClinicHours"]]]:
        """Each clinic the doctor consults at, in the order first listed, with the doctor's hours there.

        Reads ``clinic_hours`` (prefetched with their clinics for API answers: see ``routing/prefetch.py``).
        """
        grouped: dict[int, tuple[Clinic, list[DoctorClinicHours]]] = {}
        for item in self.clinic_hours.all():
            grouped.setdefault(item.clinic_id, (item.clinic, []))[1].append(item)
        return list(grouped.values())

    def clean(self):
        super().clean()
        if bool(self.registration_number) != bool(self.registration_council):
            missing = "registration_council" if self.registration_number else "registration_number"
            raise ValidationError(
                {missing: "Enter both the registration number and the council that issued it, or neither."}
            )


class DoctorListItem(Orderable):
    """One line in a list on a doctor's profile (a specialty, a language...)."""

    text = models.CharField(max_length=150)

    panels = [FieldPanel("text")]
    api_fields = ["text"]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.text


class DoctorSpecialty(DoctorListItem):
    """A specialty, e.g. “Medical oncology”."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="specialties")


class DoctorCondition(DoctorListItem):
    """A condition the doctor treats, e.g. “Breast cancer”."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="conditions_treated")


class DoctorProcedure(DoctorListItem):
    """A procedure or treatment the doctor offers, e.g. “Chemotherapy”."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="procedures")


class DoctorLanguage(DoctorListItem):
    """A language the doctor consults in."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="languages")


class DoctorMembership(DoctorListItem):
    """A professional body the doctor belongs to."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="memberships")


class DoctorQualification(Orderable):
    """A degree or diploma: what, where, when."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="qualifications")
    degree = models.CharField(max_length=120, help_text="e.g. MBBS, MD (Medicine), DM (Medical Oncology).")
    institution = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1940), validate_not_future_year],
    )

    panels = [FieldRowPanel([FieldPanel("degree"), FieldPanel("institution"), FieldPanel("year")])]
    api_fields = ["degree", "institution", "year"]

    def __str__(self) -> str:
        return self.degree


class DoctorPublication(Orderable):
    """A paper, chapter or book the doctor wrote."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="publications")
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True, help_text="Journal or publisher.")
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), validate_not_future_year],
    )
    url = models.URLField(blank=True, max_length=500, help_text="A link to the publication or its DOI.")

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("year")]),
        FieldPanel("url"),
    ]
    api_fields = ["title", "publisher", "year", "url"]

    def __str__(self) -> str:
        return self.title


class DoctorClinicHours(Orderable, OpeningHoursFields):
    """When a doctor consults at a clinic on one weekday."""

    page = ParentalKey(DoctorPage, on_delete=models.CASCADE, related_name="clinic_hours")
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="doctor_hours")

    panels = [
        FieldPanel("clinic"),
        *OpeningHoursFields.panels,
    ]
    api_fields = [APIField("clinic", serializer=ClinicRefField()), "weekday", "opens_at", "closes_at"]

    class Meta(Orderable.Meta):
        verbose_name = "consultation hours"
        verbose_name_plural = "consultation hours"
