"""Which site a page belongs to (from Wagtail's cached site root paths, read once per request), and its settings."""

from contextvars import ContextVar

from django.conf import settings
from wagtail.models import Site, SiteRootPath

from upstream_internals import give_site_root_paths

# The root paths read in the request being answered (set by SiteRootPathsOncePerRequest; unset outside a request).
_read_in_this_request: ContextVar[dict | None] = ContextVar("site_root_paths_read_in_this_request", default=None)


def site_root_paths() -> list[SiteRootPath]:
    """Wagtail's site root paths (``Site.get_site_root_paths()``: most specific first), once per request.

    Wagtail keeps them in the cache and refreshes them when a site or its root page changes; every
    read is a round trip to that cache (a query with the database cache), and one page's answer needs
    them for each page it links to. Outside a request, every call reads the cache.
    """
    read = _read_in_this_request.get()
    if read is None:
        return Site.get_site_root_paths()
    if "paths" not in read:
        read["paths"] = Site.get_site_root_paths()
        # Wagtail's own URL methods, given the request, then read them from it.
        give_site_root_paths(read["request"], read["paths"])
    return read["paths"]


class SiteRootPathsOncePerRequest:
    """Middleware: the site root paths are read from the cache at most once while a request is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_in_this_request.set({"request": request})
        try:
            return self.get_response(request)
        finally:
            _read_in_this_request.reset(token)


def site_name_of(site: Site | None) -> str:
    """The site's name as pages, feeds, e-mails and the admin show it: Wagtail's site name, else the project's."""
    return (site.site_name if site is not None else "") or settings.WAGTAIL_SITE_NAME


def site_root_path(page) -> SiteRootPath | None:
    """The root path of the site ``page`` is in (most specific first, as Wagtail routes), or ``None``.

    Unlike ``page.get_site()``, this reads :func:`site_root_paths`: no query.
    """
    for root in site_root_paths():
        if page.url_path.startswith(root.root_path):
            return root
    return None


def root_depth(root: SiteRootPath) -> int:
    """The tree depth of a site's root page, from its URL path (``/`` is 1, ``/home/`` is 2)."""
    return root.root_path.count("/")


def site_settings_of(page):
    """The settings (with their site and default social image) of ``page``'s site, or ``None``.

    ``routing.prefetch`` sets them on the pages of an API answer (one query for all);
    otherwise this is one query.
    """
    # home.models imports this module (through api_fields): imported when called, to break that cycle.
    from home.models import SiteSettings

    if hasattr(page, "prefetched_site_settings"):
        return page.prefetched_site_settings
    root = site_root_path(page)
    if root is None:
        return None
    return SiteSettings.objects.select_related("site", "default_social_image").filter(site_id=root.site_id).first()
