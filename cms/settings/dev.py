"""Local development: debug on, console e-mail, a throwaway secret key."""

from .base import *  # noqa: F403
from .environment import env_str

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
