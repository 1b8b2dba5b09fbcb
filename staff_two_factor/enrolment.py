"""A staff member's two-step verification devices: setting up an authenticator app, recovery codes, turning off.

The devices are django-otp's own models: one TOTP device ("Authenticator app") and one static device
holding single-use recovery codes. An authenticator being set up is an unconfirmed TOTP device until
the person proves their app works by typing a code from it.
"""

from base64 import b32encode

from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"
# Enough for a year of lost phones and forgotten devices; each one works once.
RECOVERY_CODE_COUNT = 10


def has_two_factor(user) -> bool:
    """Whether signing in as ``user`` needs an authentication code (any confirmed device)."""
    return user_has_device(user, confirmed=True)


def has_authenticator(user) -> bool:
    """Whether ``user`` has a confirmed authenticator app."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    """How many unused recovery codes ``user`` has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator app ``user`` is setting up (kept across page loads, so a scanned code stays valid)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def secret_key_text(device: TOTPDevice) -> str:
    """The device's secret as people type it into an app: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def activate(device: TOTPDevice) -> list[str]:
    """Confirm a verified pending authenticator and issue fresh recovery codes; returns the codes.

    Any earlier recovery codes stop working. The codes are returned once, to be shown once.
    """
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # A person has one authenticator: others left over from an abandoned set-up go.
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
        StaticDevice.objects.filter(user_id=device.user_id).delete()
        recovery = StaticDevice.objects.create(user_id=device.user_id, name=RECOVERY_CODES_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def turn_off(user) -> None:
    """Remove all of ``user``'s devices: signing in needs only the password again."""
    with transaction.atomic():
        for device in list(devices_for_user(user, confirmed=None)):
            device.delete()
