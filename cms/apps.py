from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Project wiring: connects API cache invalidation to content changes."""

    name = "cms"
    verbose_name = "Project wiring"

    def ready(self):
        from . import api_cache_signals

        api_cache_signals.connect()
