"""The visitor's IP address, as every per-address limit of the site sees it.

One function for the appointment and call-to-action limits, the admin
sign-in lockout (django-axes, through ``AXES_CLIENT_IP_CALLABLE``) and the
password-reset limit, so they all agree on who is asking behind the same
reverse proxies.
"""

from django.conf import settings


def client_address(request) -> str:
    """The client's address behind ``PROXY_COUNT`` trusted reverse proxies.

    Each proxy appends the address it received the request from to
    ``X-Forwarded-For``; behind N proxies the client is therefore the N-th
    address from the right. Anything further left was written by the client
    and is ignored. With no proxy (``PROXY_COUNT=0``), or no header, it is
    ``REMOTE_ADDR``.
    """
    proxies = getattr(settings, "PROXY_COUNT", 0) or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "") or "unknown"
