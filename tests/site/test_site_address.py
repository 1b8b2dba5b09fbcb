"""Served off port 8000 (``PORT=8821 make run``): every absolute address names the port the site is served at."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Site

from appointments.models import AppointmentRequest
from appointments.notifications import send_notification
from tests.factories import draft_article

PROJECT = Path(__file__).resolve().parents[2]

ADDRESS = "127.0.0.1:8821"
ORIGIN = f"http://{ADDRESS}"
# Every absolute http(s) address in a document, up to its path.
ABSOLUTE_ORIGINS = re.compile(r"https?://[^/\"'<>\s]+")
# Other sites: XML namespaces, JSON-LD vocabularies, the WhatsApp link.
OTHER_SITES = ("schema.org", "www.sitemaps.org", "www.google.com", "www.w3.org", "purl.org", "wa.me")


@pytest.fixture
def served_at_8821(demo_site):
    call_command("set_site_address", "127.0.0.1", "--port", "8821", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


def origins_in(client, path: str) -> set[str]:
    response = client.get(path, HTTP_HOST=ADDRESS)
    assert response.status_code == 200, path
    text = response.content.decode()
    return {origin for origin in ABSOLUTE_ORIGINS.findall(text) if not origin.endswith(OTHER_SITES)}


@pytest.mark.parametrize(
    "path", ["/", "/articles/", "/dr-amit-pandey/", "/sitemap.xml", "/robots.txt", "/feeds/articles.rss"]
)
def test_pages_sitemap_and_feeds_name_only_the_served_port(client, served_at_8821, path):
    assert origins_in(client, path) == {ORIGIN}


def test_the_apis_detail_urls_name_the_served_port(client, served_at_8821):
    items = client.get("/api/v3/pages/", HTTP_HOST=ADDRESS).json()["items"]
    assert items
    assert {item["meta"]["detail_url"].split("/api/")[0] for item in items} == {ORIGIN}


def test_the_preview_opens_at_the_served_port(served_at_8821, rf):
    home = served_at_8821.root_page.specific
    assert home.get_client_root_url(rf.get("/admin/", HTTP_HOST=ADDRESS)) == f"{ORIGIN}/__preview__/"


def test_the_notification_email_links_to_the_served_admin(served_at_8821, settings):
    settings.APPOINTMENTS_NOTIFY_EMAIL = "desk@clinic.example"
    appointment = AppointmentRequest.objects.create(
        name="Meera Iyer", phone="+919876543210", email="m@example.com", consent_given_at=timezone.now()
    )
    send_notification(appointment.pk)
    body = mail.outbox[0].body
    assert f"{ORIGIN}/admin/" in body
    assert "8000" not in body
    assert "Clinic website" not in body


def test_load_demo_content_serves_at_the_given_address_and_prints_the_login_last(db, settings, tmp_path):
    settings.DEMO_CREATE_ADMIN_USER = True
    settings.BASE_DIR = tmp_path  # the local password file goes here, not into the working copy
    out = io.StringIO()
    call_command("load_demo_content", "--hostname", "0.0.0.0", "--port", "8821", stdout=out)  # noqa: S104
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 8821)
    lines = out.getvalue().strip().splitlines()
    assert "http://localhost:8821/admin/" in out.getvalue()
    assert lines[-1].strip().startswith("Log in:")
    assert "password" in lines[-1]


@pytest.mark.parametrize("hostname", ["https://clinic.example", "clinic.example:443", "clinic.example/path"])
def test_set_site_address_refuses_more_than_a_host_name(demo_site, hostname):
    with pytest.raises(CommandError, match="host name alone"):
        call_command("set_site_address", hostname, stdout=io.StringIO())


def test_set_site_address_for_production_makes_https_addresses(demo_site):
    call_command("set_site_address", "clinic.example", stdout=io.StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "https://clinic.example"


def test_set_site_address_says_when_wagtails_own_emails_link_elsewhere(demo_site, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://old-name.example"
    err = io.StringIO()
    call_command("set_site_address", "clinic.example", stdout=io.StringIO(), stderr=err)
    assert "set WAGTAILADMIN_BASE_URL=https://clinic.example" in err.getvalue()

    settings.WAGTAILADMIN_BASE_URL = "https://clinic.example"
    err = io.StringIO()
    call_command("set_site_address", "clinic.example", stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == ""


def test_wagtails_moderation_email_links_to_its_admin_base_url(demo_site, articles_index, doctor, make_staff, settings):
    settings.WAGTAILADMIN_BASE_URL = ORIGIN
    make_staff("reviewer", "Medical reviewers")
    editor = make_staff("editor", "Editors")
    article = draft_article(articles_index, editor, author=doctor)
    mail.outbox.clear()
    article.get_workflow().start(article, editor)
    to_reviewer = [message for message in mail.outbox if "reviewer@example.com" in message.to]
    assert to_reviewer, [message.to for message in mail.outbox]
    assert f"{ORIGIN}/admin/pages/{article.pk}/edit/" in to_reviewer[0].body


def served_setting(settings_module: str, name: str, **env: str) -> str:
    """The value of setting ``name`` in a fresh process with ``env`` (as `make run` or a deployment sets it)."""
    environment = {key: value for key, value in os.environ.items() if key not in {"WAGTAILADMIN_BASE_URL", "HOST"}}
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; print(settings.{name})",
        ],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("host", "origin"),
    [("127.0.0.1", "http://127.0.0.1:8821"), ("0.0.0.0", "http://localhost:8821")],  # noqa: S104 - a name, not a bind
)
def test_wagtails_own_links_follow_make_run_in_development(host, origin):
    # The same address `make run` gives the site record (load_demo_content --hostname HOST --port PORT).
    assert served_setting("cms.settings.dev", "WAGTAILADMIN_BASE_URL", HOST=host, PORT="8821") == origin


def test_wagtails_own_links_come_from_the_environment_in_production():
    production = {"SECRET_KEY": "k" * 20 + "-production-test-key-" + "x" * 30, "ALLOWED_HOSTS": "clinic.example"}
    configured = {**production, "WAGTAILADMIN_BASE_URL": "https://www.clinic.example"}
    assert served_setting("cms.settings.production", "WAGTAILADMIN_BASE_URL", **configured) == (
        "https://www.clinic.example"
    )
    assert served_setting("cms.settings.production", "WAGTAILADMIN_BASE_URL", **production) == "https://clinic.example"
