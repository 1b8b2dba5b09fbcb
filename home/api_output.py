"""An API answer as JSON data, exactly as the API sends it, for code that calls an endpoint's function directly."""

import json

from django.db import OperationalError
from django.http import HttpRequest
from ninja.responses import NinjaJSONEncoder
from pydantic import ValidationError

# pydantic names the exception's class first: "OperationalError: terminating connection ...".
_DATABASE_OUTAGES = ("OperationalError:", "InterfaceError:")


class ResponseBuildError(RuntimeError):
    """Reading the data of a response failed for a reason other than the database."""


def raise_attribute_failure(exc: ValidationError) -> None:
    """Raise again, as the failure it stands for, an error pydantic met while reading a response's data.

    pydantic reports *any* exception raised while reading an attribute as a validation error
    (``get_attribute_error``): a database lost while a page is serialised is an ``OperationalError``
    (``503`` with ``Retry-After`` from ``cms/errors.py``), anything else a :class:`ResponseBuildError`.
    Returns when ``exc`` is a real validation error.
    """
    failures = [error for error in exc.errors() if error["type"] == "get_attribute_error"]
    if not failures:
        return
    reason = failures[0].get("ctx", {}).get("error", "")
    if reason.startswith(_DATABASE_OUTAGES):
        raise OperationalError(reason) from exc
    raise ResponseBuildError(reason) from exc


def as_api_json(schema, value, request: HttpRequest) -> dict:
    """``value`` validated by ``schema`` with the request in context, then encoded as django-ninja encodes answers.

    Django-ninja writes datetimes with millisecond precision (Django's JSON encoder), so data built
    this way is equal to what the endpoint answers, to the character.
    """
    try:
        validated = schema.model_validate(value, context={"request": request, "response_status": 200})
    except ValidationError as exc:
        raise_attribute_failure(exc)
        raise
    return json.loads(json.dumps(validated.model_dump(by_alias=True), cls=NinjaJSONEncoder))
