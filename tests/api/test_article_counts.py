"""The article lists' ``count`` is stored, not counted on every request, and is never stale.

Each test reads every one-filter list first (so the counts are stored), changes content the way
editors and the clock do, with the commit's callbacks run as in production, and reads the lists
again: each list's ``count`` must still be the number of cards a visitor can page through.
"""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from blog import article_counts
from blog.models import ArticlePageTag, Category
from tests.factories import make_article, make_doctor

pytestmark = pytest.mark.django_db

LIST = "/api/v3/articles/"


@pytest.fixture(autouse=True)
def answers_made_afresh(settings):
    """No cached answer: every request makes its list, so a stored count is what it reads."""
    settings.API_CACHE_ENABLED = False
    settings.PAGE_CACHE_ENABLED = False


def _one_filter_lists() -> list[dict]:
    """The archive and every list one filter names: each category, each tag, each doctor."""
    lists = [{}]
    lists += [{"category": slug} for slug in Category.objects.values_list("slug", flat=True)]
    lists += [{"tag": slug} for slug in ArticlePageTag.objects.values_list("tag__slug", flat=True).distinct()]
    lists += [{"doctor": pk} for pk in Page.objects.filter(depth__gt=2).values_list("pk", flat=True)]
    return lists


def _counts_and_cards(client, host: str = "testserver") -> dict[str, tuple[int, int]]:
    """Each one-filter list's ``count`` and the number of cards it lists (all of them fit in one page)."""
    seen = {}
    for filters in _one_filter_lists():
        response = client.get(LIST, {**filters, "limit": 100}, HTTP_HOST=host)
        if response.status_code == 422:  # a filter naming nothing visible on this site
            continue
        data = response.json()
        seen[repr(filters)] = (data["count"], len(data["items"]))
    return seen


def assert_every_count_is_exact(client, host: str = "testserver") -> dict[str, tuple[int, int]]:
    seen = _counts_and_cards(client, host)
    wrong = {filters: counted for filters, counted in seen.items() if counted[0] != counted[1]}
    assert not wrong, f"count ≠ cards listed: {wrong}"
    return seen


def _archive_count(client, **filters) -> int:
    return client.get(LIST, filters).json()["count"]


def test_a_published_article_is_counted_in_every_list_it_enters(client, site_tree, django_capture_on_commit_callbacks):
    before = assert_every_count_is_exact(client)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(
            site_tree.blog,
            author=site_tree.doctor,
            categories=[site_tree.other_category],
            tags=["chemotherapy", "radiotherapy"],
        )
    after = assert_every_count_is_exact(client)
    assert after["{}"][0] == before["{}"][0] + 1
    assert after[repr({"tag": "chemotherapy"})][0] == before[repr({"tag": "chemotherapy"})][0] + 1
    assert after[repr({"doctor": site_tree.doctor.pk})][0] == before[repr({"doctor": site_tree.doctor.pk})][0] + 1
    assert after[repr({"tag": "radiotherapy"})] == (1, 1)


def test_an_unpublished_article_leaves_every_list(client, site_tree, django_capture_on_commit_callbacks):
    before = assert_every_count_is_exact(client)
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.article.unpublish()
    after = assert_every_count_is_exact(client)
    assert after["{}"][0] == before["{}"][0] - 1
    assert repr({"tag": "surgery"}) not in after  # its only article left: the tag is now unknown


def test_a_new_version_moving_an_article_to_another_category(client, site_tree, django_capture_on_commit_callbacks):
    assert_every_count_is_exact(client)
    article = site_tree.other_article
    with django_capture_on_commit_callbacks(execute=True):
        article.categories.set([site_tree.other_category])
        article.author = site_tree.doctor
        article.save_revision().publish()
    after = assert_every_count_is_exact(client)
    assert after[repr({"category": site_tree.other_category.slug})][0] == 1
    assert after[repr({"doctor": site_tree.doctor.pk})][0] == 2


def test_an_article_past_its_expiry_time_leaves_the_counts_without_any_publish(client, site_tree):
    """``expire_at`` hides an article at once, before ``publish_scheduled`` unpublishes it: no signal is sent."""
    expiry = timezone.now() + timedelta(hours=1)
    site_tree.other_article.expire_at = expiry
    site_tree.other_article.save_revision().publish()
    before = assert_every_count_is_exact(client)
    with time_machine.travel(expiry + timedelta(seconds=1)):
        after = assert_every_count_is_exact(client)
    assert after["{}"][0] == before["{}"][0] - 1


def test_a_live_article_waiting_for_its_go_live_time_is_counted_once_it_comes(client, site_tree):
    """A live page never published through a revision shows from its ``go_live_at`` (``home.visibility``)."""
    waiting = make_article(site_tree.blog, categories=[site_tree.category])
    go_live = timezone.now() + timedelta(hours=2)
    Page.objects.filter(pk=waiting.pk).update(go_live_at=go_live, live_revision=None)
    before = assert_every_count_is_exact(client)
    with time_machine.travel(go_live + timedelta(seconds=1)):
        after = assert_every_count_is_exact(client)
    assert after["{}"][0] == before["{}"][0] + 1


