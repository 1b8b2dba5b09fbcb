"""A page's path on its site: what the frontend routes on and every API link carries."""

from upstream_internals import give_site_root_paths

from .site_roots import site_root_paths


def page_path(page, request=None) -> str:
    """The page's path on its site, e.g. ``/articles/my-article/`` (what the frontend routes on)."""
    root_paths = site_root_paths()  # read once per request, and given to the request being answered
    if request is None:
        # Without a request Wagtail would read them from the cache again for each page.
        give_site_root_paths(page, root_paths)
    parts = page.get_url_parts(request)
    return parts[2] if parts else ""


def page_url(page) -> str | None:
    """Wagtail's ``page.url`` (the path on a single site, else a full URL), with no second read of the site roots."""
    give_site_root_paths_to([page])
    return page.url


def give_site_root_paths_to(pages) -> None:
    """Wagtail's URL methods asked on ``pages`` without a request (API v2's ``html_url``) read no cache again."""
    root_paths = site_root_paths()
    for page in pages:
        give_site_root_paths(page, root_paths)
