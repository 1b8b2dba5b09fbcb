from django.apps import AppConfig


class StaffTwoFactorConfig(AppConfig):
    """Staff sign-in to the admin with a code from an authenticator app, optional or required by policy."""

    name = "staff_two_factor"
    verbose_name = "Two-step verification"
