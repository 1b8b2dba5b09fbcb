"""Related articles: the other articles a visitor may see that share a category with an article, newest first.

For any number of articles in one query whose cost does not grow with the archive: for each category
of the given articles, the newest few visible articles filed under it are picked from the
``published_date`` index (a ``LIMIT`` subquery each); only those rows are read, with their
categories, and each article keeps the newest of them that share one of its categories.
"""

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q

from content_cache.copy_dependencies import record_related_categories
from home.visibility import visible_beside

# How many related articles a reader is offered under an article.
RELATED_ARTICLES = 3


def visible_articles(source):
    """The articles that may be offered as related to ``source``: those visible on its site (:mod:`home.visibility`)."""
    from .models import ArticlePage  # blog.models imports this module: a module-level import would be a cycle

    return visible_beside(source, ArticlePage)


def related_articles_by_source(articles) -> dict[int, list]:
    """Up to :data:`RELATED_ARTICLES` related articles (hero image joined) of each article, keyed by its id.

    The articles of one call belong to one site (one page's answer, one listing of a site).
    """
    from .models import ArticlePage  # blog.models imports this module: a module-level import would be a cycle

    sources = {article.pk: {category.pk for category in article.categories.all()} for article in articles}
    # (The categories are usually prefetched; they only tell whether anything can be related.)
    related: dict[int, list] = {pk: [] for pk in sources}
    # A newly published article of these categories may be offered next: cached answers say they chose from them.
    record_related_categories({pk for categories in sources.values() for pk in categories})
    category_ids = sorted(set().union(*sources.values()))
    if not category_ids:
        return related
    newest_first = [F("published_date").desc(), F("pk").desc()]
    visible = visible_articles(articles[0])
    filed_under = ArticlePage.categories.through.objects.filter(articlepage_id=OuterRef("pk"))
    # The newest of each category, one more than needed: an article is never related to itself.
    newest = [
        visible.filter(Exists(filed_under.filter(category_id=category_id)))
        .order_by(*newest_first)
        .values("pk")[: RELATED_ARTICLES + 1]
        for category_id in category_ids
    ]
    if connection.features.supports_slicing_ordering_in_compound:
        # One list of ids, each part read from the date index: an OR of subqueries made PostgreSQL
        # test every article of the archive against each of them.
        newest_of_each = Q(pk__in=newest[0].union(*newest[1:], all=True))
    else:  # SQLite cannot limit the parts of a UNION
        newest_of_each = Q(pk__in=[])
        for ids in newest:
            newest_of_each |= Q(pk__in=ids)
    candidates = (
        visible.filter(newest_of_each, categories__in=category_ids)
        .annotate(category_id=F("categories__id"))
        .defer_streamfields()
        .select_related("hero_image")
        .order_by(*newest_first)
    )
    for candidate in candidates:  # one row per candidate and category it shares, newest first
        for source_id, source_categories in sources.items():
            chosen = related[source_id]
            if (
                candidate.category_id in source_categories
                and candidate.pk != source_id
                and len(chosen) < RELATED_ARTICLES
                and all(article.pk != candidate.pk for article in chosen)
            ):
                chosen.append(candidate)
    return related


def prefetch_related_articles(pages) -> None:
    """Set ``prefetched_related_articles`` (read by ``ArticlePage.related_articles``) on the articles in ``pages``."""
    from .models import ArticlePage  # blog.models imports this module: a module-level import would be a cycle

    articles = [page for page in pages if isinstance(page, ArticlePage)]
    if not articles:
        return
    related = related_articles_by_source(articles)
    for article in articles:
        article.prefetched_related_articles = related[article.pk]
