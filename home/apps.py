from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site root, doctors, standard pages, clinics and site settings."""

    name = "home"
    verbose_name = "Site and doctors"
