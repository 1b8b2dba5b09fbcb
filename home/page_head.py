"""A page's SEO head: title, document title, description, canonical URL, social image, breadcrumbs."""

from django.utils.html import strip_tags

from home.share_image import share_image
from home.site_roots import root_depth, site_name_of, site_root_path, site_settings_of

from .api_shapes import Breadcrumb, PageHead, SocialImage
from .page_paths import page_path

# Page fields tried, in order, for the description.
DESCRIPTION_FALLBACKS = ("summary", "hero_text", "introduction")


def document_title(title: str, site) -> str:
    """The ``<title>``: the page's title, then the site's name, unless the title already names the site.

    So the home page (titled with the site's name) and a doctor's page on a site named
    after the doctor read “Dr. A” rather than “Dr. A | Dr. A”.
    """
    site_name = site_name_of(site)
    if not site_name or site_name.casefold() in title.casefold():
        return title
    return f"{title} | {site_name}"


def head(title: str, site, **fields) -> PageHead:
    """A :class:`PageHead` titled ``title``: the one place its document title is derived (:func:`document_title`).

    ``fields`` are the rest of :class:`PageHead`: description, canonical URL, path, social image, breadcrumbs.
    """
    return PageHead(title=title, document_title=document_title(title, site), **fields)


def page_head(page) -> PageHead:
    """SEO title, description, canonical URL, social image and breadcrumbs of ``page``.

    The title is the SEO title, else the page's (the home page's: the site's name).
    Without a search description the page's summary or introduction is used.
    The social image follows :func:`home.share_image.share_image`, so every
    page has one. Computed once per page object: a route answer and the page's
    own ``head`` field share it.
    """
    cached = getattr(page, "_page_head", None)
    if cached is not None:
        return cached
    description = page.search_description
    for attribute in DESCRIPTION_FALLBACKS:
        if description:
            break
        description = strip_tags(str(getattr(page, attribute, "") or "")).strip()
    breadcrumbs: list[Breadcrumb] = []
    root = site_root_path(page)
    if root is not None:
        # Set by routing.prefetch for API answers; otherwise one query (titles only need plain pages).
        ancestors = getattr(page, "prefetched_ancestors", None)
        if ancestors is None:
            ancestors = list(page.get_ancestors())
        breadcrumbs = [
            Breadcrumb(title=ancestor.title, path=page_path(ancestor))
            for ancestor in [*ancestors, page]
            if ancestor.depth >= root_depth(root)
        ]
    social = SocialImage(**share_image(page))
    settings = site_settings_of(page)
    site = settings.site if settings is not None else None
    # A site's home page is its name (the page's title, “Home”, names a menu item, not the site).
    is_home = root is not None and root.root_path == page.url_path
    title = page.seo_title or (site_name_of(site) if is_home else "") or page.title
    page._page_head = head(
        title,
        site,
        description=description,
        canonical_url=page.get_full_url() or "",
        path=page_path(page),
        social_image=social,
        breadcrumbs=breadcrumbs,
    )
    return page._page_head
