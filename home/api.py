"""The site in one call: ``GET /api/v3/site/``."""

from django.http import Http404, HttpRequest
from ninja import Router
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page, Site

from cms.api_auth import TOKEN_OR_ANONYMOUS

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
    auth=TOKEN_OR_ANONYMOUS,
)
def site_detail(request: HttpRequest):
    """The requested site's settings, booking contacts (``tel:`` and WhatsApp links), clinics and menu.

    The frontend calls this once per visit to render the header, footer and the
    appointment bar on every page.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    settings = SiteSettings.for_site(site)
    root = site.root_page.specific
    menu = root.get_children().live().public().in_menu().order_by("path")
    privacy = settings.privacy_page
    if privacy is not None and not Page.objects.live().public().filter(pk=privacy.pk).exists():
        privacy = None  # a draft or private privacy notice is not linked
    clinics = Clinic.objects.filter(locale_id=root.locale_id).prefetch_related("opening_hours")
    return {
        "site": SiteIdentity(
            name=site.site_name or root.title,
            root_url=site.root_url,
            language=root.locale.language_code,
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
