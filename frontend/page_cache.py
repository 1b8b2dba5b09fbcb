"""Server-side copies of rendered frontend pages, valid for one content generation.

A page's HTML depends only on published content and its address: the inlined
API data is computed as an anonymous visitor, and nothing personal (no CSRF
token, no user name) is rendered. So one copy per absolute URL serves
everybody, until the next content change. The copies are keyed by the same
content generation as the API cache (``cms/api_cache.py``): publishing,
unpublishing, moving a page or changing a snippet, image or setting makes
every copy stale at once, in every worker that shares the cache.

Only ``200`` answers are kept; a 404 is cheap and may become a redirect.
Losing the cache loses nothing: a cache error means the page is rendered.
"""

import functools

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from cms.api_cache import cached_copy, keep_copy


def cached_page(view):
    """Serve ``view``'s ``200`` answers from the cache until content changes."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not settings.PAGE_CACHE_ENABLED:
            return view(request, *args, **kwargs)
        # The scheme and host are part of the page (canonical URL, JSON-LD, feed links).
        key, cached = cached_copy("page-cache", request.build_absolute_uri())
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            keep_copy(key, response)
        response["X-Cache"] = "MISS"
        return response

    return wrapped
