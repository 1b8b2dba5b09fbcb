"""Local development: debug on, console e-mail, a throwaway secret key."""

from home.site_address import public_hostname

from .base import *  # noqa: F403
from .environment import env_int, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEMO_CREATE_ADMIN_USER = True
SERVE_MEDIA = True
# Serve static files straight from the apps and frontend/dist, no collectstatic
# needed; WhiteNoise still wants STATIC_ROOT to exist.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(exist_ok=True)  # noqa: F405

# Where `make run` serves (HOST, PORT): Wagtail's own absolute addresses (admin
# e-mails, image renditions) follow it, as the site record does (see home/site_address.py).
WAGTAILADMIN_BASE_URL = env_str(
    "WAGTAILADMIN_BASE_URL", f"http://{public_hostname(env_str('HOST', '127.0.0.1'))}:{env_int('PORT', 8000)}"
)
