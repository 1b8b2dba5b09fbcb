"""``/robots.txt``: the sitemap's address, and what crawlers keep out of.

Outside production (``ROBOTS_ALLOW_INDEXING`` off) everything is disallowed,
so a staging or demo copy never competes with the real site in search.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Never useful to a search engine: staff screens and the machine-readable API.
ALWAYS_DISALLOWED = ("/admin/", "/api/")


@require_safe
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """The crawler rules for this host."""
    lines = ["User-agent: *"]
    if settings.ROBOTS_ALLOW_INDEXING:
        lines += [f"Disallow: {path}" for path in ALWAYS_DISALLOWED]
    else:
        lines.append("Disallow: /")
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
