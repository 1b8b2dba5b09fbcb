"""Related articles: the other articles a visitor may see that share a category with an article, newest first.

For any number of articles in one query: candidates are ranked per source
article with a window function over narrow rows (the body is never read, so
PostgreSQL never sorts or compares it, as ``.distinct()`` over full rows did).
"""

from django.db.models import F, Window
from django.db.models.functions import DenseRank

from cms.copy_dependencies import record_related_categories
from home.visibility import visible_beside

# How many related articles a reader is offered under an article.
RELATED_ARTICLES = 3


def visible_articles(source):
    """The articles that may be offered as related to ``source``: those visible on its site (:mod:`home.visibility`)."""
    from .models import ArticlePage

    return visible_beside(source, ArticlePage)


def related_articles_by_source(articles) -> dict[int, list]:
    """Up to :data:`RELATED_ARTICLES` related articles (hero image joined) of each article, keyed by its id.

    The articles of one call belong to one site (one page's answer, one listing of a site).
    """
    sources = {article.pk: [category.pk for category in article.categories.all()] for article in articles}
    # (The categories are usually prefetched; they only tell whether anything can be related.)
    related: dict[int, list] = {pk: [] for pk in sources}
    # A newly published article of these categories may be offered next: cached answers say they chose from them.
    record_related_categories({pk for categories in sources.values() for pk in categories})
    if not any(sources.values()):
        return related
    newest_first = [F("published_date").desc(), F("pk").desc()]
    candidates = (
        visible_articles(articles[0])
        .filter(categories__articles__in=list(sources))
        .annotate(source_id=F("categories__articles"))
        .exclude(pk=F("source_id"))
        # Dense: an article sharing two categories with the source ties with itself, not with others.
        .annotate(rank=Window(DenseRank(), partition_by=F("source_id"), order_by=newest_first))
        .filter(rank__lte=RELATED_ARTICLES)
        .defer_streamfields()
        .select_related("hero_image")
        .order_by("source_id", *newest_first)
    )
    for candidate in candidates:
        chosen = related[candidate.source_id]
        if all(article.pk != candidate.pk for article in chosen):
            chosen.append(candidate)
    return related


def prefetch_related_articles(pages) -> None:
    """Set ``prefetched_related_articles`` (read by ``ArticlePage.related_articles``) on the articles in ``pages``."""
    from .models import ArticlePage

    articles = [page for page in pages if isinstance(page, ArticlePage)]
    if not articles:
        return
    related = related_articles_by_source(articles)
    for article in articles:
        article.prefetched_related_articles = related[article.pk]
