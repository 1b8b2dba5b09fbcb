"""Which site a page belongs to (from Wagtail's cached site root paths, no query when warm), and its settings."""

from django.conf import settings
from wagtail.models import Site, SiteRootPath


def site_name_of(site: Site | None) -> str:
    """The site's name as pages, feeds, e-mails and the admin show it: Wagtail's site name, else the project's."""
    return (site.site_name if site is not None else "") or settings.WAGTAIL_SITE_NAME


def site_root_path(page) -> SiteRootPath | None:
    """The root path of the site ``page`` is in (most specific first, as Wagtail routes), or ``None``.

    Unlike ``page.get_site()``, this reads ``Site.get_site_root_paths()``, which Wagtail
    keeps in the cache and refreshes when a site or its root page changes.
    """
    for root in Site.get_site_root_paths():
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
