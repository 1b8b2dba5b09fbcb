"""Wagtail hooks of the site's pages."""

from wagtail import hooks

from .rich_text_links import PlainPageLinkHandler


# After Wagtail's own registration (order 0), which this replaces.
@hooks.register("register_rich_text_features", order=100)
def register_plain_page_links(features):
    """Resolve internal page links with :class:`PlainPageLinkHandler`."""
    features.register_link_type(PlainPageLinkHandler)
