from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    """Appointment requests from the website, the staff inbox and call-to-action counts."""

    name = "appointments"
    verbose_name = "Appointments"
