"""Keeps admin sessions to the two-step verification rules.

- Someone with two-step verification on whose session was never verified with a code (it was signed
  in before they turned it on, elsewhere) is signed out and asked to sign in again with a code.
- With ``ADMIN_REQUIRE_TWO_FACTOR`` on, staff without an authenticator app can use no admin page but
  the set-up pages until they have set one up.

Runs after django-otp's ``OTPMiddleware`` (which tells whether the session is verified) and
``MessageMiddleware``; only admin addresses are looked at, so the public site and API pay nothing.
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .enrolment import has_two_factor
from .policy import two_factor_required

# Pages a signed-in person may need before verification: signing in and out, and what those pages load.
ALWAYS_ALLOWED = frozenset(
    {"wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_javascript_catalog", "wagtailadmin_sprite"}
)
SET_UP_NAMESPACE = "staff_two_factor"


class TwoFactorPolicyMiddleware:
    """Signs out unverified sessions of people with two-step verification; sends staff to set it up when required."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        if match.url_name in ALWAYS_ALLOWED and not match.namespace:
            return None
        user = request.user
        if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin") or user.is_verified():
            return None
        if has_two_factor(user):
            logout(request)
            messages.info(request, _("Two-step verification is on for your account: sign in again with a code."))
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if two_factor_required() and match.namespace != SET_UP_NAMESPACE:
            return redirect("staff_two_factor:set_up")
        return None
