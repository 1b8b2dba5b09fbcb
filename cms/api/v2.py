"""Wagtail API v2 at ``/api/v2/``, for the many existing v2 clients.

It reads the same ``api_fields`` declarations as API v3, so the two APIs
never disagree about what a page, image or document exposes. Readers see
only the pages :mod:`home.visibility` allows on the requested site, whoever
they are signed in as (``routing/pages_visibility.py``, shared with v3).
Every endpoint is anonymous and JSON only (``cms/api/v2_anonymous.py``).
"""

from django.http import Http404
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from home.page_paths import give_site_root_paths_to
from routing.pages_visibility import public_pages_queryset
from routing.prefetch import fetch_specific, prefetch_for_api, with_api_relations
from routing.route import leading_to_visible_pages

from .v2_anonymous import AnonymousJSONOnly, PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from .v2_anonymous import PublicRedirectsAPIViewSet as AnonymousRedirectsAPIViewSet


class PublicPagesAPIViewSet(AnonymousJSONOnly, PagesAPIViewSet):
    """Visible pages only, joined and prefetched (``routing/prefetch.py``): the same queries at any length."""

    def get_base_queryset(self):
        """The pages an anonymous visitor may see on the requested site (session and user never count)."""
        try:
            return public_pages_queryset(self.request)
        except ValueError as error:  # ?site= matched several sites
            raise BadRequestError(str(error)) from error

    def get_queryset(self):
        """The visible pages, built once per request (Wagtail's view asks for it several times)."""
        if not hasattr(self, "_api_queryset"):
            queryset = super().get_queryset().select_related("content_type", "locale")
            if queryset.model is not Page:
                queryset = with_api_relations(queryset)
            self._api_queryset = queryset
        return self._api_queryset.all()

    def paginate_queryset(self, queryset):
        """The page of results, completed by :func:`routing.prefetch.prefetch_for_api` (a few queries for all)."""
        pages = list(super().paginate_queryset(queryset))
        give_site_root_paths_to(pages)
        return prefetch_for_api(pages) if queryset.model is not Page else pages

    def get_object(self):
        """The specific page, fetched once with everything its fields show (Wagtail's view asks twice)."""
        if not hasattr(self, "_api_object"):
            # The plain page Wagtail's base view found (its ``.specific`` would be one query more).
            page = super(PagesAPIViewSet, self).get_object()
            self._api_object = prefetch_for_api([fetch_specific(page)])[0]
            # Its ``html_url`` and its parent's (``meta.parent``, attached by prefetch_for_api).
            parent = self._api_object.get_parent()
            give_site_root_paths_to([self._api_object] + ([parent] if parent is not None else []))
        return self._api_object


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
