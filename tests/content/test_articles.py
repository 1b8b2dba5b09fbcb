"""Computed article facts: reading time; synthetic articles for benchmarks."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from blog.models import ArticlePage
from blog.reading_time import reading_time_minutes, word_count


def test_reading_time_counts_words_in_every_block(articles_index):
    words = " ".join(["word"] * 450)
    article = ArticlePage(
        title="Long read",
        slug="long-read",
        summary="Summary.",
        body=[
            {"type": "paragraph", "value": f"<p>{words}</p>"},
            {"type": "heading", "value": {"text": "Two words", "level": "h2"}},
            {"type": "faq", "value": {"question": "One two three?", "answer": "<p>Four five.</p>"}},
        ],
    )
    articles_index.add_child(instance=article)
    assert word_count(article.body) == 450 + 2 + 5
    assert article.reading_time == 3  # 457 words at 200 a minute, rounded up
    assert reading_time_minutes(ArticlePage(body=[]).body) == 1


def test_seed_article_reading_time(seed_article):
    assert seed_article.reading_time == 3  # the seed has about 470 words


def generate(**options) -> str:
    out = io.StringIO()
    call_command("generate_articles", stdout=out, verbosity=0, **options)
    return out.getvalue()


def test_generate_articles_is_deterministic_marked_and_idempotent(articles_index):
    generate(count=5, seed=7)
    synthetic = ArticlePage.objects.filter(tags__name="synthetic").order_by("slug")
    assert synthetic.count() == 5
    first = [(a.title, a.published_date, a.author_id) for a in synthetic]
    assert all(title.startswith("[Synthetic]") for title, *_ in first)
    assert all(a.live and a.categories.exists() for a in synthetic)

    assert "Created 0 synthetic" in generate(count=5, seed=7)
    assert ArticlePage.objects.filter(tags__name="synthetic").count() == 5

    ArticlePage.objects.filter(tags__name="synthetic").delete()
    generate(count=5, seed=7)
    again = [
        (a.title, a.published_date, a.author_id)
        for a in ArticlePage.objects.filter(tags__name="synthetic").order_by("slug")
    ]
    assert [(t, d) for t, d, _ in again] == [(t, d) for t, d, _ in first]


@pytest.mark.django_db
def test_generate_articles_needs_an_articles_index():
    with pytest.raises(CommandError, match="load_demo_content"):
        generate(count=1)


def test_generated_articles_leave_a_valid_tree_live_revisions_and_search_entries(articles_index):
    generate(count=7, seed=3, batch_size=3)  # three batches, each continuing the tree after the last
    synthetic = list(ArticlePage.objects.filter(slug__startswith="synthetic-article-3-").order_by("path"))
    assert len(synthetic) == 7
    # treebeard's own check (as `manage.py fixtree` runs it): characters, step lengths, orphans, depths, child counts.
    assert Page.find_problems() == ([], [], [], [], [])
    articles_index.refresh_from_db()
    assert articles_index.numchild == articles_index.get_children().count() == 8  # the demo article + 7
    for article in synthetic:
        assert article.get_parent().specific == articles_index
        assert article.url_path == f"{articles_index.url_path}{article.slug}/"
        assert article.live and not article.has_unpublished_changes
        revision = article.live_revision
        assert revision is not None and article.latest_revision_id == revision.pk
        as_published = revision.as_object()
        assert as_published.title == article.title
        assert list(as_published.categories.all()) == list(article.categories.all())
        assert article.reading_time == reading_time_minutes(article.body)

    # Found by the site's search backend, like any article published in the admin.
    number_five = next(article for article in synthetic if article.title.endswith("#5"))
    found = ArticlePage.objects.live().search(number_five.title.split(" ", 1)[1].rsplit(" ", 1)[0])
    assert number_five.pk in {article.pk for article in found}
    # Its index entry is the one the backend writes when an editor publishes it (the generator reads each field once).
    # (Except PostgreSQL's title_norm: the average title length of the index over this title's, as of the last write.)
    columns = [field.attname for field in IndexEntry._meta.concrete_fields if field.name != "title_norm"]
    entry = IndexEntry.objects.filter(object_id=str(number_five.pk)).values(*columns)
    generated = list(entry)
    get_search_backend().add(number_five)
    assert list(entry.all()) == generated

    # The tree goes on working for editors: a page added in the usual way lands after the generated ones.
    later = articles_index.add_child(
        instance=ArticlePage(title="Written later", slug="written-later", summary="S.", body=[])
    )
    assert later.path > synthetic[-1].path
    assert Page.find_problems() == ([], [], [], [], [])
