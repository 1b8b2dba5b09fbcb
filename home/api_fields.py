"""Typed serializer fields for the ``api_fields`` declarations of pages, snippets and settings.

One declaration feeds both APIs: API v2 (Django REST framework) calls these
fields directly, and API v3 reads each field's ``to_representation`` return
type to build its OpenAPI schema. So every field here returns a ``TypedDict``
(or a plain typed value), never an untyped dict, and the TypeScript client the
frontend generates is precise.
"""

from urllib.parse import quote

from django.conf import settings as django_settings
from django.utils.html import strip_tags
from rest_framework.fields import Field
from typing_extensions import TypedDict

from home.share_image import share_image
from home.site_roots import root_depth, site_root_path, site_settings_of
from images.renditions import CARD_WIDTHS, ResponsiveImage, responsive_image

from .visibility import visible_reference, visible_references

# Page fields tried, in order, for the description.
DESCRIPTION_FALLBACKS = ("summary", "hero_text", "introduction")


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


def page_path(page, request=None) -> str:
    """The page's path on its site, e.g. ``/articles/my-article/`` (what the frontend routes on)."""
    parts = page.get_url_parts(request)
    return parts[2] if parts else ""


def appointment_contacts(phone, whatsapp_number, whatsapp_message: str) -> AppointmentContacts:
    """``tel:`` and ``https://wa.me/<digits>?text=...`` links from stored E.164 numbers."""
    phone_e164 = phone.as_e164 if phone else ""
    whatsapp_e164 = whatsapp_number.as_e164 if whatsapp_number else ""
    whatsapp_url = ""
    if whatsapp_e164:
        whatsapp_url = f"https://wa.me/{whatsapp_e164.lstrip('+')}"
        if whatsapp_message:
            whatsapp_url += f"?text={quote(whatsapp_message)}"
    return AppointmentContacts(
        phone=phone_e164,
        phone_display=phone.as_international if phone else "",
        phone_url=f"tel:{phone_e164}" if phone_e164 else "",
        whatsapp_number=whatsapp_e164,
        whatsapp_message=whatsapp_message,
        whatsapp_url=whatsapp_url,
    )


def doctor_summary(doctor) -> DoctorSummary | None:
    """The byline/card of a :class:`~home.models.DoctorPage` (``None`` when unset)."""
    if doctor is None:
        return None
    return DoctorSummary(
        id=doctor.pk,
        title=doctor.title,
        path=page_path(doctor),
        display_name=doctor.display_name,
        job_title=doctor.job_title,
        photo=responsive_image(doctor.photo, widths=CARD_WIDTHS),
    )


def article_summary(article) -> ArticleSummary:
    """A short card of an :class:`~blog.models.ArticlePage`."""
    return ArticleSummary(
        id=article.pk,
        title=article.title,
        path=page_path(article),
        summary=article.summary,
        published_date=article.published_date.isoformat(),
        hero_image=responsive_image(article.hero_image, alt=article.hero_alt_text, widths=CARD_WIDTHS),
    )


def site_name_of(site) -> str:
    """The site's name as pages show it: Wagtail's site name, else the project's."""
    return (site.site_name if site is not None else "") or django_settings.WAGTAIL_SITE_NAME


def document_title(title: str, site) -> str:
    """The ``<title>``: the page's title, then the site's name, unless the title already names the site.

    So the home page (titled with the site's name) and a doctor's page on a site named
    after the doctor read “Dr. A” rather than “Dr. A | Dr. A”.
    """
    site_name = site_name_of(site)
    if not site_name or site_name.casefold() in title.casefold():
        return title
    return f"{title} | {site_name}"


