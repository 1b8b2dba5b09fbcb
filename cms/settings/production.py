"""Deployments. Refuses to start without a real secret key and host list.

Everything comes from the environment (see README "Configuration").
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_list, env_str

DEBUG = False

SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "django-insecure")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters "
        "(for example: python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the site's host names, comma-separated "
        "(for example: ALLOWED_HOSTS=www.example-clinic.in,example-clinic.in)."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS])

# HTTPS everywhere; a proxy in front terminates TLS and says so.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}")

# The interactive API docs page is a development tool: off on a live site unless turned on.
API_DOCS_ENABLED = env_bool("API_DOCS_ENABLED", False)

# Search engines may index the real site (set ROBOTS_ALLOW_INDEXING=false on a staging copy).
ROBOTS_ALLOW_INDEXING = env_bool("ROBOTS_ALLOW_INDEXING", True)

# Several workers must agree on what is cached (API responses, rendered heads,
# rate-limit counters). Redis is shared by all of them; without it, the
# database cache is (run `manage.py createcachetable` once), where a
# per-process memory cache would let a worker serve a page another worker
# has just unpublished.
if not env_str("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "cms.database_cache.DatabaseCache",
            "LOCATION": "django_cache",
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
            # Django's default of 300 entries is far too few: each page has several copies (its HTML, its
            # route and detail answers, the lists it appears on), so a 50,000-article site visited by a
            # crawler keeps ~200,000. Past the limit Django deletes a third of all entries by key order,
            # expired or not, which may include the generation keys saying what is fresh, and the
            # whole site turns cold. The size is checked on one write in a hundred (cms/database_cache.py).
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 250_000)},
        }
    }
