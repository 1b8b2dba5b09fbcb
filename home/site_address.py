"""Where the site is served: the default Wagtail site record's host name and port.

Every absolute address the project writes (page URLs in the sitemap, feeds,
share tags, the API's ``detail_url``, the preview panel, e-mails) starts with
the site record's ``root_url``. ``make run`` sets the record to the address it
serves (``HOST``, ``PORT``); in production ``manage.py set_site_address``
sets the public host name once. Wagtail's own e-mails (moderation, workflow)
take theirs from ``WAGTAILADMIN_BASE_URL``, which follows ``HOST``/``PORT`` in
development (``cms/settings/dev.py``, through ``public_hostname``) and is
configured in production; ``set_site_address`` says when the two differ.
"""

# Addresses a server listens on that no browser can open.
WILDCARD_HOSTS = {"0.0.0.0", "::", "[::]"}  # noqa: S104 - names, not a bind


def public_hostname(hostname: str) -> str:
    """The name browsers use for ``hostname``: a server listening everywhere is opened as ``localhost``."""
    return "localhost" if hostname in WILDCARD_HOSTS else hostname.strip("[]")


def set_default_site_address(hostname: str, port: int):
    """Point the default site at ``hostname:port``; raises ``Site.DoesNotExist`` when there is none."""
    # Imported here: the settings import this module (``public_hostname``) before apps are loaded.
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname = public_hostname(hostname)
    site.port = port
    site.full_clean()
    site.save()
    return site
