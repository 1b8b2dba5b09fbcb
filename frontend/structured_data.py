"""JSON-LD (schema.org) for the server-rendered head.

Search engines read these to show a page as a doctor, a clinic or a
medically reviewed article. Every type and property used here exists in
schema.org (checked by ``tests/frontend/test_structured_data.py`` with a
structured-data validator that also applies Google's rich-result rules):
IndividualPhysician on a doctor's page (schema.org's ``Physician`` alone
now means a physician's office) with the MedicalClinic organisations
they practise at, MedicalWebPage with its main Article (author, reviewer,
dates with time and time zone) on an article, and a BreadcrumbList everywhere.
"""

import json
from collections.abc import Iterable
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.html import strip_tags

from blog.models import ArticlePage
from home.models import WEEKDAY_NAMES, Clinic, DoctorPage

SCHEMA = "https://schema.org"


def breadcrumb_list(crumbs: Iterable[tuple[str, str]]) -> dict:
    """A BreadcrumbList from (name, absolute URL) pairs, home first."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def _address(clinic: Clinic) -> dict:
    address = {
        "@type": "PostalAddress",
        "streetAddress": clinic.street_address,
        "addressLocality": clinic.locality,
        "addressCountry": clinic.country,
    }
    if clinic.region:
        address["addressRegion"] = clinic.region
    if clinic.postal_code:
        address["postalCode"] = clinic.postal_code
    return address


def _opening_hours(hours) -> list[dict]:
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"{SCHEMA}/{WEEKDAY_NAMES[item.weekday]}",
            "opens": item.opens_at.strftime("%H:%M"),
            "closes": item.closes_at.strftime("%H:%M"),
        }
        for item in hours
    ]


def medical_clinic(clinic: Clinic, hours=None) -> dict:
    """A MedicalClinic with its address, phone, map and opening hours."""
    data = {
        "@type": "MedicalClinic",
        "name": clinic.name,
        "address": _address(clinic),
    }
    if clinic.phone:
        data["telephone"] = clinic.phone.as_e164
    if clinic.map_url:
        data["hasMap"] = clinic.map_url
    opening = _opening_hours(hours if hours is not None else clinic.opening_hours.all())
    if opening:
        data["openingHoursSpecification"] = opening
    return data


def physician(doctor: DoctorPage, url: str, image_url: str = "", contact_phone: str = "") -> dict:
    """An IndividualPhysician with credentials, specialties and the clinics (``practicesAt``) where they consult."""
    data: dict = {
        "@context": SCHEMA,
        "@type": "IndividualPhysician",
        "name": doctor.display_name,
        "url": url,
    }
    if doctor.job_title:
        data["description"] = doctor.summary or doctor.job_title
    elif doctor.summary:
        data["description"] = doctor.summary
    if image_url:
        data["image"] = image_url
    if contact_phone:
        data["telephone"] = contact_phone
    specialties = [item.text for item in doctor.specialties.all()]
    if specialties:
        data["medicalSpecialty"] = specialties
    services = [item.text for item in doctor.procedures.all()]
    if services:
        data["availableService"] = [{"@type": "MedicalProcedure", "name": name} for name in services]
    languages = [item.text for item in doctor.languages.all()]
    if languages:
        data["knowsLanguage"] = languages
    memberships = [item.text for item in doctor.memberships.all()]
    if memberships:
        data["memberOf"] = [{"@type": "Organization", "name": name} for name in memberships]
    if doctor.registration_number:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": doctor.registration_council,
            "value": doctor.registration_number,
        }
    clinics = [medical_clinic(clinic, hours) for clinic, hours in doctor.hours_by_clinic()]
    if clinics:
        # The doctor's practice address is that of the first clinic they consult at.
        data["address"] = clinics[0]["address"]
        data["practicesAt"] = clinics
    if len(clinics) == 1 and "openingHoursSpecification" in clinics[0]:
        # Google reads a business's hours at its top level; with one clinic its hours are the doctor's.
        # Several clinics' hours would overlap (the same day at two places), so they stay per clinic.
        data["openingHoursSpecification"] = clinics[0]["openingHoursSpecification"]
    return data


def _person_ref(doctor: DoctorPage | None) -> dict | None:
    if doctor is None or not doctor.live:
        return None
    data = {"@type": "Person", "name": doctor.display_name, "url": doctor.get_full_url()}
    if doctor.job_title:
        data["jobTitle"] = doctor.job_title
    return data


def date_time(day: date, moment: datetime | None) -> str:
    """``day`` as a schema.org DateTime in the site's time zone (``TIME_ZONE``).

    The time is ``moment``'s (when the page was published) if that falls on ``day`` there,
    else the start of the day: an editorial date set by hand has no time of its own.
    """
    zone = timezone.get_default_timezone()
    local = timezone.localtime(moment, zone) if moment is not None else None
    at = local.time().replace(microsecond=0) if local is not None and local.date() == day else time(0)
    return datetime.combine(day, at, tzinfo=zone).isoformat()


def medical_article(article: ArticlePage, url: str, site_url: str, image_url: str = "", publisher: str = "") -> dict:
    """A MedicalWebPage whose main entity is the Article, with author, reviewer and dates."""
    author = _person_ref(article.author)
    reviewer = _person_ref(article.reviewer)
    main: dict = {
        "@type": "Article",
        "headline": article.title[:110],
        "description": strip_tags(article.summary),
        "datePublished": date_time(article.published_date, article.first_published_at),
        "dateModified": date_time(article.last_reviewed_date or article.published_date, article.last_published_at),
        "mainEntityOfPage": url,
        "articleSection": [category.name for category in article.categories.all()],
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if author:
        main["author"] = author
    if image_url:
        main["image"] = image_url
    if publisher:
        main["publisher"] = {"@type": "Organization", "name": publisher, "url": site_url + "/"}
    page: dict = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "name": article.seo_title or article.title,
        "url": url,
        "mainEntity": main,
    }
    if reviewer:
        page["reviewedBy"] = reviewer
    if article.last_reviewed_date:
        page["lastReviewed"] = article.last_reviewed_date.isoformat()
    return page


def website(name: str, url: str) -> dict:
    """The WebSite node of the home page, with the site search as a SearchAction."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": name,
        "url": url,
        "potentialAction": {
            "@type": "SearchAction",
            "target": url.rstrip("/") + "/search/?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


def to_script_json(data: dict) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
