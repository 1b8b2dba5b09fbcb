from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """The project's image model: Wagtail's image plus the fields a medical site needs."""

    name = "images"
    verbose_name = "Images"

    def ready(self):
        """A request renders only a few renditions (README "Images"; ``discovery.rendition_tasks`` makes the rest)."""
        from . import rendition_budget  # noqa: F401 (connects the per-request budget)
