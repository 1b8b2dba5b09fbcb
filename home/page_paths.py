"""A page's path on its site: what the frontend routes on and every API link carries."""


def page_path(page, request=None) -> str:
    """The page's path on its site, e.g. ``/articles/my-article/`` (what the frontend routes on)."""
    parts = page.get_url_parts(request)
    return parts[2] if parts else ""
