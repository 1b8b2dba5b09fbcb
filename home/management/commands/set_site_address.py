"""``manage.py set_site_address HOSTNAME [--port PORT]``: where the site is served."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from home.site_address import WILDCARD_HOSTS, set_default_site_address


class Command(BaseCommand):
    """Set the default site's host name and port, the start of every absolute address the site writes.

    Port 443 makes ``https://`` addresses, 80 and any other port ``http://`` ones
    (Wagtail's rule). Run it once after deploying, e.g.
    ``manage.py set_site_address clinic.example --port 443``. Wagtail's own
    e-mails (moderation, workflow) link to ``WAGTAILADMIN_BASE_URL`` instead, a
    setting: the command says what to set it to when it names another address.
    """

    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="the public host name, e.g. clinic.example (no scheme, no port)")
        parser.add_argument("--port", type=int, default=443, help="the public port (default 443: https)")

    def handle(self, *args, hostname, port, **options):
        if hostname not in WILDCARD_HOSTS and ("/" in hostname or ":" in hostname):
            raise CommandError(f"Give the host name alone, without scheme, port or path: not {hostname!r}.")
        if not 0 < port < 65536:
            raise CommandError(f"A port is between 1 and 65535, not {port}.")
        try:
            site = set_default_site_address(hostname, port)
        except Site.DoesNotExist:
            raise CommandError("There is no default site yet: run `manage.py load_demo_content` first.") from None
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"The site is served at {site.root_url}/"))
        admin_base_url = (settings.WAGTAILADMIN_BASE_URL or "").rstrip("/")
        if admin_base_url != site.root_url:
            self.stderr.write(
                self.style.WARNING(
                    f"Wagtail's moderation and workflow e-mails link to {admin_base_url or '(nothing)'}: "
                    f"set WAGTAILADMIN_BASE_URL={site.root_url} in the environment and restart."
                )
            )
