"""Route resolution: ``GET /api/v3/route/?path=/articles/<slug>/``.

The frontend (and the server-rendered head) asks “what is at this path?” and
gets, in one call, the page in the same shape as ``/api/v3/pages/{id}/``, or
the target and status of a Wagtail redirect, or a 404 problem response.
Pages win over redirects, as in Wagtail's ``RedirectMiddleware``.
"""

import re
from typing import Literal

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import timezone, translation
from ninja import Field, Query, Router, Schema
from pydantic import field_validator
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from cms.api_prefetch import fetch_specific, page_with_ancestors, prefetch_for_api

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
    """The path is a page: the same body as ``GET /api/v3/pages/{id}/``."""

    kind: Literal["page"] = "page"
    page: PageDetailSchema  # ty: ignore[invalid-type-form]


class RoutedRedirect(Schema):
    """The path is a redirect."""

    kind: Literal["redirect"] = "redirect"
    redirect: RedirectTarget


def find_public_page(request: HttpRequest, path: str):
    """The live, public, unexpired page of the requested site at ``path``, or ``None``.

    Found by its URL path (the slugs from the site's root page in the active
    language, as ``Page.route`` walks them) in one query, then fetched with
    everything its answer shows (``cms.api_prefetch``).
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    # The language of the site's root from Wagtail's cached root paths: no query when it is the active one.
    root_language = next((r.language_code for r in Site.get_site_root_paths() if r.root_path == root.url_path), None)
    if root_language != translation.get_language():
        root = root.localized
    components = [component for component in path.split("/") if component]
    url_path = root.url_path + "".join(f"{component}/" for component in components)
    visible = get_public_pages_queryset(request).exclude(expire_at__lte=timezone.now()).select_related("content_type")
    ancestor_paths = [
        "/" + "".join(f"{part}/" for part in url_path.strip("/").split("/")[:end])
        for end in range(url_path.count("/") - 1)
    ]
    page = page_with_ancestors(
        visible, Q(url_path=url_path), lambda row: row.url_path == url_path, Q(url_path__in=ancestor_paths)
    )
    return prefetch_for_api([fetch_specific(page)])[0] if page is not None else None


@router.get(
    "/",
    response={200: RoutedPage | RoutedRedirect, 404: ProblemDetail, 422: ProblemDetail},
    url_name="route",
    summary="Resolve a path to a page or a redirect",
    operation_id="route_resolve",
)
def resolve_route(request: HttpRequest, query: RouteQuery = Query(...)):  # ty: ignore[call-non-callable]
    """What is at ``path`` on this site: a page (``kind: "page"``), a redirect (``kind: "redirect"``) or a 404.

    Drafts, private and expired pages are 404, like missing ones.
    """
    page = find_public_page(request, query.path)
    if page is not None:
        # Validated by ninja with the request in context, as the page detail endpoint is.
        return {"kind": "page", "page": page}
    redirect = get_redirect(request, Redirect.normalise_path(query.path, decode_unicode=False))
    if redirect is not None:
        return {
            "kind": "redirect",
            "redirect": RedirectTarget(location=redirect.link, status=301 if redirect.is_permanent else 302),
        }
    raise Http404(f"Nothing is published at {query.path}.")
