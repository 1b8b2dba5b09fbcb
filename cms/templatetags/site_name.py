"""``{% site_name %}``: the practice's name as staff know it, for the admin's title and welcome."""

from django import template
from wagtail.models import Site

from home.site_roots import site_name_of

register = template.Library()


@register.simple_tag
def site_name() -> str:
    """The default site's name (Settings → Sites), else ``WAGTAIL_SITE_NAME``."""
    site = Site.objects.filter(is_default_site=True).only("site_name").first()
    return site_name_of(site)
