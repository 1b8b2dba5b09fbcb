"""Where the site is served: the default Wagtail site record's host name and port.

Every absolute address the project writes (page URLs in the sitemap, feeds,
share tags, the API's ``detail_url``, the preview panel, e-mails) starts with
the site record's ``root_url``. ``make run`` sets the record to the address it
serves (``HOST``, ``PORT``); in production ``manage.py set_site_address``
sets the public host name once.
"""

from wagtail.models import Site

# Addresses a server listens on that no browser can open.
WILDCARD_HOSTS = {"0.0.0.0", "::", "[::]"}  # noqa: S104 - names, not a bind


def public_hostname(hostname: str) -> str:
    """The name browsers use for ``hostname``: a server listening everywhere is opened as ``localhost``."""
    return "localhost" if hostname in WILDCARD_HOSTS else hostname.strip("[]")


def set_default_site_address(hostname: str, port: int) -> Site:
    """Point the default site at ``hostname:port``; raises ``Site.DoesNotExist`` when there is none."""
    site = Site.objects.get(is_default_site=True)
    site.hostname = public_hostname(hostname)
    site.port = port
    site.full_clean()
    site.save()
    return site
