"""Response schemas of the site API (``/api/v3/site/``).

The clinic and settings schemas are generated from the models' ``api_fields``
by Wagtail API v3's own schema generator: one declaration, every API.
"""

from ninja import Field, Schema
from typing_extensions import TypedDict
from wagtail.api.v3.schemas.generators.read import read_generator

from .api_shapes import AppointmentContacts, PageHead, PageLink
from .booking import BookingLinks
from .models import Clinic, SiteSettings

ClinicSchema = read_generator.build_schema(Clinic, name="ClinicSchema", base_class=Schema, follow_reverse_related=True)
SiteSettingsSchema = read_generator.build_schema(
    SiteSettings, name="SiteSettingsSchema", base_class=Schema, follow_reverse_related=False
)


class SiteIdentity(TypedDict):
    """The site itself: its name, root URL and home page."""

    name: str
    root_url: str
    language: str
    home: PageLink


class AppPageHeads(TypedDict):
    """The heads of the frontend's own pages, which are not Wagtail pages."""

    search: PageHead
    appointment: PageHead
    not_found: PageHead


class SiteShellSchema(Schema):
    """Everything the frontend shell needs in one call: identity, settings, contacts, clinics and menu."""

    site: SiteIdentity
    settings: SiteSettingsSchema  # ty: ignore[invalid-type-form]
    contacts: AppointmentContacts = Field(description="Ready-made tel: and https://wa.me/ links for booking.")
    booking: BookingLinks = Field(description="The call-to-action links of pages without a doctor of their own.")
    clinics: list[ClinicSchema]  # ty: ignore[invalid-type-form]
    menu: list[PageLink] = Field(description="Live public pages below the home page marked “show in menus”.")
    doctors: list[PageLink] = Field(
        description="The doctors a visitor may see, by name: the booking form names the one its link carries."
    )
    privacy_page: PageLink | None
    disclaimer_page: PageLink | None = Field(description="The medical disclaimer the footer links to.")
    app_pages: AppPageHeads = Field(description="Heads of the search, booking-form and not-found pages.")
