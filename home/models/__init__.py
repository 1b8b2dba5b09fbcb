"""The site's models: the site root and plain pages, doctors, clinics, site settings.

Migrations and other apps name them ``home.models.X``; each lives in the module named after its concern.
"""

from .clinic import WEEKDAY_NAMES, WEEKDAYS, Clinic, ClinicOpeningHours, OpeningHoursFields
from .contacts import PHONE_EXAMPLE, PHONE_INVALID, AppointmentContactFields
from .doctor import (
    DoctorClinicHours,
    DoctorCondition,
    DoctorLanguage,
    DoctorListItem,
    DoctorMembership,
    DoctorPage,
    DoctorProcedure,
    DoctorPublication,
    DoctorQualification,
    DoctorSpecialty,
    validate_not_future_year,
)
from .home_page import BIO_FEATURES, HomePage, HomePageFeaturedArticle, HomePageFeaturedDoctor
from .site_settings import SiteSettings
from .standard_page import StandardPage

__all__ = [
    "BIO_FEATURES",
    "PHONE_EXAMPLE",
    "PHONE_INVALID",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "AppointmentContactFields",
    "Clinic",
    "ClinicOpeningHours",
    "DoctorClinicHours",
    "DoctorCondition",
    "DoctorLanguage",
    "DoctorListItem",
    "DoctorMembership",
    "DoctorPage",
    "DoctorProcedure",
    "DoctorPublication",
    "DoctorQualification",
    "DoctorSpecialty",
    "HomePage",
    "HomePageFeaturedArticle",
    "HomePageFeaturedDoctor",
    "OpeningHoursFields",
    "SiteSettings",
    "StandardPage",
    "validate_not_future_year",
]
