"""The staff inbox of appointment requests and the call-to-action report, in the Wagtail admin.

The inbox is a ``ModelViewSet``: filters by status, doctor, clinic and dates,
search by name, phone or reference, CSV/XLSX export, and Wagtail's history
with an entry for every status change (who and when). Requests only come from
the website, so nobody can add one here.
"""

import re
from datetime import timedelta
from functools import cached_property

import django_filters
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Q, Sum
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, Table, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from home.booking import tel_url
from home.models import Clinic, DoctorPage

from .models import AppointmentRequest, CtaEventCount

STATUS_CHANGE_ACTION = "appointments.status_change"

# Cells starting with these characters run as formulas in spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A phone number in international format ("+91 98765 43210"): digits and spaces call no function.
PLAIN_PHONE_NUMBER = re.compile(r"\+\d[\d ]{5,}")


def spreadsheet_safe(value) -> str:
    """Text as it should appear in a CSV cell: never a formula (CSV injection), a phone number as it is."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES) and not PLAIN_PHONE_NUMBER.fullmatch(text):
        return "'" + text
    return text


def local_time_text(value) -> str:
    """A moment as the practice reads it: its local date and time to the minute."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def local_time_naive(value):
    """A moment for a spreadsheet cell (which has no time zone): the practice's local time to the minute."""
    return timezone.localtime(value).replace(tzinfo=None, second=0, microsecond=0) if value else None


def preferred_date_text(appointment) -> str:
    """The day the patient asked for, written out ("Sat 5 Dec 2026"), never "x days ago"."""
    return date_format(appointment.preferred_date, "D j M Y") if appointment.preferred_date else ""


def phone_link(appointment) -> str | None:
    """A ``tel:`` link that calls the patient from a phone at the desk."""
    return tel_url(appointment.phone) or None


class AppointmentRequestPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, except that nobody may add a request in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [action for action in actions if action != "add"])


class AppointmentRequestFilterSet(WagtailFilterSet):
    """Inbox filters: status, doctor, clinic, the day it came in and the preferred day."""

    status = django_filters.ChoiceFilter(choices=AppointmentRequest.Status.choices, empty_label="Any status")
    doctor = django_filters.ModelChoiceFilter(
        queryset=lambda request: _doctor_queryset(), empty_label="Any doctor", label="Doctor"
    )
    clinic = django_filters.ModelChoiceFilter(
        queryset=lambda request: _clinic_queryset(), empty_label="Any clinic", label="Clinic"
    )
    created_at = django_filters.DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)
    preferred_date = django_filters.DateFromToRangeFilter(label="Preferred date", widget=DateRangePickerWidget)

    class Meta:
        model = AppointmentRequest
        fields = ["status", "doctor", "clinic", "created_at", "preferred_date"]


def _doctor_queryset():
    return DoctorPage.objects.order_by("title")


def _clinic_queryset():
    return Clinic.objects.order_by("name")


class InboxTable(Table):
    """The inbox's table, with its layout for the front desk's phone (``appointments/inbox.css``)."""

    classname = "listing appointment-inbox"

    class Media:
        css = {"all": ["appointments/inbox.css"]}


