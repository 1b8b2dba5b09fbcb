"""Public write endpoints: appointment requests and call-to-action events.

Both are anonymous and added to Wagtail's v3 ``NinjaAPI`` in ``cms/api.py``,
so they appear in ``/api/v3/openapi.json``. Errors use Wagtail's RFC 7807
problem shape (``application/problem+json``): ``422`` lists one plain-words
message per field in ``errors[].msg`` with the field in ``errors[].loc``.
Nothing a patient sends is ever logged or returned by a read endpoint.
"""

import re

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from ninja import Header, Router, Status
from ninja.decorators import decorate_view
from wagtail.api.v3.errors import ProblemDetail, problem_response
from wagtail.models import Page, Site

from home.client_address import client_address
from home.models import SiteSettings
from home.visibility import visible_pages

from . import conf
from .models import AppointmentRequest, CtaEventCount
from .notifications import schedule_notification
from .rate_limits import hashed_identifier, hit
from .request_guards import same_origin_json
from .schemas import AppointmentRequestCreated, AppointmentRequestIn, CtaEventIn

appointments_router = Router(tags=["appointments"])
cta_events_router = Router(tags=["appointments"])

ERROR_RESPONSES = dict.fromkeys((400, 403, 413, 415, 422, 429), ProblemDetail)

BOT_USER_AGENT = re.compile(r"bot|crawl|spider|slurp|preview|headless|lighthouse|curl|wget|python|scrapy", re.I)
# One visitor using the same call-to-action on the same page again within this
# many seconds is counted once.
CTA_REPEAT_SECONDS = 10 * 60


def _too_many_requests(retry_after: int, detail: str = "", errors: list[dict] | None = None) -> HttpResponse:
    detail = detail or "Too many requests. Please wait a little and try again, or call or WhatsApp the clinic."
    response = problem_response(status=429, detail=detail, errors=errors)
    response["Retry-After"] = str(retry_after)
    return response


def _period(seconds: int) -> str:
    """A limit's window in words: "a day", "2 days", "an hour", "30 minutes"."""
    for size, one, many in ((86400, "a day", "days"), (3600, "an hour", "hours")):
        if seconds % size == 0:
            return one if seconds == size else f"every {seconds // size} {many}"
    return f"every {max(1, seconds // 60)} minutes"


def _phone_limit_reached(limit: int, window: int, retry_after: int) -> HttpResponse:
    message = (
        f"This phone number has reached the limit of {limit} requests {_period(window)}. The clinic will call "
        "you back about the requests you sent; to talk sooner, call or WhatsApp the clinic."
    )
    errors = [{"type": "daily_limit", "loc": ["body", "payload", "phone"], "msg": message}]
    return _too_many_requests(retry_after, message, errors)


def _field_error(field: str, message: str, code: str = "invalid") -> HttpResponse:
    return problem_response(
        status=422,
        detail="Validation failed",
        errors=[{"type": code, "loc": ["body", "payload", field], "msg": message}],
    )


def _privacy_notice(site: Site | None) -> Page | None:
    if site is None:
        return None
    # The notice a visitor could read (:mod:`home.visibility`): a private or restricted page is none.
    page_id = SiteSettings.for_site(site).privacy_page_id
    return visible_pages(site).filter(pk=page_id).first() if page_id else None


def _replay(appointment: AppointmentRequest, response: HttpResponse, payload: AppointmentRequestIn):
    if appointment.phone.as_e164 != payload.phone:
        return problem_response(
            status=409, detail="This idempotency key was already used for a different request. Make a new key."
        )
    response["Idempotent-Replayed"] = "true"
    return Status(201, {"reference": appointment.reference})


