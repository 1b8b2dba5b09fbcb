"""Suite-wide hooks and fixtures: the database banner, its reachability check, the clock, a fresh cache, the sites.

The suite runs on whatever ``DATABASE_URL`` names (SQLite when unset). When a
database server is configured but cannot be reached, the run stops at once
with a message saying which, instead of failing every test with a traceback.

``--clock=HH:MM`` (or ``TEST_CLOCK=HH:MM``) starts the whole run at that time
of today in the practice's zone (``TIME_ZONE``), with the clock ticking on from
there (time-machine). ``make test`` runs the suite at 23:30, once in the
practice's zone and once with the practice in a zone behind UTC, so a test
that mixes UTC and local dates fails every time rather than only at night.
"""

import os
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Site

from blog.models import ArticlePage, BlogIndexPage
from demo.builder import DemoSiteBuilder
from home.models import DoctorPage, HomePage
from tests.factories import ClinicSite, make_clinic_site, restart_numbering


def _database_label() -> str:
    db = settings.DATABASES["default"]
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3":
        return "sqlite3 (in-memory test database)"
    return f"{engine} at {db.get('HOST') or 'localhost'}:{db.get('PORT') or 'default port'}"


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        default=os.environ.get("TEST_CLOCK", ""),
        metavar="HH:MM",
        help="run the suite as if it were this time of today in the practice's zone (TIME_ZONE); default: real time",
    )


def _clock_start(config) -> datetime | None:
    wanted = config.getoption("--clock")
    if not wanted:
        return None
    try:
        wall_clock = time.fromisoformat(wanted)
    except ValueError:
        raise pytest.UsageError(f"--clock wants a time of day as HH:MM, not {wanted!r}") from None
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(datetime.now(zone).date(), wall_clock, tzinfo=zone)


def pytest_configure(config):
    start = _clock_start(config)
    if start is not None:
        # Started here, before any test module is imported, so each xdist worker runs on the same clock.
        config._frozen_clock = time_machine.travel(start, tick=True)
        config._frozen_clock.start()
    config._clock_start = start


def pytest_unconfigure(config):
    clock = getattr(config, "_frozen_clock", None)
    if clock is not None:
        clock.stop()


def pytest_report_header(config):
    start = config._clock_start
    clock = f"from {start.isoformat()}" if start else "real time"
    return [f"database: {_database_label()}", f"clock: {clock}, practice's zone {settings.TIME_ZONE}"]


def pytest_sessionstart(session):
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return
    import psycopg

    try:
        # The maintenance database always exists; the test database is created later.
        psycopg.connect(
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=5,
        ).close()
    except psycopg.OperationalError as error:
        pytest.exit(
            f"DATABASE_URL points at PostgreSQL ({_database_label()}), which cannot be reached: {error}".strip(),
            returncode=3,
        )


@pytest.fixture(autouse=True)
def _fresh_numbering():
    """Default slugs and publication dates of built content count from 1 in every test, never into the future."""
    restart_numbering()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Cached API answers and pages outlive a test's rolled-back transaction: start every test empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_site(db):
    """The demo site as ``load_demo_content`` builds it."""
    DemoSiteBuilder().build()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(demo_site) -> HomePage:
    return demo_site.root_page.specific


@pytest.fixture
def doctor(demo_site) -> DoctorPage:
    return DoctorPage.objects.get()


@pytest.fixture
def articles_index(demo_site) -> BlogIndexPage:
    return BlogIndexPage.objects.get()


@pytest.fixture
def seed_article(demo_site) -> ArticlePage:
    return ArticlePage.objects.get()


@pytest.fixture
def clinic(db) -> ClinicSite:
    """A small published site built with the models directly (tests/factories.py), no demo content."""
    return make_clinic_site()


@pytest.fixture
def make_staff(django_user_model):
    """A staff user in the named Wagtail groups."""

    def make(username: str, *groups: str):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "password")
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make
