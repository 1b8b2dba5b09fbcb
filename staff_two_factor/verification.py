"""Checking an authentication code against a staff member's confirmed two-step verification devices.

A code is either the digits an authenticator app shows (checked against the user's TOTP device) or
one of the recovery codes handed out at enrolment (checked against their static device, and used up
by a successful check). The shape of the code decides which device is asked: django-otp throttles each
device on its own, so a mistyped app code must not count as a failed recovery code, nor the reverse.
"""

from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class TooManyWrongCodes(Exception):
    """The device that would check the code is pausing after recent wrong codes (django-otp's throttling)."""


def normalise_code(code: str) -> str:
    """The code as stored and compared: people type spaces and dashes, phones show groups of digits."""
    return "".join(code.split()).replace("-", "").lower()


def _is_app_code(code: str) -> bool:
    # Authenticator apps show 6 (or 8) digits; recovery codes are 8 letters and digits of base32.
    return code.isdigit() and len(code) in (6, 8)


def confirmed_device_for_code(user, code: str) -> Device | None:
    """The user's confirmed device that accepts ``code``, or None.

    A recovery code is used up by this check. Raises :class:`TooManyWrongCodes` when no device
    accepted the code and a device that could have was refusing checks for a while.
    """
    code = normalise_code(code)
    if not code:
        return None
    model = TOTPDevice if _is_app_code(code) else StaticDevice
    throttled = False
    # Locked rows: two requests with the same code cannot both be accepted (TOTP's last_t, a
    # recovery code's deletion), as in django_otp.verify_token.
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                throttled = True
            elif device.verify_token(code):
                return device
    if throttled:
        raise TooManyWrongCodes
    return None
