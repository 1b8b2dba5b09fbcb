from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """The project's image model: Wagtail's image plus the fields a medical site needs."""

    name = "images"
    verbose_name = "Images"
