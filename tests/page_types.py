"""One address of each page type a visitor meets on the demo site, for the checks every page type gets."""

import re

from blog.models import ArticlePage, BlogIndexPage, Category
from home.models import DoctorPage, HomePage, StandardPage

HEADING = re.compile(r"<h([1-6])[\s>]")


def page_type_paths() -> dict[str, str]:
    """Path of each page type of the demo site (``DemoSiteBuilder``), by page type."""
    articles = BlogIndexPage.objects.get().url
    return {
        "home": HomePage.objects.get().url,
        "doctor": DoctorPage.objects.live().first().url,
        "article list": articles,
        "article": ArticlePage.objects.live().first().url,
        "category-filtered list": f"{articles}?category={Category.objects.first().slug}",
        "search with results": "/search/?q=oncologist",
        "booking": "/appointment/",
        "privacy notice": StandardPage.objects.get(slug="privacy").url,
        "disclaimer": StandardPage.objects.get(slug="disclaimer").url,
        "not found": "/no-such-page/",
    }


def skipped_heading_levels(html: str) -> list[str]:
    """Each heading that goes more than one level deeper than the one before it (``h1`` then ``h3``)."""
    levels = [int(level) for level in HEADING.findall(html)]
    pairs = zip([0, *levels], levels, strict=False)
    return [f"h{before} then h{after}" for before, after in pairs if after > before + 1]
