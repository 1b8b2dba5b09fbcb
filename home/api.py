"""The site in one call: ``GET /api/v3/site/``."""

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page, Site

from content_cache.copy_dependencies import answer_lists_no_articles
from content_cache.shared_parts import shared_part
from home.api_auth import TOKEN_OR_ANONYMOUS
from home.share_image import site_share_image

from .api_output import as_api_json
from .api_shapes import Breadcrumb, PageHead, PageLink, SocialImage
from .booking import APPOINTMENT_PATH, appointment_contacts, booking_links
from .models import Clinic, DoctorPage, SiteSettings
from .page_head import head
from .page_paths import page_path
from .schemas import AppPageHeads, SiteIdentity, SiteShellSchema
from .site_roots import site_name_of, site_root_paths
from .visibility import visible_pages

router = Router(tags=["site"])

SEARCH_PATH = "/search/"


def _link(page: Page, request: HttpRequest) -> PageLink:
    return PageLink(id=page.pk, title=page.title, path=page_path(page, request))


def _app_page_head(
    request: HttpRequest, site: Site, home: PageLink, title: str, path: str, description: str, image: SocialImage
) -> PageHead:
    """The head of one of the frontend's own pages (search, booking form, not found): not Wagtail pages.

    Shared, they show the site's share image (:func:`home.share_image.site_share_image`).
    """
    # A page without an address of its own (not found) has no trail.
    crumbs = [Breadcrumb(title=home["title"], path=home["path"]), Breadcrumb(title=title, path=path)] if path else []
    return head(
        title,
        site,
        description=description,
        canonical_url=request.build_absolute_uri(path) if path else "",
        path=path,
        social_image=image,
        breadcrumbs=crumbs,
    )


def _app_page_heads(request: HttpRequest, site: Site, home: PageLink, settings: SiteSettings) -> AppPageHeads:
    name = site_name_of(site)
    image = SocialImage(**site_share_image(site.root_page, settings))
    return AppPageHeads(
        search=_app_page_head(
            request, site, home, _("Search"), SEARCH_PATH, _("Search the articles of %(site)s.") % {"site": name}, image
        ),
        appointment=_app_page_head(
            request,
            site,
            home,
            _("Book an appointment"),
            APPOINTMENT_PATH,
            _("Ask %(site)s for an appointment: send the form, call or write on WhatsApp.") % {"site": name},
            image,
        ),
        not_found=_app_page_head(
            request,
            site,
            home,
            _("Page not found"),
            "",
            _("This address has no page on %(site)s: search its articles or start from the home page.")
            % {"site": name},
            image,
        ),
    )


def site_shell(request: HttpRequest, site: Site) -> dict:
    """What ``GET /api/v3/site/`` answers for ``site``, as JSON data (the server-rendered frontend inlines it).

    Every page repeats it, and an article's publish leaves it unchanged: it is kept as a shared part
    (:mod:`content_cache.shared_parts`) until content it shows changes.
    """
    return shared_part(
        request, "site-shell", lambda: as_api_json(SiteShellSchema, _site_shell_data(request, site), request)
    )


def _site_shell_data(request: HttpRequest, site: Site) -> dict:
    # The menu, doctors and footer links are pages (recorded one by one); no list of articles is shown.
    answer_lists_no_articles()
    # Wagtail keeps the settings on the request: the page's booking links read the same object.
    settings = SiteSettings.for_request(request)
    # The plain root page (title, path, locale id): joined to the site already.
    root = site.root_page
    # The menu, and whether the footer may link the privacy notice and disclaimer: one query of visible pages.
    # The menu's condition is written on the page row itself, so PostgreSQL finds the few pages in menus
    # through their index (home migration 0006) rather than testing every visible page of the archive.
    footer_ids = [settings.privacy_page_id, settings.disclaimer_page_id]
    in_menu = Page.objects.child_of_q(root) & Q(show_in_menus=True)
    visible = list(visible_pages(site).filter(Q(pk__in=footer_ids) | in_menu).order_by("path"))
    menu = [page for page in visible if page.show_in_menus and page.is_child_of(root)]
    privacy = next((page for page in visible if page.pk == settings.privacy_page_id), None)
    disclaimer = next((page for page in visible if page.pk == settings.disclaimer_page_id), None)
    language = next((r.language_code for r in site_root_paths() if r.root_path == root.url_path), None)
    # The doctors a booking link may name (``/appointment/?doctor=<id>``): the form says whom it is for.
    doctors = visible_pages(site, DoctorPage).order_by("path")
    clinics = Clinic.objects.filter(locale_id=root.locale_id).prefetch_related("opening_hours")
    home = _link(root, request)
    return {
        "site": SiteIdentity(
            name=site_name_of(site),
            root_url=site.root_url,
            language=language or root.locale.language_code,
            home=home,
        ),
        "settings": settings,
        "contacts": appointment_contacts(settings),
        "booking": booking_links(settings),
        "clinics": list(clinics),
        "menu": [_link(page, request) for page in menu],
        "doctors": [
            PageLink(id=doctor.pk, title=doctor.display_name, path=page_path(doctor, request)) for doctor in doctors
        ],
        "privacy_page": _link(privacy, request) if privacy else None,
        "disclaimer_page": _link(disclaimer, request) if disclaimer else None,
        "app_pages": _app_page_heads(request, site, home, settings),
    }


@router.get(
    "/",
    response={200: SiteShellSchema, 404: ProblemDetail},
    url_name="site_detail",
    summary="Site settings, contacts, clinics and menu",
    operation_id="site_detail",
    auth=TOKEN_OR_ANONYMOUS,
)
def site_detail(request: HttpRequest):
    """The requested site's settings, booking contacts (``tel:`` and WhatsApp links), clinics and menu.

    The menu and the privacy and disclaimer links name only pages a visitor may see (:mod:`home.visibility`).
    The frontend calls this once per visit to render the header, footer and the
    appointment bar on every page.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    return _site_shell_data(request, site)
