"""The staff inbox in the Wagtail admin: who sees it, filters, search, history, export, escaping."""

import csv
import io
from datetime import date, timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from appointments.models import AppointmentRequest

pytestmark = pytest.mark.django_db

INBOX = "/admin/appointment_requests/"


def make_request(**fields) -> AppointmentRequest:
    defaults = {"name": "Meera Iyer", "phone": "+919876543210", "consent_given_at": timezone.now()}
    return AppointmentRequest.objects.create(**{**defaults, **fields})


@pytest.fixture
def front_desk(django_user_model):
    user = django_user_model.objects.create_user("desk", password="pw-desk-123")
    user.groups.add(Group.objects.get(name="Front desk"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-editor-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_the_front_desk_group_has_only_the_inbox(front_desk):
    codenames = set(Group.objects.get(name="Front desk").permissions.values_list("codename", flat=True))
    assert codenames == {"access_admin", "view_appointmentrequest", "change_appointmentrequest"}


def test_front_desk_sees_the_inbox_menu_and_dashboard_panel(client, front_desk, site_tree):
    make_request(created_at=timezone.now() - timedelta(hours=5))
    make_request(status="booked")
    client.force_login(front_desk)
    dashboard = client.get("/admin/").content.decode()
    assert INBOX in dashboard  # menu item
    assert "data-appointment-requests-panel" in dashboard
    assert "<strong>1</strong> new request waiting" in dashboard
    assert "5\xa0hours ago" in dashboard
    assert client.get(INBOX).status_code == 200


def test_front_desk_sees_nothing_else(client, front_desk, site_tree):
    client.force_login(front_desk)
    assert client.get("/admin/pages/").status_code != 200
    assert client.get("/admin/snippets/home/clinic/").status_code != 200
    assert client.get("/admin/reports/calls-to-action/").status_code != 200


def test_editors_do_not_see_the_inbox_unless_given_the_permission(client, editor, site_tree):
    make_request(name="Hidden Patient")
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert INBOX not in dashboard
    assert "data-appointment-requests-panel" not in dashboard
    response = client.get(INBOX)
    assert response.status_code != 200
    assert "Hidden Patient" not in response.content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_appointmentrequest"))
    client.force_login(editor)
    assert client.get(INBOX).status_code == 200


def test_administrators_can_grant_viewing_the_inbox_in_the_group_editor(admin_client):
    group = Group.objects.get(name="Front desk")
    html = admin_client.get(f"/admin/groups/edit/{group.pk}/").content.decode()
    view = Permission.objects.get(codename="view_appointmentrequest")
    assert f'value="{view.pk}"' in html


def test_nobody_adds_a_request_in_the_admin(admin_client):
    assert admin_client.get(INBOX + "new/").status_code != 200


def test_a_status_change_is_recorded_in_the_history(client, front_desk, site_tree):
    request = make_request()
    client.force_login(front_desk)
    response = client.post(
        f"{INBOX}edit/{request.pk}/",
        {"status": "contacted", "staff_notes": "Called, will call back Monday", "name": "Changed"},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "contacted"
    assert request.staff_notes == "Called, will call back Monday"
    assert request.name == "Meera Iyer"  # the patient's data is read-only
    entry = ModelLogEntry.objects.get(action="appointments.status_change")
    assert entry.user == front_desk
    assert entry.data == {"from": "New", "to": "Contacted"}
    assert entry.label == request.reference  # no personal data in the history
    history = client.get(f"{INBOX}history/{request.pk}/").content.decode()
    assert "Status changed from New to Contacted" in history


def test_saving_without_a_status_change_adds_no_status_entry(client, front_desk, site_tree):
    request = make_request()
    client.force_login(front_desk)
    client.post(f"{INBOX}edit/{request.pk}/", {"status": "new", "staff_notes": "No answer"})
    assert not ModelLogEntry.objects.filter(action="appointments.status_change").exists()


def _listed(client, query: str) -> set[str]:
    html = client.get(INBOX + query).content.decode()
    return {ref for ref in AppointmentRequest.objects.values_list("reference", flat=True) if ref in html}


def test_filters_by_status_doctor_clinic_and_date(admin_client, site_tree):
    doctor, clinic = site_tree["doctor"].specific, site_tree["clinic"]
    booked = make_request(status="booked")
    with_doctor = make_request(doctor=doctor)
    at_clinic = make_request(clinic=clinic)
    old = make_request(created_at=timezone.now() - timedelta(days=40))
    assert _listed(admin_client, "?status=booked") == {booked.reference}
    assert _listed(admin_client, f"?doctor={doctor.pk}") == {with_doctor.reference}
    assert _listed(admin_client, f"?clinic={clinic.pk}") == {at_clinic.reference}
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    recent = _listed(admin_client, f"?created_at_from={since}")
    assert old.reference not in recent and booked.reference in recent


@pytest.mark.parametrize("query", ["meera", "98765 43210", "098765 43210", "+91 98765 43210", "43210"])
def test_search_by_name_or_phone_however_it_is_typed(admin_client, site_tree, query):
    wanted = make_request()
    other = make_request(name="Ravi Kumar", phone="+919123456789")
    found = _listed(admin_client, "?" + "q=" + query.replace("+", "%2B").replace(" ", "+"))
    assert wanted.reference in found
    assert other.reference not in found


def test_html_and_script_are_escaped_in_the_inbox(admin_client, site_tree):
    request = make_request(name="<script>alert(1)</script>", reason="<img src=x onerror=alert(2)>")
    for url in (INBOX, f"{INBOX}edit/{request.pk}/"):
        html = admin_client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x onerror=alert(2)>" not in admin_client.get(f"{INBOX}edit/{request.pk}/").content.decode()


def test_a_failed_notification_is_visible_in_the_inbox(admin_client, site_tree):
    make_request(notification_status="failed", notification_error="SMTPServerDisconnected: closed")
    html = admin_client.get(INBOX).content.decode()
    assert "Failed: SMTPServerDisconnected: closed" in html


def test_csv_export_is_complete_and_formula_safe(admin_client, site_tree):
    make_request(name='=HYPERLINK("http://evil.example")', reason="Follow-up", doctor=site_tree["doctor"].specific)
    response = admin_client.get(INBOX + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["Name"].startswith("'=HYPERLINK")
    # A phone number is written as it is: it calls no function.
    assert rows[0]["Phone"] == "+91 98765 43210"
    assert rows[0]["Status"] == "New"
    assert rows[0]["Reason"] == "Follow-up"


def _export_cost(admin_client) -> tuple[list[dict], int, int]:
    """The CSV rows, and the queries and cache reads the export made (after the admin page's own)."""
    cache = caches["default"]
    with CaptureQueriesContext(connection) as queries, mock.patch.object(cache, "get", wraps=cache.get) as reads:
        response = admin_client.get(INBOX + "?export=csv")
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    return rows, len(queries), reads.call_count


def test_csv_export_costs_the_same_queries_and_cache_reads_for_1_and_20_rows(admin_client, site_tree):
    page = site_tree["doctor"].specific
    make_request(doctor=page, source_page=page)
    _export_cost(admin_client)  # the first export warms what every export reads once (sessions, site roots)
    one, one_queries, one_reads = _export_cost(admin_client)
    for number in range(19):
        make_request(name=f"Patient {number}", doctor=page, source_page=page if number % 2 else None)
    twenty, twenty_queries, twenty_reads = _export_cost(admin_client)
    assert (len(one), len(twenty)) == (1, 20)
    assert (twenty_queries, twenty_reads) == (one_queries, one_reads)
    assert one[0]["Sent from page"] == page.url
    assert {row["Sent from page"] for row in twenty} == {page.url, ""}


def test_xlsx_export_has_the_filtered_rows(admin_client, site_tree):
    make_request(status="booked", name="Booked Patient")
    make_request(status="new", name="New Patient")
    response = admin_client.get(INBOX + "?export=xlsx&status=booked")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 2
    assert "Booked Patient" in values[1]


def test_csv_export_writes_the_practices_local_time_to_the_minute(admin_client, site_tree):
    received = timezone.now().replace(second=42, microsecond=123456)
    make_request(created_at=received)
    response = admin_client.get(INBOX + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Created at"] == timezone.localtime(received).strftime("%Y-%m-%d %H:%M")


def test_a_formula_that_looks_like_a_number_is_still_defused(admin_client, site_tree):
    make_request(name="+1+cmd|' /C calc'!A0")
    response = admin_client.get(INBOX + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Name"].startswith("'+1+cmd")


def test_the_inbox_shows_the_preferred_day_and_a_click_to_call_phone(client, front_desk, site_tree):
    make_request(preferred_date=date(2026, 12, 5))
    client.force_login(front_desk)
    html = client.get(INBOX).content.decode()
    assert "Sat 5 Dec 2026" in html
    assert 'href="tel:+919876543210"' in html


def test_the_dashboard_opens_the_oldest_new_request_itself(client, front_desk, site_tree):
    oldest = make_request(created_at=timezone.now() - timedelta(days=2))
    make_request(created_at=timezone.now() - timedelta(hours=1))
    make_request(created_at=timezone.now() - timedelta(days=3), status="booked")
    client.force_login(front_desk)
    dashboard = client.get("/admin/").content.decode()
    assert f'href="{INBOX}edit/{oldest.pk}/">Open the oldest request' in dashboard
    assert 'class="w-panel w-panel--dashboard"' in dashboard  # laid out as Wagtail's own dashboard panels


def test_a_requests_page_starts_with_the_number_to_call_then_the_status(client, front_desk, site_tree):
    appointment = make_request(preferred_date=date(2026, 12, 5))
    client.force_login(front_desk)
    html = client.get(f"{INBOX}edit/{appointment.pk}/").content.decode()
    call = html.index('href="tel:+919876543210"')
    assert call < html.index('name="status"') < html.index('name="staff_notes"')
    assert "Preferred: Sat 5 Dec 2026" in html


def test_the_front_desk_dashboard_has_no_page_search_and_a_whole_menu_label(client, front_desk, site_tree):
    client.force_login(front_desk)
    dashboard = client.get("/admin/").content.decode()
    assert "Search all pages" not in dashboard
    assert "Appointments" in dashboard  # the sidebar's label, not cut off as "Appointment requ…"
