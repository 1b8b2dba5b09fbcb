"""The document's ``<head>``, written from the page's payload.

Every absolute address in it starts with the site's root URL (Wagtail's site
record), as the API's canonical URLs do, never with the request's ``Host``.

Title, description, canonical URL and breadcrumbs are the payload's own
``head`` (the API's ``PageHead``: the app shows the same values when it
navigates); this module adds what only crawlers and share previews read —
the Open Graph type, the feeds and the JSON-LD.
"""

from django.http import HttpRequest
from wagtail.models import Page, Site

from blog.models import ArticlePage
from home.models import DoctorPage, HomePage

from . import structured_data as ld
from .feed_links import feed_links
from .page_payload import PagePayload

OG_TYPES = {ArticlePage: "article", DoctorPage: "profile"}
# The frontend's own pages that crawlers should not index.
UNINDEXED_APP_PAGES = {"search", "not_found"}


def _head(data: PagePayload, page_head: dict, *, feeds=None, json_ld=(), og_type="website", robots="") -> dict:
    root_url = data["site"]["site"]["root_url"]
    crumbs = [(crumb["title"], root_url + crumb["path"]) for crumb in page_head["breadcrumbs"]]
    documents = [*json_ld, ld.breadcrumb_list(crumbs)] if crumbs else list(json_ld)
    return {
        **page_head,
        "site_name": data["site"]["site"]["name"],
        "og_type": og_type,
        "feeds": feed_links(root_url, None) if feeds is None else feeds,
        "robots": robots,
        "json_ld": [ld.to_script_json(document) for document in documents],
    }


def for_page(request: HttpRequest, site: Site, page: Page, data: PagePayload) -> dict:
    """The head of a Wagtail page, from its payload (the article list's canonical keeps its filters and page)."""
    page_head = dict(data["route"]["head"])
    if data["query"]:
        page_head["canonical_url"] += data["query"]
    image_url = page_head["social_image"]["url"] if page_head["social_image"] else ""
    phone = data["route"]["booking"]["tel_url"].removeprefix("tel:")
    return _head(
        data,
        page_head,
        og_type=OG_TYPES.get(type(page), "website"),
        feeds=feed_links(site.root_url, page, category_slug=request.GET.get("category", "")),
        json_ld=_structured_data(site, page, data["route"]["head"]["canonical_url"], image_url, phone),
    )


def for_app_page(request: HttpRequest, data: PagePayload, name: str = "not_found", title: str = "") -> dict:
    """The head of one of the frontend's own pages (search, booking form, not found), or a titled variant of it."""
    page_head = dict(data["site"]["app_pages"][name])
    robots = "noindex" if name in UNINDEXED_APP_PAGES or title else ""
    if title:
        page_head.update(title=title, document_title=title, breadcrumbs=[], canonical_url="")
    return _head(data, page_head, robots=robots)


def _structured_data(site: Site, page: Page, url: str, image_url: str, phone: str) -> list[dict]:
    if isinstance(page, DoctorPage):
        return [ld.physician(page, url, image_url=image_url, contact_phone=phone)]
    if isinstance(page, ArticlePage):
        return [ld.medical_article(page, url, site.root_url, image_url=image_url, publisher=site.site_name or "")]
    if isinstance(page, HomePage):
        return [ld.website(site.site_name or page.title, site.root_url + "/")]
    return []
