"""Error responses that reveal nothing and tell clients what to do.

``handler500`` runs for any uncaught exception, including those raised in
middleware before a view. A database outage becomes ``503`` with
``Retry-After`` (API: an RFC 9457 problem document); anything else is a plain
``500``. Neither touches the database nor echoes the request.
"""

import base64
import hashlib
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from wagtail.api.v3.errors import problem_response

RETRY_AFTER_SECONDS = 30

_STYLE = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}"
_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<style>{style}</style></head>
<body><h1>{title}</h1><p>{detail}</p></body></html>"""
# The error page may be all a visitor sees while the database is down, so it
# gets the strictest policy there is: nothing but its own inline style, by hash.
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
ERROR_PAGE_CSP = (
    f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _is_database_outage(error: BaseException | None) -> bool:
    # OperationalError/InterfaceError mean "cannot talk to the database";
    # other DatabaseErrors (integrity, programming) are bugs, not outages.
    return isinstance(error, OperationalError | InterfaceError) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    )


def server_error(request, *args, **kwargs):
    """``handler500``: 503 for a database outage, 500 otherwise."""
    outage = _is_database_outage(sys.exc_info()[1])
    status = 503 if outage else 500
    title = "Temporarily unavailable" if outage else "Something went wrong"
    detail = (
        "The site cannot reach its database right now. Please try again in a minute."
        if outage
        else "The error has been noted. Please try again, or call the clinic to book an appointment."
    )
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"type": "about:blank", "title": title, "status": status, "detail": detail},
            status=status,
            content_type="application/problem+json",
        )
    else:
        response = HttpResponse(_PAGE.format(title=title, detail=detail, style=_STYLE), status=status)
    if outage:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = ERROR_PAGE_CSP
    return response


@csrf_exempt  # nothing is read or changed; a POST must get the same 404, not a CSRF page
def api_not_found(request, *args, **kwargs):
    """Any address under ``/api/`` that names no operation: ``404`` as problem details, for every method.

    Without it the frontend's catch-all would answer an HTML page (or ``405`` to
    a ``POST``), which an API client cannot read.
    """
    return problem_response(status=404, detail="No API operation has this address.")
