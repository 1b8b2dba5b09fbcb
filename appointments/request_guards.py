"""Checks the public write endpoints make before a body is even parsed.

CSRF scheme. The endpoints are anonymous: no cookie or session gives a request
any authority, so there is no ambient credential for a forged request to
borrow — the risk is another site making visitors' browsers post spam. A
browser can only post ``application/json`` to another origin after a CORS
preflight, which this site never grants to foreign origins for these paths,
so the endpoints require:

1. ``Content-Type: application/json`` (an HTML form cannot send it);
2. when the browser says where the request comes from, that it is this site:
   ``Sec-Fetch-Site`` must be ``same-origin`` (or ``none``), and an ``Origin``
   header must equal this host or one of ``CSRF_TRUSTED_ORIGINS``.

Requests without these headers are not from a browser (curl, a mobile app)
and cannot be forged cross-site; the spam defences (honeypot, fill time, rate
limits) apply to them as to everyone. Django's CSRF token is not used because
the single-page frontend would need an extra request to fetch it, and
django-ninja exempts its views from Django's CSRF middleware anyway.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.api.v3.errors import problem_response

from . import conf


def _origin_allowed(request, origin: str) -> bool:
    if origin == "null":
        return False
    parts = urlsplit(origin)
    if not parts.scheme or not parts.netloc:
        return False
    if parts.netloc == request.get_host() and parts.scheme == request.scheme:
        return True
    return origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])


def same_origin_json(view):
    """Refuse bodies that are too large, not JSON, or sent from another site (see module docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > conf.get("APPOINTMENTS_MAX_BODY_BYTES"):
            return problem_response(status=413, detail="The request is too large.")
        content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            return problem_response(status=415, detail="Send the request as JSON (Content-Type: application/json).")
        fetch_site = request.headers.get("Sec-Fetch-Site")
        if fetch_site and fetch_site not in {"same-origin", "none"}:
            return problem_response(status=403, detail="Requests from other sites are not accepted.")
        origin = request.headers.get("Origin")
        if origin and not _origin_allowed(request, origin):
            return problem_response(status=403, detail="Requests from other sites are not accepted.")
        return view(request, *args, **kwargs)

    return wrapper
