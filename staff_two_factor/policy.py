"""The site's two-step verification policy for staff."""

from django.conf import settings


def two_factor_required() -> bool:
    """Whether ``ADMIN_REQUIRE_TWO_FACTOR`` makes every staff member set up an authenticator app."""
    return getattr(settings, "ADMIN_REQUIRE_TWO_FACTOR", False)
