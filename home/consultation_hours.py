"""A doctor's consultation hours as the API shows them: grouped by clinic, each day by its name.

The frontend lists them clinic by clinic; it reads the groups and the day names
from here rather than grouping and naming the rows itself.
"""

from typing_extensions import TypedDict

from .api_shapes import ClinicRef
from .serializer_fields import ClinicRefField, ReadOnlyField

_clinic_ref = ClinicRefField()


class ConsultationHours(TypedDict):
    """One weekday's hours at a clinic; ``weekday`` is 0 for Monday, ``weekday_name`` its name."""

    weekday: int
    weekday_name: str
    opens_at: str
    closes_at: str


class ClinicConsultations(TypedDict):
    """A clinic the doctor consults at (full details are in ``/api/v3/site/``) and the hours there."""

    clinic: ClinicRef
    hours: list[ConsultationHours]


class ClinicConsultationsField(ReadOnlyField):
    """A doctor's hours grouped by clinic (``DoctorPage.hours_by_clinic``), in the order the editor listed them."""

    def to_representation(self, value) -> list[ClinicConsultations]:
        return [
            ClinicConsultations(
                clinic=_clinic_ref.to_representation(clinic),
                hours=[
                    ConsultationHours(
                        weekday=item.weekday,
                        weekday_name=str(item.get_weekday_display()),
                        opens_at=item.opens_at.isoformat(),
                        closes_at=item.closes_at.isoformat(),
                    )
                    for item in hours
                ],
            )
            for clinic, hours in value
        ]
