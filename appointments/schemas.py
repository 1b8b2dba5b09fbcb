"""Request and response shapes of the appointment and call-to-action endpoints.

Every field of ``AppointmentRequestIn`` answers a mistake with one message in
plain words that the form can show beside the field. To make that possible
even for a missing field, fields have defaults and validate them
(``validate_default``); the OpenAPI schema still lists the truly required
fields as ``required``.
"""

import re
from datetime import date, timedelta
from typing import Any, Literal

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils import timezone
from ninja import Schema
from pydantic import ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError
from wagtail.models import Page

from home.models import Clinic, DoctorPage

from . import conf
from .models import NAME_MAX_LENGTH, REASON_MAX_LENGTH, CtaEventCount

TimeOfDay = Literal["morning", "afternoon", "evening"]
Channel = Literal["call", "whatsapp", "book", "request_sent"]

REQUIRED_FIELDS = ["name", "phone", "consent", "fill_time_ms"]

# The examples every phone message ends with; the form's hint and its own messages use the same ones
# (``frontend/src/i18n/messages.ts``).
PHONE_EXAMPLES = "e.g. 98765 43210, or with the country code outside India, e.g. +44 20 7946 0958"
# What people write in a phone number: digits, spaces, a leading +, brackets, dots and dashes.
PHONE_CHARACTERS = re.compile(r"\+?[\d\s().-]+")


def _invalid(message: str, code: str = "invalid") -> PydanticCustomError:
    return PydanticCustomError(code, message)


def _mark_required(schema: dict[str, Any]) -> None:
    # The defaults only exist so a missing field gets a plain message; clients must send these.
    schema["required"] = REQUIRED_FIELDS
    for name in REQUIRED_FIELDS:
        schema["properties"][name].pop("default", None)


