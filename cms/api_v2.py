"""Wagtail API v2 at ``/api/v2/``, for the many existing v2 clients.

It reads the same ``api_fields`` declarations as API v3, so the two APIs
never disagree about what a page, image or document exposes. Readers see
only the pages :mod:`home.visibility` allows on the requested site, whoever
they are signed in as (``cms/api_pages_visibility.py``, shared with v3).
Every endpoint is anonymous and JSON only (``cms/api_v2_anonymous.py``).
"""

from django.http import Http404
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from .api_pages_visibility import public_pages_queryset
from .api_v2_anonymous import AnonymousJSONOnly, PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from .api_v2_anonymous import PublicRedirectsAPIViewSet as AnonymousRedirectsAPIViewSet
from .routers.route import leading_to_visible_pages


def with_api_relations(queryset):
    """Join and prefetch what a page type's ``api_fields`` show, so a listing's query count is constant.

    Images (and a related doctor's photo) come with their renditions; many-to-many
    fields and tags are prefetched.
    """
    model = queryset.model
    names = {field.name for field in APIField.get_fields_for_model(model)}
    select, prefetch = [], []
    for field in model._meta.get_fields():
        if field.name not in names or not field.is_relation:
            continue
        if field.many_to_one:
            select.append(field.name)
            related = field.related_model
            if issubclass(related, AbstractImage):
                prefetch.append(f"{field.name}__renditions")
            elif any(f.name == "photo" for f in related._meta.get_fields()):
                select.append(f"{field.name}__photo")
                prefetch.append(f"{field.name}__photo__renditions")
        elif field.many_to_many:
            prefetch.append(field.name)
    if "tags" in names:
        prefetch.append("tags")
    return queryset.select_related(*select).prefetch_related(*prefetch)


class PublicPagesAPIViewSet(AnonymousJSONOnly, PagesAPIViewSet):
    """Visible pages only, joined and prefetched so a listing costs the same number of queries at any length."""

    def get_base_queryset(self):
        """The pages an anonymous visitor may see on the requested site (session and user never count)."""
        try:
            return public_pages_queryset(self.request)
        except ValueError as error:  # ?site= matched several sites
            raise BadRequestError(str(error)) from error

    def get_queryset(self):
        queryset = super().get_queryset().select_related("content_type", "locale")
        if queryset.model is not Page:
            queryset = with_api_relations(queryset)
        return queryset


class PublicRedirectsAPIViewSet(AnonymousRedirectsAPIViewSet):
    """Wagtail's redirects, without those leading to a page a visitor may not see (its address stays unknown)."""

    def get_queryset(self):
        return leading_to_visible_pages(super().get_queryset())

    def find_object(self, queryset, request):
        redirect = super().find_object(queryset, request)
        if redirect is not None and not queryset.filter(pk=redirect.pk).exists():
            raise Http404("No redirect matches the given query.")
        return redirect


api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("redirects", PublicRedirectsAPIViewSet)
