"""Fixed-window rate limits kept in Django's cache.

Counters are incremented atomically (``cache.add`` then ``cache.incr``), which
both the local-memory and the Redis backends guarantee, so concurrent requests
in several workers share one count when Redis is configured. Identifiers (an
address, a phone number) are hashed with the secret key before they become
cache keys: the cache never holds them in clear. When the cache is unavailable
the limit is not applied — losing the cache must never turn a patient away.
"""

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LimitResult:
    """Whether the request may go ahead, and if not, how many seconds to wait."""

    allowed: bool
    retry_after: int = 0


def hashed_identifier(identifier: str) -> str:
    """A keyed hash of an address or phone number, so the cache never holds them in clear."""
    return hmac.new(settings.SECRET_KEY.encode(), identifier.encode(), hashlib.sha256).hexdigest()[:32]


def hit(scope: str, identifier: str, limit: int, window_seconds: int) -> LimitResult:
    """Count one request for ``identifier`` in ``scope``; refuse it beyond ``limit`` per window."""
    now = time.time()
    window = int(now // window_seconds)
    key = f"ratelimit:{scope}:{hashed_identifier(identifier)}:{window}"
    try:
        cache.add(key, 0, timeout=window_seconds + 1)
        count = cache.incr(key)
    except Exception:  # any cache outage: fail open, see the module docstring
        logger.warning("Rate limit cache unavailable for scope %s; request allowed", scope)
        return LimitResult(allowed=True)
    if count > limit:
        retry_after = max(1, int((window + 1) * window_seconds - now + 0.999))
        return LimitResult(allowed=False, retry_after=retry_after)
    return LimitResult(allowed=True)
