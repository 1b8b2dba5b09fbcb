"""Every frontend path: the built single-page app with a server-rendered head and content.

Django resolves the Wagtail page for the path (Wagtail's own routing, live
and public pages only) and answers with the real status: 200, 404 for a
missing page (which Wagtail's redirects middleware turns into the 301/302 an
editor set up), the page's title, description, canonical URL, social tags and
JSON-LD in the head, its content as plain HTML in the body (readable without
JavaScript) and its API JSON inlined for the app to take over.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from blog.models import ArticlePage, BlogIndexPage
from cms.security_headers import frontend_csp
from home.api_fields import page_head
from home.models import DoctorPage, HomePage, SiteSettings, StandardPage
from home.visibility import is_visible, keep_visible, visible_pages, visible_reference
from images.renditions import CARD_WIDTHS, responsive_image
from search.api import searchable_pages

from . import structured_data as ld
from .contacts import contacts_for
from .feed_links import feed_links
from .page_cache import cached_page
from .page_data import api_get
from .query_parameters import query_limited_to
from .shell import fill_shell

ARTICLES_PER_PAGE = 12
PAGE_TEMPLATES = {
    HomePage: "frontend/content/home.html",
    DoctorPage: "frontend/content/doctor.html",
    BlogIndexPage: "frontend/content/article_index.html",
    ArticlePage: "frontend/content/article.html",
    StandardPage: "frontend/content/standard.html",
}
OG_TYPES = {ArticlePage: "article", DoctorPage: "profile"}


# ---------------------------------------------------------------------------
# Page lookup
# ---------------------------------------------------------------------------


def find_public_page(request: HttpRequest, site: Site, path: str) -> Page | None:
    """The page at ``path`` on ``site`` (Wagtail's routing) when a visitor may see it (:mod:`home.visibility`)."""
    components = [component for component in path.split("/") if component]
    try:
        route = site.root_page.localized.specific.route(request, components)
    except Http404:
        return None
    page = route.page.specific
    if not is_visible(page, site):
        return None
    if isinstance(page, ArticlePage):
        # A doctor a visitor may not see is named nowhere on the page (byline, JSON-LD, contacts, share card).
        page.author = visible_reference(page.author, referrer=page)
        page.reviewer = visible_reference(page.reviewer, referrer=page)
    return page


def site_context(request: HttpRequest, site: Site) -> dict:
    """What every page's layout shows: site name, menu, footer text."""
    root = site.root_page.specific
    menu = visible_pages(site).child_of(root).in_menu().order_by("path").specific()
    settings_obj = SiteSettings.for_site(site)
    return {
        "site_name": site.site_name or settings.WAGTAIL_SITE_NAME,
        "home_url": "/",
        "menu": [{"title": item.title, "url": item.get_url(request)} for item in menu],
        "site_settings": settings_obj,
        "privacy_url": settings_obj.privacy_page.get_url(request)
        if is_visible(settings_obj.privacy_page, site)
        else "",
    }


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def render_frontend(
    request: HttpRequest,
    *,
    site: Site | None,
    head: dict,
    content_template: str,
    context: dict,
    data: dict,
    status: int = 200,
) -> HttpResponse:
    """The built ``index.html`` with head, content and data filled in."""
    base = site_context(request, site) if site else {"site_name": settings.WAGTAIL_SITE_NAME, "menu": []}
    page = context.get("page")
    contacts = contacts_for(page, base["site_settings"]) if site else None
    full = {**base, **context, "head": head, "contacts": contacts, "content_template": content_template}
    if contacts is not None:
        full["whatsapp_url"] = contacts.whatsapp_url(head.get("page_title", ""))
    head_html = render_to_string("frontend/head.html", full, request)
    body_html = render_to_string("frontend/layout.html", full, request)
    data_html = render_to_string(
        "frontend/data.html",
        {
            "data_json": ld.to_script_json(
                {"status": status, "path": request.path, "location_search": _search(request), **data}
            )
        },
    )
    response = HttpResponse(fill_shell(head_html, body_html, data_html), status=status)
    # The HTML names hashed assets; it must never be cached for long itself.
    response["Cache-Control"] = "no-cache"
    response["Content-Security-Policy"] = frontend_csp()
    return response


def _search(request: HttpRequest) -> str:
    """The query string as the browser's ``location.search`` shows it."""
    query = request.META.get("QUERY_STRING", "")
    return f"?{query}" if query else ""


def _head(request: HttpRequest, site: Site, page: Page, info: dict, json_ld=None) -> dict:
    """Head data from the API's own ``page_head`` (``info``) plus the page's JSON-LD."""
    crumbs = [(crumb["title"], request.build_absolute_uri(crumb["path"])) for crumb in info["breadcrumbs"]]
    site_name = site.site_name or settings.WAGTAIL_SITE_NAME
    page_title = info["title"]
    return {
        "title": page_title if isinstance(page, HomePage) else f"{page_title} | {site_name}",
        "page_title": page.title,
        "description": info["description"],
        "canonical": request.build_absolute_uri(info["path"] or request.path),
        "og_type": OG_TYPES.get(type(page), "website"),
        "site_name": site_name,
        "image": info["social_image"],
        "breadcrumbs": info["breadcrumbs"],
        "json_ld": [ld.to_script_json(item) for item in [*(json_ld or []), ld.breadcrumb_list(crumbs)]],
        "feeds": feed_links(request, page, category_slug=request.GET.get("category", "")),
    }


def _page_json_ld(request: HttpRequest, site: Site, page: Page, image_url: str, phone: str) -> list[dict]:
    url = request.build_absolute_uri(page.get_url(request))
    if isinstance(page, DoctorPage):
        return [ld.physician(page, url, image_url=image_url, contact_phone=phone)]
    if isinstance(page, ArticlePage):
        site_url = request.build_absolute_uri("/").rstrip("/")
        return [ld.medical_article(page, url, site_url, image_url=image_url, publisher=site.site_name or "")]
    if isinstance(page, HomePage):
        return [ld.website(site.site_name or settings.WAGTAIL_SITE_NAME, request.build_absolute_uri("/"))]
    return []


# What a page reads from its query string: the article list's filters and page number (as the app's list).
LISTING_PARAMETERS = ("category", "tag", "page")


def _article_listing(request: HttpRequest, index: BlogIndexPage) -> dict:
    """Server-side page of article cards, filtered like the app's list (category, tag, page)."""
    articles = (
        visible_pages(Site.find_for_request(request), ArticlePage)
        .child_of(index)
        .select_related("hero_image")
        .order_by("-published_date")
    )
    category = request.GET.get("category", "")
    tag = request.GET.get("tag", "")
    if category:
        articles = articles.filter(categories__slug=category)
    if tag:
        articles = articles.filter(tags__slug=tag)
    paginator = Paginator(articles, ARTICLES_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    cards = [
        {"page": article, "image": responsive_image(article.hero_image, widths=CARD_WIDTHS)} for article in page_obj
    ]
    return {"cards": cards, "page_obj": page_obj, "category": category, "tag": tag}


def _listing_query(request: HttpRequest, page_number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page_number)
    if page_number == 1:
        params.pop("page")
    return f"?{params.urlencode()}" if params else request.path


@require_safe
@query_limited_to(*LISTING_PARAMETERS)
@cached_page
def page_view(request: HttpRequest, path: str = "") -> HttpResponse:
    """A Wagtail page by its path, rendered for people, crawlers and the app."""
    site = Site.find_for_request(request)
    if path and not path.endswith("/"):
        # The slash is added only where a page is (like Django's APPEND_SLASH); anything else is
        # a 404 at once, which the redirects middleware turns into an editor's redirect in one hop.
        if site and find_public_page(request, site, f"{path}/"):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"/{path}/" + (f"?{query}" if query else ""))
        return not_found(request, site)
    page = find_public_page(request, site, path) if site else None
    if page is None:
        return not_found(request, site)
    contacts = contacts_for(page, SiteSettings.for_site(site))
    info = page_head(page)
    image_url = info["social_image"]["url"] if info["social_image"] else ""
    head = _head(request, site, page, info, json_ld=_page_json_ld(request, site, page, image_url, contacts.phone))
    context: dict = {"page": page}
    data: dict = {"route": api_get(request, "route/", {"path": request.path}), "site": api_get(request, "site/")}
    if isinstance(page, BlogIndexPage):
        listing = _article_listing(request, page)
        page_obj = listing["page_obj"]
        if page_obj.number > 1 or listing["category"] or listing["tag"]:
            head["canonical"] = request.build_absolute_uri(_listing_query(request, page_obj.number))
        context.update(listing)
        context["previous_url"] = (
            _listing_query(request, page_obj.previous_page_number()) if page_obj.has_previous() else ""
        )
        context["next_url"] = _listing_query(request, page_obj.next_page_number()) if page_obj.has_next() else ""
        data["articles"] = api_get(
            request,
            "articles/",
            {
                "category": listing["category"],
                "tag": listing["tag"],
                "limit": ARTICLES_PER_PAGE,
                "offset": (page_obj.number - 1) * ARTICLES_PER_PAGE,
            },
        )
    elif isinstance(page, ArticlePage):
        context["hero"] = responsive_image(page.hero_image, alt=page.hero_alt_text)
    elif isinstance(page, DoctorPage):
        context["photo"] = responsive_image(page.photo, widths=CARD_WIDTHS)
        context["articles"] = visible_pages(site, ArticlePage).filter(author=page).order_by("-published_date")[:12]
        context["clinics"] = _doctor_clinics(page)
    elif isinstance(page, HomePage):
        context["hero"] = responsive_image(page.hero_image)
        context["doctors"] = keep_visible(
            [item.doctor for item in page.featured_doctors.select_related("doctor")], site
        )
        context["articles"] = keep_visible(
            [item.article for item in page.featured_articles.select_related("article")], site
        )
    template = PAGE_TEMPLATES.get(type(page), "frontend/content/standard.html")
    return render_frontend(request, site=site, head=head, content_template=template, context=context, data=data)


def _doctor_clinics(doctor: DoctorPage) -> list[dict]:
    """The doctor's clinics, each with the doctor's consultation hours there."""
    clinics: dict[int, dict] = {}
    for item in doctor.clinic_hours.select_related("clinic").order_by("sort_order"):
        clinics.setdefault(item.clinic_id, {"clinic": item.clinic, "hours": []})["hours"].append(item)
    return list(clinics.values())


def not_found(request: HttpRequest, site: Site | None) -> HttpResponse:
    """The 404 page (the redirects middleware replaces it when an editor set up a redirect)."""
    head = {
        "title": _("Page not found"),
        "description": "",
        "canonical": "",
        "robots": "noindex",
        "json_ld": [],
        "site_name": site.site_name if site else settings.WAGTAIL_SITE_NAME,
    }
    data = {"route": None, "site": api_get(request, "site/") if site else None}
    return render_frontend(
        request,
        site=site,
        head=head,
        content_template="frontend/content/not_found.html",
        context={},
        data=data,
        status=404,
    )


def _simple_page(request: HttpRequest, title: str, template: str, context: dict, data: dict, robots: str = ""):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    site_name = site.site_name or settings.WAGTAIL_SITE_NAME
    home = site.root_page
    crumbs = [(home.title, request.build_absolute_uri("/")), (title, request.build_absolute_uri(request.path))]
    head = {
        "title": f"{title} | {site_name}",
        "page_title": title,
        "description": "",
        "canonical": request.build_absolute_uri(request.path),
        "robots": robots,
        "og_type": "website",
        "site_name": site_name,
        "image": None,
        "breadcrumbs": [{"title": home.title, "path": "/"}, {"title": title, "path": request.path}],
        "json_ld": [ld.to_script_json(ld.breadcrumb_list(crumbs))],
    }
    data["site"] = api_get(request, "site/")
    return render_frontend(request, site=site, head=head, content_template=template, context=context, data=data)


@require_safe
def search_view(request: HttpRequest) -> HttpResponse:
    """``/search/?q=``: results as plain links, and the search API's JSON for the app."""
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        results = searchable_pages(Site.find_for_request(request)).search(query)[:20]
    context = {"query": query, "results": results}
    data = {"search": api_get(request, "search/", {"q": query}) if query else None}
    return _simple_page(request, _("Search"), "frontend/content/search.html", context, data, robots="noindex")


@require_safe
def appointment_view(request: HttpRequest) -> HttpResponse:
    """The appointment request form (the app posts it to the appointments API)."""
    return _simple_page(request, _("Book an appointment"), "frontend/content/appointment.html", {}, {})


@require_safe
@xframe_options_sameorigin
def preview_view(request: HttpRequest) -> HttpResponse:
    """The headless preview target: the app renders the draft from the preview endpoint.

    It may be framed by the admin's live preview panel (same origin) and by nothing else.
    """
    response = _simple_page(request, _("Preview"), "frontend/content/preview.html", {}, {}, robots="noindex")
    response["Content-Security-Policy"] = frontend_csp(frame_ancestors="'self'")
    response["Cache-Control"] = "no-store"
    return response
