"""``/healthz``: is this instance able to serve? For load balancers and uptime checks."""

import time

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def _cache_state() -> str:
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        return "local-memory"
    key = f"healthz:{time.monotonic_ns()}"
    try:
        cache.set(key, "1", 5)
        state = "ok" if cache.get(key) == "1" else "unavailable"
        cache.delete(key)
    except Exception:  # any backend's failure (e.g. the database cache's table missing) is "unavailable"
        return "unavailable"
    return state


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 when it does not; the cache is reported, not required."""
    database = _database_state()
    body = {"status": "ok" if database == "ok" else "unavailable", "database": database, "cache": _cache_state()}
    response = JsonResponse(body, status=200 if database == "ok" else 503)
    if database != "ok":
        response["Retry-After"] = "30"
    return response
