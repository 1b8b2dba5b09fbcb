"""Every frontend path: the built single-page app, rendered on the server from the page's payload.

Django resolves the Wagtail page for the path with Wagtail's own routing,
decides with :mod:`home.visibility` whether a visitor may see it,
builds the page's one payload (:mod:`frontend.page_payload`), renders the
app's HTML from it (:mod:`frontend.server_render`) and answers with the real
status: 200; 404 for a missing page (which Wagtail's redirects middleware
turns into an editor's 301/302); 301 for a missing trailing slash where a page
is; Wagtail's password form (401) or sign-in redirect for a restricted page.
The head (title, description, canonical, social tags, feeds, JSON-LD) is
written from the same payload (:mod:`frontend.document_head`).
"""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction, Site

from blog.models import ArticlePage
from content_cache.copy_dependencies import answer_is_one_page
from content_cache.page_cache import cached_page
from content_cache.query_parameters import query_limited_to
from frontend.security_headers import frontend_csp
from home.booking import appointment_query
from home.visibility import is_published_behind_restrictions, visible_reference
from routing.route import find_public_page

from . import document_head
from .page_payload import ListingNotFound, PagePayload, RestrictedPage, page_payload, payload, search_payload
from .server_render import render_app
from .shell import fill_shell
from .structured_data import to_script_json

# What a page reads from its query string: the article list's filters and page number.
LISTING_PARAMETERS = ("category", "tag", "page")
MAX_SEARCH_LENGTH = 200


def render_payload(request: HttpRequest, data: PagePayload, head: dict) -> HttpResponse:
    """The built ``index.html`` with the head, the app's server rendering and the payload filled in."""
    body = render_app(data)
    head_html = render_to_string("frontend/head.html", {"head": head})
    data_html = render_to_string("frontend/data.html", {"data_json": to_script_json(data)})
    language = data["site"]["site"]["language"]
    response = HttpResponse(fill_shell(head_html, body, data_html, lang=language), status=data["status"])
    # The HTML names hashed assets; it must never be cached for long itself.
    response["Cache-Control"] = "no-cache"
    response["Content-Security-Policy"] = frontend_csp()
    return response


def _routed_page(request: HttpRequest, site: Site, path: str) -> Page | None:
    """The page Wagtail's routing finds at ``path`` on ``site`` (whatever its state), else ``None``."""
    components = [component for component in path.split("/") if component]
    try:
        page, _args, _kwargs = site.root_page.localized.specific.route(request, components)
    except Http404:
        return None
    return page.specific


@require_http_methods(["GET", "HEAD", "POST"])
@query_limited_to(*LISTING_PARAMETERS)
@cached_page
def page_view(request: HttpRequest, path: str = "") -> HttpResponse:
    """A Wagtail page by its path, rendered for people, crawlers and the app."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    if path and not path.endswith("/"):
        # The slash is added only where a page is (like Django's APPEND_SLASH); anything else is
        # a 404 at once, which the redirects middleware turns into an editor's redirect in one hop.
        # One leading slash only: "//host/" would send the browser to another site.
        target = "/" + path.lstrip("/") + "/"
        if find_public_page(request, target):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(target + (f"?{query}" if query else ""))
        return not_found(request, site)
    page = find_public_page(request, "/" + path)
    if page is None:
        return _restricted_or_not_found(request, site, path)
    _leave_out_hidden_doctors(page)
    if request.method == "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    answer_is_one_page(page)
    try:
        data = page_payload(request, site, page)
    except ListingNotFound:
        return not_found(request, site)
    return render_payload(request, data, document_head.for_page(request, site, page, data))


def _leave_out_hidden_doctors(page: Page) -> None:
    """A doctor a visitor may not see is named nowhere on an article's page (byline, JSON-LD, booking links)."""
    if isinstance(page, ArticlePage):
        page.author = visible_reference(page.author, referrer=page)
        page.reviewer = visible_reference(page.reviewer, referrer=page)


