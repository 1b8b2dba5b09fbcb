from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Project wiring: connects API cache invalidation to content changes."""

    name = "cms"
    verbose_name = "Project wiring"

    def ready(self):
        from .api import cache_signals

        cache_signals.connect()
