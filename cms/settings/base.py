"""Settings shared by every environment.

Environment-specific modules (``dev``, ``test``, ``production``) import this
one and override only what differs. Everything that varies per deployment is
read from the environment through :mod:`cms.settings.environment`.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .environment import cache_config, database_config, env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    # Project apps, one concern each (see README "Architecture").
    "home",
    "blog",
    "images",
    "search",
    "appointments",
    "cms",
    "frontend",
    "discovery",
    "demo",
    "staff_two_factor",
    # Wagtail
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_headless_preview",
    "corsheaders",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    # Only for its templates and static files: the API docs page uses the pinned package's own Swagger UI.
    "ninja",
    "phonenumber_field",
    "axes",
    # Two-step verification for the admin (staff_two_factor): authenticator apps and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy on every response (the frontend's CSP is set by its views).
    "frontend.security_headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Wagtail's site root paths read from the cache once per request, however many pages an answer links to.
    "home.site_roots.SiteRootPathsOncePerRequest",
    # Outside the caches, so their copies are kept uncompressed; never where a secret is (BREACH).
    "cms.compression.SecretSafeGZipMiddleware",
    # Before CommonMiddleware so CORS preflight answers are not redirected.
    "corsheaders.middleware.CorsMiddleware",
    # Inside CORS (so cached answers get CORS headers), before everything that reads the database.
    "cms.api.cache.PublicAPICacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether the session was verified with an authentication code (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "staff_two_factor.middleware.TwoFactorPolicyMiddleware",
    # The admin's choosers and internal API only for staff with a permission on what they list.
    "cms.admin_choosers.AdminChooserPermissionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: locks out repeated failed admin logins.
    "axes.middleware.AxesMiddleware",
]

# Brute-force protection for the admin login (django-axes): after
# AXES_FAILURE_LIMIT failures for one username from one address, that pair is
# locked out for AXES_COOLOFF_TIME hours. Attempts are counted in the database.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Reverse proxies in front of Django: the lockout, the appointment limits and the password-reset
# limit all read the visitor's address through home.client_address (django-axes' own reading would
# need django-ipware and otherwise keys on the proxy's address, locking everyone out at once).
PROXY_COUNT = env_int("PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "home.client_address.client_address"
# Password-reset e-mails (admin "Forgotten password?"): at most this many per (count, seconds)
# from one address, and to one account; beyond that the page answers as usual and sends nothing.
PASSWORD_RESET_LIMIT_PER_ADDRESS = (5, 60 * 60)
PASSWORD_RESET_LIMIT_PER_ACCOUNT = (3, 24 * 60 * 60)
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "cms.password_reset.ThrottledPasswordResetForm"  # noqa: S105 (a class path)

# Two-step verification (staff_two_factor): anyone may turn it on in their account; when required,
# staff cannot use the admin until they have set up an authenticator app.
WAGTAILADMIN_USER_LOGIN_FORM = "staff_two_factor.forms.TwoFactorLoginForm"
ADMIN_REQUIRE_TWO_FACTOR = env_bool("ADMIN_REQUIRE_TWO_FACTOR", False)

# Security headers (see frontend/security_headers.py for CSP and Permissions-Policy).
# Other sites see only this site's origin, never the path of the page a visitor read.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": database_config(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = cache_config()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English first; further languages are content work.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Kolkata")
USE_I18N = True
USE_TZ = True

# Static files and media
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATICFILES_DIRS = [d for d in [BASE_DIR / "frontend" / "dist"] if d.is_dir()]
# Cached for a year by browsers and CDNs: Vite's hashed build files
# (assets/index-<8-char hash>.js) and Django's manifest copies (name.<12 hex>.css).
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/static/(assets/[^/]+-[A-Za-z0-9_-]{8}\.\w+|.+\.[0-9a-f]{12}\.\w+)$"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Whether Django itself serves MEDIA_ROOT (on in development).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media on S3-compatible storage (django-storages) when a bucket is configured;
# static files stay with WhiteNoise either way.
if env_str("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

# Uploads: large enough for a phone photo, small enough to refuse abuse.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# 25 megapixels: a phone's photo (12 MP, or 24 MP in its high-resolution mode) or a 24 MP camera's
# (6,000 x 4,000), while making one rendition of the largest stays near 2 s of CPU and 250 MB in a
# worker. Larger uploads are refused with Wagtail's "too many pixels" message. (Wagtail's default,
# 128 MP, let a 117 KB PNG of 11,000 x 11,000 hold a worker for ~20 s and ~860 MB.)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
# HEIC (iPhone photos) is read with pillow_heif; renditions of it are JPEG, which every browser shows.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "heic", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.CustomImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents are always streamed by Wagtail's serve view, which applies their collection's privacy
# (sign-in or password); never a redirect to the storage's own, unprotected address (S3's default).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The sign-in page visitors see for a document (or page) restricted to signed-in users.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "wagtailcore/login.html"

# E-mail: console in development, SMTP from the environment in production.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Clinic website")
# Staff avatars are not fetched from an outside service (which would learn who uses the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The account name authenticator apps show next to the staff member's username.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Moving or renaming a page leaves a redirect from its old address (Wagtail's default, relied on).
WAGTAILREDIRECTS_AUTO_CREATE = True
# robots.txt lets crawlers in only where this is on (production settings); staging copies stay unindexed.
ROBOTS_ALLOW_INDEXING = env_bool("ROBOTS_ALLOW_INDEXING", False)
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# An approved "Medical review" publishes an article only with a named author and an independent reviewer.
WAGTAIL_FINISH_WORKFLOW_ACTION = "blog.workflow_finish.publish_reviewed"
# The database backend matching word starts (search/word_start_backend.py); PostgreSQL stems English words.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.word_start_backend", "SEARCH_CONFIG": "english"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# The OpenAPI document (/api/v3/openapi.json), and the interactive docs page (cms/api/docs.py).
WAGTAILAPI_DOCS_ENABLED = env_bool("API_SCHEMA_ENABLED", True)
API_DOCS_ENABLED = env_bool("API_DOCS_ENABLED", True)
# The API's detail_url starts with the requested site's address (its site record) unless this names another.
if env_str("WAGTAILAPI_BASE_URL"):
    WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL")
WAGTAILAPI_LIMIT_MAX = 100

# Public API responses: browsers/CDNs may reuse them this many seconds; the
# server-side copy lives until content changes (see content_cache/store.py).
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 60)
API_CACHE_ENABLED = env_bool("API_CACHE_ENABLED", True)
# Rendered frontend pages are kept the same way (see content_cache/page_cache.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# URLs per sitemap file (the protocol allows 50,000; smaller files stay quick to build cold).
SITEMAP_PAGE_SIZE = env_int("SITEMAP_PAGE_SIZE", 10_000)
# ``X-Cache: HIT``/``MISS`` on answers of both caches, for diagnosis: off, as it tells
# anyone which addresses others have just read.
CACHE_STATUS_HEADER = env_bool("CACHE_STATUS_HEADER", False)

# CORS for the API only, off unless origins are listed (same-origin frontend needs none).
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "if-none-match"]
CORS_EXPOSE_HEADERS = ["etag"]

# Editors preview drafts in the real frontend, on this same origin; the
# frontend reads ``content_type`` and ``token`` and calls /api/v3/preview/.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": env_str("PREVIEW_CLIENT_URL", "{SITE_ROOT_URL}/__preview__/")},
    "ENFORCE_TRAILING_SLASH": True,
}
# How long a preview link stays valid; it also needs the staff member's admin session (cms/api/routers/preview.py).
PREVIEW_TOKEN_MAX_AGE = env_int("PREVIEW_TOKEN_MAX_AGE", 2 * 60 * 60)

# CDN purging on publish (wagtail.contrib.frontend_cache): off unless configured.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        "ZONEID": env_str("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
    }
if env_str("FRONTEND_CACHE_PURGE_URL"):
    # Varnish/Squid/nginx answering HTTP PURGE requests.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }

# Phone numbers are stored in E.164; numbers typed without a country code are
# read in the practice's own country.
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_REGION = env_str("PHONE_DEFAULT_REGION", "IN")
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"

# Appointment requests (see appointments/conf.py for the other knobs): kept this
# many days, then deleted or anonymised by `manage.py purge_appointment_requests`.
APPOINTMENTS_RETENTION_DAYS = env_int("APPOINTMENTS_RETENTION_DAYS", 180)
# Notification address used when neither the doctor nor the site settings name one.
APPOINTMENTS_NOTIFY_EMAIL = env_str("APPOINTMENTS_NOTIFY_EMAIL")
# Error reports (debug page, e-mails to ADMINS) never show appointment data.
DEFAULT_EXCEPTION_REPORTER_FILTER = "appointments.error_reports.PersonalDataExceptionReporterFilter"

# `import_articles --fetch-images` reaches only public internet addresses; networks listed here
# (e.g. "192.168.1.0/24", an old site on the clinic's own network) are allowed too.
IMPORT_FETCH_ALLOWED_NETWORKS = env_list("IMPORT_FETCH_ALLOWED_NETWORKS")

# Demo content: only development settings create a local admin account.
DEMO_CREATE_ADMIN_USER = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies (appointment requests carry personal data) are never
        # logged; Django's request logger only writes the path and status.
        "django.request": {"level": "ERROR", "propagate": True},
        # One line per background task run drowns everything else.
        "django_tasks": {"level": "WARNING", "propagate": True},
    },
}