def test_a_view_restriction_on_the_index_empties_every_count(client, site_tree, django_capture_on_commit_callbacks):
    assert assert_every_count_is_exact(client)["{}"][0] == 2
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=site_tree.blog, restriction_type="password", password="x")
    assert _archive_count(client) == 0
    assert _archive_count(client, doctor=site_tree.doctor.pk) == 0


def test_a_moved_article_is_counted_on_its_new_site_only(client, site_tree, django_capture_on_commit_callbacks):
    other_home = Page.get_first_root_node().add_child(
        instance=type(site_tree.home)(title="Other", slug="other", hero_heading="Other")
    )
    other_index = other_home.add_child(instance=type(site_tree.blog)(title="Articles", slug="articles"))
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    assert assert_every_count_is_exact(client)["{}"][0] == 2
    assert assert_every_count_is_exact(client, "other.example")["{}"][0] == 0
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.other_article.move(other_index, pos="last-child")
    assert assert_every_count_is_exact(client)["{}"][0] == 1
    assert assert_every_count_is_exact(client, "other.example")["{}"][0] == 1


def test_a_doctor_counts_once_for_an_article_they_wrote_and_reviewed(client, site_tree):
    second = make_doctor(site_tree.home, "Second Doctor")
    make_article(site_tree.blog, author=second, reviewer=site_tree.doctor)
    make_article(site_tree.blog, author=second, reviewer=second)
    counts = assert_every_count_is_exact(client)
    assert counts[repr({"doctor": second.pk})] == (2, 2)
    assert counts[repr({"doctor": site_tree.doctor.pk})] == (2, 2)  # wrote and reviewed one, reviewed another


def test_combined_filters_and_search_words_are_counted_exactly(client, site_tree):
    make_article(site_tree.blog, title="Chemotherapy at home", categories=[site_tree.category], tags=["chemotherapy"])
    for filters in (
        {"category": site_tree.category.slug, "tag": "surgery"},
        {"tag": "chemotherapy", "doctor": site_tree.doctor.pk},
        {"q": "chemotherapy"},
        {"q": "chemotherapy", "category": site_tree.category.slug},
    ):
        data = client.get(LIST, {**filters, "limit": 100}).json()
        assert data["count"] == len(data["items"]) > 0, filters


@pytest.mark.parametrize("filters", [{}, {"category": "medical-oncology"}, {"tag": "chemotherapy"}, {"doctor": None}])
def test_reading_a_list_again_counts_nothing(client, site_tree, filters):
    """Once stored, a list's count is read, not counted: no ``COUNT`` over the archive on later requests."""
    filters = {key: value or site_tree.doctor.pk for key, value in filters.items()}
    expected = client.get(LIST, filters).json()["count"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {**filters, "offset": 1})
    assert response.json()["count"] == expected > 0
    assert not [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]


def test_the_first_list_after_a_publish_reads_its_count(client, site_tree, django_capture_on_commit_callbacks):
    """The lists are counted again once the publish is committed, not by the first reader of each list."""
    before = client.get(LIST, {"category": site_tree.category.slug}).json()["count"]
    with django_capture_on_commit_callbacks(execute=True):
        make_article(site_tree.blog, categories=[site_tree.category])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"category": site_tree.category.slug})
    assert response.json()["count"] == before + 1
    assert not [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]


@pytest.mark.parametrize(
    "change",
    [
        lambda tree: Category.objects.get(pk=tree.category.pk).save(),
        lambda tree: tree.settings.save(),
        lambda tree: tree.about.save_revision().publish(),
    ],
    ids=["category saved", "settings saved", "another page published"],
)
def test_the_first_list_after_any_other_change_reads_its_count(
    client, site_tree, django_capture_on_commit_callbacks, change
):
    """A change that starts a new site generation counts the lists again once committed, as a publish does."""
    before = client.get(LIST, {"category": site_tree.category.slug}).json()["count"]
    with django_capture_on_commit_callbacks(execute=True):
        change(site_tree)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"category": site_tree.category.slug})
    assert response.json()["count"] == before
    assert not [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]


def test_publishing_several_articles_in_one_transaction_counts_the_lists_once(
    client, site_tree, django_capture_on_commit_callbacks
):
    """Wagtail's bulk publish is one transaction: its commit counts the lists once, after its last invalidation."""
    with (
        mock.patch.object(article_counts, "_count_every_list", wraps=article_counts._count_every_list) as counted,
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        for index in range(3):
            make_article(site_tree.blog, title=f"Bulk {index}", categories=[site_tree.category])
    kinds_counted = [call.args[1] for call in counted.call_args_list]
    assert sorted(kinds_counted) == ["archive", "category", "doctor", "tag"]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"category": site_tree.category.slug})
    assert response.json()["count"] == len(
        client.get(LIST, {"category": site_tree.category.slug, "limit": 100}).json()["items"]
    )
    assert not [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]
