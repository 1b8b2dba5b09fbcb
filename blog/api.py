"""Article cards: ``GET /api/v3/articles/``.

Listing cards for the articles index, a doctor's profile and topic pages.
The queryset joins and prefetches everything a card shows, so a page of 100
cards costs the same handful of queries as a page of 1.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.http import HttpRequest
from ninja import Query, Router
from wagtail.api.v3.errors import ProblemDetail, as_validation_error
from wagtail.models import Page

from home.api_auth import TOKEN_OR_ANONYMOUS
from home.cards import article_summary, category_refs
from home.models import DoctorPage
from home.page_paths import page_path
from home.visibility import request_site, visible_pages
from images.models import CustomRendition
from search.matching import MATCH_LIMIT, candidate_ids, matching_ids

from .article_counts import ARCHIVE, ListKind, stored_count
from .models import ArticlePage, ArticlePageTag, Category
from .schemas import ArticleAuthor, ArticleCard, ArticleCardPage, ArticleFilters

router = Router(tags=["articles"])

ORDERINGS = {
    "newest": ("-published_date", "-pk"),
    "oldest": ("published_date", "pk"),
    # Never-reviewed articles last on every database (PostgreSQL sorts NULL first when descending).
    "last_reviewed": (F("last_reviewed_date").desc(nulls_last=True), "-published_date", "-pk"),
}


class UnknownFilterValue(ValueError):
    """A filter names a category, tag or doctor that does not exist on this site."""


def _unknown(field: str, message: str):
    return as_validation_error(UnknownFilterValue(message), message, loc=("query", field))


def article_cards_queryset(request: HttpRequest):
    """The articles a visitor may see on the requested site, with everything a card needs and no body.

    ``author_visible`` says whether the author's profile may be shown (a hidden doctor is left out).
    """
    site = request_site(request)
    return (
        visible_pages(site, ArticlePage)
        .annotate(author_visible=Exists(visible_pages(site, DoctorPage).filter(pk=OuterRef("author_id"))))
        .defer_streamfields()
        .select_related("hero_image", "author", "locale")
        .prefetch_related(
            "categories",
            "tags",
            Prefetch("hero_image__renditions", queryset=CustomRendition.objects.all()),
        )
    )


@dataclass
class FilteredList:
    """The filters of one request, checked and turned into conditions on an article's id."""

    conditions: list = field(default_factory=list)
    # The category, tag and doctor ids the filters name, by kind (as :mod:`blog.article_counts` counts them).
    named: dict[ListKind, int] = field(default_factory=dict)
    # Whether the search words match more than MATCH_LIMIT visible articles.
    many_matches: bool = False


