"""The one way the site asks its search backend which pages match a visitor's words.

Every search (the site search, the article list's ``q=``) goes through :func:`search_pages`,
so a change to how words are matched (e.g. expanding them) is made in one place.
"""

from django.db.models import QuerySet
from wagtail.search.backends.base import BaseSearchResults

from .query_expansion import search_query


def search_pages(
    queryset: QuerySet, query: str, *, order_by_relevance: bool = True, synonyms: dict[str, list[str]] | None = None
) -> BaseSearchResults:
    """The pages of ``queryset`` matching a visitor's ``query`` through the site's search backend.

    The words are read by :func:`search.query_expansion.search_query` (word starts, stems, synonyms;
    ``synonyms``: the synonym table when the caller has read it already).
    Lazy, sliceable, countable; ``queryset`` may filter only on the backend's indexed fields (or on ``pk``).
    """
    return queryset.search(search_query(query, synonyms), order_by_relevance=order_by_relevance)


# A search matching more pages than this ranks and counts this many of them only, so that a common word
# costs what a rare one does; visitors refine such a search rather than page through it.
MATCH_LIMIT = 1000


def matching_ids(queryset: QuerySet, query: str, synonyms: dict[str, list[str]] | None = None) -> QuerySet | list:
    """The ids of the pages of ``queryset`` matching ``query``, for ``pk__in`` in another query.

    With a database search backend (PostgreSQL full text in production) this is a subquery
    run inside the caller's query, so the matches are never loaded; another backend answers a list.
    """
    results = search_pages(queryset, query, order_by_relevance=False, synonyms=synonyms)
    as_queryset = getattr(results, "get_queryset", None)
    if as_queryset is not None:
        return as_queryset().order_by().values("pk")
    return [page.pk for page in results]


def candidate_ids(queryset: QuerySet, query: str, synonyms: dict[str, list[str]] | None = None) -> list[int]:
    """The ids of up to :data:`MATCH_LIMIT` + 1 pages of ``queryset`` matching ``query``, in no particular order.

    Read from the full-text index alone, stopping one past the limit: a caller selects a few matches
    by id, instead of PostgreSQL walking the whole archive in the caller's order to find them (it
    cannot tell how rare a word start is), and knows when there are more than the limit.
    """
    found = matching_ids(queryset, query, synonyms)
    if isinstance(found, QuerySet):
        return [row["pk"] for row in found[: MATCH_LIMIT + 1]]
    return found[: MATCH_LIMIT + 1]
