"""Admin pages where staff members manage their own two-step verification."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .enrolment import (
    activate,
    has_authenticator,
    has_two_factor,
    pending_authenticator,
    recovery_codes_left,
    secret_key_text,
    turn_off,
)
from .forms import ConfirmAuthenticatorForm, TurnOffForm
from .policy import two_factor_required
from .qr_code import qr_code_svg


class TwoFactorPageMixin(WagtailAdminTemplateMixin):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": reverse("staff_two_factor:overview"), "label": _("Two-step verification")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(required=two_factor_required(), **kwargs)


class OverviewView(TwoFactorPageMixin, TemplateView):
    """Whether two-step verification is on for me, with the way to set it up or turn it off."""

    template_name = "staff_two_factor/overview.html"
    page_title = _("Two-step verification")

    def get_breadcrumbs_items(self):
        # This page is the "Two-step verification" item itself.
        *account_items, _overview, current = super().get_breadcrumbs_items()
        return [*account_items, current]

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            enabled=has_two_factor(user),
            has_authenticator=has_authenticator(user),
            recovery_codes_left=recovery_codes_left(user),
            **kwargs,
        )


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class SetUpView(TwoFactorPageMixin, FormView):
    """Add an authenticator app: scan the QR code (or type the key), confirm with a code, keep the recovery codes."""

    template_name = "staff_two_factor/set_up.html"
    page_title = _("Set up an authenticator app")
    form_class = ConfirmAuthenticatorForm

    def dispatch(self, request, *args, **kwargs):
        if has_authenticator(request.user):
            messages.info(request, _("Two-step verification is already on for your account."))
            return redirect("staff_two_factor:overview")
        self.device = pending_authenticator(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        if "recovery_codes" not in kwargs:
            kwargs.update(qr_code=qr_code_svg(self.device.config_url), secret_key=secret_key_text(self.device))
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        recovery_codes = activate(self.device)
        # This session has just proved the new device works; it counts as verified with it.
        otp_login(self.request, self.device)
        # Shown in this response only: the codes are never stored anywhere the page could show them again.
        self.page_title = _("Save your recovery codes")
        self.template_name = "staff_two_factor/recovery_codes.html"
        return self.render_to_response(self.get_context_data(recovery_codes=recovery_codes))


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class TurnOffView(TwoFactorPageMixin, FormView):
    """Turn two-step verification off, after a current code."""

    template_name = "staff_two_factor/turn_off.html"
    page_title = _("Turn off two-step verification")
    form_class = TurnOffForm

    def dispatch(self, request, *args, **kwargs):
        if not has_two_factor(request.user):
            return redirect("staff_two_factor:overview")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        turn_off(self.request.user)
        if two_factor_required():
            messages.warning(
                self.request, _("Two-step verification is off. This site requires it: set up an app again now.")
            )
            return redirect("staff_two_factor:set_up")
        messages.success(self.request, _("Two-step verification is off. Signing in needs only your password."))
        return redirect("staff_two_factor:overview")
