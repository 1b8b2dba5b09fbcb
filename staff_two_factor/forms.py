"""Forms that ask for an authentication code: the admin sign-in, confirming a new app, turning it off."""

from django import forms
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm

from .enrolment import has_two_factor
from .verification import TooManyWrongCodes, confirmed_device_for_code, normalise_code

CODE_WIDGET_ATTRS = {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}

WRONG_CODE = _(
    "That authentication code is wrong or has already been used. Enter the code your authenticator app "
    "shows now, or one of your unused recovery codes."
)
TOO_MANY_WRONG_CODES = _("Too many wrong authentication codes in a row. Wait a minute, then try again.")


def device_for_code(user, code: str) -> Device:
    """The user's device that accepts ``code``, or a ValidationError saying what to do instead."""
    try:
        device = confirmed_device_for_code(user, code)
    except TooManyWrongCodes:
        raise forms.ValidationError(TOO_MANY_WRONG_CODES, code="throttled") from None
    if device is None:
        raise forms.ValidationError(WRONG_CODE, code="invalid_code")
    return device


class TwoFactorLoginForm(LoginForm):
    """Wagtail's sign-in form with an authentication code, needed by people who turned on two-step verification.

    Installed as ``WAGTAILADMIN_USER_LOGIN_FORM``; Wagtail's login page shows the extra field. A right
    password with a missing or wrong code is a failed sign-in (django-axes counts it), and the device
    that accepted the code marks the session as verified (django-otp's ``user_logged_in`` handler).
    """

    authentication_code = forms.CharField(
        label=_("Authentication code"),
        required=False,
        max_length=20,
        help_text=_("Only if two-step verification is on for you: the code from your authenticator app."),
        widget=forms.TextInput(attrs={**CODE_WIDGET_ATTRS, "placeholder": _("6-digit code")}),
    )

    error_messages = {
        **LoginForm.error_messages,
        "code_required": _(
            "Two-step verification is on for this account: enter the code from your authenticator app "
            "(or one of your recovery codes) as well as your password."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and has_two_factor(user):
            try:
                user.otp_device = self._device_for_submitted_code(user)
            except forms.ValidationError:
                # The password was right: without this, django-axes would never lock out guessing of codes.
                user_login_failed.send(
                    sender=__name__, credentials={"username": cleaned_data.get("username")}, request=self.request
                )
                self.user_cache = None
                raise
        return cleaned_data

    def _device_for_submitted_code(self, user) -> Device:
        code = self.cleaned_data.get("authentication_code", "")
        if not normalise_code(code):
            raise forms.ValidationError(self.error_messages["code_required"], code="code_required")
        return device_for_code(user, code)


class ConfirmAuthenticatorForm(forms.Form):
    """The first code from a newly added authenticator app, proving it is set up right."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=20,
        widget=forms.TextInput(attrs={**CODE_WIDGET_ATTRS, "inputmode": "numeric", "autofocus": ""}),
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _(
                    "That code doesn't match. Enter the code the app shows now; if it still fails, "
                    "check that your phone sets its clock automatically."
                ),
                code="invalid_code",
            )
        return code


class TurnOffForm(forms.Form):
    """A current authentication code, so that a borrowed session cannot switch off someone's protection."""

    code = forms.CharField(
        label=_("Authentication code"),
        max_length=20,
        help_text=_("The code your authenticator app shows now, or one of your unused recovery codes."),
        widget=forms.TextInput(attrs={**CODE_WIDGET_ATTRS, "autofocus": ""}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_code(self):
        self.device = device_for_code(self.user, self.cleaned_data["code"])
        return self.cleaned_data["code"]
