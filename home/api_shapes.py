"""The typed shapes the API sends: links, the head, contacts and cards.

Serializer fields (:mod:`home.serializer_fields`) return these ``TypedDict``s so
API v3 can read each field's return type into its OpenAPI schema, and the
TypeScript client the frontend generates is precise.
"""

from typing_extensions import TypedDict

from images.renditions import ResponsiveImage


class PageLink(TypedDict):
    """A link to another page: its id, title and path on the site."""

    id: int
    title: str
    path: str


class Breadcrumb(TypedDict):
    """One step of the trail from the home page to the current page."""

    title: str
    path: str


class SocialImage(TypedDict):
    """The image shown when a page is shared (``og:image``): an absolute URL."""

    url: str
    width: int
    height: int
    alt: str


class PageHead(TypedDict):
    """Everything a frontend needs to render a page's ``<head>``."""

    title: str
    document_title: str
    description: str
    canonical_url: str
    path: str
    social_image: SocialImage | None
    breadcrumbs: list[Breadcrumb]


class AppointmentContacts(TypedDict):
    """How to book: ready-to-use ``tel:`` and WhatsApp links (empty when not set)."""

    phone: str
    phone_display: str
    phone_url: str
    whatsapp_number: str
    whatsapp_message: str
    whatsapp_url: str


class DoctorSummary(TypedDict):
    """A doctor as shown in a byline or a card."""

    id: int
    title: str
    path: str
    display_name: str
    job_title: str
    photo: ResponsiveImage | None


class ClinicRef(TypedDict):
    """A clinic named by a doctor's consultation hours (full details are in ``/api/v3/site/``)."""

    id: int
    name: str
    locality: str


class CategoryRef(TypedDict):
    """A category an article is filed under."""

    id: int
    name: str
    slug: str


class TagRef(TypedDict):
    """A tag on an article: its name, and the slug the article list filters by (``?tag=<slug>``)."""

    name: str
    slug: str


class ArticleSummary(TypedDict):
    """A short article card used inside a page (featured and related articles)."""

    id: int
    title: str
    path: str
    summary: str
    published_date: str
    hero_image: ResponsiveImage | None
