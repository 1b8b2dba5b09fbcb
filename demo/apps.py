from django.apps import AppConfig


class DemoConfig(AppConfig):
    """``manage.py load_demo_content``: the demo site from the seed article (no models)."""

    name = "demo"
    verbose_name = "Demo site"