@appointments_router.post(
    "/",
    response={201: AppointmentRequestCreated, 409: ProblemDetail, **ERROR_RESPONSES},
    url_name="appointment_request_create",
    operation_id="create_appointment_request",
    summary="Request an appointment",
    # Public: anyone may send a request (the same-origin check is not a credential).
    openapi_extra={"security": []},
)
@decorate_view(sensitive_post_parameters(), same_origin_json)
@sensitive_variables()
def create_appointment_request(
    request,
    payload: AppointmentRequestIn,
    response: HttpResponse,
    idempotency_key_header: str | None = Header(None, alias="Idempotency-Key"),
):
    """Store a patient's request to be called back and notify the clinic.

    Returns ``201`` with the reference the patient quotes. A retry carrying the
    same idempotency key (``Idempotency-Key`` header or ``idempotency_key``
    field) returns the same reference with ``Idempotent-Replayed: true`` and
    stores nothing new. Bots are refused: a filled honeypot gives ``400``, a
    form sent faster than even browser autofill allows (``APPOINTMENTS_MIN_FILL_MS``)
    gives ``422`` on ``fill_time_ms``. Per-address and per-phone limits give
    ``429`` with ``Retry-After``; the per-phone one names the limit and is an
    error on ``phone`` (type ``daily_limit``). ``source_page_id`` is kept only
    when it names a page a visitor may see. Cross-site browser requests and non-JSON bodies are refused
    (``403``/``415``, see ``appointments/request_guards.py``).
    """
    limit, window = conf.get("APPOINTMENTS_RATE_LIMIT_PER_IP")
    by_address = hit("appointment-ip", client_address(request), limit, window)
    if not by_address.allowed:
        return _too_many_requests(by_address.retry_after)

    if payload.website:
        return problem_response(status=400, detail="The request could not be accepted.")
    if payload.fill_time_ms < conf.get("APPOINTMENTS_MIN_FILL_MS"):
        return _field_error(
            "fill_time_ms",
            "Your request was sent the moment the form opened, so it was not accepted. Your details are "
            "still in the form: check them and press Send again.",
            "too_fast",
        )

    key = (idempotency_key_header or "").strip() or payload.idempotency_key
    if key and (len(key) > 100 or not re.fullmatch(r"[A-Za-z0-9_.:-]{8,100}", key)):
        return _field_error("idempotency_key", "The idempotency key must be 8 to 100 letters, digits, - _ . or :.")
    if key:
        existing = AppointmentRequest.objects.filter(idempotency_key=key).first()
        if existing:
            return _replay(existing, response, payload)

    limit, window = conf.get("APPOINTMENTS_RATE_LIMIT_PER_PHONE")
    by_phone = hit("appointment-phone", payload.phone, limit, window)
    if not by_phone.allowed:
        return _phone_limit_reached(limit, window, by_phone.retry_after)

    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    notice = _privacy_notice(site)
    # A page a visitor may not see (unknown, hidden, unpublished while the patient typed) is left out, never an error.
    source_page = (
        visible_pages(site).filter(pk=payload.source_page_id).first()
        if payload.source_page_id is not None and site is not None
        else None
    )
    appointment = AppointmentRequest(
        name=payload.name,
        phone=payload.phone,
        email=payload.email,
        doctor_id=payload.doctor_id,
        clinic_id=payload.clinic_id,
        preferred_date=payload.preferred_date,
        time_of_day=payload.time_of_day or "",
        reason=payload.reason,
        consent_given_at=timezone.now(),
        privacy_notice_page=notice,
        privacy_notice_revision_id=notice.live_revision_id if notice else None,
        privacy_notice_published_at=notice.last_published_at if notice else None,
        source_page=source_page,
        idempotency_key=key or None,
    )
    try:
        with transaction.atomic():
            appointment.save()
            schedule_notification(appointment.pk, site.pk if site else None)
    except IntegrityError:
        # The same key arrived twice at once: the other submission won.
        existing = AppointmentRequest.objects.filter(idempotency_key=key).first() if key else None
        if existing is None:
            raise
        return _replay(existing, response, payload)
    return Status(201, {"reference": appointment.reference})


@cta_events_router.post(
    "/",
    response={204: None, **ERROR_RESPONSES},
    url_name="cta_event_create",
    operation_id="record_cta_event",
    summary="Count a call-to-action use",
    openapi_extra={"security": []},
)
@decorate_view(same_origin_json)
def record_cta_event(request, payload: CtaEventIn):
    """Count one click on call, WhatsApp or book, or one request sent, for a page.

    Only the page, the channel and the day are stored. The visitor's address
    is used, hashed and only in the cache, to bound floods (``429``) and to
    count a repeated click once; crawlers are answered ``204`` and not counted.
    """
    if BOT_USER_AGENT.search(request.headers.get("User-Agent", "") or "bot"):
        return Status(204, None)
    address = client_address(request)
    limit, window = conf.get("APPOINTMENTS_CTA_RATE_LIMIT_PER_IP")
    by_address = hit("cta-ip", address, limit, window)
    if not by_address.allowed:
        return _too_many_requests(by_address.retry_after)
    visitor = hashed_identifier(f"{address}|{request.headers.get('User-Agent', '')}")
    try:
        first_time = cache.add(f"cta-seen:{visitor}:{payload.page_id}:{payload.channel}", 1, CTA_REPEAT_SECONDS)
    except Exception:  # a cache outage: count the event rather than fail
        first_time = True
    if first_time:
        CtaEventCount.increment(page_id=payload.page_id, channel=payload.channel, day=timezone.localdate())
    return Status(204, None)
