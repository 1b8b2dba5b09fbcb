"""A Redis cache that degrades to "no cache" when Redis is unreachable.

Django's own ``RedisCache`` raises on a connection error, which would turn a
cache outage into failed requests. Everything cached here can be recomputed
from the database, so a failed read is a miss and a failed write is skipped.
Rate-limit counters fail open: a visitor is never refused because Redis is down.
"""

import functools
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# One warning per process per interval is enough to notice an outage
# without flooding the log on every request.
WARNING_INTERVAL_SECONDS = 30.0
# After a failure, skip Redis for a moment instead of paying a connection
# timeout on every cache call of every request.
RETRY_AFTER_SECONDS = 2.0
_last_warning_at = 0.0
_skip_until = 0.0


def _report_outage(operation: str, error: Exception) -> None:
    global _last_warning_at, _skip_until
    now = time.monotonic()
    _skip_until = now + RETRY_AFTER_SECONDS
    if now - _last_warning_at >= WARNING_INTERVAL_SECONDS:
        _last_warning_at = now
        logger.warning("Redis cache unavailable (%s failed: %s); serving from the database.", operation, error)


def _on_redis_error(fallback):
    """Run the cache operation; on a Redis error return ``fallback(*args)`` instead."""

    def decorator(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            if time.monotonic() < _skip_until:
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                _report_outage(method.__name__, error)
                return fallback(*args, **kwargs)

        return guarded

    return decorator


class ResilientRedisCache(RedisCache):
    """``RedisCache`` whose operations never raise on Redis errors."""

    @_on_redis_error(lambda *args, **kwargs: False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_on_redis_error(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_on_redis_error(lambda *args, **kwargs: None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_on_redis_error(lambda *args, **kwargs: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_on_redis_error(lambda *args, **kwargs: False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_on_redis_error(lambda *args, **kwargs: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_on_redis_error(lambda *args, **kwargs: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    # A counter that cannot be read counts as a first hit: fail open.
    @_on_redis_error(lambda key, delta=1, version=None: delta)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_on_redis_error(lambda data, *args, **kwargs: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_on_redis_error(lambda *args, **kwargs: None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_on_redis_error(lambda *args, **kwargs: False)
    def clear(self):
        return super().clear()
