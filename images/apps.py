from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """The project's image model: Wagtail's image plus the fields a medical site needs."""

    name = "images"
    verbose_name = "Images"

    def ready(self):
        """Renditions are made when an image is saved, and a request renders only a few (README "Images")."""
        from . import rendition_budget  # noqa: F401 (connects the per-request budget)
        from .models import CustomImage
        from .rendition_tasks import connect

        connect(CustomImage)
