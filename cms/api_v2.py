"""Wagtail API v2 at ``/api/v2/``, for the many existing v2 clients.

It reads the same ``api_fields`` declarations as API v3, so the two APIs
never disagree about what a page, image or document exposes. Anonymous
readers see live, public pages of the requested site only (Wagtail's own
``get_public_pages_queryset``, shared with v3).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.redirects.api.v2 import RedirectsAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from .api_prefetch import fetch_specific, prefetch_for_api, with_api_relations


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Pages, joined and prefetched (``cms/api_prefetch.py``): a listing costs the same queries at any length."""

    def get_queryset(self):
        """The visible pages, built once per request (Wagtail's view asks for it several times)."""
        if not hasattr(self, "_api_queryset"):
            queryset = super().get_queryset().select_related("content_type", "locale")
            if queryset.model is not Page:
                queryset = with_api_relations(queryset)
            self._api_queryset = queryset
        return self._api_queryset.all()

    def paginate_queryset(self, queryset):
        """The page of results, completed by :func:`cms.api_prefetch.prefetch_for_api` (a few queries for all)."""
        pages = list(super().paginate_queryset(queryset))
        return prefetch_for_api(pages) if queryset.model is not Page else pages

    def get_object(self):
        """The specific page, fetched once with everything its fields show (Wagtail's view asks twice)."""
        if not hasattr(self, "_api_object"):
            # The plain page Wagtail's base view found (its ``.specific`` would be one query more).
            page = super(PagesAPIViewSet, self).get_object()
            self._api_object = prefetch_for_api([fetch_specific(page)])[0]
        return self._api_object


api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("redirects", RedirectsAPIViewSet)
