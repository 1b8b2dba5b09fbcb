"""The article feeds a page announces in its head (``<link rel="alternate">``).

Every page links the feed of all articles; a doctor's page also links the
feed of that doctor's articles, and an article list filtered by a category
links that category's feed.
"""

from typing import TypedDict

from django.urls import reverse

from blog.models import Category
from home.models import DoctorPage

FORMATS = (("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom"))


class FeedLink(TypedDict):
    """One ``<link rel="alternate">``: its title, MIME type and absolute address."""

    title: str
    type: str
    href: str


def feed_links(root_url: str, page, category_slug: str = "") -> list[FeedLink]:
    """The feeds ``page`` links, each in RSS and Atom, as absolute addresses below ``root_url``."""
    feeds: list[tuple[str, str, dict]] = [("Articles", "articles_feed", {})]
    if isinstance(page, DoctorPage):
        feeds.append((f"Articles by {page.display_name}", "doctor_feed", {"slug": page.slug}))
    if category_slug:
        category = Category.objects.filter(slug=category_slug).first()
        if category is not None:
            feeds.append((f"Articles in {category.name}", "category_feed", {"slug": category.slug}))
    return [
        FeedLink(
            title=f"{title} ({label})",
            type=mime_type,
            href=root_url + reverse(f"{url_name}_{suffix}", kwargs=kwargs),
        )
        for title, url_name, kwargs in feeds
        for suffix, mime_type, label in FORMATS
    ]
