from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """``/sitemap.xml``, ``/robots.txt``, the article feeds, and the renditions they and the pages ask for."""

    name = "discovery"
    verbose_name = "Discovery"

    def ready(self):
        """Renditions are made when an image is saved, not by a visitor (README "Images")."""
        from .rendition_tasks import connect  # imports models: only once the app registry is ready

        connect()
