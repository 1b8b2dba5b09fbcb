"""The site in one call: ``GET /api/v3/site/``."""

from django.db.models import Q
from django.http import Http404, HttpRequest
from ninja import Router
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page, Site

from .api_fields import PageLink, appointment_contacts, page_path
from .models import Clinic, SiteSettings
from .schemas import SiteIdentity, SiteShellSchema

router = Router(tags=["site"])


def _link(page: Page, request: HttpRequest) -> PageLink:
    return PageLink(id=page.pk, title=page.title, path=page_path(page, request))


@router.get(
    "/",
    response={200: SiteShellSchema, 404: ProblemDetail},
    url_name="site_detail",
    summary="Site settings, contacts, clinics and menu",
    operation_id="site_detail",
)
def site_detail(request: HttpRequest):
    """The requested site's settings, booking contacts (``tel:`` and WhatsApp links), clinics and menu.

    The frontend calls this once per visit to render the header, footer and the
    appointment bar on every page.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    # The settings with the pages and image they name, in one query (created on first use, as for_site does).
    settings = SiteSettings.objects.select_related("privacy_page", "default_social_image").filter(site=site).first()
    settings = settings or SiteSettings.for_site(site)
    # The plain root page (title, path, locale id): joined to the site already.
    root = site.root_page
    privacy = settings.privacy_page
    # The menu and whether the privacy notice is visible, in one query of live, public pages.
    visible = (
        Page.objects.live()
        .public()
        .filter(Q(pk=privacy.pk if privacy else None) | Q(pk__in=root.get_children().in_menu().values("pk")))
    )
    visible = list(visible.order_by("path"))
    menu = [page for page in visible if page.show_in_menus and page.is_child_of(root)]
    if privacy is not None and all(page.pk != privacy.pk for page in visible):
        privacy = None  # a draft or private privacy notice is not linked
    language = next((r.language_code for r in Site.get_site_root_paths() if r.root_path == root.url_path), None)
    clinics = Clinic.objects.filter(locale_id=root.locale_id).prefetch_related("opening_hours")
    return {
        "site": SiteIdentity(
            name=site.site_name or root.title,
            root_url=site.root_url,
            language=language or root.locale.language_code,
            home=_link(root, request),
        ),
        "settings": settings,
        "contacts": appointment_contacts(
            settings.appointment_phone, settings.whatsapp_number, settings.whatsapp_message
        ),
        "clinics": list(clinics),
        "menu": [_link(page, request) for page in menu],
        "privacy_page": _link(privacy, request) if privacy else None,
    }
