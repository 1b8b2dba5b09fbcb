"""The top of a request's page in the admin: who to call, the number as a button, the day they asked for."""

from wagtail.admin.panels import Panel


class CallPatientPanel(Panel):
    """Name, a ``tel:`` button and the preferred day, so the front desk calls from a phone without scrolling."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "appointments/call_patient_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["appointment"] = self.instance
            return context
