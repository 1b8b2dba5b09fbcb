"""How many articles each list holds, counted once per content change instead of on every request.

Every article list answers an exact ``count``. Counted on each request, that reads one index entry per
visible article: 9 ms for 50,000, twice that joined to a category or tag most articles carry. So the
lists a visitor reaches with one filter (the whole archive, each category, each tag, each doctor as
author or reviewer) are counted all at once, one grouped query per kind over :mod:`home.visibility`'s
rule, and the counts are kept in the cache:

- under the site's content generation and the article lists' generation
  (:mod:`content_cache.copy_dependencies`), so every change that makes the lists' cached copies stale
  (an article published or unpublished, a category or tag saved, a page moved, a view restriction…)
  makes the counts stale too;
- until the passage of time alone changes what is visible (an ``expire_at`` or a go-live time among
  the site's articles: :func:`home.visibility.next_visibility_change`).

Once a change that makes them stale is committed (an article's publish, or any change that starts a new
site generation), :func:`count_every_list` counts them again for the next readers (a task: in the
editor's request with the default backend, in the background with a worker). After an ``expire_at`` or
go-live time passing, the first list of a kind counts them all; the others read them. Search words and
combined filters are counted on each request. Losing the cache loses nothing: the caller counts.
"""

import logging
from collections import Counter
from typing import Literal, get_args

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site

from content_cache.copy_dependencies import ARTICLE_LISTS, group_generation
from content_cache.store import live_generation
from home.visibility import next_visibility_change, visible_pages

from .models import ArticlePage, ArticlePageTag

logger = logging.getLogger(__name__)

ListKind = Literal["archive", "category", "tag", "doctor"]
# The key of the whole archive among the "archive" counts.
ARCHIVE = 0
# Counts of an older generation are never read again; the cache drops them after a day.
KEPT_SECONDS = 24 * 3600


def _visible_article_ids(site: Site):
    # Read from the page table alone: its visibility columns are indexed for it (home.0005).
    return visible_pages(site).type(ArticlePage)


def _count_every_list(site: Site, kind: ListKind) -> dict[int, int]:
    """The number of visible articles in every list of ``kind``, by category, tag or doctor id."""
    if kind == "archive":
        return {ARCHIVE: _visible_article_ids(site).count()}
    visible_ids = _visible_article_ids(site).values("pk")
    if kind == "category":
        links = ArticlePage.categories.through.objects.filter(articlepage_id__in=visible_ids)
        return dict(links.order_by().values_list("category_id").annotate(Count("articlepage_id")))
    if kind == "tag":
        links = ArticlePageTag.objects.filter(content_object_id__in=visible_ids)
        return dict(links.order_by().values_list("tag_id").annotate(Count("content_object_id", distinct=True)))
    # An article counts once for its author and once for its reviewer, once when they are the same doctor.
    pairs = visible_pages(site, ArticlePage).order_by().values_list("author_id", "reviewer_id").annotate(Count("pk"))
    counts: Counter[int] = Counter()
    for author_id, reviewer_id, articles in pairs:
        for doctor_id in {author_id, reviewer_id} - {None}:
            counts[doctor_id] += articles
    return dict(counts)


def stored_count(site: Site, kind: ListKind, key: int = ARCHIVE) -> int | None:
    """How many articles visible on ``site`` the list of category, tag or doctor ``key`` holds (``kind``).

    ``None`` when the cache cannot be reached: the caller counts.
    """
    try:
        # The generations are read before counting: a change committed after this makes them stale.
        lists_generation = group_generation(ARTICLE_LISTS)
        cache_key = f"article-counts:{live_generation()}:{lists_generation}:{site.pk}:{kind}"
        kept = cache.get(cache_key)
    except Exception:
        logger.exception("Article counts unavailable; counting from the database")
        return None
    if kept is not None:
        valid_until, counts = kept
        if valid_until is None or timezone.now() < valid_until:
            return counts.get(key, 0)
    if lists_generation is None:
        return None
    # The time first: an article hiding while the lists are counted leaves them valid until a time already past.
    valid_until = next_visibility_change(site, ArticlePage)
    counts = _count_every_list(site, kind)
    try:
        cache.set(cache_key, (valid_until, counts), timeout=KEPT_SECONDS)
    except Exception:
        logger.exception("Could not keep the article counts")
    return counts.get(key, 0)


@task()
def count_every_list() -> None:
    """Count and keep every one-filter list of every site, so the first reader after a publish reads its count.

    Enqueued after a change that makes them stale is committed (``cms/api/cache_signals.py``), once the
    generations have changed; a reader who comes before it has finished counts, as without it.
    """
    for site in Site.objects.all():
        for kind in get_args(ListKind):
            stored_count(site, kind)
