"""The appointment call-to-action's contacts for a page.

The site settings hold the practice's phone, WhatsApp number and message; a
doctor may override any of them, and the override applies on the doctor's
own page and on the articles the doctor wrote. The frontend computes the same
links from the API data (``src/lib/contacts.ts``); the two must agree.
"""

from dataclasses import dataclass
from urllib.parse import quote

from wagtail.models import Page

from blog.models import ArticlePage
from home.models import DoctorPage, SiteSettings

APPOINTMENT_PATH = "/appointment/"
JS_URI_COMPONENT_SAFE = "!*'()"


@dataclass(frozen=True)
class AppointmentContacts:
    """What the CTA bar links to on one page."""

    phone: str
    phone_display: str
    whatsapp_number: str
    whatsapp_message: str
    doctor: DoctorPage | None

    @property
    def tel_url(self) -> str:
        """A ``tel:`` link with the number in E.164, or "" when there is no number."""
        return f"tel:{self.phone}" if self.phone else ""

    def whatsapp_url(self, page_title: str) -> str:
        """A ``wa.me`` link whose prefilled message names the page, or ""."""
        digits = "".join(ch for ch in self.whatsapp_number if ch.isdigit())
        if not digits:
            return ""
        text = whatsapp_text(self.whatsapp_message, page_title)
        # The same characters as JavaScript's encodeURIComponent stay unescaped, so both sides agree.
        encoded = quote(text, safe=JS_URI_COMPONENT_SAFE)
        return f"https://wa.me/{digits}?text={encoded}"

    @property
    def booking_url(self) -> str:
        """The request form, naming the doctor when the page has one."""
        return f"{APPOINTMENT_PATH}?doctor={self.doctor.pk}" if self.doctor else APPOINTMENT_PATH


def whatsapp_text(message: str, page_title: str) -> str:
    """The prefilled WhatsApp message: the configured greeting, then the page's title."""
    return f"{message} ({page_title})".strip() if page_title else message


def page_doctor(page: Page | None) -> DoctorPage | None:
    """The doctor whose contacts apply: the page's own doctor or an article's author."""
    if isinstance(page, DoctorPage):
        return page
    if isinstance(page, ArticlePage) and page.author_id:
        author = page.author
        return author if author and author.live else None
    return None


def contacts_for(page: Page | None, settings: SiteSettings) -> AppointmentContacts:
    """The effective contacts: the doctor's overrides, else the site's."""
    doctor = page_doctor(page)

    def pick(field: str):
        own = getattr(doctor, field, None) if doctor else None
        return own or getattr(settings, field, None) or None

    phone = pick("appointment_phone")
    whatsapp = pick("whatsapp_number")
    return AppointmentContacts(
        # Stored numbers are PhoneNumber objects: links need E.164, people read the spaced form.
        phone=phone.as_e164 if phone else "",
        phone_display=phone.as_international if phone else "",
        whatsapp_number=whatsapp.as_e164 if whatsapp else "",
        whatsapp_message=str(pick("whatsapp_message") or ""),
        doctor=doctor,
    )
