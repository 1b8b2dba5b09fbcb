"""The site root, doctor profiles, standard pages, clinics and site settings.

Medical advertising rules shape this model: there is deliberately no field for
ratings, reviews, testimonials or before/after pictures, and a doctor's
registration number and council are first-class fields.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_headless_preview.models import HeadlessPreviewMixin

from images.renditions import ResponsiveImageField

from .api_fields import (
    ClinicRefField,
    DoctorContactsField,
    FeaturedArticlesField,
    FeaturedDoctorsField,
    OptionalIntegerField,
    PageHeadField,
    PhoneField,
    TextField,
)
from .blocks import BodyBlock
from .body_api import BodyField
from .consultation_hours import ClinicConsultationsField

BIO_FEATURES = ["bold", "italic", "link", "ol", "ul"]

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]


def validate_not_future_year(year: int) -> None:
    """A qualification or start of practice cannot lie in the future."""
    if year > date.today().year:
        raise ValidationError(f"{year} is in the future. Enter the year it happened.")


# ---------------------------------------------------------------------------
# Appointment contacts: shared by the site settings and a doctor's overrides
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------


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


register_snippet(Clinic)


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


class HomePage(HeadlessPreviewMixin, Page):
    """The site root: a hero, an introduction, featured doctors and articles."""

    hero_heading = models.CharField(max_length=120, help_text="The large line at the top of the home page.")
    hero_text = models.TextField(
        max_length=400,
        blank=True,
        help_text="One or two sentences under the heading.",
    )
    hero_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide image (at least 1600 px wide) shown behind or beside the heading.",
    )
    introduction = RichTextField(features=BIO_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading="Hero"
        ),
        FieldPanel("introduction"),
        InlinePanel("featured_doctors", heading="Featured doctors", label="Doctor"),
        InlinePanel("featured_articles", heading="Featured articles", label="Article"),
    ]

    api_fields = [
        "hero_heading",
        "hero_text",
        APIField("hero_image", serializer=ResponsiveImageField()),
        "introduction",
        APIField("featured_doctors", serializer=FeaturedDoctorsField()),
        APIField("featured_articles", serializer=FeaturedArticlesField()),
        APIField("head", serializer=PageHeadField()),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.DoctorPage", "home.StandardPage", "blog.BlogIndexPage"]

    class Meta:
        verbose_name = "home page"


class HomePageFeaturedDoctor(Orderable):
    """A doctor shown on the home page, in order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_doctors")
    doctor = models.ForeignKey("home.DoctorPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("doctor", "home.DoctorPage")]


class HomePageFeaturedArticle(Orderable):
    """An article shown on the home page, in order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("article", "blog.ArticlePage")]


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
        APIField("clinics", serializer=ClinicConsultationsField(source="clinic_hours")),
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


class StandardPage(HeadlessPreviewMixin, Page):
    """A plain page: about, privacy notice, disclaimer."""

    introduction = models.TextField(max_length=400, blank=True, help_text="A short summary shown under the title.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    api_fields = [
        "introduction",
        APIField("body", serializer=BodyField()),
        APIField("head", serializer=PageHeadField()),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "standard page"


# ---------------------------------------------------------------------------
# Site settings
# ---------------------------------------------------------------------------


@register_setting(icon="cog")
class SiteSettings(AppointmentContactFields, BaseSiteSetting):
    """Per-site contacts, social image, footer text and the practice's registration."""

    default_social_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page without its own image is shared (1200×630 works best).",
    )
    footer_disclaimer = models.TextField(
        max_length=1000,
        blank=True,
        help_text="Shown at the foot of every page, e.g. “Articles are for general information "
        "and are not a substitute for a consultation.”",
    )
    registration_details = models.CharField(
        max_length=300,
        blank=True,
        help_text="The practice's registration shown in the footer, e.g. clinic establishment registration.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice linked from forms and the footer.",
    )
    disclaimer_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The medical disclaimer linked from the footer of every page.",
    )

    panels = [
        MultiFieldPanel(AppointmentContactFields.contact_panels, heading="Appointments"),
        FieldPanel("default_social_image"),
        FieldPanel("footer_disclaimer"),
        FieldPanel("registration_details"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("disclaimer_page"),
    ]

    # Read by the site router (``/api/v3/site/``), which adds the ready-made contact links.
    api_fields = [
        APIField("appointment_phone", serializer=PhoneField()),
        APIField("whatsapp_number", serializer=PhoneField()),
        "whatsapp_message",
        APIField("default_social_image", serializer=ResponsiveImageField()),
        "footer_disclaimer",
        "registration_details",
    ]

    class Meta:
        verbose_name = "site settings"

    def __str__(self) -> str:
        return f"Settings for {self.site}"