def _restricted_or_not_found(request: HttpRequest, site: Site, path: str) -> HttpResponse:
    """A live page behind Wagtail's privacy settings, as the public site shows it; a 404 for anything else.

    A password restriction shows Wagtail's password form in the site's layout (401, checked on POST to
    the page itself), and a visitor whose session passed it reads the page (never from or into the
    shared cache). A sign-in or group restriction is a 403 page for everyone: the public site shows a
    signed-in staff member what it shows anybody, and staff read such pages in the admin's preview.
    """
    page = _routed_page(request, site, path)
    if page is None or not is_published_behind_restrictions(page, site):
        return not_found(request, site)
    restrictions = list(PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)))
    if not restrictions:
        return not_found(request, site)  # visible after all (changed meanwhile): the next request serves it
    if any(restriction.restriction_type != PageViewRestriction.PASSWORD for restriction in restrictions):
        return _restricted_response(request, site, 403, kind="private", title=_("This page is private"))
    failing = [restriction for restriction in restrictions if not restriction.accept_request(request)]
    if not failing:
        _leave_out_hidden_doctors(page)
        data = page_payload(request, site, page)
        response = render_payload(request, data, document_head.for_page(request, site, page, data))
        response["Cache-Control"] = "private, no-store"
        return response
    form = PasswordViewRestrictionForm(request.POST or None, instance=failing[0])
    if request.method == "POST" and form.is_valid():
        failing[0].mark_as_passed(request)
        return HttpResponse(status=303, headers={"Location": request.path})
    error = " ".join(form.errors.get("password", [])) if request.method == "POST" else ""
    return _restricted_response(request, site, 401, kind="password", title=_("Password required"), error=error)


def _restricted_response(request: HttpRequest, site: Site, status: int, *, kind: str, title: str, error: str = ""):
    restricted = RestrictedPage(
        kind=kind,
        title=title,
        action=request.path if kind == "password" else "",
        csrf_token=get_token(request) if kind == "password" else "",
        return_url=request.path if kind == "password" else "",
        error=error,
    )
    data = payload(request, site, status=status, restricted=restricted)
    response = render_payload(request, data, document_head.for_app_page(request, data, title=title))
    response["Cache-Control"] = "private, no-store"
    return response


def not_found(request: HttpRequest, site: Site | None) -> HttpResponse:
    """The 404 page (the redirects middleware replaces it when an editor set up a redirect)."""
    if site is None:
        raise Http404
    data = payload(request, site, status=404)
    return render_payload(request, data, document_head.for_app_page(request, data, "not_found"))


@require_safe
def search_view(request: HttpRequest) -> HttpResponse:
    """``/search/?q=``: the search API's results for the words, rendered by the app."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    words = " ".join(request.GET.get("q", "").split())[:MAX_SEARCH_LENGTH]
    data = search_payload(request, site, words)
    return render_payload(request, data, document_head.for_app_page(request, data, "search"))


@require_safe
def append_slash_view(request: HttpRequest, path: str) -> HttpResponse:
    """The search or booking page's address without its slash: a 301 to it, keeping the query, as for pages."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"/{path}/" + (f"?{query}" if query else ""))


@require_http_methods(["GET", "HEAD", "POST"])
@csrf_exempt  # a POST is never read: nothing to forge
def appointment_view(request: HttpRequest) -> HttpResponse:
    """The appointment request form (the app posts it to the appointments API).

    A POST is the form sent before or without the app (it then says it needs JavaScript): it is answered
    with a ``303`` to the empty form and its body is never read, so a patient's details reach no log.

    ``doctor`` and ``page`` (the booking link's ids, see ``home/booking.py``) are kept when they are
    positive numbers, so the server renders the form for the doctor the link names; anything else is left out.
    """
    if request.method == "POST":
        see_other = HttpResponseRedirect(request.get_full_path())
        see_other.status_code = 303
        return see_other
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    query = appointment_query(_positive_id(request.GET.get("doctor")), _positive_id(request.GET.get("page")))
    data = payload(request, site, query=query)
    return render_payload(request, data, document_head.for_app_page(request, data, "appointment"))


def _positive_id(text: str | None) -> int | None:
    return int(text) if text and text.isascii() and text.isdigit() and len(text) <= 10 and int(text) > 0 else None


@require_safe
@xframe_options_sameorigin
def preview_view(request: HttpRequest) -> HttpResponse:
    """The headless preview target: the app renders the draft from the preview endpoint.

    It may be framed by the admin's live preview panel (same origin) and by nothing else.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    data = payload(request, site)
    response = render_payload(request, data, document_head.for_app_page(request, data, title=_("Preview")))
    response["Content-Security-Policy"] = frontend_csp(frame_ancestors="'self'")
    response["Cache-Control"] = "no-store"
    return response
