"""Admin wiring: the inbox, the call-to-action report, the dashboard panel and history labels."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .dashboard import AppointmentRequestsPanel
from .views import STATUS_CHANGE_ACTION, CtaReportView, appointment_request_viewset


@hooks.register("register_admin_viewset")
def register_appointment_request_viewset():
    return appointment_request_viewset


@hooks.register("register_admin_urls")
def register_cta_report_urls():
    return [
        path("reports/calls-to-action/", CtaReportView.as_view(), name="appointments_cta_report"),
        path(
            "reports/calls-to-action/results/",
            CtaReportView.as_view(results_only=True),
            name="appointments_cta_report_results",
        ),
    ]


class CtaReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("appointments.view_ctaeventcount")


@hooks.register("register_reports_menu_item")
def register_cta_report_menu_item():
    return CtaReportMenuItem("Calls to action", reverse("appointments_cta_report"), icon_name="doc-full", order=900)


@hooks.register("register_permissions")
def register_cta_report_permission():
    # Lets administrators give a group the report in Settings → Groups.
    return Permission.objects.filter(content_type__app_label="appointments", codename="view_ctaeventcount")


@hooks.register("construct_homepage_panels")
def add_appointment_requests_panel(request, panels):
    if request.user.has_perm("appointments.view_appointmentrequest") or request.user.has_perm(
        "appointments.change_appointmentrequest"
    ):
        panels.insert(0, AppointmentRequestsPanel())


@hooks.register("register_log_actions")
def register_appointment_log_actions(actions):
    @actions.register_action(STATUS_CHANGE_ACTION)
    class StatusChange(LogFormatter):
        label = "Change appointment request status"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return f"Status changed from {data.get('from', '?')} to {data.get('to', '?')}"
