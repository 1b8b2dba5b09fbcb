"""Browser tests: Debian's Chromium, driven by Playwright, against the real Django server.

The server is pytest-django's ``live_server`` (the whole URLconf, WhiteNoise,
the built frontend in ``frontend/dist``) with the demo content built by the
same code as ``manage.py load_demo_content``.
"""

import os
import re
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from wagtail.models import Collection, Locale, Page

from demo.builder import DemoSiteBuilder

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in the test thread; the tests and
# fixtures here still need the ORM there (to build and inspect content).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium).")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def built_frontend():
    index = Path(settings.BASE_DIR) / "frontend" / "dist" / "index.html"
    if not index.exists():
        pytest.fail("The frontend is not built: run `make -C frontend build` first.")
    return index


class _RequestsInFlight:
    """Counts requests the live server is still answering (Django's request signals)."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()
        request_started.connect(self.started, weak=False)
        request_finished.connect(self.finished, weak=False)

    def started(self, **kwargs):
        with self.lock:
            self.count += 1

    def finished(self, **kwargs):
        with self.lock:
            self.count -= 1

    def wait_until_idle(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while self.count > 0 and time.monotonic() < deadline:
            time.sleep(0.05)


_in_flight = _RequestsInFlight()


@pytest.fixture
def site_url(live_server, built_frontend):
    """The live server's root URL, serving the demo site.

    The live server needs committed data, so each test (marked
    ``django_db(transaction=True, serialized_rollback=True)``) commits the demo
    site and the database is flushed afterwards; the serialized rollback
    restores what the migrations created (root page, collection, locale).
    Tests name this fixture before ``page`` so the browser closes first and
    no request is in flight when the database is flushed.
    """
    _ensure_migration_content()
    DemoSiteBuilder().build()
    yield live_server.url
    # The browser has closed; let the server finish what it was answering
    # (a late fetch, an image rendition) before the database is flushed.
    _in_flight.wait_until_idle()


def _ensure_migration_content() -> None:
    """The locale, root collection and root page Wagtail's migrations create.

    A transactional test's flush removes them; the serialized rollback puts
    them back, except after an ordinary (rolled-back) test ran first in the
    same session, so they are recreated here when missing.
    """
    if not Locale.objects.exists():
        Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))


@pytest.fixture
def console_errors(page) -> list[str]:
    """Console errors and uncaught exceptions of the page (a test asserts there are none)."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


EDITOR_PASSWORD = "a-long-test-password-42"


def sign_in_to_the_admin(page, site_url: str, django_user_model, username: str = "editor") -> None:
    """Create a superuser and sign the browser in through the admin's own form (previews need the session)."""
    django_user_model.objects.create_superuser(username, f"{username}@example.com", EDITOR_PASSWORD)
    page.goto(site_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
