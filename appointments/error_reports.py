"""Error reports (the debug page, the e-mails to ADMINS) without appointment data.

Django's default filter hides only what views mark as sensitive. The public
endpoints parse the JSON body inside django-ninja before any view code runs,
so a crash there would put the patient's details into the local variables of
ninja's frames. For requests to the paths below, this filter hides every
local variable and every posted value.
"""

from django.views.debug import SafeExceptionReporterFilter

PERSONAL_DATA_PATH_PREFIXES = ("/api/v3/appointments/", "/admin/appointment_requests/")


class PersonalDataExceptionReporterFilter(SafeExceptionReporterFilter):
    """Hides all request data and frame variables for requests that carry personal data."""

    def _carries_personal_data(self, request) -> bool:
        return request is not None and request.path.startswith(PERSONAL_DATA_PATH_PREFIXES)

    def get_post_parameters(self, request):
        if self._carries_personal_data(request):
            return dict.fromkeys(request.POST, self.cleansed_substitute)
        return super().get_post_parameters(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        if self._carries_personal_data(request):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)