class AppointmentRequestIn(Schema):
    """What the booking form sends. Only ``name``, ``phone``, ``consent`` and ``fill_time_ms`` are required."""

    model_config = ConfigDict(validate_default=True, json_schema_extra=_mark_required)

    name: str = Field("", max_length=NAME_MAX_LENGTH, description="The patient's name.")
    phone: str = Field(
        "",
        max_length=32,
        description="A phone number to call back. Numbers without a country code are read as Indian numbers "
        "(the site's default region); other countries need their code, e.g. +44 20 7946 0958.",
    )
    email: str = Field("", max_length=254, description="Optional e-mail address.")
    doctor_id: int | None = Field(None, description="Optional: the id of a live doctor page.")
    clinic_id: int | None = Field(None, description="Optional: the id of a clinic.")
    preferred_date: date | None = Field(
        None, description="Optional: YYYY-MM-DD, from today up to the configured number of days ahead (90)."
    )
    time_of_day: TimeOfDay | None = Field(None, description="Optional; empty or null means any time.")
    reason: str = Field(
        "",
        max_length=REASON_MAX_LENGTH,
        description="Optional short reason. The form should ask patients not to share medical details.",
    )
    consent: bool = Field(False, description="Must be true: the patient agrees to the privacy notice.")
    source_page_id: int | None = Field(
        None,
        description="Optional: the id of the page the booking link was followed from (its ``page`` parameter). "
        "An id that names no page a visitor may see is ignored.",
    )
    fill_time_ms: int = Field(
        -1,
        ge=0,
        description="Milliseconds between the form being shown and sent, measured by the browser "
        "(e.g. performance.now() difference), so a wrong phone clock cannot matter.",
    )
    website: str = Field(
        "",
        max_length=200,
        description="Honeypot: hidden from people and must stay empty. A value means a bot filled the form.",
    )
    idempotency_key: str | None = Field(
        None,
        min_length=8,
        max_length=100,
        pattern=r"^[A-Za-z0-9_.:-]+$",
        description="A random key (e.g. a UUID) made once per filled form; a retry with the same key "
        "returns the first request's reference. The Idempotency-Key header may be used instead.",
    )

    @field_validator("name", mode="wrap")
    @classmethod
    def _check_name(cls, value, handler):
        if not isinstance(value, str):
            raise _invalid("Enter your name as text.", "type")
        value = " ".join(value.split())
        if not value:
            raise _invalid("Enter your name.", "required")
        if len(value) > NAME_MAX_LENGTH:
            raise _invalid(f"Your name can be at most {NAME_MAX_LENGTH} characters long.", "too_long")
        return handler(value)

    @field_validator("phone", mode="wrap")
    @classmethod
    def _check_phone(cls, value, handler):
        if not isinstance(value, str):
            raise _invalid(f"Enter the phone number as text, {PHONE_EXAMPLES}.", "type")
        value = value.strip()
        if not value:
            raise _invalid("Enter a phone number we can call you back on.", "required")
        if len(value) > 32:
            raise _invalid(f"This phone number is too long. Check its digits, {PHONE_EXAMPLES}.", "too_long")
        if not PHONE_CHARACTERS.fullmatch(value):
            raise _invalid(f"Use only digits and spaces in the phone number, {PHONE_EXAMPLES}.", "invalid_phone")
        try:
            number = phonenumbers.parse(value, settings.PHONENUMBER_DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            number = None
        length = phonenumbers.is_possible_number_with_reason(number) if number is not None else None
        if length in (phonenumbers.ValidationResult.TOO_SHORT, phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY):
            raise _invalid(f"This phone number is too short. Enter all its digits, {PHONE_EXAMPLES}.", "too_short")
        if length in (phonenumbers.ValidationResult.TOO_LONG, phonenumbers.ValidationResult.INVALID_LENGTH):
            raise _invalid(f"This phone number is too long. Check its digits, {PHONE_EXAMPLES}.", "too_long")
        if number is None or not phonenumbers.is_valid_number(number):
            raise _invalid(f"This phone number does not exist. Check it, {PHONE_EXAMPLES}.", "invalid_phone")
        return handler(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))

    @field_validator("email", mode="wrap")
    @classmethod
    def _check_email(cls, value, handler):
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise _invalid("Enter the e-mail address as text.", "type")
        value = value.strip()
        if len(value) > 254:
            raise _invalid("This e-mail address is too long.", "too_long")
        if value:
            try:
                validate_email(value)
            except DjangoValidationError:
                raise _invalid("Enter an e-mail address like name@example.com, or leave it empty.") from None
        return handler(value)

    @field_validator("doctor_id", mode="wrap")
    @classmethod
    def _check_doctor(cls, value, handler):
        if value is None:
            return None
        if not _is_plain_int(value):
            raise _invalid("Choose a doctor from the list.", "type")
        if not DoctorPage.objects.live().public().filter(pk=value).exists():
            raise _invalid("This doctor is not available. Choose a doctor from the list.", "not_found")
        return handler(value)

    @field_validator("clinic_id", mode="wrap")
    @classmethod
    def _check_clinic(cls, value, handler):
        if value is None:
            return None
        if not _is_plain_int(value):
            raise _invalid("Choose a clinic from the list.", "type")
        if not Clinic.objects.filter(pk=value).exists():
            raise _invalid("This clinic is not available. Choose a clinic from the list.", "not_found")
        return handler(value)

    @field_validator("preferred_date", mode="wrap")
    @classmethod
    def _check_date(cls, value, handler):
        if value in (None, ""):
            return None
        try:
            chosen = handler(value) if isinstance(value, str) else None
        except ValidationError:
            chosen = None
        if chosen is None:
            raise _invalid("Enter the date as YYYY-MM-DD, e.g. 2025-03-14.", "type")
        today = timezone.localdate()
        days_ahead = conf.get("APPOINTMENTS_MAX_DAYS_AHEAD")
        if chosen < today:
            raise _invalid("This date has passed. Choose today or a later date.", "past")
        if chosen > today + timedelta(days=days_ahead):
            raise _invalid(f"Choose a date within the next {days_ahead} days.", "too_far")
        return chosen

    @field_validator("time_of_day", mode="wrap")
    @classmethod
    def _check_time_of_day(cls, value, handler):
        if value in (None, ""):
            return None
        try:
            return handler(value)
        except ValidationError:
            raise _invalid("Choose morning, afternoon or evening, or leave it empty.") from None

    @field_validator("reason", mode="wrap")
    @classmethod
    def _check_reason(cls, value, handler):
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise _invalid("Enter the reason as text.", "type")
        value = value.strip()
        if len(value) > REASON_MAX_LENGTH:
            raise _invalid(f"Keep the reason under {REASON_MAX_LENGTH} characters.", "too_long")
        return handler(value)

    @field_validator("consent", mode="wrap")
    @classmethod
    def _check_consent(cls, value, handler):
        if value is not True:
            raise _invalid(
                "Please agree to the privacy notice so the clinic may store your request and call you.", "required"
            )
        return handler(value)

    @field_validator("source_page_id", mode="wrap")
    @classmethod
    def _check_source_page(cls, value, handler):
        if value is None:
            return None
        if not _is_plain_int(value):
            raise _invalid("The page id must be a number.", "type")
        return handler(value)

    @field_validator("fill_time_ms", mode="wrap")
    @classmethod
    def _check_fill_time(cls, value, handler):
        if not _is_plain_int(value) or value < 0:
            raise _invalid("The form did not say how long it took to fill in. Reload the page and try again.")
        return handler(value)

    @field_validator("website", mode="wrap")
    @classmethod
    def _check_website(cls, value, handler):
        # Any value is accepted here; the endpoint refuses a filled honeypot without saying why.
        return value if isinstance(value, str) else "filled"

    @field_validator("idempotency_key", mode="wrap")
    @classmethod
    def _check_idempotency_key(cls, value, handler):
        if value in (None, ""):
            return None
        try:
            return handler(value)
        except ValidationError:
            raise _invalid("The idempotency key must be 8 to 100 letters, digits, '-', '_', '.' or ':'.") from None


def _is_plain_int(value) -> bool:
    # JSON true/false are not ids, and "12" is a wrong type in a JSON API.
    return isinstance(value, int) and not isinstance(value, bool)


class AppointmentRequestCreated(Schema):
    """The reference the patient quotes when the clinic calls back."""

    reference: str = Field(description="e.g. AR-7K3M9Q")


class CtaEventIn(Schema):
    """One use of a call-to-action: which page and which channel. Nothing about the visitor."""

    page_id: int = Field(description="The id of the page the call-to-action was used on.")
    channel: Channel = Field(description="call, whatsapp, book (the form was opened) or request_sent.")

    @field_validator("page_id", mode="wrap")
    @classmethod
    def _check_page(cls, value, handler):
        if not _is_plain_int(value):
            raise _invalid("The page id must be a number.", "type")
        if not Page.objects.live().public().filter(pk=value, depth__gt=1).exists():
            raise _invalid("There is no published page with this id.", "not_found")
        return handler(value)

    @field_validator("channel", mode="wrap")
    @classmethod
    def _check_channel(cls, value, handler):
        try:
            return handler(value)
        except ValidationError:
            choices = ", ".join(choice for choice, _ in CtaEventCount.Channel.choices)
            raise _invalid(f"The channel must be one of: {choices}.") from None
