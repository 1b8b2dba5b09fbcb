"""Every place the project reaches into a private part of django-ninja, Wagtail or Django, in one module.

Written against the pinned versions: **Wagtail 8.0.1**, **django-ninja 1.7.1**, **Django 5.2.x**
(requirements.txt). Each function below is one reach: it names what it relies on and the public
interface upstream that would let it go. ``tests/api/test_upstream_internals.py`` asserts that each
attribute still exists with the expected shape and that each reach still has its effect, so an upgrade
that breaks one fails there, by name, rather than somewhere in the API.

A package of its own at the bottom of the layers (pyproject.toml): images and cms both use it, and it
imports none of the project's apps.
"""

import contextlib
import inspect
from collections.abc import Callable, Iterable, Iterator

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.db.models import QuerySet
from ninja import NinjaAPI, Router

# --- django-ninja 1.7.1 ---------------------------------------------------------------------------


def mounted_routers(api_or_router: NinjaAPI | Router) -> list[tuple[str, Router]]:
    """The routers added to an API or mounted in a router, as ``(prefix, router)``.

    ninja keeps them in the private ``_routers`` list (``NinjaAPI``: ``(prefix, router)``; ``Router``:
    ``(prefix, router, tags…)``, kept "for backward compatibility" since 1.5). Used to take Wagtail's
    editing operations off before the URLs are built (``cms/api/read_only.py``). Goes when ninja offers
    a public way to list or remove a router's operations.
    """
    return [(entry[0], entry[1]) for entry in api_or_router._routers]


def exception_handler(api: NinjaAPI, exception: type[Exception]) -> Callable:
    """The handler registered for ``exception`` on ``api`` (by Wagtail, for its problem details).

    ninja has ``add_exception_handler`` but no getter: read from the private ``_exception_handlers``.
    Used to wrap Wagtail's validation-error handler (``cms/api/errors.py``). Goes with a public getter.
    """
    return api._exception_handlers[exception]


def wrap_openapi_schema(api: NinjaAPI, correct: Callable[[dict], dict]) -> None:
    """Make ``api.get_openapi_schema`` return ``correct(schema)`` (the document and the docs page read it).

    ninja has no hook to post-process the generated document, so the bound method is replaced on the
    instance; ``get_openapi_schema(path_prefix=…, path_params=…)`` is what the schema view calls.
    Used by ``cms/api/openapi.py``. Goes when ninja lets a subclass or a setting post-process the schema.
    """
    generate = api.get_openapi_schema

    def get_openapi_schema(*args, **kwargs):
        return correct(generate(*args, **kwargs))

    get_openapi_schema.__wrapped__ = generate
    api.get_openapi_schema = get_openapi_schema


PAGINATED_MARK = "_ninja_is_paginated"


def is_paginated(view: Callable) -> bool:
    """Whether ``view`` was wrapped by ninja's ``@paginate`` (it then takes ``ninja_pagination``).

    ``@paginate`` marks its wrapper with the private ``_ninja_is_paginated``. Used so the offset guard
    wraps only paginated operations (``cms/api/pagination.py``). Goes if ninja exposes the paginator.
    """
    return bool(getattr(view, PAGINATED_MARK, False))


# --- Wagtail 8.0.1 --------------------------------------------------------------------------------

PAGES_QUERYSET_NAME = "get_pages_queryset"
PAGE_DETAIL_VIEW = ("wagtail.api.v3.routers.pages", "get_page")


def replace_v3_pages_queryset(replacement: Callable) -> None:
    """Make Wagtail's v3 pages router read its pages from ``replacement(request, model)``.

    The router module calls the module-level name ``get_pages_queryset`` (imported from
    ``wagtail.api.v3.querysets``) for every read; Wagtail 8.0 has no setting or hook for it (v2 had
    ``get_queryset`` on a viewset subclass). Used by ``routing/pages_visibility.py`` so anonymous reads
    follow ``home.visibility``. Refuses, rather than silently doing nothing, if the router no longer
    reads that name. Goes when Wagtail's v3 routers take a queryset hook.
    """
    # Imported when called: the routers import Wagtail's models, and images.models imports this module.
    from wagtail.api.v3 import querysets
    from wagtail.api.v3.routers import pages

    if getattr(pages, PAGES_QUERYSET_NAME, None) not in (querysets.get_pages_queryset, replacement):
        raise RuntimeError(
            f"wagtail.api.v3.routers.pages no longer reads {PAGES_QUERYSET_NAME}(); anonymous page reads "
            "would bypass home.visibility. Update upstream_internals.replace_v3_pages_queryset."
        )
    setattr(pages, PAGES_QUERYSET_NAME, replacement)


def is_v3_page_detail_view(view: Callable) -> bool:
    """Whether ``view`` is Wagtail's v3 page detail operation (``GET /api/v3/pages/{id}/``).

    Recognised by its module and function name, which Wagtail does not promise. Used to serve it with
    the page's relations prefetched (``routing/prefetch.py``). Goes when Wagtail's detail operation
    takes a queryset hook.
    """
    return (getattr(view, "__module__", None), getattr(view, "__name__", None)) == PAGE_DETAIL_VIEW


