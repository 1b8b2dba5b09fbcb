"""The one payload of a frontend page, built once per request by the API's own serialisers.

Every page the frontend serves is described by one JSON document: the route
answer (``/api/v3/route/``'s page, with its booking links), the site shell
(``/api/v3/site/``), and what the page lists (a page of ``/api/v3/articles/``,
``/api/v3/search/`` results). Each part comes from the same function and schema
that answers the API, called directly with the visitor's request — never an
in-process HTTP call. The payload is inlined into the document, the server's
HTML is rendered from it (:mod:`frontend.server_render`), and the app hydrates
that HTML from it, so what a visitor reads with and without JavaScript is one
rendering of one document.
"""

from typing import Literal
from urllib.parse import quote, urlencode

from django.http import HttpRequest
from pydantic import ValidationError
from typing_extensions import TypedDict
from wagtail.models import Page, Site

from blog.api import list_articles
from blog.models import BlogIndexPage
from blog.schemas import ArticleCardPage, ArticleFilters
from home.api import site_shell
from home.api_output import as_api_json
from home.booking import URI_COMPONENT_SAFE
from home.models import DoctorPage, HomePage
from routing.route import routed_page
from search.api import search
from search.schemas import SearchQuery, SearchResults

ARTICLES_PER_PAGE = 12
DOCTOR_ARTICLES = 12
# The home page's newest articles, shown below the ones staff picked (``HOME_LATEST_ARTICLES`` in the app).
HOME_LATEST_ARTICLES = 6


class RestrictedPage(TypedDict):
    """A page behind Wagtail's privacy settings: its password form, or the notice that it is private.

    The form fields are empty for a private (sign-in or group) page.
    """

    kind: Literal["password", "private"]
    title: str
    action: str
    csrf_token: str
    return_url: str
    error: str


class PagePayload(TypedDict):
    """What the app needs to render one document (typed on the app's side in ``src/lib/payload.ts``)."""

    status: int
    path: str
    query: str
    site: dict
    route: dict | None
    articles: dict | None
    search: dict | None
    restricted: RestrictedPage | None


class ListingNotFound(Exception):
    """The list's filters name no category or tag with visible articles, or a page past the last."""


def payload(request: HttpRequest, site: Site, *, status: int = 200, query: str = "", **parts) -> PagePayload:
    """A payload with the site shell and the given parts (``route``, ``articles``, ``search``, ``restricted``)."""
    return PagePayload(
        status=status,
        path=request.path,
        query=query,
        site=site_shell(request, site),
        route=parts.get("route"),
        articles=parts.get("articles"),
        search=parts.get("search"),
        restricted=parts.get("restricted"),
    )


def listing_query(category: str, tag: str, page_number: int) -> str:
    """The article list's query string as the app writes it: category, tag, then a page number past the first."""
    pairs = [("category", category), ("tag", tag), ("page", str(page_number) if page_number > 1 else "")]
    text = "&".join(f"{name}={quote(value, safe=URI_COMPONENT_SAFE)}" for name, value in pairs if value)
    return f"?{text}" if text else ""


def articles_page(request: HttpRequest, **filters) -> dict:
    """A page of ``/api/v3/articles/`` cards for ``filters``; :class:`ListingNotFound` for unknown filter values."""
    try:
        cards = list_articles(request, ArticleFilters(**filters))
    except ValidationError as error:
        raise ListingNotFound(str(error)) from error
    return as_api_json(ArticleCardPage, cards, request)


def page_payload(request: HttpRequest, site: Site, page: Page) -> PagePayload:
    """The payload of a visible Wagtail page; an article list reads its ``category``, ``tag`` and ``page``.

    A doctor's page lists the doctor's articles, the home page the newest articles.
    """
    route = routed_page(request, page)
    if isinstance(page, BlogIndexPage):
        category = request.GET.get("category", "")
        tag = request.GET.get("tag", "")
        page_number = _page_number(request.GET.get("page", "1"))
        articles = articles_page(
            request,
            category=category or None,
            tag=tag or None,
            limit=ARTICLES_PER_PAGE,
            offset=(page_number - 1) * ARTICLES_PER_PAGE,
        )
        if page_number > 1 and not articles["items"]:
            raise ListingNotFound(f"The list has no page {page_number}.")
        return payload(request, site, route=route, articles=articles, query=listing_query(category, tag, page_number))
    if isinstance(page, DoctorPage):
        try:
            articles = articles_page(request, doctor=page.pk, limit=DOCTOR_ARTICLES)
        except ListingNotFound:
            # A doctor's page behind a password the visitor passed: the public list knows no such doctor.
            articles = {"count": 0, "limit": DOCTOR_ARTICLES, "offset": 0, "items": []}
        return payload(request, site, route=route, articles=articles)
    if isinstance(page, HomePage):
        return payload(request, site, route=route, articles=articles_page(request, limit=HOME_LATEST_ARTICLES))
    return payload(request, site, route=route)


def _page_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1 or len(text) > 6:
        raise ListingNotFound(f"“{text[:20]}” is not a page number.")
    return int(text)


def search_payload(request: HttpRequest, site: Site, words: str) -> PagePayload:
    """The search page's payload: the ``/api/v3/search/`` results for ``words`` (none without words)."""
    results = None
    if words:
        results = as_api_json(SearchResults, search(request, SearchQuery(q=words)), request)
    return payload(request, site, search=results, query=f"?{urlencode({'q': words})}" if words else "")