def _filter_conditions(request: HttpRequest, filters: ArticleFilters) -> FilteredList:
    """The filters as conditions on an article's id, after checking that what they name exists.

    Each condition is an EXISTS or IN on the article's own row: no join multiplies rows (so no
    DISTINCT), PostgreSQL walks the ordering's index and stops at the page asked for, and the
    same conditions count the articles from the page table alone.
    """
    # Which tags and doctors exist is decided from what a visitor may see, so a filter never
    # confirms a tag used only on hidden articles, or a hidden doctor.
    site = request_site(request)
    filtered = FilteredList()
    conditions = filtered.conditions
    if filters.category:
        # Filtered by id, not by a join on the slug: PostgreSQL then knows how many articles carry
        # it (its statistics are per id), and counts a common one by hashing rather than row by row.
        category_id = Category.objects.filter(slug=filters.category).values_list("pk", flat=True).first()
        if category_id is None:
            raise _unknown("category", f"No category with the slug “{filters.category}”.")
        filed = ArticlePage.categories.through.objects.filter(articlepage_id=OuterRef("pk"), category_id=category_id)
        conditions.append(Exists(filed))
        filtered.named["category"] = category_id
    if filters.tag:
        tag_id = (
            ArticlePageTag.objects.filter(
                tag__slug=filters.tag, content_object_id__in=visible_pages(site, ArticlePage).values("pk")
            )
            .values_list("tag_id", flat=True)
            .first()
        )
        if tag_id is None:
            raise _unknown("tag", f"No article is tagged “{filters.tag}”.")
        tagged = ArticlePageTag.objects.filter(content_object_id=OuterRef("pk"), tag_id=tag_id)
        conditions.append(Exists(tagged))
        filtered.named["tag"] = tag_id
    if filters.doctor:
        if not visible_pages(site, DoctorPage).filter(pk=filters.doctor).exists():
            raise _unknown("doctor", f"No published doctor page has the id {filters.doctor}.")
        involved = ArticlePage.objects.filter(Q(author_id=filters.doctor) | Q(reviewer_id=filters.doctor))
        conditions.append(Q(pk__in=involved.values("pk")))
        filtered.named["doctor"] = filters.doctor
    if filters.q:
        # Few matches are selected by id; many are found as the ordering's index is walked, where they are dense.
        # Searched as pages (the same index entries): the search index joins pages by an indexed key.
        visible = Page.objects.type(ArticlePage).filter(pk__in=visible_pages(site, ArticlePage).values("pk"))
        found = candidate_ids(visible, filters.q)
        filtered.many_matches = len(found) > MATCH_LIMIT
        conditions.append(Q(pk__in=matching_ids(visible, filters.q) if filtered.many_matches else found))
    return filtered


def _count(request: HttpRequest, filters: ArticleFilters, filtered: FilteredList) -> int:
    """How many visible articles match: stored for the archive and each one-filter list, else counted."""
    site = request_site(request)
    if site is not None and not filters.q and len(filtered.named) <= 1:
        kind, key = next(iter(filtered.named.items()), ("archive", ARCHIVE))
        stored = stored_count(site, kind, key)
        if stored is not None:
            return stored
    # A search is counted up to MATCH_LIMIT, never over every match of a common word.
    if filtered.many_matches and not filtered.named:
        return MATCH_LIMIT
    # Counted on the page table alone (its visibility columns are indexed for it): no article row is read.
    matching = visible_pages(site).type(ArticlePage).filter(*filtered.conditions)
    return matching[:MATCH_LIMIT].count() if filters.q else matching.count()


def _card(article: ArticlePage, request: HttpRequest) -> ArticleCard:
    author = article.author
    return ArticleCard(
        **article_summary(article, request),
        last_reviewed_date=article.last_reviewed_date.isoformat() if article.last_reviewed_date else None,
        reading_time=article.reading_time,
        categories=category_refs(article.categories.all()),
        tags=sorted(tag.name for tag in article.tags.all()),
        author=ArticleAuthor(
            id=author.pk,
            name=author.display_name,
            path=page_path(author, request),
        )
        if author and article.author_visible
        else None,
    )


@router.get(
    "/",
    response={200: ArticleCardPage, 422: ProblemDetail},
    url_name="list_articles",
    summary="List article cards",
    operation_id="articles_list",
    auth=TOKEN_OR_ANONYMOUS,
)
def list_articles(request: HttpRequest, filters: ArticleFilters = Query(...)):  # ty: ignore[call-non-callable]
    """Article cards of this site, filtered by category, tag, doctor (author or reviewer) or search words.

    Unknown categories, tags or doctors answer 422 naming the parameter, so a
    typo is not mistaken for “no articles”. ``limit`` is at most 100. With ``q``,
    ``count`` is at most 1,000: a search matching more is refined rather than paged through.
    """
    filtered = _filter_conditions(request, filters)
    queryset = article_cards_queryset(request).filter(*filtered.conditions).order_by(*ORDERINGS[filters.ordering])
    page = queryset[filters.offset : filters.offset + filters.limit]
    return ArticleCardPage(
        count=_count(request, filters, filtered),
        limit=filters.limit,
        offset=filters.offset,
        items=[_card(article, request) for article in page],
    )
