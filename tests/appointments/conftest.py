"""A minimal site for the appointment tests: home, doctors, a privacy notice, a clinic, settings."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from home.models import Clinic, SiteSettings, StandardPage
from tests.factories import make_doctor, make_home_site


@pytest.fixture(autouse=True)
def _inline_mail(settings):
    """Mail is sent inline unless a test asks for the background pool (tests/conftest.py empties the cache)."""
    settings.APPOINTMENTS_NOTIFY_IN_BACKGROUND = False


@pytest.fixture
def site_tree(db):
    """Home page as the default site's root, a live and a draft doctor, a privacy notice, a clinic."""
    home = make_home_site(hostname="localhost", title="Clinic home", slug="clinic-home", hero_heading="Welcome")
    doctor = make_doctor(home, "Asha Rao", slug="asha-rao")
    draft_doctor = make_doctor(home, "Draft Doctor", title="Dr. Draft", slug="draft-doctor", live=False)
    privacy = home.add_child(instance=StandardPage(title="Privacy notice", slug="privacy"))
    privacy.save_revision().publish()
    privacy.refresh_from_db()
    clinic = Clinic.objects.create(name="City Cancer Centre", street_address="1 MG Road", locality="Pune")
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    site_settings.booking_email = "desk@clinic.example"
    site_settings.privacy_page = privacy
    site_settings.save()
    return {
        "home": home,
        "doctor": doctor,
        "draft_doctor": draft_doctor,
        "privacy": privacy,
        "clinic": clinic,
        "site": site,
        "settings": site_settings,
    }


@pytest.fixture
def valid_payload(site_tree):
    """A request a real patient would send."""
    return {
        "name": "Meera Iyer",
        "phone": "98765 43210",
        "email": "meera@example.com",
        "doctor_id": site_tree["doctor"].pk,
        "clinic_id": site_tree["clinic"].pk,
        "preferred_date": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "time_of_day": "morning",
        "reason": "Follow-up consultation",
        "consent": True,
        "source_page_id": site_tree["doctor"].pk,
        "fill_time_ms": 45_000,
        "website": "",
    }
