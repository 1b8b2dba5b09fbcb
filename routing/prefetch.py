"""Pages fetched with everything their API representation shows, in a number of queries that does not grow.

A page's ``api_fields`` read its images (and their renditions), its author's
and reviewer's photos, its categories, its inline items (references, a
doctor's specialties and consultation hours…), its breadcrumbs, its related
articles and its share image. Read one by one, each is a query, and in a
listing each is a query per page. Here:

- :func:`with_api_relations` joins the foreign keys a page type's
  ``api_fields`` show (and a doctor's photo behind them) and prefetches its
  many-to-many fields and inline items, so the specific rows come in one
  query plus one per relation, whatever the number of pages;
- :func:`prefetch_for_api` then completes already-fetched pages: related
  articles of all of them in one query (:mod:`blog.related_articles`), inline
  lists of the same columns (a doctor's specialties, conditions, procedures,
  languages and memberships) in one ``UNION ALL`` query, the
  images of their StreamField image blocks (one query per field), the
  renditions of every image shown (one query), and their ancestors (for the
  breadcrumbs and ``meta.parent``) with the pages their bodies link to (one query), and whether
  the share images drawn for pages without an image are stored (one cache read).

Both APIs use them: Wagtail API v2's page listing and detail
(``cms/api/v2.py``), API v3's page detail (:func:`install`) and route
lookup (``routing/route.py``).
"""

from functools import wraps

from django.db.models import CharField, Prefetch, Q, Subquery, Value, prefetch_related_objects
from django.db.models.functions import Substr
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from blog.related_articles import prefetch_related_articles
from home.models import SiteSettings
from home.rich_text_links import linked_page_ids
from home.share_image import note_stored_cards
from home.site_roots import site_root_path
from home.visibility import visible_references
from upstream_internals import is_v3_page_detail_view, set_cached_parent, set_prefetched

from .pages_visibility import pages_queryset

# The attribute of a related page whose image is shown with it (a doctor's photo in a byline).
SHOWN_IMAGE_OF_RELATED_PAGE = "photo"


def _api_fields(model) -> dict[str, APIField]:
    return {field.name: field for field in APIField.get_fields_for_model(model)}


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def with_api_relations(queryset):
    """Join the foreign keys ``queryset``'s model shows through ``api_fields``; prefetch its lists.

    Foreign keys (images, a doctor and the doctor's photo) are joined; many-to-many
    fields are prefetched; inline items declared without a custom serializer are
    prefetched with the foreign keys *they* show (e.g. a consultation hour's clinic).
    Fields with a custom serializer that runs its own query (featured items) are left to it.
    """
    model = queryset.model
    fields = _api_fields(model)
    select = ["locale"] if issubclass(model, Page) else []
    prefetch: list = []
    for field in model._meta.get_fields():
        if field.name not in fields or not field.is_relation:
            continue
        related = field.related_model
        if field.many_to_one:
            select.append(field.name)
            if not issubclass(related, AbstractImage) and _has_field(related, SHOWN_IMAGE_OF_RELATED_PAGE):
                select.append(f"{field.name}__{SHOWN_IMAGE_OF_RELATED_PAGE}")
        elif field.many_to_many:
            prefetch.append(field.name)
        elif field.one_to_many and fields[field.name].serializer is None:
            if field.name in _alike_inline_lists(model):
                continue  # read together by prefetch_for_api
            shown = _api_fields(related)
            nested = [f.name for f in related._meta.get_fields() if f.many_to_one and f.name in shown]
            # The model's order, then id: rows never sorted (sort_order left empty) keep the order they were added in.
            items = related._default_manager.order_by(*related._meta.ordering, "pk")
            # (select_related() without names would join every foreign key.)
            prefetch.append(Prefetch(field.name, queryset=items.select_related(*nested) if nested else items))
    return queryset.select_related(*select).prefetch_related(*prefetch)


def _inline_lists(model) -> list:
    """The inline lists (reverse foreign keys) ``model`` shows through ``api_fields`` without a custom serializer."""
    fields = _api_fields(model)
    return [
        field
        for field in model._meta.get_fields()
        if field.one_to_many and field.name in fields and fields[field.name].serializer is None
    ]


def _columns(relation) -> tuple[str, ...]:
    return tuple(field.attname for field in relation.related_model._meta.concrete_fields)


def _alike_inline_lists(model) -> dict[str, object]:
    """``model``'s inline lists that share their columns with another (a doctor's specialties, languages…).

    They are read together, in one ``UNION ALL`` query (:func:`_prefetch_alike_inline_lists`).
    """
    relations = _inline_lists(model)
    return {
        relation.name: relation
        for relation in relations
        if sum(_columns(other) == _columns(relation) for other in relations) > 1
    }


def _list_order(item) -> tuple:
    # sort_order (empty ones last, as PostgreSQL sorts NULL), then id.
    order = getattr(item, "sort_order", None)
    return (order is None, order or 0, item.pk)


