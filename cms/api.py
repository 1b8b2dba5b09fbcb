"""The public API: Wagtail API v3 (django-ninja) with the project's routers.

The project's routers are added to Wagtail's own ``NinjaAPI`` instance so one
OpenAPI document (``/api/v3/openapi.json``) describes everything. Routers must
be added before ``api.urls`` is first read (see ``cms/urls.py``).
"""

from wagtail.api.v3.api import api

from appointments.api import appointments_router, cta_events_router
from blog.api import router as articles_router
from home.api import router as site_router
from search.api import router as search_router

from . import (
    api_docs,
    api_errors,
    api_nul_characters,
    api_object_keys,
    api_pages_visibility,
    api_pagination,
    api_prefetch,
    api_read_only,
    openapi,
)
from .routers.preview import router as preview_router
from .routers.route import router as route_router

# Project routers are registered here, one line per app.
api.add_router("/articles/", articles_router)
api.add_router("/site/", site_router)
api.add_router("/route/", route_router)
api.add_router("/search/", search_router)
api.add_router("/preview/", preview_router)

api.add_router("/appointments/", appointments_router)
api.add_router("/cta-events/", cta_events_router)

api_read_only.install(api)
openapi.install(api)
api_errors.install(api)
api_pagination.install(api)
api_nul_characters.install(api)
api_object_keys.install(api)
api_pages_visibility.install()
api_docs.install(api)
api_prefetch.install(api)

__all__ = ["api"]
