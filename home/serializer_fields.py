"""Typed serializer fields for the ``api_fields`` declarations of pages, snippets and settings.

One declaration feeds both APIs: API v2 (Django REST framework) calls these
fields directly, and API v3 reads each field's ``to_representation`` return
type to build its OpenAPI schema. So every field here returns a ``TypedDict``
from :mod:`home.api_shapes` (or a plain typed value), never an untyped dict.
"""

from rest_framework.fields import Field

from home.site_roots import site_settings_of

from .api_shapes import AppointmentContacts, ArticleSummary, CategoryRef, ClinicRef, DoctorSummary, PageHead, TagRef
from .cards import article_summary, category_refs, doctor_summary
from .page_head import page_head
from .visibility import visible_reference, visible_references


class ReadOnlyField(Field):
    """A field the API sends and never reads: nothing is written through the API."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)


class WholePageField(ReadOnlyField):
    """A field computed from the whole object (``source="*"``), not from one attribute of it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(*args, **kwargs)


class PageHeadField(WholePageField):
    """``api_fields`` entry giving :class:`PageHead` (declare as ``PageHeadField(source="*")``)."""

    def to_representation(self, value) -> PageHead:
        return page_head(value)


class DoctorField(ReadOnlyField):
    """A foreign key to a doctor as a :class:`DoctorSummary`; ``null`` when a visitor may not see the doctor."""

    def get_attribute(self, instance):
        return visible_reference(super().get_attribute(instance), referrer=instance)

    def to_representation(self, value) -> DoctorSummary | None:
        return doctor_summary(value)


class DoctorContactsField(WholePageField):
    """A doctor's booking contacts: each the doctor's own where set, else the site's (:mod:`home.booking`)."""

    def to_representation(self, value) -> AppointmentContacts:
        # Here, not at the top: home.models declares this field and home.booking reads home.models.
        from .booking import appointment_contacts

        return appointment_contacts(site_settings_of(value), doctor=value)


class FeaturedDoctorsField(ReadOnlyField):
    """A home page's featured doctors, in order, as :class:`DoctorSummary` cards (those a visitor may see)."""

    def get_attribute(self, instance):
        items = instance.featured_doctors.select_related("doctor__photo")
        return visible_references([item.doctor for item in items], referrer=instance)

    def to_representation(self, value) -> list[DoctorSummary]:
        return [summary for summary in (doctor_summary(doctor) for doctor in value) if summary]


class FeaturedArticlesField(ReadOnlyField):
    """A home page's featured articles, in order, as :class:`ArticleSummary` cards (those a visitor may see)."""

    def get_attribute(self, instance):
        items = instance.featured_articles.select_related("article__hero_image")
        return visible_references([item.article for item in items], referrer=instance)

    def to_representation(self, value) -> list[ArticleSummary]:
        return [article_summary(article) for article in value]


class ClinicRefField(ReadOnlyField):
    """A foreign key to a clinic, expanded to a :class:`ClinicRef`."""

    def to_representation(self, value) -> ClinicRef:
        return ClinicRef(id=value.pk, name=value.name, locality=value.locality)


class CategoriesField(ReadOnlyField):
    """An article's categories as :class:`CategoryRef` items."""

    def to_representation(self, value) -> list[CategoryRef]:
        return category_refs(value.all())


class TagsField(ReadOnlyField):
    """A page's tags as :class:`TagRef` items, by name, read from the prefetched tags (no query of its own)."""

    def to_representation(self, value) -> list[TagRef]:
        return [TagRef(name=tag.name, slug=tag.slug) for tag in sorted(value.all(), key=lambda tag: tag.name)]


class PageLinksField(ReadOnlyField):
    """A list of pages (e.g. related articles) as :class:`ArticleSummary` cards."""

    def to_representation(self, value) -> list[ArticleSummary]:
        return [article_summary(article) for article in value]


class PhoneField(ReadOnlyField):
    """A stored phone number in E.164 (``+919876543210``), empty when unset."""

    def to_representation(self, value) -> str:
        return value.as_e164 if value else ""


class TextField(ReadOnlyField):
    """A computed text value (e.g. a property) typed as a string."""

    def to_representation(self, value) -> str:
        return str(value or "")


class OptionalIntegerField(ReadOnlyField):
    """A computed whole number (e.g. years of practice) or null."""

    def to_representation(self, value) -> int | None:
        return int(value) if value is not None else None
