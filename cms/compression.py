"""Gzip for public text answers (pages, API JSON, feeds), never for answers that hold a secret.

A compressed answer that holds a secret (a CSRF token, a session's personal
data) next to text an attacker can choose (a search query echoed back) leaks
the secret through its compressed length (BREACH). So nothing is compressed:

- under the admin (``/admin/``), which is all CSRF tokens and personal data;
- for a request that carries a session cookie;
- when the answer sets a cookie or holds a CSRF token.

Placed outside the API and page caches, so the copies they keep are
uncompressed and each answer is compressed on the way out for the clients
that accept gzip (``Vary: Accept-Encoding``). Static files are compressed
ahead of time by WhiteNoise, which answers before this runs.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.urls import reverse

from content_cache.shared_copies import sets_cookie_or_csrf_token

COMPRESSIBLE_TYPES = ("text/", "application/json", "application/xml", "application/javascript")
COMPRESSIBLE_SUFFIXES = ("+json", "+xml")


def is_compressible(response: HttpResponse) -> bool:
    """Whether the answer is text that gzip shrinks (HTML, JSON, XML, plain text…), not an image or a PDF."""
    media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return media_type.startswith(COMPRESSIBLE_TYPES) or media_type.endswith(COMPRESSIBLE_SUFFIXES)


def holds_a_secret(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the answer may hold a secret: the admin, a session's answer, a cookie or a CSRF token in it."""
    return (
        request.path.startswith(reverse("wagtailadmin_home"))
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or sets_cookie_or_csrf_token(request, response)
    )


class SecretSafeGZipMiddleware(GZipMiddleware):
    """Django's ``GZipMiddleware`` for compressible answers that hold no secret."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not is_compressible(response) or holds_a_secret(request, response):
            return response
        return super().process_response(request, response)
