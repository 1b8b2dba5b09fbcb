"""Article cards: ``GET /api/v3/articles/``.

Listing cards for the articles index, a doctor's profile and topic pages.
The queryset joins and prefetches everything a card shows, so a page of 100
cards costs the same handful of queries as a page of 1.
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.http import HttpRequest
from ninja import Query, Router
from wagtail.api.v3.errors import ProblemDetail, as_validation_error

from cms.api_auth import TOKEN_OR_ANONYMOUS
from home.api_fields import CategoryRef, page_path
from home.models import DoctorPage
from home.visibility import request_site, visible_pages
from images.models import CustomRendition
from images.renditions import CARD_WIDTHS, responsive_image
from search.query_expansion import search_query

from .models import ArticlePage, Category
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


def _apply_filters(request: HttpRequest, queryset, filters: ArticleFilters):
    # Which tags and doctors exist is decided from what a visitor may see, so a filter never
    # confirms a tag used only on hidden articles, or a hidden doctor.
    visible = queryset
    if filters.category:
        if not Category.objects.filter(slug=filters.category).exists():
            raise _unknown("category", f"No category with the slug “{filters.category}”.")
        queryset = queryset.filter(categories__slug=filters.category)
    if filters.tag:
        if not visible.filter(tags__slug=filters.tag).exists():
            raise _unknown("tag", f"No article is tagged “{filters.tag}”.")
        queryset = queryset.filter(tags__slug=filters.tag)
    if filters.doctor:
        if not visible_pages(request_site(request), DoctorPage).filter(pk=filters.doctor).exists():
            raise _unknown("doctor", f"No published doctor page has the id {filters.doctor}.")
        queryset = queryset.filter(Q(author_id=filters.doctor) | Q(reviewer_id=filters.doctor))
    return queryset.distinct()


def _card(article: ArticlePage, request: HttpRequest) -> ArticleCard:
    author = article.author
    return ArticleCard(
        id=article.pk,
        title=article.title,
        path=page_path(article, request),
        summary=article.summary,
        hero_image=responsive_image(article.hero_image, alt=article.hero_alt_text, widths=CARD_WIDTHS),
        published_date=article.published_date.isoformat(),
        last_reviewed_date=article.last_reviewed_date.isoformat() if article.last_reviewed_date else None,
        reading_time=article.reading_time,
        categories=[CategoryRef(id=c.pk, name=c.name, slug=c.slug) for c in article.categories.all()],
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
    typo is not mistaken for “no articles”. ``limit`` is at most 100.
    """
    queryset = _apply_filters(request, article_cards_queryset(request), filters)
    if filters.q:
        # The search backend (PostgreSQL full text, or the database fallback) picks the ids;
        # the card queryset keeps its joins and prefetches.
        words = search_query(filters.q)
        matching = ArticlePage.objects.live().defer_streamfields().search(words, order_by_relevance=False)
        matching = [page.pk for page in matching]
        queryset = queryset.filter(pk__in=matching)
    queryset = queryset.order_by(*ORDERINGS[filters.ordering])
    count = queryset.count()
    page = queryset[filters.offset : filters.offset + filters.limit]
    return ArticleCardPage(
        count=count,
        limit=filters.limit,
        offset=filters.offset,
        items=[_card(article, request) for article in page],
    )
