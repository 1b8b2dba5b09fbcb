"""Wagtail's page APIs (v3 and v2) answer anonymous requests with the project's visibility rule.

Pinned to Wagtail 8.0.1. Wagtail's public page queryset
(``wagtail.api.querysets.get_public_pages_queryset``) hides a restricted page
only when ``PageViewRestriction.accept_request(request)`` refuses it, so a
visitor whose session passed a page's password, or a signed-in staff member on
API v2, got restricted pages, and past ``expire_at`` a page stayed listed until
``publish_scheduled`` ran. Public answers must not depend on who asks (they are
also cached and served to everyone), so anonymous API reads go through
:mod:`home.visibility` instead.

- API v3: Wagtail's pages router (``wagtail/api/v3/routers/pages.py``: list,
  detail, find and the ``child_of``/``descendant_of``/``ancestor_of`` filters)
  reads its queryset from the name ``get_pages_queryset`` it imported from
  ``wagtail.api.v3.querysets``. :func:`install` replaces that one name in that
  module with :func:`pages_queryset`, which keeps Wagtail's behaviour for a
  request authenticated with a bearer token (staff tools may read drafts and
  restricted pages) and applies the rule to every other request. Wagtail's
  router offers no hook for this; when Wagtail is upgraded, check that the
  router still calls ``get_pages_queryset`` (``install`` refuses to start if the
  name is gone, and ``tests/api/test_visibility_rule.py`` checks the replacement
  is in place and used).
- API v2: ``cms/api/v2.py`` uses :func:`public_pages_queryset` as the viewset's
  base queryset (a documented override point, nothing replaced).

The site is the request's, or the one named by the APIs' ``?site=`` filter.
"""

from http import HTTPStatus

from django.db.models import Model
from django.http import HttpRequest
from ninja.errors import HttpError
from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import APIToken, Page
from wagtail.query import PageQuerySet

from home.visibility import visible_pages
from upstream_internals import replace_v3_pages_queryset

wagtail_pages_queryset = wagtail_querysets.get_pages_queryset


def public_pages_queryset(request: HttpRequest, model: type[Model] = Page) -> PageQuerySet:
    """The pages an anonymous visitor may see on the request's site (or the ``?site=`` one).

    Raises ``ValueError`` when ``?site=`` names more than one site, as Wagtail's own queryset does.
    """
    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    return visible_pages(site, model)


def pages_queryset(request: HttpRequest, model: type[Model] = Page) -> PageQuerySet:
    """API v3's page queryset: Wagtail's for a bearer-token request, the visibility rule for everyone else."""
    if isinstance(getattr(request, "auth", None), APIToken):
        return wagtail_pages_queryset(request, model)
    try:
        queryset = public_pages_queryset(request, model)
    except ValueError as error:  # ?site= matched several sites
        raise HttpError(HTTPStatus.BAD_REQUEST, str(error)) from error
    return queryset.select_related("content_type", "locale").order_by("pk")


def install() -> None:
    """Make Wagtail's v3 pages router read :func:`pages_queryset` (refuses if the router no longer uses the name)."""
    replace_v3_pages_queryset(pages_queryset)
