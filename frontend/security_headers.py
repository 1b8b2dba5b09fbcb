"""Security headers Django has no setting for: Content-Security-Policy and Permissions-Policy.

Django's ``SecurityMiddleware`` already sends ``X-Content-Type-Options``,
``Referrer-Policy``, ``Cross-Origin-Opener-Policy`` and (in production) HSTS;
``XFrameOptionsMiddleware`` sends ``X-Frame-Options``.

The Content-Security-Policy is for the visitor-facing frontend only (the
views call :func:`frontend_csp`). The Wagtail admin is left without one: it
uses inline scripts and styles a strict policy would block. The frontend
needs no inline code: its script and stylesheet are hashed files under
``/static/``, and the inlined page JSON and JSON-LD are ``<script>`` blocks of
non-executable types (``application/json``, ``application/ld+json``) that a
policy does not govern. StreamField embeds are shown as plain links, so no
third-party frame is allowed.
"""

from urllib.parse import urlsplit

from django.core.files.storage import default_storage

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def media_origin() -> str:
    """The origin uploaded images are served from when it is not this site (S3, a CDN), else ``""``."""
    parts = urlsplit(default_storage.url("csp-origin-probe"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def frontend_csp(frame_ancestors: str = "'none'") -> str:
    """The frontend's policy; ``frame_ancestors`` is ``'self'`` only for the admin's preview panel."""
    images = " ".join(filter(None, ["'self'", "data:", media_origin()]))
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": images,
        "font-src": "'self'",
        "connect-src": "'self'",
        "frame-src": "'none'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class PermissionsPolicyMiddleware:
    """Turns off browser features no page here uses (camera, microphone, location, payment…)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
