"""Wagtail hooks of the site's pages, and the clinics' listing in the admin."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Clinic
from .rich_text_links import PlainPageLinkHandler


# After Wagtail's own registration (order 0), which this replaces.
@hooks.register("register_rich_text_features", order=100)
def register_plain_page_links(features):
    """Resolve internal page links with :class:`PlainPageLinkHandler`."""
    features.register_link_type(PlainPageLinkHandler)


class ClinicViewSet(SnippetViewSet):
    """Snippets → Clinics: found by name, address or postcode; filtered by city or country."""

    model = Clinic
    icon = "site"
    list_display = ["name", "locality", "phone", "country"]
    search_fields = ["name", "street_address", "locality", "postal_code"]
    list_filter = ["locality", "country"]


register_snippet(ClinicViewSet)
