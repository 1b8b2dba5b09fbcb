"""Caching of public API responses: ETag, Cache-Control, 304s and a server-side copy.

Every anonymous ``GET`` to ``/api/v2/`` or ``/api/v3/`` that succeeds is kept
in Django's default cache (Redis when ``REDIS_URL`` is set, local memory
otherwise) under a key that includes the *site generation*, by the rules of
``cms/shared_copies.py`` (no session cookie, no ``Authorization``, no cookie or
CSRF token in the answer; host, path, query string and media type in the key),
stamped with the groups of content it showed (``cms/copy_dependencies.py``).
Publishing or unpublishing an article makes stale only the copies that showed
it or may list it (its groups); any other content change — another page
published, unpublished, moved or deleted, a snippet, image, document,
redirect, site or setting saved or deleted — starts a new site generation, so
no reader ever gets a response older than the last content change.

Losing the cache loses nothing: every cache error is logged and the request
is answered from the database.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

from . import copy_dependencies
from .shared_copies import (
    PRIVATE,
    carries_identity,
    copy_key,
    is_shareable,
    report_cache_status,
    sets_cookie_or_csrf_token,
)

logger = logging.getLogger(__name__)

GENERATION_KEY = "api-cache:generation"
CACHED_PREFIXES = ("/api/v2/", "/api/v3/")
# Endpoints whose answers are personal or one-off: never cached.
UNCACHED_PREFIXES = ("/api/v3/preview/", "/api/v3/whoami/", "/api/v3/appointments/")
# Every public API answer is JSON whatever ``Accept`` says (API v2 has no browsable HTML), so
# this is the one media type a copy is kept for; an answer of any other type is never kept.
API_MEDIA_TYPE = "application/json"


def current_generation() -> str:
    """The content generation cached responses belong to (created on first use)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


# Set in a process whose invalidation did not reach the cache (Redis unreachable at
# the moment of a publish); its next API request retries, so once Redis answers again
# it cannot go on serving the answers cached before the change.
_invalidation_pending = False


def start_new_generation() -> None:
    """Make every cached API response stale, now (or, if the cache is unreachable, on this process's next request)."""
    global _invalidation_pending
    try:
        previous = cache.get(GENERATION_KEY)
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        # The resilient Redis cache swallows errors: read back to know the write landed
        # (any generation other than the previous one will do: a concurrent publish's is as good).
        current = cache.get(GENERATION_KEY)
        invalidated = current is not None and current != previous
    except Exception:
        invalidated = False
    if invalidated:
        _invalidation_pending = False
    elif not _invalidation_pending:
        _invalidation_pending = True
        logger.error("Could not invalidate the API cache; retrying on this process's next API request")


def live_generation() -> str:
    """The current generation, once an invalidation this process could not deliver has been retried.

    Every server-side copy of published content (API answers here, rendered pages
    in ``frontend/page_cache.py``) is keyed by it.
    """
    if _invalidation_pending:
        start_new_generation()
    return current_generation()


def invalidate_api_cache(**kwargs) -> None:
    """Start a new content generation once the change is committed (any signal can call this).

    After the commit, because a reader between the change and the commit would
    otherwise cache the old content again under the new generation; and
    outside the transaction, because a database cache failing inside it would
    abort the editor's change.
    """
    transaction.on_commit(start_new_generation, robust=True)


def invalidate_groups(groups: list[str]) -> None:
    """Make stale the copies that showed one of ``groups``, after the commit, as :func:`invalidate_api_cache` does.

    If the cache does not take the change, this process starts a new site generation on its next request.
    """

    def deliver() -> None:
        global _invalidation_pending
        try:
            delivered = copy_dependencies.bump(groups)
        except Exception:
            delivered = False
        if not delivered and not _invalidation_pending:
            _invalidation_pending = True
            logger.error("Could not invalidate the API cache; retrying on this process's next API request")

    transaction.on_commit(deliver, robust=True)


def is_cacheable_request(request: HttpRequest) -> bool:
    """Anonymous reads of the public API only: a session or a token may mean a personal answer."""
    return (
        getattr(settings, "API_CACHE_ENABLED", True)
        and request.method in ("GET", "HEAD")
        and request.path.startswith(CACHED_PREFIXES)
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not carries_identity(request)
    )


def cached_copy(kind: str, identity: str) -> tuple[str | None, HttpResponse | None]:
    """The current copy of ``identity``, and the key to keep a new one under.

    A copy is current when it was kept in this site generation and no group of
    content it showed changed since (``cms/copy_dependencies.py``).
    ``(None, None)`` when the cache cannot be reached: the caller answers from the database.
    """
    try:
        key = f"{kind}:{live_generation()}:{hashlib.sha256(identity.encode()).hexdigest()}"
        kept = cache.get(key)
        if not isinstance(kept, tuple):
            return key, None  # none, or kept by an older release without its stamp
        stamped, response = kept
        return key, response if copy_dependencies.is_current(stamped) else None
    except Exception:
        logger.exception("%s unavailable; answering from the database", kind)
        return None, None


def keep_copy(key: str | None, response: HttpResponse, shown: copy_dependencies.Shown) -> None:
    """Keep ``response`` under a key from :func:`cached_copy`, stamped with what it showed (``shown``).

    Nothing is kept when the cache was unreachable or content changed while the answer was made.
    """
    if key is None:
        return
    try:
        stamped = copy_dependencies.stamp(shown)
        if stamped is not None:
            cache.set(key, (stamped, response))
    except Exception:
        logger.exception("Could not keep a copy in the cache under %s", key.split(":", 1)[0])


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