class AppointmentRequestIndexView(generic.IndexView):
    """The inbox listing, newest first; its CSV export is streamed by Wagtail, row by row.

    An exported row costs no query and no cache lookup of its own: the doctor and clinic are
    joined, the source page's path is read with the row (``source_page_url_path``) and turned
    into its public address with the site roots fetched once per export.
    """

    table_class = InboxTable

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        text_fields = ["name", "email", "reason", "staff_notes", "phone.as_international", "doctor", "clinic"]
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            **{field: {self.FORMAT_CSV: spreadsheet_safe} for field in text_fields},
            "created_at": {self.FORMAT_CSV: local_time_text, self.FORMAT_XLSX: local_time_naive},
            "source_page_url_path": {
                self.FORMAT_CSV: self.source_page_address,
                self.FORMAT_XLSX: self.source_page_address,
            },
        }

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("doctor", "clinic")
            .annotate(source_page_url_path=F("source_page__url_path"))
        )

    @cached_property
    def site_root_paths(self) -> list:
        """Wagtail's site roots, read once for the whole export."""
        return Site.get_site_root_paths()

    def source_page_address(self, url_path: str | None) -> str:
        """The page the request was sent from, as visitors address it (empty when none)."""
        return spreadsheet_safe(public_path(url_path, self.site_root_paths)) if url_path else ""

    def search_queryset(self, queryset):
        """Name, reference or e-mail contain the words; or the phone contains the digits typed."""
        if not self.is_searching:
            return queryset
        text = self.search_query.strip()
        query = Q(name__icontains=text) | Q(reference__icontains=text) | Q(email__icontains=text)
        # "098765 43210" and "+91 98765 43210" both find +919876543210.
        digits = re.sub(r"\D", "", text).lstrip("0")
        if len(digits) >= 4:
            queryset = queryset.annotate(phone_text=Cast("phone", output_field=CharField()))
            query |= Q(phone_text__contains=digits)
        return queryset.filter(query)


class AppointmentRequestEditView(generic.EditView):
    """Staff set the status and notes; a status change gets its own history entry."""

    def save_instance(self):
        previous = AppointmentRequest.objects.only("status").get(pk=self.object.pk).status
        instance = super().save_instance()
        if instance.status != previous:
            log(
                instance=instance,
                action=STATUS_CHANGE_ACTION,
                user=self.request.user,
                data={
                    "from": AppointmentRequest.Status(previous).label,
                    "to": AppointmentRequest.Status(instance.status).label,
                },
            )
        return instance


