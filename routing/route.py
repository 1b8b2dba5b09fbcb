"""Route resolution: ``GET /api/v3/route/?path=/articles/<slug>/``.

The frontend (and the server-rendered head) asks “what is at this path?” and
gets, in one call, the page in the same shape as ``/api/v3/pages/{id}/``, or
the target and status of a Wagtail redirect, or a 404 problem response.
Pages win over redirects, as in Wagtail's ``RedirectMiddleware``. What is
visible is decided by :mod:`home.visibility`: a hidden page is a 404, and so is
a redirect to a hidden page (its address is not given away).
"""

import re
from typing import Literal

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from pydantic import field_validator
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

from content_cache.copy_dependencies import answer_is_one_page
from home.api_auth import TOKEN_OR_ANONYMOUS
from home.api_output import as_api_json
from home.api_shapes import PageHead
from home.booking import BookingLinks, booking_links, page_doctor
from home.models import SiteSettings
from home.page_head import page_head
from home.site_roots import site_root_paths, site_settings_of
from home.visibility import request_site, visible_on_their_sites, visible_pages
from routing.prefetch import fetch_specific, page_with_ancestors, prefetch_for_api

router = Router(tags=["route"])

MAX_PATH_LENGTH = 1000
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# A path from “/”, without control characters, backslashes, query string or fragment.
PATH_PATTERN = r"^/[^\x00-\x1f\x7f\\?#]*$"


class RouteQuery(Schema):
    """The path to resolve, as the browser shows it (query string not included)."""

    path: str = Field(
        ...,
        min_length=1,
        max_length=MAX_PATH_LENGTH,
        description="e.g. /articles/my-article/",
        # Documents the validator's rules (all but the one on “.” and “..” segments); its messages stay.
        json_schema_extra={"pattern": PATH_PATTERN},
    )

    @field_validator("path")
    @classmethod
    def validate_path(cls, value: str) -> str:
        if not value.startswith("/"):
            raise ValueError("The path must start with “/”.")
        if _CONTROL_CHARACTERS.search(value) or "\\" in value:
            raise ValueError("The path must not contain control characters or backslashes.")
        if any(segment in {".", ".."} for segment in value.split("/")):
            raise ValueError("The path must not contain “.” or “..” segments.")
        if "?" in value or "#" in value:
            raise ValueError("Send the path only, without a query string or fragment.")
        return value


class RedirectTarget(Schema):
    """Where a Wagtail redirect sends the reader."""

    location: str = Field(description="A path on this site (e.g. /articles/new-slug/) or an absolute URL.")
    status: Literal[301, 302]


class RoutedPage(Schema):
    """The path is a page: the same body as ``GET /api/v3/pages/{id}/``, and its booking links."""

    kind: Literal["page"] = "page"
    page: PageDetailSchema  # ty: ignore[invalid-type-form]
    head: PageHead = Field(description="The page's head (also in ``page.head`` for the page types that declare it).")
    booking: BookingLinks = Field(
        description="The call-to-action links on this page: its doctor's contacts (a doctor's page, an article's "
        "author) where they set them, else the practice's."
    )


def routed_page(request: HttpRequest, page) -> dict:
    """The ``kind: "page"`` answer for ``page``, as JSON data (the server-rendered frontend inlines it)."""
    return as_api_json(RoutedPage, routed_page_data(request, page), request)


def routed_page_data(request: HttpRequest, page) -> dict:
    """The ``kind: "page"`` answer's parts for ninja to validate: the page, its head and its booking links."""
    settings = _request_site_settings(request, page)
    return {
        "kind": "page",
        "page": page,
        "head": page_head(page),
        "booking": booking_links(settings, page, page_doctor(page)),
    }


def _request_site_settings(request: HttpRequest, page) -> SiteSettings:
    """The request's site settings; those fetched with ``page`` when it is on the request's site (no query).

    They are kept where Wagtail keeps a request's settings, so the site shell of the same request reads them too.
    """
    cache_attribute = SiteSettings.get_cache_attr_name()
    fetched = site_settings_of(page) if hasattr(page, "prefetched_site_settings") else None
    site = request_site(request)
    if (
        not hasattr(request, cache_attribute)
        and fetched is not None
        and site is not None
        and fetched.site_id == site.pk
    ):
        setattr(request, cache_attribute, fetched)
    return SiteSettings.for_request(request)


class RoutedRedirect(Schema):
    """The path is a redirect."""

    kind: Literal["redirect"] = "redirect"
    redirect: RedirectTarget


def find_public_page(request: HttpRequest, path: str):
    """The page at ``path`` on the requested site when a visitor may see it (:mod:`home.visibility`), else ``None``.

    Found by its URL path (the slugs from the site's root page in the active
    language, as ``Page.route`` walks them) in one query, then fetched with
    everything its answer shows (``routing.prefetch``).
    """
    site = request_site(request)
    if site is None:
        return None
    root = site.root_page
    # The language of the site's root from Wagtail's cached root paths: no query when it is the active one.
    root_language = next((r.language_code for r in site_root_paths() if r.root_path == root.url_path), None)
    if root_language != translation.get_language():
        root = root.localized
    components = [component for component in path.split("/") if component]
    url_path = root.url_path + "".join(f"{component}/" for component in components)
    visible = visible_pages(site).select_related("content_type")
    ancestor_paths = [
        "/" + "".join(f"{part}/" for part in url_path.strip("/").split("/")[:end])
        for end in range(url_path.count("/") - 1)
    ]
    page = page_with_ancestors(
        visible, Q(url_path=url_path), lambda row: row.url_path == url_path, Q(url_path__in=ancestor_paths)
    )
    return prefetch_for_api([fetch_specific(page)])[0] if page is not None else None


def leading_to_visible_pages(redirects: QuerySet[Redirect]) -> QuerySet[Redirect]:
    """The redirects that lead to an address or to a page a visitor may see (on its own site, which may be another)."""
    return redirects.filter(Q(redirect_page__isnull=True) | Q(redirect_page__in=visible_on_their_sites().values("pk")))


def find_redirect(request: HttpRequest, path: str) -> Redirect | None:
    """The editors' redirect for ``path``, unless it leads to a page a visitor may not see."""
    redirect = get_redirect(request, Redirect.normalise_path(path, decode_unicode=False))
    if redirect is None or not leading_to_visible_pages(Redirect.objects.filter(pk=redirect.pk)).exists():
        return None
    return redirect


@router.get(
    "/",
    response={200: RoutedPage | RoutedRedirect, 404: ProblemDetail, 422: ProblemDetail},
    url_name="route",
    summary="Resolve a path to a page or a redirect",
    operation_id="route_resolve",
    auth=TOKEN_OR_ANONYMOUS,
)
def resolve_route(request: HttpRequest, query: RouteQuery = Query(...)):  # ty: ignore[call-non-callable]
    """What is at ``path`` on this site: a page (``kind: "page"``), a redirect (``kind: "redirect"``) or a 404.

    Pages a visitor may not see (drafts, private, expired, scheduled) are 404, like
    missing ones, and so is a redirect to one of them.
    """
    page = find_public_page(request, query.path)
    if page is not None:
        answer_is_one_page(page)
        # Validated by ninja with the request in context, as the page detail endpoint is.
        return routed_page_data(request, page)
    redirect = find_redirect(request, query.path)
    if redirect is not None:
        return {
            "kind": "redirect",
            "redirect": RedirectTarget(location=redirect.link, status=301 if redirect.is_permanent else 302),
        }
    raise Http404(f"Nothing is published at {query.path}.")
