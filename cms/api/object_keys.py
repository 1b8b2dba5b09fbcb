"""A key that cannot be an object's primary key names no object: ``404`` in the path, ``422`` in a filter.

Wagtail's snippet and revision reads (an API token is needed for them) take
keys as free strings, since a model's primary key may be of any kind, and
Django raises ``ValueError`` when such a string cannot be converted for the
lookup. So each key is checked against the primary key field of the model it
names, the way Django's admin treats an unusable id in its URLs: an object in
the path is not found (``404``); a filter value (``translation_of`` on a
snippet list, ``user_id`` on a revision list) is invalid (``422`` naming the
parameter).
"""

import inspect
import typing
from functools import wraps

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Model
from ninja import NinjaAPI
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.schemas.params import RevisionFilterSchema, TranslationFilterSchema
from wagtail.coreutils import resolve_model_string


def can_be_key_of(model: type[Model], value) -> bool:
    """Whether ``value`` has the form of ``model``'s primary key (not whether such an object exists)."""
    try:
        model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return True


def invalid_filter(name: str, model: type[Model]) -> dict:
    """One error of a problem document: the query parameter ``name`` cannot name a ``model``."""
    return {
        "type": "invalid_key",
        "loc": ["query", name],
        "msg": f"This is not a valid {model._meta.verbose_name} id.",
    }


def filter_errors(kwargs: dict, model: type[Model] | None) -> list[dict]:
    """The filters among an operation's validated parameters that hold a key of the wrong form."""
    # (parameter, the model its key names, the key) for each key-taking filter the operation has.
    keys = []
    for value in kwargs.values():
        if isinstance(value, TranslationFilterSchema) and model is not None:
            keys.append(("translation_of", model, value.translation_of))
        elif isinstance(value, RevisionFilterSchema):
            keys.append(("user_id", get_user_model(), value.user_id))
    return [
        invalid_filter(name, keyed_model)
        for name, keyed_model, key in keys
        if key is not None and not can_be_key_of(keyed_model, key)
    ]


KEY_FILTERS = (TranslationFilterSchema, RevisionFilterSchema)


def takes_keys(view) -> bool:
    """Whether ``view`` looks an object up by a free-form key: a snippet ``type`` and ``pk``, or a key filter."""
    function = inspect.unwrap(view)
    parameters = inspect.signature(function).parameters
    if {"type", "pk"} <= set(parameters):
        return True
    try:
        hints = typing.get_type_hints(function)
    except Exception:
        return True  # unreadable annotations: guarded
    return any(isinstance(hint, type) and issubclass(hint, KEY_FILTERS) for hint in hints.values())


def refuse_unusable_keys(view):
    """Answer ``404``/``422`` before ``view`` looks up a snippet or a user by a key of the wrong form.

    ``view`` is returned as it is when it takes no such key.
    """
    if not takes_keys(view):
        return view

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        # Snippet operations name their model in the ``type`` path parameter (a validated model label).
        model = resolve_model_string(kwargs["type"]) if isinstance(kwargs.get("type"), str) else None
        if model is not None and "pk" in kwargs and not can_be_key_of(model, unquote(kwargs["pk"])):
            return problem_response(status=404, detail=f"No {model._meta.object_name} matches the given query.")
        if errors := filter_errors(kwargs, model):
            return problem_response(status=422, detail="Validation failed", errors=errors)
        return view(request, *args, **kwargs)

    return wrapper


def install(api: NinjaAPI) -> None:
    """Apply :func:`refuse_unusable_keys` to the operations of ``api`` that take such keys."""
    api.add_decorator(refuse_unusable_keys, mode="operation")