class AppointmentRequestViewSet(ModelViewSet):
    """The front desk's inbox of appointment requests."""

    model = AppointmentRequest
    icon = "date"
    # Short enough for the sidebar (the full name is cut off there); the inbox is titled "Appointment requests".
    menu_label = "Appointments"
    menu_order = 150
    add_to_admin_menu = True
    copy_view_enabled = False
    # A doctor's "usage" page must not list patients' requests.
    add_to_reference_index = False
    index_view_class = AppointmentRequestIndexView
    edit_view_class = AppointmentRequestEditView
    filterset_class = AppointmentRequestFilterSet
    search_fields = ["name", "phone", "reference"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 50
    list_display = [
        TitleColumn(
            "reference",
            label="Reference",
            url_name="appointment_requests:edit",
            classname="inbox-reference",
        ),
        Column("name", label="Name", classname="inbox-name"),
        TitleColumn(
            "phone_display",
            label="Phone",
            accessor="phone.as_international",
            get_url=phone_link,
            classname="inbox-phone",
        ),
        Column("doctor", label="Doctor", classname="inbox-wide-only"),
        Column("clinic", label="Clinic", classname="inbox-wide-only"),
        Column(
            "preferred_date",
            label="Preferred date",
            accessor=preferred_date_text,
            sort_key="preferred_date",
            classname="inbox-date",
        ),
        Column("time_of_day", label="Time of day", accessor="get_time_of_day_display", classname="inbox-wide-only"),
        Column("status", label="Status", accessor="get_status_display", sort_key="status", classname="inbox-status"),
        DateColumn("created_at", label="Received", sort_key="created_at", classname="inbox-wide-only"),
        Column("notification", label="E-mail", accessor="notification_summary", classname="inbox-wide-only"),
    ]
    list_export = [
        "reference",
        "created_at",
        "get_status_display",
        "name",
        "phone.as_international",
        "email",
        "doctor",
        "clinic",
        "preferred_date",
        "get_time_of_day_display",
        "reason",
        "source_page_url_path",
        "get_notification_status_display",
        "staff_notes",
    ]
    export_headings = {
        "get_status_display": "Status",
        "phone.as_international": "Phone",
        "get_time_of_day_display": "Time of day",
        "source_page_url_path": "Sent from page",
        "get_notification_status_display": "Notification e-mail",
    }
    export_filename = "appointment-requests"
    form_fields = ["status", "staff_notes"]

    def get_permissions_to_register(self):
        # Wagtail offers "view" only with an inspect view; the inbox is worth viewing on its own.
        return Permission.objects.filter(content_type=ContentType.objects.get_for_model(self.model))


register_permission_policy(AppointmentRequest, AppointmentRequestPermissionPolicy(AppointmentRequest), exact_class=True)
appointment_request_viewset = AppointmentRequestViewSet("appointment_requests")


# ---------------------------------------------------------------------------
# Call-to-action report
# ---------------------------------------------------------------------------

PERIODS = [("7", "Last 7 days"), ("30", "Last 30 days"), ("90", "Last 90 days"), ("365", "Last 12 months")]
DEFAULT_PERIOD_DAYS = 30


def public_path(url_path: str, site_root_paths=None) -> str:
    """A page's address as visitors see it ("/articles/x/"), from its place in the tree ("/home/articles/x/").

    ``site_root_paths`` saves reading Wagtail's site roots (a cache lookup) once per call.
    """
    for root in site_root_paths if site_root_paths is not None else Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return "/" + url_path.removeprefix(root.root_path)
    return url_path


class CtaReportFilterSet(WagtailFilterSet):
    """The period the counts are added up over: a recent span, or any date range."""

    period = django_filters.ChoiceFilter(
        choices=PERIODS, method="filter_period", empty_label="Last 30 days", label="Period"
    )
    day = django_filters.DateFromToRangeFilter(label="Or between", widget=DateRangePickerWidget)

    class Meta:
        model = CtaEventCount
        fields = ["period", "day"]

    def filter_period(self, queryset, name, value):
        return queryset.filter(day__gte=timezone.localdate() - timedelta(days=int(value) - 1))


class CtaReportView(ReportView):
    """Clicks on call, WhatsApp and book, and requests sent, per page over a period."""

    page_title = "Calls to action"
    header_icon = "doc-full"
    filterset_class = CtaReportFilterSet
    index_url_name = "appointments_cta_report"
    index_results_url_name = "appointments_cta_report_results"
    permission_policy = ModelPermissionPolicy(CtaEventCount)
    permission_required = "view"
    columns = [
        Column("page__title", label="Page"),
        Column("page__url_path", label="Path", accessor=lambda row: public_path(row["page__url_path"])),
        Column("call", label="Call"),
        Column("whatsapp", label="WhatsApp"),
        Column("book", label="Book"),
        Column("request_sent", label="Requests sent"),
        Column("total", label="Total"),
    ]
    list_export = ["page__title", "page__url_path", "call", "whatsapp", "book", "request_sent", "total"]
    export_headings = {
        "page__title": "Page",
        "page__url_path": "Path",
        "call": "Call",
        "whatsapp": "WhatsApp",
        "book": "Book",
        "request_sent": "Requests sent",
        "total": "Total",
    }
    custom_field_preprocess = {
        "page__title": {"csv": spreadsheet_safe},
        "page__url_path": {"csv": public_path, "xlsx": public_path},
    }

    def get_filename(self):
        return f"calls-to-action-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        queryset = CtaEventCount.objects.all()
        if not self.request.GET.get("period") and not any(
            self.request.GET.get(key) for key in ("day_after", "day_before")
        ):
            queryset = queryset.filter(day__gte=timezone.localdate() - timedelta(days=DEFAULT_PERIOD_DAYS - 1))
        return queryset

    def get_filtered_queryset(self):
        # ReportView filters the already-filtered queryset again; filter once, then add up.
        return self.get_queryset()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        sums = {
            channel: Sum("count", filter=Q(channel=channel), default=0)
            for channel, _label in CtaEventCount.Channel.choices
        }
        return (
            queryset.values("page_id", "page__title", "page__url_path")
            .annotate(**sums, total=Sum("count", default=0))
            .order_by("-total", "page__title")
        )