def _prefetch_alike_inline_lists(pages: list) -> None:
    """Fill the prefetch cache of the alike inline lists of ``pages``: one query per group of alike lists.

    Items are ordered by ``sort_order``, then id, as the other inline lists are.
    """
    for model in {type(page) for page in pages}:
        relations = list(_alike_inline_lists(model).values())
        if not relations:
            continue
        same_model = [page for page in pages if type(page) is model]
        groups: dict[tuple, list] = {}
        for relation in relations:
            groups.setdefault(_columns(relation), []).append(relation)
        for columns, group in groups.items():
            parts = [
                relation.related_model._default_manager.filter(**{f"{relation.field.attname}__in": same_model})
                .annotate(relation_name=Value(relation.name, output_field=CharField()))
                .order_by()
                .values_list("relation_name", *columns)
                for relation in group
            ]
            rows: dict[tuple[str, object], list] = {}
            for relation_name, *values in parts[0].union(*parts[1:], all=True):
                relation = next(r for r in group if r.name == relation_name)
                item = relation.related_model(**dict(zip(columns, values, strict=True)))
                rows.setdefault((relation_name, getattr(item, relation.field.attname)), []).append(item)
            for page in same_model:
                for relation in group:
                    items = sorted(rows.get((relation.name, page.pk), []), key=_list_order)
                    # What Django's prefetch_related leaves: the relation's queryset, already evaluated.
                    queryset = relation.related_model._default_manager.filter(**{relation.field.name: page})
                    set_prefetched(page, relation.cache_name, queryset, items)


def fetch_specific(page: Page) -> Page:
    """``page`` as its specific type, with :func:`with_api_relations` (one query per relation)."""
    model = page.specific_class or Page
    specific = with_api_relations(model._default_manager.all()).get(pk=page.pk)
    if hasattr(page, "prefetched_ancestors"):
        attach_ancestors(specific, page.prefetched_ancestors)
    return specific


def _streams(page) -> list:
    return [getattr(page, field.name) for field in page._meta.get_fields() if isinstance(field, StreamField)]


def _stream_images(page) -> list:
    """The images chosen in ``page``'s StreamField blocks (top-level blocks and their struct values)."""
    images = []
    for stream in _streams(page):
        for child in stream:
            values = child.value.values() if hasattr(child.value, "values") else [child.value]
            images.extend(value for value in values if isinstance(value, AbstractImage))
    return images


def _shown_images(page) -> list:
    """Every image a page's API representation shows: its own, related pages' photos, related articles' heroes."""
    images = []
    for field in page._meta.get_fields():
        if not field.many_to_one or not field.is_cached(page):
            continue
        value = getattr(page, field.name)
        if isinstance(value, AbstractImage):
            images.append(value)
        elif value is not None:
            photo = getattr(value, SHOWN_IMAGE_OF_RELATED_PAGE, None)
            if isinstance(photo, AbstractImage):
                images.append(photo)
    for article in getattr(page, "prefetched_related_articles", []):
        if article.hero_image is not None:
            images.append(article.hero_image)
    return images + _stream_images(page)


# The foreign keys to doctors that API answers name (an article's byline).
DOCTOR_FIELDS = ("author", "reviewer")


def _attach_site_settings(pages: list) -> list:
    """Set the site settings on pages with a head (its title names the site) or contacts (one query for all).

    Returns the settings' default social images, whose renditions are then prefetched with the others.
    """
    needing = {
        page: site_root_path(page)
        for page in pages
        if "contacts" in _api_fields(type(page)) or "head" in _api_fields(type(page))
    }
    site_ids = {root.site_id for root in needing.values() if root is not None}
    if not site_ids:
        return []
    by_site = {
        settings.site_id: settings
        for settings in SiteSettings.objects.select_related("site", "default_social_image").filter(site_id__in=site_ids)
    }
    for page, root in needing.items():
        page.prefetched_site_settings = by_site.get(root.site_id) if root is not None else None
    return [settings.default_social_image for settings in by_site.values() if settings.default_social_image]


def _ancestor_ends(page) -> range:
    # treebeard's materialised path: each ancestor's path is a prefix of steplen characters more.
    return range(Page.steplen, len(page.path), Page.steplen)


def attach_ancestors(page, ancestors: list) -> None:
    """Give ``page`` its ancestors (root first), read by the breadcrumbs and ``meta.parent``."""
    page.prefetched_ancestors = ancestors
    if ancestors:
        set_cached_parent(page, ancestors[-1])  # meta.parent is then free


