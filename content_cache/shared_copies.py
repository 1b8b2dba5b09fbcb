"""Who a shared copy may be made from and served to, what it may hold, and what its key covers.

The API cache (``content_cache/store.py``) and the page cache
(``content_cache/page_cache.py``) keep one copy of an answer and serve it to
everybody. That is only right when the answer is the same for everybody:

- it is made only from, and served only to, requests that say nothing about
  who is asking: no session cookie, no ``Authorization`` header;
- it never holds a cookie (``Set-Cookie``) or a CSRF token, and only a ``200``
  is kept;
- its key covers every input the answer depends on: scheme and host, path,
  the query parameters the view reads, and the media type of the answer.

Requests that do say who is asking are answered ``Cache-Control: private,
no-store`` so no browser or CDN shares their answers either.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PRIVATE = "private, no-store"


def carries_identity(request: HttpRequest) -> bool:
    """Whether the request says who is asking: a session cookie or an ``Authorization`` header (of any scheme).

    A stale or forged session cookie counts too: its answer may still differ
    (the session middleware deletes the cookie in it).
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def sets_cookie_or_csrf_token(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether ``response`` is meant for this one client: it sets a cookie, or the view put a CSRF token in it.

    ``get_token()`` flags the request when a token is rendered, before the CSRF
    middleware adds its cookie on the way out.
    """
    return bool(response.cookies) or response.has_header("Set-Cookie") or "CSRF_COOKIE_NEEDS_UPDATE" in request.META


def is_shareable(request: HttpRequest, response: HttpResponse, media_type: str) -> bool:
    """Whether ``response`` to an anonymous ``request`` may be kept for everybody under a ``media_type`` key.

    A ``200`` of that media type, not streamed, that sets no cookie, holds no
    CSRF token and does not forbid storing.
    """
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").split(";")[0].strip() == media_type
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not sets_cookie_or_csrf_token(request, response)
    )


def copy_key(request: HttpRequest, media_type: str) -> str:
    """What a shared copy of the answer to ``request`` is kept under: media type, scheme, host, path and query.

    The query is the one the view reads (``request.GET``), normalised: parameters
    sorted by name (the order of one name's values is kept, it can matter) and
    encoded one way, so ``?b=2&a=1`` and ``?a=1&b=%32`` share a copy.
    """
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    return f"{media_type} {request.scheme}://{request.get_host()}{request.path}?{query}"


def report_cache_status(response: HttpResponse, status: str) -> HttpResponse:
    """Add ``X-Cache: HIT`` or ``MISS`` when ``CACHE_STATUS_HEADER`` is on.

    Off by default: it tells anyone which addresses others have just read.
    """
    if getattr(settings, "CACHE_STATUS_HEADER", False):
        response["X-Cache"] = status
    return response
