"""Which shared copies publishing or unpublishing an article makes stale (``content_cache/copy_dependencies.py``)."""

from django.db.models import Q

from content_cache.copy_dependencies import ARTICLE_LISTS

from .related_articles import RELATED_ARTICLES, visible_articles


def groups_changed_by_article(article, published: bool = True) -> list[str]:
    """The groups publishing or unpublishing ``article`` changes: itself, every list, and related lists it enters.

    Related articles are the newest few of a category (``blog/related_articles.py``): an article
    enters another's related articles only if it is among the newest ``RELATED_ARTICLES + 1`` of
    one of its categories. Otherwise only the answers that already showed it change (``page:<id>``),
    as when it is unpublished.
    """
    groups = [f"page:{article.pk}", ARTICLE_LISTS]
    if not published:
        return groups
    newer = Q(published_date__gt=article.published_date) | Q(published_date=article.published_date, pk__gt=article.pk)
    for category in article.categories.all():
        in_category = visible_articles(article).filter(categories=category).exclude(pk=article.pk)
        if in_category.filter(newer).count() <= RELATED_ARTICLES:
            groups.append(f"related:{category.pk}")
    return groups
