from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """``/sitemap.xml``, ``/robots.txt`` and the article feeds' URLs."""

    name = "discovery"
    verbose_name = "Discovery"
