"""Text holding a NUL character (U+0000) is refused with ``422`` before it can reach the database.

PostgreSQL text can neither hold nor be compared with NUL, and no field of this
API can mean anything by it, so an operation refuses it in every parameter and
body field it reads (searches, filters, page paths, an appointment request's
text), with the problem shape of any other invalid field, on every database
alike. The check runs after django-ninja's validation, so a query parameter the
operation does not take changes nothing.
"""

from functools import wraps

from ninja import NinjaAPI
from pydantic import BaseModel
from wagtail.api.v3.errors import problem_response

NUL = "\x00"
MESSAGE = "This text contains a NUL character (U+0000), which cannot be stored. Remove it and send it again."


def nul_locations(value, location: tuple = ()):
    """Where ``value`` (a validated parameter: a string, a schema, or dicts and lists of them) holds a NUL."""
    if isinstance(value, str):
        if NUL in value:
            yield location
    elif isinstance(value, BaseModel):
        for name, item in value:
            yield from nul_locations(item, (*location, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and NUL in key:
                yield (*location, key)
            yield from nul_locations(item, (*location, key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from nul_locations(item, (*location, index))


def refuse_nul_characters(view):
    """Answer ``422`` (one error per offending field) when a parameter of the operation holds a NUL."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        locations = [location for name, value in kwargs.items() for location in nul_locations(value, (name,))]
        if locations:
            errors = [{"type": "nul_character", "loc": list(location), "msg": MESSAGE} for location in locations]
            return problem_response(status=422, detail="Validation failed", errors=errors)
        return view(request, *args, **kwargs)

    return wrapper


def install(api: NinjaAPI) -> None:
    """Apply :func:`refuse_nul_characters` to every operation of ``api``."""
    api.add_decorator(refuse_nul_characters, mode="operation")
