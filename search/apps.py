from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search and search promotions."""

    name = "search"
    label = "site_search"
    verbose_name = "Search"