REDIRECTS_ROUTER = "wagtail.contrib.redirects.api.v3.router"


def v3_redirects_view_name(view: Callable) -> str | None:
    """Which of Wagtail's v3 redirects operations ``view`` is (``list_redirects``, ``get_redirect_detail``…).

    Recognised by the module and name of the undecorated function (``inspect.unwrap``: ninja's
    ``@paginate`` and the project's guards wrap with ``functools.wraps``); ``None`` for any other view.
    The list's undecorated function returns its queryset before pagination. Used by
    ``cms/api/redirects_visibility.py``: the router reads ``Redirect.objects.all()`` with no hook.
    Goes when Wagtail's v3 redirects router takes a queryset hook.
    """
    function = inspect.unwrap(view)
    return function.__name__ if getattr(function, "__module__", None) == REDIRECTS_ROUTER else None


def set_cached_parent(page, parent) -> None:
    """Make ``page.get_parent()`` return ``parent`` without a query.

    treebeard's ``MP_Node.get_parent`` caches its answer in the private ``_cached_parent_obj``
    (read by Wagtail's API ``meta.parent``). Used by ``routing/prefetch.py`` when the ancestors were
    fetched for the breadcrumbs already. Goes if treebeard/Wagtail accept a prefetched parent.
    """
    page._cached_parent_obj = parent


def next_child_paths(parent, last_child) -> Iterator[str]:
    """The tree paths of new children of ``parent``, in order, after ``last_child`` (``None``: none yet).

    treebeard (5.3) builds a materialised path with the private ``MP_Node._get_path`` and reads a
    child's position with ``_get_lastpos_in_path``; its public ``add_child`` and ``load_bulk`` insert one
    page at a time, a query and a lock each. Used by ``generate_articles`` to insert thousands of
    articles in bulk. Goes when treebeard offers a bulk insert of siblings.
    """
    position = last_child._get_lastpos_in_path() if last_child is not None else 0
    while True:
        position += 1
        yield type(parent)._get_path(parent.path, parent.depth + 1, position)


def give_site_root_paths(holder, root_paths: list) -> None:
    """Let Wagtail's URL methods on a page use ``root_paths`` instead of reading its cache for them again.

    ``Page.get_url_parts(request)`` (and ``url``, ``get_url``, ``get_full_url``) keep the site root
    paths they read on the private ``_wagtail_cached_site_root_paths`` of the request, or of the page
    when no request is given: one cache read for every page built without a request. ``holder`` is that
    request or page. Used by ``home/page_paths.py`` with the paths read once per request. Goes if Wagtail
    takes the root paths as an argument.
    """
    holder._wagtail_cached_site_root_paths = root_paths


# --- Django 5.2.x ---------------------------------------------------------------------------------


def set_prefetched(instance, cache_name: str, queryset: QuerySet, items: Iterable) -> None:
    """Leave on ``instance`` what ``prefetch_related`` leaves: ``queryset``, already evaluated to ``items``.

    Django has no public way to fill the prefetch cache with rows fetched otherwise (here: many
    alike inline lists in one ``UNION`` query), so the queryset's private ``_result_cache`` and
    ``_prefetch_done`` are set and it is put in ``instance._prefetched_objects_cache``, as
    ``prefetch_related_objects`` does. Used by ``routing/prefetch.py``. Goes with a public
    ``Prefetch`` that accepts rows fetched another way.
    """
    queryset._result_cache = list(items)
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[cache_name] = queryset


def is_uncommitted(field_file) -> bool:
    """Whether a ``FieldFile``'s content was just assigned and is not yet saved to the storage.

    Django's ``FieldFile`` tracks it in the private ``_committed``. Used to read a new rendition's size
    from the bytes in memory (``images/models.py``). Goes if Django exposes the flag.
    """
    return not field_file._committed


@contextlib.contextmanager
def database_cache_size_unchecked(cache: DatabaseCache) -> Iterator[None]:
    """Writes to ``cache`` inside the block do not count its table (the count reads as 0: no cull).

    Django's ``DatabaseCache`` runs ``SELECT COUNT(*) FROM <table>`` in its private ``_base_set``
    before every ``set``, ``add`` and ``touch``, to cull past ``MAX_ENTRIES``; no option turns it off,
    and on a full cache (a quarter of a million entries) that is a scan on every write. Django's public
    ``connection.execute_wrapper`` answers that one statement, as ``_base_set`` writes it, with
    ``SELECT 0``. Used by ``cms/database_cache.py``. Goes if Django lets the size check be sampled.
    """
    connection = connections[router.db_for_write(cache.cache_model_class)]
    count = f"SELECT COUNT(*) FROM {connection.ops.quote_name(cache._table)}"  # noqa: S608 - matched, not run

    def answer_count_with_zero(execute, sql, params, many, context):
        return execute("SELECT 0" if sql == count else sql, params, many, context)

    with connection.execute_wrapper(answer_count_with_zero):
        yield
