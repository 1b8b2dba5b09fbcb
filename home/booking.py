"""The booking call-to-action of a page: ready ``tel:``, WhatsApp and request-form links.

The site settings hold the practice's phone, WhatsApp number and message; a
doctor may override any of them, and the override applies on the doctor's own
page and on the articles the doctor wrote (while the doctor's page is visible).
The request-form link carries the doctor (``doctor=<id>``) and the page it was
followed from (``page=<id>``), so the form names the doctor and the clinic
learns where the request came from. This is the one place these rules live: the API sends the finished links
(``booking`` in ``/api/v3/route/`` and ``/api/v3/site/``; ``contacts`` in ``/api/v3/site/`` and on a
doctor's page) and the frontend shows them as they are.
"""

from urllib.parse import quote

from typing_extensions import TypedDict
from wagtail.models import Page

from .api_shapes import AppointmentContacts
from .models import DoctorPage
from .visibility import visible_reference

APPOINTMENT_PATH = "/appointment/"
# The characters JavaScript's encodeURIComponent leaves as they are, so shared links look the same everywhere.
URI_COMPONENT_SAFE = "!*'()"


class BookingLinks(TypedDict):
    """The call-to-action bar of one page: each link is "" when the practice has no such contact."""

    tel_url: str
    phone_display: str
    whatsapp_url: str
    booking_url: str
    doctor_id: int | None


def appointment_query(doctor_id: int | None, page_id: int | None) -> str:
    """The request form's query string: ``?doctor=<id>&page=<id>`` with the ids that are known, else ""."""
    pairs = [("doctor", doctor_id), ("page", page_id)]
    query = "&".join(f"{name}={value}" for name, value in pairs if value is not None)
    return f"?{query}" if query else ""


def appointment_url(doctor_id: int | None, page_id: int | None) -> str:
    """The request form's address: ``/appointment/`` and :func:`appointment_query`."""
    return APPOINTMENT_PATH + appointment_query(doctor_id, page_id)


def whatsapp_text(message: str, page_title: str) -> str:
    """The prefilled WhatsApp message: the configured greeting, then the page's title."""
    return f"{message} ({page_title})".strip() if page_title else message


def page_doctor(page: Page | None):
    """The doctor whose contacts apply on ``page``: the doctor's own page, or an article's author visitors may see."""
    if isinstance(page, DoctorPage):
        return page
    if getattr(page, "author_id", None) is None:
        return None
    return visible_reference(page.author, referrer=page)


def _contact(settings, doctor, field: str):
    """``doctor``'s own value of ``field`` where set, else the site ``settings``' (``None`` when neither has one)."""
    own = getattr(doctor, field, None) if doctor is not None else None
    return own or getattr(settings, field, None) or None


def tel_url(phone) -> str:
    """``tel:+<E.164>`` for a stored phone number, "" without one."""
    return f"tel:{phone.as_e164}" if phone else ""


def whatsapp_url(number, text: str) -> str:
    """``https://wa.me/<digits>?text=<text>`` for a stored WhatsApp number, "" without one."""
    if not number:
        return ""
    url = f"https://wa.me/{number.as_e164.lstrip('+')}"
    return url + f"?text={quote(text, safe=URI_COMPONENT_SAFE)}" if text else url


def appointment_contacts(settings, doctor=None) -> AppointmentContacts:
    """The contacts themselves and their links: ``doctor``'s overrides field by field, else the site ``settings``."""
    phone = _contact(settings, doctor, "appointment_phone")
    whatsapp = _contact(settings, doctor, "whatsapp_number")
    message = str(_contact(settings, doctor, "whatsapp_message") or "")
    return AppointmentContacts(
        phone=phone.as_e164 if phone else "",
        phone_display=phone.as_international if phone else "",
        phone_url=tel_url(phone),
        whatsapp_number=whatsapp.as_e164 if whatsapp else "",
        whatsapp_message=message,
        whatsapp_url=whatsapp_url(whatsapp, message),
    )


def booking_links(settings, page: Page | None = None, doctor=None) -> BookingLinks:
    """The effective links: ``doctor``'s overrides field by field, else the site ``settings``.

    ``page`` names the page in the WhatsApp message and is the page the form link says it was followed from.
    """
    phone = _contact(settings, doctor, "appointment_phone")
    message = str(_contact(settings, doctor, "whatsapp_message") or "")
    text = whatsapp_text(message, page.title if page is not None else "")
    return BookingLinks(
        tel_url=tel_url(phone),
        phone_display=phone.as_international if phone else "",
        whatsapp_url=whatsapp_url(_contact(settings, doctor, "whatsapp_number"), text),
        booking_url=appointment_url(doctor.pk if doctor is not None else None, page.pk if page is not None else None),
        doctor_id=doctor.pk if doctor is not None else None,
    )
