from django.apps import AppConfig


class BlogConfig(AppConfig):
    """Articles, their index, categories and tags."""

    name = "blog"
    verbose_name = "Articles"

    def ready(self):
        from . import signals  # noqa: F401  (connects the workflow assignment)
