"""Who may see what: the one rule deciding which pages an anonymous visitor may see.

A page is *visible* on a site when all of these hold:

- it is **live** (Wagtail's ``live``: a published version exists);
- it is **not expired**: ``expire_at`` is unset or still ahead. A page past its
  ``expire_at`` is hidden at once, before ``publish_scheduled`` gets round to
  unpublishing it;
- it is **not scheduled**: a page whose go-live time is still ahead and that has
  no published version yet is hidden. Wagtail 8 publishes a *new revision* of an
  already-live page with a future go-live time by writing that time to the
  revision (``approved_go_live_at``) and leaving the page row — ``live``,
  ``go_live_at``, ``expire_at`` and content — as it is
  (``wagtail/actions/publish_revision.py``), so such a page stays visible with
  its current version until ``publish_scheduled`` publishes the new one; a page
  scheduled before its first publication has ``live=False``. A live page that
  has a published revision (``live_revision``) is therefore never treated as
  scheduled, whatever its row's ``go_live_at`` says;
- **no view restriction** of any kind (password, login, groups) is set on it or
  on an ancestor. On public surfaces it does not matter who asks: a session that
  passed a page's password, or a signed-in staff member, sees what anyone sees
  (staff see restricted pages in the admin, its preview, or the API with a
  bearer token);
- it is **inside the site**: under the site's root page or one of its
  translations. A request's site is the site it was made to; a page referenced by
  another page (an author, a featured or related article) is judged on the
  referring page's site.

Every public surface (HTML, APIs, lists, search, menus, featured items,
authors and reviewers, sitemap, feeds, share images) asks this module and
nothing else. Anything not visible is left out, never an error.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from .site_roots import site_root_paths

P = TypeVar("P", bound=Page)


def _site_root_url_paths(site_id: int) -> list[str]:
    """The ``url_path`` of the site's root page and of its translations (Wagtail's site root paths)."""
    return [root.root_path for root in site_root_paths() if root.site_id == site_id]


def _site_id_of(page: Page) -> int | None:
    """The id of the site a page belongs to: the deepest site root above it (Wagtail's site root paths)."""
    for root in site_root_paths():  # deepest root first
        if page.url_path.startswith(root.root_path):
            return root.site_id
    return None


def _within(root_url_paths: Iterable[str]) -> Q:
    scope = Q(pk__in=[])
    for root_url_path in root_url_paths:
        scope |= Q(url_path__startswith=root_url_path)
    return scope


def _published_in(queryset: PageQuerySet, root_url_paths: Iterable[str]) -> PageQuerySet:
    """Every part of the rule but the view restrictions: live, not expired, not scheduled, inside the site."""
    now = timezone.now()
    return (
        queryset.filter(live=True)
        .filter(_within(root_url_paths))
        .exclude(expire_at__lte=now)
        .exclude(go_live_at__gt=now, live_revision__isnull=True)
    )


def _visible_in(queryset: PageQuerySet, root_url_paths: Iterable[str]) -> PageQuerySet:
    # A restriction on the page itself or on any ancestor: the restricted page's tree path is a prefix of ours.
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return _published_in(queryset, root_url_paths).exclude(Exists(restricted))


def visible_pages(site: Site | None, model: type[P] = Page) -> PageQuerySet:
    """The pages of ``model`` an anonymous visitor may see on ``site`` (none without a site).

    A lazy queryset: the rule costs no query of its own.
    """
    return _visible_on_site(model, site.pk if site is not None else None)


def _visible_on_site(model: type[P], site_id: int | None) -> PageQuerySet:
    queryset = model._default_manager.all()
    if site_id is None:
        return queryset.none()
    return _visible_in(queryset, _site_root_url_paths(site_id))


def next_visibility_change(site: Site | None, model: type[Page] = Page) -> datetime | None:
    """When the passage of time alone next changes which pages of ``model`` are visible on ``site``.

    That is the earliest ``expire_at`` ahead among its live pages (one hides), or the earliest
    ``go_live_at`` ahead among those shown only from then on (one appears); ``None`` when no such time
    is set. Anything counted from :func:`visible_pages` stays exact until then, or until content changes.
    Two queries, each reading the first entry of a partial index (``home.0007``).
    """
    if site is None:
        return None
    now = timezone.now()
    pages = (Page.objects.all() if model is Page else Page.objects.type(model)).filter(live=True)
    pages = pages.filter(_within(_site_root_url_paths(site.pk)))
    hides = pages.filter(expire_at__gt=now).order_by("expire_at").values_list("expire_at", flat=True).first()
    appears = (
        pages.filter(go_live_at__gt=now, live_revision__isnull=True)
        .order_by("go_live_at")
        .values_list("go_live_at", flat=True)
        .first()
    )
    return min((time for time in (hides, appears) if time is not None), default=None)


def is_published_behind_restrictions(page: Page, site: Site) -> bool:
    """Whether ``page`` would be visible on ``site`` but for view restrictions (one query).

    The public site answers such a page as Wagtail does (its password form, or a 403),
    anything else unpublished as missing.
    """
    return _published_in(Page.objects.filter(pk=page.pk), _site_root_url_paths(site.pk)).exists()


def is_visible(page: Page | None, site: Site | None) -> bool:
    """Whether an anonymous visitor may see ``page`` on ``site`` (one query)."""
    return page is not None and visible_pages(site).filter(pk=page.pk).exists()


def request_site(request: HttpRequest) -> Site | None:
    """The site a request was made to (Wagtail's hostname and port matching), ``None`` if no site is configured."""
    return Site.find_for_request(request)


def keep_visible(pages: Iterable[P | None], site: Site | None) -> list[P]:
    """The pages of ``pages`` visible on ``site``, in their order; one query for all of them."""
    return _keep_visible_on_site(pages, site.pk if site is not None else None)


def visible_on_their_sites(model: type[P] = Page) -> PageQuerySet:
    """The pages of ``model`` a visitor may see on the site each belongs to (e.g. redirect targets on any site)."""
    return _visible_in(model._default_manager.all(), [root.root_path for root in site_root_paths()])


def visible_beside(referrer: Page, model: type[P] = Page) -> PageQuerySet:
    """The pages of ``model`` visible on ``referrer``'s site (e.g. an article's related articles)."""
    return _visible_on_site(model, _site_id_of(referrer))


def visible_references(pages: Iterable[P | None], referrer: Page) -> list[P]:
    """The pages of ``pages`` visible on ``referrer``'s site, in their order; one query for all of them."""
    return _keep_visible_on_site(pages, _site_id_of(referrer))


def visible_reference(page: P | None, referrer: Page) -> P | None:
    """``page`` when it is visible on ``referrer``'s site, else ``None`` (e.g. an article's author)."""
    kept = visible_references([page], referrer)
    return kept[0] if kept else None


# Where a page instance remembers the answer for one site, so a page checked once in a request (e.g. an
# article's author, by its byline, its booking links and its JSON-LD) costs no second query.
VISIBILITY_ANSWER = "_visible_on_site"


def _keep_visible_on_site(pages: Iterable[P | None], site_id: int | None) -> list[P]:
    candidates = [page for page in pages if page is not None]
    unknown = [page for page in candidates if getattr(page, VISIBILITY_ANSWER, (None,))[0] != site_id]
    if unknown:
        visible = _visible_on_site(Page, site_id).filter(pk__in=[page.pk for page in unknown])
        visible_ids = set(visible.values_list("pk", flat=True))
        for page in unknown:
            setattr(page, VISIBILITY_ANSWER, (site_id, page.pk in visible_ids))
    return [page for page in candidates if getattr(page, VISIBILITY_ANSWER) == (site_id, True)]
