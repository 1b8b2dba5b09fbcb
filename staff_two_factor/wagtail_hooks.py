"""Admin wiring: the two-step verification pages and their place on the account page."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import urls
from .enrolment import has_two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("account/two-step-verification/", include(urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    if has_two_factor(request.user):
        help_text = _("On: signing in asks for a code from your authenticator app.")
    else:
        help_text = _("Off: add a code from an authenticator app to signing in.")
    return {
        "url": reverse("staff_two_factor:overview"),
        "label": _("Two-step verification"),
        "help_text": help_text,
    }
