"""Caching of public API answers: ETag, Cache-Control, 304s and a server-side copy.

Every anonymous ``GET`` to ``/api/v2/`` or ``/api/v3/`` that succeeds is kept
in the content-generation store (``content_cache/store.py``) by the rules of
``content_cache/shared_copies.py`` (no session cookie, no ``Authorization``, no
cookie or CSRF token in the answer; host, path, query string and media type in
the key), until content it showed changes.
"""

import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

from content_cache import copy_dependencies
from content_cache.shared_copies import (
    PRIVATE,
    carries_identity,
    copy_key,
    is_shareable,
    report_cache_status,
    sets_cookie_or_csrf_token,
)
from content_cache.store import cached_copy, keep_copy

CACHED_PREFIXES = ("/api/v2/", "/api/v3/")
# Endpoints whose answers are personal or one-off: never cached.
UNCACHED_PREFIXES = ("/api/v3/preview/", "/api/v3/whoami/", "/api/v3/appointments/")
# Every public API answer is JSON whatever ``Accept`` says (API v2 has no browsable HTML), so
# this is the one media type a copy is kept for; an answer of any other type is never kept.
API_MEDIA_TYPE = "application/json"


def is_cacheable_request(request: HttpRequest) -> bool:
    """Anonymous reads of the public API only: a session or a token may mean a personal answer."""
    return (
        getattr(settings, "API_CACHE_ENABLED", True)
        and request.method in ("GET", "HEAD")
        and request.path.startswith(CACHED_PREFIXES)
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not carries_identity(request)
    )


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _not_modified(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A 304 when the client already holds this exact body."""
    etag = response.get("ETag")
    candidates = [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]
    if etag and (etag in candidates or f"W/{etag}" in candidates or "*" in candidates):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


class PublicAPICacheMiddleware:
    """Serves repeated anonymous API reads from the cache, with ETags and 304s."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(CACHED_PREFIXES):
            return self.get_response(request)
        if carries_identity(request):
            # Computed for someone (a token may show drafts): not kept here, nor by any shared cache downstream.
            response = self.get_response(request)
            response["Cache-Control"] = PRIVATE
            return response
        if not is_cacheable_request(request):
            return self.get_response(request)

        key, cached = cached_copy("api-cache", copy_key(request, API_MEDIA_TYPE))
        if cached is not None:
            return _not_modified(request, report_cache_status(cached, "HIT"))

        with copy_dependencies.recording() as shown:
            response = self.get_response(request)
        if sets_cookie_or_csrf_token(request, response):
            response["Cache-Control"] = PRIVATE
            return response
        if response.has_header("Cache-Control") or not is_shareable(request, response, API_MEDIA_TYPE):
            # Errors, redirects, other media types and views that chose their own policy (e.g. previews) pass through.
            return response
        response["ETag"] = _etag(response.content)
        response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
        # A cache downstream must not hand this anonymous answer to a token holder, whose answer differs.
        patch_vary_headers(response, ["Accept-Encoding", "Authorization"])
        keep_copy(key, response, shown)
        return _not_modified(request, report_cache_status(response, "MISS"))
