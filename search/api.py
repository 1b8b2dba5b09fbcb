"""Site search: ``GET /api/v3/search/?q=``.

Searches the doctor profiles, articles and standard pages a visitor may see
on the requested site (:mod:`home.visibility`) with Wagtail's search backend (PostgreSQL full text in
production), puts the editors' search promotions for the query first, and
gives each hit a highlighted snippet. What the words mean (word starts,
stemming, the synonyms staff keep, “did you mean”) is :mod:`search.query_expansion`'s.
"""

from django.http import HttpRequest
from ninja import Query, Router
from wagtail.api.v3.errors import ProblemDetail
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet
from wagtail.search.utils import normalise_query_string

from blog.models import ArticlePage
from home.api_auth import TOKEN_OR_ANONYMOUS
from home.models import DoctorPage, StandardPage
from home.page_paths import page_path
from home.visibility import request_site, visible_pages

from .highlight import highlight, plain_texts
from .matching import MATCH_LIMIT, candidate_ids, search_pages
from .query_expansion import did_you_mean, highlighted_words, synonym_table
from .schemas import SearchHit, SearchQuery, SearchResults

router = Router(tags=["search"])

SEARCHABLE = {DoctorPage: "doctor", ArticlePage: "article", StandardPage: "page"}


def searchable_pages(site: Site | None) -> PageQuerySet:
    """The pages of the searchable types a visitor may see on ``site``, ready for ``.search()``.

    Selected by id, as search backends filter only on indexed fields.
    """
    return Page.objects.type(*SEARCHABLE).filter(pk__in=visible_pages(site).values("pk"))


def _texts(page) -> list[str]:
    texts = [getattr(page, "summary", ""), getattr(page, "introduction", ""), page.search_description]
    body = getattr(page, "body", None)
    if body is not None:
        texts.extend(plain_texts(list(body.raw_data)))
    return [text for text in texts if isinstance(text, str)]


def _hit(page, query: str, request: HttpRequest, promoted: bool, description: str = "") -> SearchHit:
    texts = [description] if description else []
    return SearchHit(
        kind=SEARCHABLE.get(type(page), "page"),
        page_id=page.pk,
        title=page.title,
        url=page_path(page, request),
        snippet=highlight([*texts, *_texts(page)], query),
        promoted=promoted,
    )


def _promotions(request: HttpRequest, query: str, visible) -> list[SearchHit]:
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    hits = []
    visible_ids = set(visible.filter(pk__in=[p.page_id for p in promotions if p.page_id]).values_list("pk", flat=True))
    for promotion in promotions:
        if promotion.page_id:
            if promotion.page_id in visible_ids:
                hits.append(_hit(promotion.page.specific, query, request, True, promotion.description))
        elif promotion.external_link_url:
            hits.append(
                SearchHit(
                    kind="external",
                    page_id=None,
                    title=promotion.external_link_text or promotion.external_link_url,
                    url=promotion.external_link_url,
                    snippet=highlight([promotion.description], query),
                    promoted=True,
                )
            )
    return hits


@router.get(
    "/",
    response={200: SearchResults, 422: ProblemDetail},
    url_name="site_search",
    summary="Search doctors, articles and pages",
    operation_id="search",
    auth=TOKEN_OR_ANONYMOUS,
)
def search(request: HttpRequest, params: SearchQuery = Query(...)):  # ty: ignore[call-non-callable]
    """Pages of this site matching ``q``: editors' promotions first (on the first page), then hits by relevance.

    A search matching more than 1,000 pages ranks (and counts) 1,000 of them: a visitor adds a word.

    Every word must match, as the start of a word, stemmed, or as one of its synonyms (the
    admin's search synonyms). When nothing matches, ``suggestion`` offers the closest words
    that would find something.
    """
    site = request_site(request)
    synonyms = synonym_table()  # read once for the search, the highlighted words and a suggestion's check
    visible = searchable_pages(site)
    promoted = _promotions(request, params.q, visible) if params.offset == 0 else []
    promoted_ids = {hit.page_id for hit in promoted if hit.page_id}
    # Every match is ranked, or MATCH_LIMIT of them when more match: never every page of a common word.
    candidates = candidate_ids(visible.exclude(pk__in=promoted_ids), params.q, synonyms)[:MATCH_LIMIT]
    results = search_pages(Page.objects.filter(pk__in=candidates), params.q, synonyms=synonyms)
    count = len(candidates)
    page_ids = [page.pk for page in results[params.offset : params.offset + params.limit]]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    marked = highlighted_words(params.q, synonyms)
    hits = [_hit(specific[pk], marked, request, False) for pk in page_ids if pk in specific]
    suggestion = None
    if count == 0 and not promoted:
        suggestion = did_you_mean(params.q, visible, SEARCHABLE, site.pk if site else None)
        if suggestion and not search_pages(visible, suggestion, synonyms=synonyms).count():
            suggestion = None
    return SearchResults(
        query=params.q,
        count=count,
        limit=params.limit,
        offset=params.offset,
        items=promoted + hits,
        suggestion=suggestion,
    )
