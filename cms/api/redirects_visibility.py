"""Wagtail's ``/api/v3/redirects/`` names only the redirects a visitor may follow (:mod:`home.visibility`).

Wagtail 8's v3 redirects router answers anonymous reads from every redirect; one that leads to a page a
visitor may not see (a draft, a private or expired page) would give that page's address away. So, as in
the route API and API v2 (:func:`routing.route.leading_to_visible_pages`), without a bearer token
the list holds only redirects to an address or to a visible page, and the detail and ``find`` of any
other answer ``404``. A token's holder (staff tools) reads every redirect, as in Wagtail.
"""

import inspect
from functools import wraps

from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query
from ninja.pagination import paginate
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas.params import OrderingSchema
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import APIToken

from routing.route import leading_to_visible_pages
from upstream_internals import v3_redirects_view_name


def holds_token(request: HttpRequest) -> bool:
    """Whether the request was authenticated by a bearer token (staff tools), not an anonymous visitor."""
    return isinstance(getattr(request, "auth", None), APIToken)


def is_followable(redirect: Redirect) -> bool:
    """Whether a visitor may follow ``redirect``: to an address, or to a page they may see."""
    return leading_to_visible_pages(Redirect.objects.filter(pk=redirect.pk)).exists()


def visible_list(list_redirects):
    """Wagtail's list of redirects, less those a visitor may not follow unless a token is held."""
    unpaginated = inspect.unwrap(list_redirects)  # returns the queryset, before pagination

    @paginate(WagtailLimitOffsetPagination, pass_parameter="pagination_info")  # noqa: S106 (not a password)
    def list_visible_redirects(request: HttpRequest, ordering: OrderingSchema = Query(...), **kwargs):  # ty: ignore[call-non-callable]
        queryset = unpaginated(request, ordering=ordering, **kwargs)
        return queryset if holds_token(request) else leading_to_visible_pages(queryset)

    return list_visible_redirects


def requested_redirect(request: HttpRequest, kwargs: dict) -> Redirect | None:
    """The redirect a detail or ``find`` request names, found as Wagtail's views find it."""
    if "redirect_id" in kwargs:
        return Redirect.objects.filter(pk=kwargs["redirect_id"]).first()
    found = get_redirect(request, kwargs["html_path"]) if kwargs.get("html_path") else None
    if found is None and kwargs.get("id"):
        found = Redirect.objects.filter(pk=kwargs["id"]).first()
    return found


def followable_only(view):
    """Answer ``404``, as for a missing redirect, when a visitor asks for one they may not follow."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not holds_token(request):
            redirect = requested_redirect(request, kwargs)
            if redirect is not None and not is_followable(redirect):
                raise Http404(f"No {Redirect._meta.object_name} matches the given query.")
        return view(request, *args, **kwargs)

    return wrapper


def only_followable_redirects(view):
    """The decorator for every operation: acts on Wagtail's redirect reads, returns any other ``view`` as it is."""
    name = v3_redirects_view_name(view)
    if name == "list_redirects":
        return visible_list(view)
    if name in ("get_redirect_detail", "find_redirect"):
        return followable_only(view)
    return view


def install(api: NinjaAPI) -> None:
    """Apply :func:`only_followable_redirects`; before the offset guard, which wraps the list it makes."""
    api.add_decorator(only_followable_redirects, mode="operation")
