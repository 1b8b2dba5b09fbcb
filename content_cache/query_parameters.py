"""A page sees only the query parameters it reads, so an address and its tracking variants are one page.

Links shared on WhatsApp, in newsletters or by ad platforms carry parameters no
page reads (``utm_source``, ``fbclid``…). The view gets the request with those
dropped, before the page cache is asked: each page has one rendering and one
cached copy, the app's inlined ``location_search``, the canonical and the
next-page links never carry them, and nothing a link carries is written into a
page the cache serves to other visitors.
"""

from functools import wraps
from urllib.parse import parse_qsl, urlencode

from django.http import HttpRequest, QueryDict


def query_limited_to(*names: str):
    """Hand the view a request whose query string holds only the parameters ``names``, in their given order."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
            kept = [(name, value) for name, value in pairs if name in names]
            # Rewritten only when something goes, so a query the page reads reaches it exactly as the browser shows it.
            if len(kept) != len(pairs):
                request.META["QUERY_STRING"] = urlencode(kept)
                request.GET = QueryDict(request.META["QUERY_STRING"])
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
