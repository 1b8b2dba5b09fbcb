"""The public API's wiring: Wagtail API v3 (django-ninja) with the project's routers and guards, in one place.

Imported by ``cms/urls.py`` (and ``export_openapi``), after every app's ``ready()``: Wagtail's
images, documents, snippets and redirects apps add their routers to the same instance then, and
step 2 below must see them.

The project's routers are added to Wagtail's own ``NinjaAPI`` instance so one
OpenAPI document (``/api/v3/openapi.json``) describes everything. API v2
(``cms/api/v2.py``, ``v2_anonymous.py``) and the answer cache
(``cms/api/cache.py``, ``cache_signals.py``) are wired by settings and
``cms/apps.py``; everything done to the v3 instance is done below, in this order:

1. the routers, one line per app; before ``api.urls`` is first read (``cms/urls.py``);
2. ``read_only``: removes Wagtail's editing operations from every router, so
   it runs after every router is added;
3. ``openapi``: corrects the generated document (wraps the schema generator);
4. ``errors``: attribute-read failures become server errors (wraps Wagtail's
   validation-error handler, so it runs after Wagtail registered it);
5. visibility: Wagtail's pages router reads only what a visitor may see (``pages_visibility``),
   its redirects router names only redirects a visitor may follow (``redirects_visibility``,
   before the guards: it replaces the redirect list's view, which the offset guard then wraps);
6. the input guards, each wrapping only the operations it concerns: ``pagination``
   (paginated operations), ``nul_characters`` (operations with string input),
   ``object_keys`` (operations taking free-form object keys); a guard refuses before
   the operation runs, so their order among themselves does not matter;
7. ``docs``: the docs page's setting and security policy;
8. ``prefetch``: Wagtail's page detail operation gets its relations in a few queries.

Every reach into Wagtail's, django-ninja's or Django's private internals is in
``upstream_internals/`` (the lowest layer: images uses it too).
"""

from wagtail.api.v3.api import api

from appointments.api import appointments_router, cta_events_router
from blog.api import router as articles_router
from home.api import router as site_router
from routing import pages_visibility, prefetch
from routing.route import router as route_router
from search.api import router as search_router

from . import (
    docs,
    errors,
    nul_characters,
    object_keys,
    openapi,
    pagination,
    read_only,
    redirects_visibility,
)
from .routers.preview import router as preview_router

# 1. Project routers, one line per app.
api.add_router("/articles/", articles_router)
api.add_router("/site/", site_router)
api.add_router("/route/", route_router)
api.add_router("/search/", search_router)
api.add_router("/preview/", preview_router)
api.add_router("/appointments/", appointments_router)
api.add_router("/cta-events/", cta_events_router)

read_only.install(api)  # 2.
openapi.install(api)  # 3.
errors.install(api)  # 4.
pages_visibility.install()  # 5.
redirects_visibility.install(api)
pagination.install(api)  # 6.
nul_characters.install(api)
object_keys.install(api)
docs.install(api)  # 7.
prefetch.install(api)  # 8.

__all__ = ["api"]
