"""Computed article facts: reading time; synthetic articles for benchmarks."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

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
