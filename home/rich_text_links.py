"""Internal page links in rich text, resolved with one query per body instead of three per link.

Wagtail's page link handler loads every linked page as its specific type (two
queries) and asks the database for the active locale (one more), once for
every rich text block. A link needs only the page's URL path and locale: here
the plain pages are loaded with their locale in one query, and a StreamField
body's links are all loaded up front (:func:`page_links_of`), so a body of
twenty paragraphs costs one query for its links.
"""

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .page_paths import page_url

_PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>")
_LINK_ID = re.compile(r"\bid=\"(\d+)\"")
# The pages linked from the rich text being expanded (set by page_links_of), by id as a string.
_linked_pages: ContextVar[dict[str, Page] | None] = ContextVar("linked_pages", default=None)


def _load(ids: Iterable[str]) -> dict[str, Page]:
    return {str(page.pk): page for page in Page.objects.filter(pk__in=list(ids)).select_related("locale")}


def linked_page_ids(value) -> set[str]:
    """The ids of the pages linked from every rich text string inside ``value`` (raw StreamField data)."""
    if isinstance(value, str):
        return {link_id for tag in _PAGE_LINK.findall(value) for link_id in _LINK_ID.findall(tag)}
    if isinstance(value, dict):
        value = value.values()
    if isinstance(value, list | tuple | type({}.values())):
        return set().union(*(linked_page_ids(item) for item in value)) if value else set()
    return set()


@contextmanager
def page_links_of(stream_value) -> Iterator[None]:
    """Within the block, links from ``stream_value``'s rich text resolve without further queries.

    The linked pages are those ``routing.prefetch`` loaded with the page's ancestors
    (``prefetched_linked_pages`` on the value), else loaded here in one query.
    """
    pages = getattr(stream_value, "prefetched_linked_pages", None)
    if pages is None:
        ids = linked_page_ids(list(stream_value.raw_data))
        pages = _load(ids) if ids else {}
    token = _linked_pages.set(pages)
    try:
        yield
    finally:
        _linked_pages.reset(token)


class PlainPageLinkHandler(PageLinkHandler):
    """``<a linktype="page" id="…">`` as ``<a href="/its/path/">``, from plain pages loaded in one query."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        """The linked pages (``None`` for a deleted one), from those :func:`page_links_of` loaded, else one query."""
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        known = _linked_pages.get() or {}
        missing = [link_id for link_id in ids if link_id not in known]
        pages = {**known, **_load(missing)} if missing else known
        return [pages.get(link_id) for link_id in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        """The opening ``<a>`` tags, linking to the page in the active language as Wagtail's handler does."""
        tags = []
        for page in cls.get_many(attrs_list):
            if page is not None and page.locale.language_code != translation.get_language():
                page = page.localized
            tags.append(f'<a href="{escape(page_url(page))}">' if page is not None else "<a>")
        return tags
