"""Text holding a NUL character (U+0000) is refused with ``422`` before it can reach the database.

PostgreSQL text can neither hold nor be compared with NUL, and no field of this
API can mean anything by it, so an operation refuses it in every parameter and
body field it reads (searches, filters, page paths, an appointment request's
text), with the problem shape of any other invalid field, on every database
alike. The check runs after django-ninja's validation, so a query parameter the
operation does not take changes nothing. Only operations with an input that can
hold a string are wrapped (:func:`can_hold_text`); the others (ids, numbers,
fixed choices) answer as before.
"""

import inspect
import types
import typing
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from functools import wraps
from uuid import UUID

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


# Inputs that validate to something no NUL can be in.
NO_TEXT_TYPES = (int, float, bool, Decimal, date, datetime, time, UUID, Enum, type(None))


def can_hold_text(annotation, seen: frozenset = frozenset()) -> bool:
    """Whether a validated input of type ``annotation`` can hold a string (anything unknown counts as yes)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False  # one of fixed values
    if origin is typing.Annotated:
        return can_hold_text(typing.get_args(annotation)[0], seen)
    if origin is dict or annotation is dict:
        return True  # keys are strings
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset) or (
        origin is not None and issubclass(origin, typing.Sequence)
    ):
        arguments = [argument for argument in typing.get_args(annotation) if argument is not Ellipsis]
        return not arguments or any(can_hold_text(argument, seen) for argument in arguments)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False  # a recursive schema: its other fields decide
        fields = annotation.model_fields.values()
        return any(can_hold_text(field.annotation, seen | {annotation}) for field in fields)
    return not (isinstance(annotation, type) and issubclass(annotation, NO_TEXT_TYPES))


def takes_text(view) -> bool:
    """Whether any input of ``view`` (after ``request``) can hold a string."""
    function = inspect.unwrap(view)
    try:
        hints = typing.get_type_hints(function)
    except Exception:
        return True  # unreadable annotations: guarded
    names = list(inspect.signature(function).parameters)[1:]
    return any(can_hold_text(hints.get(name, typing.Any)) for name in names)


def refuse_nul_characters(view):
    """Answer ``422`` (one error per offending field) when a parameter of the operation holds a NUL.

    ``view`` is returned as it is when none of its inputs can hold a string.
    """
    if not takes_text(view):
        return view

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        locations = [location for name, value in kwargs.items() for location in nul_locations(value, (name,))]
        if locations:
            errors = [{"type": "nul_character", "loc": list(location), "msg": MESSAGE} for location in locations]
            return problem_response(status=422, detail="Validation failed", errors=errors)
        return view(request, *args, **kwargs)

    return wrapper


def install(api: NinjaAPI) -> None:
    """Apply :func:`refuse_nul_characters` to the operations of ``api`` that take text."""
    api.add_decorator(refuse_nul_characters, mode="operation")
