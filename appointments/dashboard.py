"""The Wagtail dashboard panel: how many requests are new and how long the oldest has waited."""

from django.db.models import Count, Min
from django.urls import reverse
from wagtail.admin.ui.components import Component

from .models import AppointmentRequest


class AppointmentRequestsPanel(Component):
    """Shown to staff who may see the inbox (see ``wagtail_hooks``)."""

    name = "appointment_requests"
    order = 50
    template_name = "appointments/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        new = AppointmentRequest.objects.filter(status=AppointmentRequest.Status.NEW)
        waiting = new.aggregate(count=Count("pk"), oldest=Min("created_at"))
        oldest = new.order_by("created_at", "pk").values_list("pk", flat=True).first()
        return {
            "new_count": waiting["count"],
            "oldest_waiting": waiting["oldest"],
            # The desk calls the oldest request back first: the button opens that request itself.
            "oldest_url": reverse("appointment_requests:edit", args=[oldest]) if oldest else "",
            "inbox_url": reverse("appointment_requests:index") + "?status=new&ordering=created_at",
        }
