"""The page's API JSON, fetched in-process for inlining into the HTML.

The first view renders from JSON inlined in the document instead of a second
request. That JSON must be exactly what the browser would get from the API,
so it is produced by calling the API's own views in-process (resolved through
the URLconf like any request) as an anonymous visitor: the same code, the
same shape, never a draft or a private field.
"""

import json
import logging
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, QueryDict
from django.urls import Resolver404, resolve

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v3/"
API_NAMESPACE = "wagtailapi_v3"


def api_get(request: HttpRequest, endpoint: str, params: dict | None = None) -> dict | None:
    """``GET /api/v3/<endpoint>?<params>`` in-process; ``None`` unless it answers 200 with JSON."""
    path = API_PREFIX + endpoint
    query = urlencode({key: value for key, value in (params or {}).items() if value not in (None, "")}, doseq=True)
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    if match is None or API_NAMESPACE not in match.namespaces:
        # Not an API view (the frontend's own catch-all would answer): the endpoint is missing.
        logger.warning("frontend: API endpoint %s is not mounted; the page is rendered without inlined data", path)
        return None
    sub = HttpRequest()
    sub.method = "GET"
    sub.path = sub.path_info = path
    sub.META = {
        key: value
        for key, value in request.META.items()
        if key in {"SERVER_NAME", "SERVER_PORT", "HTTP_HOST", "wsgi.url_scheme", "HTTP_X_FORWARDED_PROTO"}
    }
    sub.META.update({"REQUEST_METHOD": "GET", "QUERY_STRING": query, "HTTP_ACCEPT": "application/json"})
    sub.GET = QueryDict(query)
    sub.COOKIES = {}
    # The inlined JSON is public: it is computed as an anonymous visitor whoever is logged in.
    sub.user = AnonymousUser()
    sub._dont_enforce_csrf_checks = True
    response = match.func(sub, *match.args, **match.kwargs)
    if response.status_code != 200 or "json" not in response.get("Content-Type", ""):
        return None
    return json.loads(response.content)
