"""The interactive API docs at ``/api/v3/docs/``: the project's own files, a strict policy, off unless wanted.

The page runs on the admin's origin, so it loads nothing from elsewhere:
Swagger UI comes from the pinned django-ninja package's static files (``ninja``
is in ``INSTALLED_APPS``, which makes django-ninja render its local template
instead of the CDN one), and the page carries a Content-Security-Policy that
allows only this site's scripts and styles. It answers 404 unless
``API_DOCS_ENABLED`` is on (the default in development, off in production).
The OpenAPI document itself (``/api/v3/openapi.json``) is data, not a page, and
follows Wagtail's ``WAGTAILAPI_DOCS_ENABLED``.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404
from ninja.openapi.views import openapi_view

DOCS_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)


def _is_docs_page(view) -> bool:
    return getattr(view, "func", view) is openapi_view


def install(api) -> None:
    """Wrap ``api``'s docs views: the docs page gets its setting and its policy; Wagtail's own gate stays."""
    wagtail_gate = api.docs_decorator

    def decorate(view):
        gated = wagtail_gate(view) if wagtail_gate else view
        if not _is_docs_page(view):
            return gated

        @wraps(gated)
        def docs_page(request, *args, **kwargs):
            if not settings.API_DOCS_ENABLED:
                raise Http404
            response = gated(request, *args, **kwargs)
            response["Content-Security-Policy"] = DOCS_CSP
            return response

        return docs_page

    api.docs_decorator = decorate
