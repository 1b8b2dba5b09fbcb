"""``manage.py load_demo_content``: the demo site from the seed article."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.models import Site

from demo.builder import DemoSiteBuilder
from home.site_address import set_default_site_address

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    """Build the demo site; create only what is missing, never change what exists.

    Under development settings (``DEMO_CREATE_ADMIN_USER``), also create a
    local superuser when none exists and print its password, last.
    ``--hostname``/``--port`` point the site at the address it is served from
    (``make run`` passes its ``HOST`` and ``PORT``).
    """

    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--hostname", help="serve the site at this host name (default: keep the site's)")
        parser.add_argument("--port", type=int, help="serve the site at this port (default: keep the site's)")

    def handle(self, *args, hostname=None, port=None, **options):
        report = DemoSiteBuilder().build()
        for label in report.created:
            self.stdout.write(f"  created  {label}")
        if report.kept:
            self.stdout.write(f"  kept {len(report.kept)} existing item(s) unchanged")
        if not report.created:
            self.stdout.write(self.style.SUCCESS("Demo content already in place; nothing changed."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Demo content: created {len(report.created)} item(s)."))
        site = Site.objects.get(is_default_site=True)
        if hostname or port:
            site = set_default_site_address(hostname or site.hostname, port or site.port)
        self.stdout.write("")
        self.stdout.write(f"  Site:   {site.root_url}/")
        self.stdout.write(f"  Admin:  {site.root_url}/admin/")
        self.stdout.write(f"  API:    {site.root_url}/api/v3/docs/")
        if settings.DEMO_CREATE_ADMIN_USER:
            self._local_admin()

    def _local_admin(self) -> None:
        password_file = Path(settings.BASE_DIR) / ".local" / "admin-password"
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", password)
            password_file.parent.mkdir(exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
            self.stdout.write(self.style.WARNING(f"Created local admin user “{ADMIN_USERNAME}”."))
        if User.objects.filter(username=ADMIN_USERNAME, is_superuser=True).exists() and password_file.exists():
            password = password_file.read_text().strip()
            self.stdout.write(f"  Log in: “{ADMIN_USERNAME}”, password: {password}")
        else:
            self.stdout.write("  Log in with your existing superuser account.")