def page_head(page) -> PageHead:
    """SEO title, description, canonical URL, social image and breadcrumbs of ``page``.

    The title is the SEO title, else the page's (the home page's: the site's name).
    Without a search description the page's summary or introduction is used.
    The social image follows :func:`home.share_image.share_image`, so every
    page has one. Computed once per page object: a route answer and the page's
    own ``head`` field share it.
    """
    cached = getattr(page, "_page_head", None)
    if cached is not None:
        return cached
    description = page.search_description
    for attribute in DESCRIPTION_FALLBACKS:
        if description:
            break
        description = strip_tags(str(getattr(page, attribute, "") or "")).strip()
    breadcrumbs: list[Breadcrumb] = []
    root = site_root_path(page)
    if root is not None:
        # Set by cms.api.prefetch for API answers; otherwise one query (titles only need plain pages).
        ancestors = getattr(page, "prefetched_ancestors", None)
        if ancestors is None:
            ancestors = list(page.get_ancestors())
        breadcrumbs = [
            Breadcrumb(title=ancestor.title, path=page_path(ancestor))
            for ancestor in [*ancestors, page]
            if ancestor.depth >= root_depth(root)
        ]
    social = SocialImage(**share_image(page))
    settings = site_settings_of(page)
    site = settings.site if settings is not None else None
    # A site's home page is its name (the page's title, “Home”, names a menu item, not the site).
    is_home = root is not None and root.root_path == page.url_path
    title = page.seo_title or (site_name_of(site) if is_home else "") or page.title
    page._page_head = PageHead(
        title=title,
        document_title=document_title(title, site),
        description=description,
        canonical_url=page.get_full_url() or "",
        path=page_path(page),
        social_image=social,
        breadcrumbs=breadcrumbs,
    )
    return page._page_head


class PageHeadField(Field):
    """``api_fields`` entry giving :class:`PageHead` (declare as ``PageHeadField(source="*")``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> PageHead:
        return page_head(value)


class DoctorField(Field):
    """A foreign key to a doctor as a :class:`DoctorSummary`; ``null`` when a visitor may not see the doctor."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        return visible_reference(super().get_attribute(instance), referrer=instance)

    def to_representation(self, value) -> DoctorSummary | None:
        return doctor_summary(value)


class DoctorContactsField(Field):
    """A doctor's booking contacts, falling back to the site's where the doctor has none."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> AppointmentContacts:
        source = value
        if not (value.appointment_phone or value.whatsapp_number):
            source = site_settings_of(value) or value
        return appointment_contacts(source.appointment_phone, source.whatsapp_number, source.whatsapp_message)


class FeaturedDoctorsField(Field):
    """A home page's featured doctors, in order, as :class:`DoctorSummary` cards (those a visitor may see)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        items = instance.featured_doctors.select_related("doctor__photo")
        return visible_references([item.doctor for item in items], referrer=instance)

    def to_representation(self, value) -> list[DoctorSummary]:
        return [summary for summary in (doctor_summary(doctor) for doctor in value) if summary]


class FeaturedArticlesField(Field):
    """A home page's featured articles, in order, as :class:`ArticleSummary` cards (those a visitor may see)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        items = instance.featured_articles.select_related("article__hero_image")
        return visible_references([item.article for item in items], referrer=instance)

    def to_representation(self, value) -> list[ArticleSummary]:
        return [article_summary(article) for article in value]


class ClinicRefField(Field):
    """A foreign key to a clinic, expanded to a :class:`ClinicRef`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> ClinicRef:
        return ClinicRef(id=value.pk, name=value.name, locality=value.locality)


class CategoriesField(Field):
    """An article's categories as :class:`CategoryRef` items."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> list[CategoryRef]:
        return [CategoryRef(id=c.pk, name=c.name, slug=c.slug) for c in value.all()]


class TagsField(Field):
    """A page's tags as :class:`TagRef` items, by name, read from the prefetched tags (no query of its own)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> list[TagRef]:
        return [TagRef(name=tag.name, slug=tag.slug) for tag in sorted(value.all(), key=lambda tag: tag.name)]


class PageLinksField(Field):
    """A list of pages (e.g. related articles) as :class:`ArticleSummary` cards."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> list[ArticleSummary]:
        return [article_summary(article) for article in value]


class PhoneField(Field):
    """A stored phone number in E.164 (``+919876543210``), empty when unset."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> str:
        return value.as_e164 if value else ""


class TextField(Field):
    """A computed text value (e.g. a property) typed as a string."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> str:
        return str(value or "")


class OptionalIntegerField(Field):
    """A computed whole number (e.g. years of practice) or null."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> int | None:
        return int(value) if value is not None else None
