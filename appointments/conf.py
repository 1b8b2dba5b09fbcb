"""The app's settings with their defaults, read at call time so tests can override them.

Each value can be set in the Django settings under the same name; the retention
period is also read from the environment by ``cms/settings/base.py``.
"""

from django.conf import settings

DEFAULTS = {
    # How far ahead a patient may ask for a date.
    "APPOINTMENTS_MAX_DAYS_AHEAD": 90,
    # A form sent faster than this after it was shown is treated as a bot. Browser
    # autofill lets a person send the form within 2 to 3 seconds, so the floor only
    # catches scripts that post at once; the honeypot and the limits do the rest.
    "APPOINTMENTS_MIN_FILL_MS": 1000,
    # Fixed-window limits, as (requests, seconds). A hospital's shared Wi-Fi puts
    # many patients behind one address, so the per-address limit is generous.
    "APPOINTMENTS_RATE_LIMIT_PER_IP": (20, 60 * 60),
    "APPOINTMENTS_RATE_LIMIT_PER_PHONE": (3, 24 * 60 * 60),
    "APPOINTMENTS_CTA_RATE_LIMIT_PER_IP": (60, 60 * 60),
    # Requests are deleted or anonymised after this many days.
    "APPOINTMENTS_RETENTION_DAYS": 180,
    # Where notifications go when neither the doctor nor the site settings name an address.
    "APPOINTMENTS_NOTIFY_EMAIL": "",
    # Send the notification e-mail on a background thread so a slow mail
    # server never slows the patient's submission.
    "APPOINTMENTS_NOTIFY_IN_BACKGROUND": True,
    "APPOINTMENTS_NOTIFY_THREADS": 2,
    # Largest JSON body accepted by the public endpoints, in bytes.
    "APPOINTMENTS_MAX_BODY_BYTES": 16 * 1024,
}


def get(name: str):
    """The setting's value, or the app's default for it."""
    return getattr(settings, name, DEFAULTS[name])
