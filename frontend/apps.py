"""The content frontend: Django's side of the Preact single-page app."""

from django.apps import AppConfig


class FrontendConfig(AppConfig):
    """Serves the built single-page app with a server-rendered head and content."""

    name = "frontend"
    verbose_name = "Content frontend"
