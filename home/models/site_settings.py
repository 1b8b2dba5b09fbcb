"""Per-site settings: booking contacts, social image, footer text, privacy and disclaimer pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from images.renditions import ResponsiveImageField

from ..serializer_fields import PhoneField
from .contacts import AppointmentContactFields


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
