"""The three input guards wrap only the operations they concern, and those still refuse bad input.

NUL characters: operations with an input that can hold text. Object keys: operations that look an
object up by a free-form key. Offsets: paginated operations. Any other operation runs unwrapped.
"""

import pytest
from wagtail.api.v3.routers import pages as wagtail_pages

from blog.api import list_articles
from cms.api.nul_characters import refuse_nul_characters
from cms.api.object_keys import refuse_unusable_keys
from cms.api.pagination import bound_offset
from search.api import search

pytestmark = pytest.mark.django_db

GUARDS = [refuse_nul_characters, refuse_unusable_keys, bound_offset]


@pytest.mark.parametrize("guard", GUARDS, ids=lambda guard: guard.__name__)
def test_the_page_detail_operation_is_not_wrapped_by_any_guard(guard):
    # GET /api/v3/pages/{id}/ takes an integer id and fixed choices: no text, no free key, no offset.
    assert guard(wagtail_pages.get_page) is wagtail_pages.get_page


def test_a_text_guard_wraps_the_operations_that_read_text():
    assert refuse_nul_characters(search) is not search
    assert refuse_nul_characters(list_articles) is not list_articles


def test_only_paginated_operations_get_their_offset_bounded():
    assert bound_offset(wagtail_pages.list_pages) is not wagtail_pages.list_pages
    assert bound_offset(search) is search  # the project's lists bound their own offsets


def test_only_operations_taking_free_form_keys_get_their_keys_checked():
    def snippet_detail(request, type: str, pk: str):
        return None

    assert refuse_unusable_keys(snippet_detail) is not snippet_detail
    assert refuse_unusable_keys(search) is search
    assert refuse_unusable_keys(wagtail_pages.list_page_revisions) is not wagtail_pages.list_page_revisions


def test_guarded_operations_still_refuse_bad_input(demo_site, client):
    nul = client.get("/api/v3/search/", {"q": "cancer\x00care"})
    assert nul.status_code == 422
    assert nul.json()["errors"][0]["type"] == "nul_character"
    offset = client.get("/api/v3/pages/", {"offset": str(2**63)})
    assert offset.status_code == 200
    assert offset.json()["items"] == []


def test_an_unguarded_operation_answers_as_before(demo_site, client):
    page = client.get("/api/v3/pages/", {"limit": 1}).json()["items"][0]
    assert client.get(f"/api/v3/pages/{page['id']}/").status_code == 200