def page_with_ancestors(visible, target: Q, is_target, ancestors: Q) -> Page | None:
    """The page of ``visible`` matching ``target`` (``is_target`` tells its row), with its ``ancestors``: one query.

    Ancestors are read whatever their visibility (breadcrumbs name them all, as before).
    """
    rows = list(visible.filter(target) | Page.objects.filter(ancestors))
    page = next((row for row in rows if is_target(row)), None)
    if page is not None:
        attach_ancestors(page, sorted((row for row in rows if row is not page), key=lambda row: row.path))
    return page


def _attach_ancestors_and_links(pages: list) -> None:
    """Set each page's ancestors and parent, and the pages its StreamField rich text links to: one query.

    Ancestors (root first) give the breadcrumbs and ``meta.parent``; linked pages
    give the links' URLs (``home/rich_text_links.py``).
    """
    without_ancestors = [page for page in pages if not hasattr(page, "prefetched_ancestors")]
    paths = {page.path[:end] for page in without_ancestors for end in _ancestor_ends(page)}
    links = [(stream, linked_page_ids(list(stream.raw_data))) for page in pages for stream in _streams(page)]
    link_ids = set().union(*(ids for _, ids in links))
    if not (paths or link_ids):
        return
    rows = list(Page.objects.filter(Q(path__in=paths) | Q(pk__in=link_ids)).select_related("locale"))
    by_path = {row.path: row for row in rows}
    by_id = {str(row.pk): row for row in rows}
    for page in without_ancestors:
        attach_ancestors(page, [by_path[page.path[:end]] for end in _ancestor_ends(page)])
    for stream, ids in links:
        stream.prefetched_linked_pages = {link_id: by_id[link_id] for link_id in ids if link_id in by_id}


def prefetch_for_api(pages: list) -> list:
    """Complete specific ``pages`` (fetched with :func:`with_api_relations`) for their API representation.

    Related articles, StreamField images, renditions of every image shown, and
    ancestors with linked pages, each in one query for all ``pages``; whether the drawn share
    images are stored, in one cache read.
    """
    if not pages:
        return pages
    prefetch_related_articles(pages)
    _prefetch_alike_inline_lists(pages)
    images = [image for page in pages for image in _shown_images(page)]
    images += _attach_site_settings(pages)
    if images:
        prefetch_related_objects(images, "renditions")
    _attach_ancestors_and_links(pages)
    _check_referenced_doctors(pages)
    note_stored_cards([page for page in pages if "head" in _api_fields(type(page))])
    return pages


def _check_referenced_doctors(pages: list) -> None:
    """Whether visitors may see the doctors the pages name (authors, reviewers): one query for all.

    Each doctor remembers the answer (:mod:`home.visibility`), so the bylines, booking links and
    JSON-LD that name them ask nothing more.
    """
    doctors = [getattr(page, name, None) for page in pages for name in DOCTOR_FIELDS if name in _api_fields(type(page))]
    if any(doctors):
        visible_references(doctors, referrer=pages[0])


# Deeper than any page of the site: the page tree is root, home, a section, its pages (and perhaps one level more).
MAX_ANCESTORS = 8


def _ancestors_of(page_id: int) -> Q:
    """The strict ancestors of the page ``page_id``: the pages whose paths begin its own path (treebeard's).

    Written as path equalities (one per level, from the page's path read in the same query) so that
    PostgreSQL reads them from the path index; a condition on each page's own path made it test every
    page of the site (50,000 articles: a second).
    """
    target = Page.objects.filter(pk=page_id)
    path = Subquery(target.values("path")[:1])
    levels = Q()
    for depth in range(1, MAX_ANCESTORS + 1):
        levels |= Q(path=Substr(path, 1, depth * Page.steplen))
    return levels & Q(depth__lt=Subquery(target.values("depth")[:1]))


def detail_with_relations(view):
    """Wagtail's page detail (``GET /api/v3/pages/{id}/``) for the live version, fetched with :func:`prefetch_for_api`.

    The same lookup as Wagtail's view (``routing.pages_visibility.pages_queryset``: the visibility rule for
    visitors, Wagtail's for a token), then the
    specific page with its relations; drafts (``version=draft`` with a token) go to Wagtail's view.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if kwargs.get("version") == "draft" and request.user.is_authenticated:
            return view(request, *args, **kwargs)
        page_id = kwargs["page_id"]
        visible = pages_queryset(request)
        if request.user.is_authenticated:
            page = get_object_or_404(visible, pk=page_id)
        else:
            page = page_with_ancestors(visible, Q(pk=page_id), lambda row: row.pk == page_id, _ancestors_of(page_id))
            if page is None:
                raise Http404(f"No {Page._meta.object_name} matches the given query.")
        return prefetch_for_api([fetch_specific(page)])[0]

    return wrapper


def install(api: NinjaAPI) -> None:
    """Serve Wagtail's page detail operation through :func:`detail_with_relations`."""

    def decorate(view):
        if is_v3_page_detail_view(view):
            return detail_with_relations(view)
        return view

    api.add_decorator(decorate, mode="operation")
