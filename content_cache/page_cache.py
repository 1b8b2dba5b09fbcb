"""Server-side copies of rendered frontend pages, valid for one content generation.

A page's HTML depends only on published content and its address: the inlined
API data is computed as an anonymous visitor, and nothing personal (no CSRF
token, no user name) is rendered. So one copy per absolute URL serves
everybody, until content it showed changes. The copies are kept like the API
cache's (``content_cache/store.py``), stamped with what they showed
(``content_cache/copy_dependencies.py``): publishing an article makes stale only the
pages that show or list it, any other content change every page at once, in
every worker that shares the cache.

Only anonymous requests make and get copies (``content_cache/shared_copies.py``: no
session cookie, no ``Authorization``); the others are rendered each time and
answered ``Cache-Control: private, no-store``. A copy is kept only of a ``200``
HTML answer that sets no cookie and holds no CSRF token (a 404 is cheap and may
become a redirect), under a key made of the scheme, host, path and the query
the view reads (after ``content_cache/query_parameters.py`` dropped the others).
Losing the cache loses nothing: a cache error means the page is rendered.
"""

import functools

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from . import copy_dependencies
from .shared_copies import PRIVATE, carries_identity, copy_key, is_shareable, report_cache_status
from .store import cached_copy, keep_copy

PAGE_MEDIA_TYPE = "text/html"


def cached_answer(media_type: str):
    """Serve the view's ``200`` answers of ``media_type`` to anonymous visitors from the cache until content changes.

    Feeds and sitemap files are kept this way too, under their own media type.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if carries_identity(request):
                response = view(request, *args, **kwargs)
                response["Cache-Control"] = PRIVATE
                return response
            if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
                # A form posted to a page (its password) is always answered by the view.
                return view(request, *args, **kwargs)
            # The scheme and host are part of the page (canonical URL, JSON-LD, feed links).
            key, cached = cached_copy("page-cache", copy_key(request, media_type))
            if cached is not None:
                return report_cache_status(cached, "HIT")
            with copy_dependencies.recording() as shown:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render"):
                    response.render()  # a template response is rendered (and recorded) before it is kept
            if is_shareable(request, response, media_type):
                keep_copy(key, response, shown)
            return report_cache_status(response, "MISS")

        return wrapped

    return decorator


# Page views: their 200 HTML answers, one copy per address for everybody.
cached_page = cached_answer(PAGE_MEDIA_TYPE)
