"""Each reach into django-ninja's, Wagtail's or Django's private parts (``upstream_internals``) still works.

Fails on an upgrade of Wagtail (8.0.1), django-ninja (1.7.1) or Django (5.2.x) that moves or changes one of
them: the attribute is checked for, then the behaviour the project relies on.
"""

import inspect
from unittest import mock

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import ValidationError
from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.v3.routers import pages as wagtail_pages
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from cms.api.wiring import api
from routing import pages_visibility
from upstream_internals import (
    PAGES_QUERYSET_NAME,
    database_cache_size_unchecked,
    exception_handler,
    give_site_root_paths,
    is_paginated,
    is_uncommitted,
    is_v3_page_detail_view,
    mounted_routers,
    next_child_paths,
    set_cached_parent,
    set_prefetched,
)

pytestmark = pytest.mark.django_db


def test_ninja_lists_the_routers_added_to_an_api_and_mounted_in_a_router():
    assert isinstance(api._routers, list)
    prefixes = {prefix for prefix, router in mounted_routers(api) if isinstance(router, Router)}
    assert {"/search/", "/route/", "/articles/"} <= prefixes
    parent, child = Router(), Router()
    parent.add_router("/child/", child)
    assert mounted_routers(parent) == [("/child/", child)]


def test_ninja_keeps_the_handler_wagtail_registered_for_validation_errors(client):
    assert isinstance(api._exception_handlers, dict)
    assert callable(exception_handler(api, ValidationError))
    # Wagtail's handler (wrapped by cms/api/errors.py) still answers bad input as a problem document.
    response = client.get("/api/v3/pages/", {"limit": "many"})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_the_openapi_document_is_the_corrected_one(client):
    assert "path_prefix" in inspect.signature(api.get_openapi_schema.__wrapped__).parameters
    assert [server["url"] for server in client.get("/api/v3/openapi.json").json()["servers"]] == ["/"]


def test_ninja_marks_paginated_views():
    @paginate(LimitOffsetPagination)
    def listing(request):
        return []

    assert is_paginated(listing)
    assert is_paginated(wagtail_pages.list_pages)
    assert not is_paginated(wagtail_pages.get_page)


def test_wagtails_v3_pages_router_reads_the_replaced_queryset_name():
    assert PAGES_QUERYSET_NAME in inspect.getsource(wagtail_pages.list_pages)
    assert callable(wagtail_querysets.get_pages_queryset)
    assert getattr(wagtail_pages, PAGES_QUERYSET_NAME) is pages_visibility.pages_queryset


def test_wagtails_page_detail_view_is_recognised():
    assert is_v3_page_detail_view(wagtail_pages.get_page)
    assert not is_v3_page_detail_view(wagtail_pages.list_pages)


def test_a_cached_parent_is_returned_without_a_query(django_assert_num_queries):
    root = Page.get_first_root_node()
    child = root.get_children().first()
    parent = Page(title="Given parent")
    set_cached_parent(child, parent)
    with django_assert_num_queries(0):
        assert child.get_parent() is parent


def test_the_next_child_paths_are_those_treebeard_gives_the_children_it_adds():
    parent = Page.get_first_root_node()
    first_child = parent.add_child(instance=Page(title="Leaf", slug="leaf"))
    predicted = next_child_paths(first_child, None)
    grandchildren = [first_child.add_child(instance=Page(title=f"Child {n}", slug=f"child-{n}")) for n in range(2)]
    assert [next(predicted), next(predicted)] == [page.path for page in grandchildren]

    after_the_last = next_child_paths(parent, parent.get_children().order_by("-path").first())
    assert next(after_the_last) == parent.add_child(instance=Page(title="Next", slug="next")).path


def test_rows_set_as_prefetched_are_read_without_a_query(django_assert_num_queries):
    user = User.objects.create(username="reader")
    group = Group.objects.create(name="Readers")  # not the user's: only the prefetch cache says so
    set_prefetched(user, "groups", Group.objects.filter(pk=group.pk), [group])
    with django_assert_num_queries(0):
        assert list(user.groups.all()) == [group]


def test_a_file_just_assigned_is_uncommitted_until_saved(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    document = Document(title="Fresh")
    document.file = ContentFile(b"not yet stored", name="fresh.txt")
    assert is_uncommitted(document.file)
    document.file.save("fresh.txt", ContentFile(b"stored"), save=False)
    assert not is_uncommitted(document.file)


def test_djangos_database_cache_culls_on_a_write_unless_its_count_is_skipped(settings):
    """Past ``MAX_ENTRIES`` Django's write culls the table; with the count answered 0 it does not."""
    settings.CACHES = {
        **settings.CACHES,
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_cache_reach",
            "OPTIONS": {"MAX_ENTRIES": 2, "CULL_FREQUENCY": 0},  # 0: a cull empties the table
        },
    }
    call_command("createcachetable", verbosity=0)
    cache = caches["database"]

    def entries():
        with connection.cursor() as cursor:
            cursor.execute('SELECT COUNT(*) FROM "test_cache_reach"')
            return cursor.fetchone()[0]

    with database_cache_size_unchecked(cache):
        for number in range(5):
            cache.set(f"key-{number}", number)
    assert entries() == 5
    cache.set("checked", "culled first")
    assert entries() == 1 and cache.get("checked") == "culled first"


def test_wagtail_builds_a_pages_url_from_the_site_root_paths_it_is_given(site_tree):
    page = Page.objects.get(pk=site_tree.article.pk)
    give_site_root_paths(page, Site.get_site_root_paths())
    with mock.patch.object(Site, "get_site_root_paths", side_effect=AssertionError("read again")):
        assert page.get_url_parts()[2] == "/articles/medical-vs-surgical-oncologist/"
        assert page.url == "/articles/medical-vs-surgical-oncologist/"
