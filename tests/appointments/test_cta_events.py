"""POST /api/v3/cta-events/ and the report of calls to action per page and channel."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from appointments.models import CtaEventCount

from .api_client import CTA_URL, post_json

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/calls-to-action/"


def test_a_click_is_counted_by_page_channel_and_day_only(client, site_tree):
    doctor = site_tree["doctor"]
    response = post_json(client, CTA_URL, {"page_id": doctor.pk, "channel": "whatsapp"})
    assert response.status_code == 204
    row = CtaEventCount.objects.get()
    assert (row.page_id, row.channel, row.day, row.count) == (doctor.pk, "whatsapp", timezone.localdate(), 1)
    # Nothing about the visitor can be stored: these are all the columns there are.
    assert {field.name for field in CtaEventCount._meta.get_fields()} == {"id", "page", "day", "channel", "count"}
    assert not response.cookies  # no cookie set


def test_different_visitors_add_up(client, site_tree):
    for n in range(3):
        post_json(client, CTA_URL, {"page_id": site_tree["doctor"].pk, "channel": "call"}, REMOTE_ADDR=f"10.0.0.{n}")
    assert CtaEventCount.objects.get().count == 3


def test_one_visitor_clicking_again_and_again_counts_once(client, site_tree):
    for _ in range(5):
        post_json(client, CTA_URL, {"page_id": site_tree["doctor"].pk, "channel": "call"})
    assert CtaEventCount.objects.get().count == 1


@pytest.mark.parametrize("agent", ["Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.4", ""])
def test_crawlers_and_scripts_are_not_counted(client, site_tree, agent):
    response = post_json(client, CTA_URL, {"page_id": site_tree["doctor"].pk, "channel": "book"}, HTTP_USER_AGENT=agent)
    assert response.status_code == 204
    assert CtaEventCount.objects.count() == 0


def test_a_flood_from_one_address_is_bounded(client, site_tree, settings):
    settings.APPOINTMENTS_CTA_RATE_LIMIT_PER_IP = (4, 3600)
    channels = ["call", "whatsapp", "book", "request_sent"]
    for channel in channels:
        assert post_json(client, CTA_URL, {"page_id": site_tree["doctor"].pk, "channel": channel}).status_code == 204
    response = post_json(client, CTA_URL, {"page_id": site_tree["home"].pk, "channel": "call"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert sum(CtaEventCount.objects.values_list("count", flat=True)) == 4


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"page_id": 999_999, "channel": "call"}, "page_id"),
        ({"page_id": "home", "channel": "call"}, "page_id"),
        ({"channel": "call"}, "page_id"),
        ({"page_id": None, "channel": "fax"}, "channel"),
    ],
)
def test_bad_events_get_a_422_and_count_nothing(client, site_tree, body, field):
    if body.get("page_id", 0) is None:
        body["page_id"] = site_tree["doctor"].pk
    response = post_json(client, CTA_URL, body)
    assert response.status_code == 422
    assert field in [error["loc"][-1] for error in response.json()["errors"]]
    assert CtaEventCount.objects.count() == 0


def test_an_unpublished_page_is_not_counted(client, site_tree):
    response = post_json(client, CTA_URL, {"page_id": site_tree["draft_doctor"].pk, "channel": "call"})
    assert response.status_code == 422


def test_a_cross_site_event_is_refused(client, site_tree):
    response = post_json(
        client, CTA_URL, {"page_id": site_tree["doctor"].pk, "channel": "call"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403


@pytest.fixture
def counts(site_tree):
    today = timezone.localdate()
    doctor, home = site_tree["doctor"], site_tree["home"]
    CtaEventCount.objects.create(page=doctor, day=today, channel="call", count=5)
    CtaEventCount.objects.create(page=doctor, day=today - timedelta(days=1), channel="whatsapp", count=3)
    CtaEventCount.objects.create(page=doctor, day=today, channel="request_sent", count=2)
    CtaEventCount.objects.create(page=home, day=today - timedelta(days=60), channel="book", count=7)
    return site_tree


def test_the_report_adds_up_per_page_and_channel_over_the_period(admin_client, counts):
    response = admin_client.get(REPORT + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    # The default period is the last 30 days: the home page's old clicks are outside it.
    assert rows == [
        {
            "Page": "Dr. Asha Rao",
            "Path": "/asha-rao/",  # the public address, not the page's place in the tree ("/clinic-home/asha-rao/")
            "Call": "5",
            "WhatsApp": "3",
            "Book": "0",
            "Requests sent": "2",
            "Total": "10",
        }
    ]
    year = list(
        csv.DictReader(
            io.StringIO(b"".join(admin_client.get(REPORT + "?export=csv&period=365").streaming_content).decode())
        )
    )
    assert [(row["Page"], row["Total"]) for row in year] == [("Dr. Asha Rao", "10"), ("Clinic home", "7")]


def test_the_report_page_and_xlsx_export_work(admin_client, counts):
    html = admin_client.get(REPORT).content.decode()
    assert "Dr. Asha Rao" in html
    response = admin_client.get(REPORT + "?export=xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_report_needs_its_permission(client, django_user_model, counts):
    user = django_user_model.objects.create_user("analyst", password="pw-analyst-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT).status_code != 200
    user.user_permissions.add(Permission.objects.get(codename="view_ctaeventcount"))
    user = django_user_model.objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get(REPORT).status_code == 200
