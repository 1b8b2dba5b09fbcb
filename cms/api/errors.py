"""A failure while the API builds its response is the server's error, never the client's ``422``.

django-ninja validates a response by reading the view's objects through
pydantic, and pydantic reports *any* exception raised while reading an
attribute as a validation error (``get_attribute_error``), which Wagtail's
handler would answer ``422 Validation failed``. Such errors are raised again
here, as the failure they stand for, for ``handler500`` (``cms/errors.py``): a
lost database gives ``503`` with ``Retry-After``, anything else a plain ``500``.
Validation errors of the client's input keep Wagtail's ``422``.
"""

from ninja import NinjaAPI
from pydantic import ValidationError

from home.api_output import raise_attribute_failure
from upstream_internals import exception_handler


def install(api: NinjaAPI) -> None:
    """Answer attribute-read failures as server errors; other validation errors keep Wagtail's ``422``."""
    # The handler Wagtail registered; bad input still goes to it.
    validation_error_handler = exception_handler(api, ValidationError)

    def handler(request, exc: ValidationError):
        raise_attribute_failure(exc)
        return validation_error_handler(request, exc)

    api.add_exception_handler(ValidationError, handler)
